"""Local and demo use: the embedded SQLite database in var/, served by `make run`."""

from .base import *  # noqa: F403
