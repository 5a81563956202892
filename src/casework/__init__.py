"""Casework: case progression and file quality for police Criminal Justice Units."""

__version__ = "0.1.0"
