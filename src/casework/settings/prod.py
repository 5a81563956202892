"""Production: PostgreSQL via DATABASE_URL, secrets from the environment, HTTPS only.

`casework system-check --deploy --fail-level WARNING` passes with these settings (scripts/test.sh
runs it; `casework check` is the case-file reviewer, not Django's check).
"""

import os

from .base import *  # noqa: F403
from .base import env_bool

if not os.environ.get("SECRET_KEY") or not os.environ.get("DATABASE_URL"):
    raise RuntimeError("Production needs SECRET_KEY and DATABASE_URL in the environment.")

DEBUG = False

# HTTPS only. Behind a TLS-terminating proxy, it must set X-Forwarded-Proto (and strip any the
# client sent); SECURE_SSL_REDIRECT=0 only where the proxy itself redirects HTTP to HTTPS.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # one year
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload directive only matters once the registrable domain is submitted to the browsers'
# preload list; sending it is harmless until then. SECURE_HSTS_PRELOAD=0 leaves it out.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Cookies: HTTPS only, and the __Host- prefix pins them to this exact host and path.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-casework_session"
CSRF_COOKIE_NAME = "__Host-casework_csrftoken"
# Origins allowed to POST when they differ from the host (e.g. https://casework.force.police.uk).
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
