"""Settings shared by every environment.

Values that differ between machines come from the environment; nothing secret has a
default here. See https://docs.djangoproject.com/en/5.2/ref/settings/.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("JAMKOLL_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
ALLOWED_HOSTS: list[str] = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()
]

# --- Applications -------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/applications/
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "csp",
    # Before django_tasks_db: its `db_worker` command is replaced by one with heartbeats.
    "jamkoll.core",
    "django_tasks",
    "django_tasks_db",
    "jamkoll.accounts",
    "jamkoll.audit",
    "jamkoll.organisations",
    "jamkoll.members",
    "jamkoll.meetings",
    "jamkoll.cases",
    "jamkoll.result_requests",
    "jamkoll.reviews",
    "jamkoll.indicators",
    "jamkoll.surveys",
    "jamkoll.reports",
    # The board level: every board side by side and each board's page.
    "jamkoll.boards",
    "jamkoll.dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control: private, no-store on every dynamic response (not static files).
    "jamkoll.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jamkoll.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "jamkoll.core.middleware.SiteAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout and absolute lifetime of a login (jamkoll.core.sessions).
    "jamkoll.core.sessions.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "jamkoll.organisations.middleware.ActiveOrganisationMiddleware",
    "axes.middleware.AxesMiddleware",
    # A form sent twice (double click, retry) is handled once; keep last (process_view).
    "jamkoll.core.idempotency.IdempotentSubmitMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.i18n",
                "jamkoll.organisations.context_processors.active_organisation",
                "jamkoll.dashboard.context_processors.navigation",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
# SQLite by default; PostgreSQL (or any other) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'jamkoll.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -----------------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/auth/passwords/
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling (django-axes): five failures lock the username+address for 15 min.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind the reverse proxy the lockout counts the real client (core.middleware.client_ip).
AXES_CLIENT_IP_CALLABLE = "jamkoll.core.middleware.client_ip"
# Addresses/CIDR of reverse proxies whose X-Forwarded-For is believed (docs/deploy.md).
JAMKOLL_TRUSTED_PROXIES: list[str] = [
    p.strip()
    for p in os.environ.get("JAMKOLL_TRUSTED_PROXIES", "").split(",")
    if p.strip()
]

# Sessions end after an idle period and after an absolute lifetime (core.sessions).
JAMKOLL_SESSION_IDLE_MINUTES = int(os.environ.get("JAMKOLL_SESSION_IDLE_MINUTES", "60"))
JAMKOLL_SESSION_MAX_HOURS = int(os.environ.get("JAMKOLL_SESSION_MAX_HOURS", "12"))
# The cookie dies with the absolute lifetime (Django's default is 14 days).
SESSION_COOKIE_AGE = JAMKOLL_SESSION_MAX_HOURS * 3600

# --- Internationalisation -----------------------------------------------------------
# https://docs.djangoproject.com/en/5.2/topics/i18n/
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
TIME_ZONE = "Europe/Stockholm"
FORMAT_MODULE_PATH = ["jamkoll.formats"]
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static files and uploads -------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploaded documents and attachments live outside the web root and are served only by
# views that check permissions; there is deliberately no MEDIA_URL route.
MEDIA_ROOT = Path(os.environ.get("JAMKOLL_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
JAMKOLL_MAX_UPLOAD_BYTES = int(
    os.environ.get("JAMKOLL_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
)

# --- Background work (django-tasks with its database backend) -----------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Worker heartbeats: a RUNNING task whose worker is silent this long is retried or failed.
JAMKOLL_WORKER_HEARTBEAT_SECONDS = 5
JAMKOLL_WORKER_STALE_SECONDS = int(os.environ.get("JAMKOLL_WORKER_STALE_SECONDS", "60"))
# E-mail tasks: seconds before attempts 2, 3, 4 and 5; the fifth failure ends FAILED.
JAMKOLL_MAIL_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60)

# --- E-mail -------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Jämkoll <noreply@localhost>")
# The site's address for links in e-mail ("https://jamkoll.kommun.se"). Required in
# production; when empty (development) links use the host the request came to.
JAMKOLL_BASE_URL = os.environ.get("JAMKOLL_BASE_URL", "").strip()

# --- Security headers ---------------------------------------------------------------
# https://django-csp.readthedocs.io/ — no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- External services --------------------------------------------------------------
KOLADA_BASE_URL = os.environ.get("KOLADA_BASE_URL", "https://api.kolada.se/v3/")

# --- Logging ------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"jamkoll": {"level": "INFO"}},
}
ADMIN_URL = os.environ.get("JAMKOLL_ADMIN_URL", "support-admin/")
