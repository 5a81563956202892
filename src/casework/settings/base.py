"""Settings shared by every environment, driven by environment variables.

`DATABASE_URL` selects the database (default: the embedded SQLite file in `var/`);
`CASEWORK_FORCE_NAME` and `CASEWORK_PROTECTIVE_MARKING` set what every page shows.
"""

import os
import secrets
from pathlib import Path

import dj_database_url

# The project root holds var/ (database, secret key, media) when run from a checkout.
PROJECT_ROOT = Path(os.environ.get("CASEWORK_HOME", Path(__file__).resolve().parents[3]))
VAR_DIR = Path(os.environ.get("CASEWORK_VAR", PROJECT_ROOT / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """Use SECRET_KEY from the environment, else a key generated once and kept in var/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("CASEWORK_DEBUG")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "casework.people",
    "casework.accounts",
    "casework.reference",
    "casework.cases",
    "casework.interchange",
    "casework.reviews",
    "casework.deadlines",
    "casework.audit",
    "casework.reporting",
    "django_tasks",
    "django_tasks_db",
    "casework.demo",
    "casework.ui",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response, static files included (casework.accounts).
    "casework.accounts.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Sign out after CASEWORK_SESSION_IDLE_MINUTES idle or SESSION_COOKIE_AGE signed in; then
    # hold back users who owe a two-factor code (or must set up an authenticator app).
    "casework.accounts.middleware.SessionTimeoutMiddleware",
    "casework.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A restricted case reached by a page or form: the break-glass page, never an error.
    "casework.ui.middleware.RestrictedCaseMiddleware",
]

ROOT_URLCONF = "casework.urls"
WSGI_APPLICATION = "casework.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "casework.ui.context_processors.casework",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'casework.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while a long import or demo seed writes.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "people.User"
LOGIN_URL = "ui:login"
LOGIN_REDIRECT_URL = "ui:home"
LOGOUT_REDIRECT_URL = "ui:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "casework.accounts.validators.PersonalDetailsValidator"},
    {"NAME": "casework.accounts.validators.CharacterVarietyValidator"},
]

# Sign-in throttling (casework.accounts): a user name is locked for LOCKOUT minutes after
# USER_FAILURES failed attempts within WINDOW minutes; an IP address after IP_FAILURES.
CASEWORK_LOGIN_USER_FAILURES = int(os.environ.get("CASEWORK_LOGIN_USER_FAILURES", "5"))
CASEWORK_LOGIN_IP_FAILURES = int(os.environ.get("CASEWORK_LOGIN_IP_FAILURES", "20"))
CASEWORK_LOGIN_WINDOW_MINUTES = int(os.environ.get("CASEWORK_LOGIN_WINDOW_MINUTES", "15"))
CASEWORK_LOGIN_LOCKOUT_MINUTES = int(os.environ.get("CASEWORK_LOGIN_LOCKOUT_MINUTES", "15"))
# How many reverse proxies in front of Casework append to X-Forwarded-For (0: use REMOTE_ADDR).
# Set it only when it is true: otherwise a client could choose its own address for throttling.
CASEWORK_TRUSTED_PROXIES = int(os.environ.get("CASEWORK_TRUSTED_PROXIES", "0"))
# Roles that must use an authenticator app (staff and superusers must too, whatever their role).
CASEWORK_TWO_FACTOR_ROLES = ["administrator", "auditor"]
CSRF_FAILURE_VIEW = "casework.accounts.views.csrf_failure"

LANGUAGE_CODE = "en-gb"
# Legal dates are Europe/London dates; timestamps are stored as aware UTC.
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Only production runs collectstatic (into STATIC_ROOT); elsewhere files are served from the apps.
STATIC_ROOT = os.environ.get("STATIC_ROOT") or None
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the app folders: no collectstatic step is needed for `make run`.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Sessions end 8 hours after signing in whatever the user does (SessionTimeoutMiddleware enforces
# it: Django alone would extend a session each time it is saved), after
# CASEWORK_SESSION_IDLE_MINUTES without a request, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
CASEWORK_SESSION_IDLE_MINUTES = int(os.environ.get("CASEWORK_SESSION_IDLE_MINUTES", "30"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CASEWORK_FORCE_NAME = os.environ.get("CASEWORK_FORCE_NAME", "West Midlands Police")
CASEWORK_FORCE_CODE = os.environ.get("CASEWORK_FORCE_CODE", "20")
CASEWORK_PROTECTIVE_MARKING = os.environ.get("CASEWORK_PROTECTIVE_MARKING", "OFFICIAL-SENSITIVE")
# The National File Standard requirements table in force (see casework.rules.quality.requirements).
CASEWORK_NFS_TABLE = os.environ.get("CASEWORK_NFS_TABLE", "DG6-2020")
# Training needs: a failing "recurs" for an officer, team or supervisor when at least this many of
# their cases failed in the same area in the period (local choices; the dashboard can change both)...
CASEWORK_TRAINING_THRESHOLD = int(os.environ.get("CASEWORK_TRAINING_THRESHOLD", "3"))
# ... and those cases are at least this share (per cent) of their files assessed in the period.
CASEWORK_TRAINING_SHARE = int(os.environ.get("CASEWORK_TRAINING_SHARE", "10"))
# The performance dashboard counts stored facts, first collecting again those of cases changed
# since; when more cases than this are out of date (after a bulk load or a change of service
# levels, until `casework nightly`'s job has run) it counts them live instead: same figures, slower.
CASEWORK_REPORT_REFRESH_LIMIT = int(os.environ.get("CASEWORK_REPORT_REFRESH_LIMIT", "5000"))
# The last year the deadlines calendar counts: past the GOV.UK list (shipped to 2028), the years
# up to this one take the regular bank holidays from the `holidays` package's rules. A date after
# it cannot be computed, and the bank holiday admin page warns two years ahead.
CASEWORK_CALENDAR_LAST_YEAR = int(os.environ.get("CASEWORK_CALENDAR_LAST_YEAR", "2035"))

# Background jobs: stored in the database and run by `casework db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("CASEWORK_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
