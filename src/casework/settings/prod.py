"""Production: PostgreSQL via DATABASE_URL, secrets from the environment, HTTPS only."""

import os

from .base import *  # noqa: F403

if not os.environ.get("SECRET_KEY") or not os.environ.get("DATABASE_URL"):
    raise RuntimeError("Production needs SECRET_KEY and DATABASE_URL in the environment.")

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31536000
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
