"""The test suite: SQLite in memory by default, PostgreSQL when DATABASE_URL says so."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
DEBUG = False

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Tests never write into the developer's var/ (demo credentials, media): a folder of their own.
VAR_DIR = Path(os.environ.get("CASEWORK_VAR") or tempfile.mkdtemp(prefix="casework-test-"))
MEDIA_ROOT = VAR_DIR / "media"
