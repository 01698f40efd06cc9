"""Settings, read only from the environment.

With nothing set: a SQLite file beside the project and Celery in eager mode.
DATABASE_URL selects PostgreSQL; REDIS_URL selects the broker, result backend and cache.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from kombu import Queue

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default="False"):
    return os.getenv(name, default).lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.getenv(name, default))


def envlist(name, default=""):
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "False")
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # The Makefile's targets export a development key; a server must be given its own.
        raise ImproperlyConfigured("SECRET_KEY is not set: set it in the environment (or DEBUG=True on a "
                                   "developer's machine). See deploy/production.env.example.")
    SECRET_KEY = "dev-only-secret-key-change-me-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

# HTTPS: all off by default (the demo runs on plain http); deploy/production.env.example turns them on.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # health probes from the machine itself speak plain http
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE")
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE")
if envbool("SECURE_PROXY_SSL_HEADER"):
    # Only behind a proxy that sets X-Forwarded-Proto itself and strips what clients send.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Sessions end after this many seconds without a request (a working day by default); a request renews the
# session once this many seconds have passed since the last renewal (bhxh_targets/sessions.py).
SESSION_ENGINE = "bhxh_targets.sessions"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", "28800")
SESSION_REFRESH_SECONDS = envint("SESSION_REFRESH_SECONDS", "300")

# Content Security Policy (docs/SECURITY.md says why each source is there).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tables2",
    "django_filters",
    "django_celery_beat",
    "axes",
    "simple_history",
    "django_htmx",
    "enrollment",
    "agents",
]

MIDDLEWARE = [
    "bhxh_targets.timing.ServerTimingMiddleware",
    "bhxh_targets.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bhxh_targets.replica.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bhxh_targets.sessions.SlidingSessionMiddleware",
    "bhxh_targets.locale.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "enrollment.shared.access.ScopeDeclaredMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "bhxh_targets.urls"
WSGI_APPLICATION = "bhxh_targets.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "enrollment.shared.navigation.navigation",
            ],
            "libraries": {"table_rows": "bhxh_targets.table_rows"},
        },
    },
]

# Select boxes are written without a template per option (bhxh_targets/select_rendering.py).
FORM_RENDERER = "bhxh_targets.select_rendering.Renderer"

DATABASE_URL = os.getenv("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
                                                  conn_health_checks=True)}
    # A select box's choices are read with .iterator(): on a server-side cursor that is four round trips
    # (DECLARE, FETCH, FETCH, CLOSE) instead of one, for a few hundred rows. Also what PgBouncer needs.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.getenv("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            "OPTIONS": {"timeout": 20},
        }
    }
    # The participant list's index holds extra columns on PostgreSQL; SQLite (the demo) keeps its key columns.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
# Dashboards, tables and exports can read from a PostgreSQL replica (bhxh_targets/replica.py).
DATABASE_REPLICA_URL = os.getenv("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
                                                 conn_health_checks=True)
    DATABASES["replica"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASE_ROUTERS = ["bhxh_targets.replica.ReplicaRouter"]
# Responses carry the CPU their request took (bench/load.py reads it).
SERVER_TIMING = envbool("SERVER_TIMING", "False")
# After a write, the same browser reads the primary for this long (longer than the replica's lag).
REPLICA_PIN_SECONDS = envint("REPLICA_PIN_SECONDS", "10")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "enrollment.User"

REDIS_URL = os.getenv("REDIS_URL", "")
if REDIS_URL:
    # Tolerant of a Redis outage: pages fall back to the database (bhxh_targets/cache.py).
    CACHES = {"default": {"BACKEND": "bhxh_targets.cache.TolerantRedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Installations sharing one Redis keep their cached pages apart.
CACHES["default"]["KEY_PREFIX"] = os.getenv("CACHE_KEY_PREFIX", "")

CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", REDIS_URL) or "memory://"
CELERY_RESULT_BACKEND = os.getenv("CELERY_RESULT_BACKEND", REDIS_URL) or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not (os.getenv("CELERY_BROKER_URL") or REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# One queue per kind of job, so that each kind can have workers of its own (docs/DEPLOYMENT.md): a worker
# started without -Q consumes them all (one machine); `-Q recompute`, `-Q imports`, `-Q mail,celery` split them.
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_QUEUES = [Queue(name) for name in ("celery", "recompute", "imports", "mail")]
CELERY_TASK_ROUTES = {
    "enrollment.tasks.recompute_progress_*": {"queue": "recompute"},
    "enrollment.tasks.run_import_job": {"queue": "imports"},
    "enrollment.tasks.send_daily_digest": {"queue": "mail"},
}
# Progress snapshots: changes within this many seconds are recomputed together.
PROGRESS_DEBOUNCE_SECONDS = envint("PROGRESS_DEBOUNCE_SECONDS", "30")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "bhxh_targets.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes watches the login form: after AXES_FAILURE_LIMIT wrong passwords for one login from one
# address, that pair is locked for AXES_COOLOFF_MINUTES (docs/SECURITY.md: how to unlock).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "bhxh_targets.login_lockout.lockout_response"
# Behind TRUSTED_PROXY_COUNT proxies, the client's address is the one the first proxy added to X-Forwarded-For.
if envbool("SECURE_PROXY_SSL_HEADER"):
    AXES_CLIENT_IP_CALLABLE = "bhxh_targets.login_lockout.client_address"
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "1")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["bhxh_targets.formats"]
USE_I18N = True
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.getenv(
            "STATICFILES_BACKEND", "bhxh_targets.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.getenv("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "bhxh-targets@localhost")
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000")  # links in mails

# django-tables2's Bootstrap 5 template, its rows drawn in Python (bhxh_targets/table_rows.py), its pager
# in the user's language.
DJANGO_TABLES2_TEMPLATE = "tables/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table"}

# One line per record on stderr (the process manager keeps it), with the request id and the user;
# LOG_FILE adds a rotating file. Unhandled errors (logger django.request) reach both with their traceback.
LOG_FILE = os.getenv("LOG_FILE", "")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "bhxh_targets.request_log.RequestContextFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(user)s] %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "line",
                   "filters": ["request"]},
    },
    "root": {"handlers": ["stderr"], "level": os.getenv("LOG_LEVEL", "WARNING")},
    # Django's own console and mail handlers dropped: its records reach the root handlers once.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
if LOG_FILE:
    LOGGING["handlers"]["file"] = {
        "class": "logging.handlers.RotatingFileHandler", "filename": LOG_FILE, "formatter": "line",
        "filters": ["request"], "maxBytes": envint("LOG_FILE_MAX_BYTES", str(10 * 1024 * 1024)),
        "backupCount": envint("LOG_FILE_BACKUPS", "10"), "encoding": "utf-8",
    }
    LOGGING["root"]["handlers"].append("file")

# Dashboards colour each unit by its share of the phased plan to date (docs/PROGRESS.md, "Status
# colours"): green from "green" percent up, amber from "amber" percent up to green, red below amber.
# The percent is compared as shown, rounded to one decimal.
PROGRESS_STATUS_THRESHOLDS = {
    "green": envint("PROGRESS_STATUS_GREEN_PERCENT", 95),
    "amber": envint("PROGRESS_STATUS_AMBER_PERCENT", 85),
}

# Agents: an agent staff member below this share of their monthly quota for this many consecutive
# months is flagged for contract review (docs/AGENTS.md).
AGENTS_REVIEW_THRESHOLD_PERCENT = envint("AGENTS_REVIEW_THRESHOLD_PERCENT", 50)
AGENTS_REVIEW_MONTHS = envint("AGENTS_REVIEW_MONTHS", 3)
# Agent staff may correct or delete the results they logged on the phone page for this many days back.
AGENTS_RESULT_CORRECTION_DAYS = envint("AGENTS_RESULT_CORRECTION_DAYS", 7)
# A reported new enrollee and a first payment in the register this many days apart can be the same person
# (docs/AGENTS.md, counting rule).
AGENTS_CLAIM_DAYS = envint("AGENTS_CLAIM_DAYS", 30)

# Reliability (docs/RELIABILITY.md). Background jobs write a heartbeat every JOB_HEARTBEAT_SECONDS; one
# silent for JOB_STALE_AFTER_SECONDS lost its worker; a waiting job not started JOB_OVERDUE_AFTER_SECONDS
# after it was due lost its task. The sweeper (beat, every minute) queues them again, up to JOB_MAX_ATTEMPTS.
JOB_HEARTBEAT_SECONDS = envint("JOB_HEARTBEAT_SECONDS", 10)
JOB_STALE_AFTER_SECONDS = envint("JOB_STALE_AFTER_SECONDS", 120)
JOB_OVERDUE_AFTER_SECONDS = envint("JOB_OVERDUE_AFTER_SECONDS", 90)
JOB_MAX_ATTEMPTS = envint("JOB_MAX_ATTEMPTS", 5)
# Dashboards turn amber, and /healthz answers 503, when the last finished recompute is older than this
# or a change has waited longer than this for the figures.
PROGRESS_STALE_AFTER_HOURS = envint("PROGRESS_STALE_AFTER_HOURS", 26)
PROGRESS_WAITING_ALERT_MINUTES = envint("PROGRESS_WAITING_ALERT_MINUTES", 10)
# "Compute this day" on a dashboard reaches back at most this many years (and not before the first payment).
PROGRESS_ON_DEMAND_YEARS = envint("PROGRESS_ON_DEMAND_YEARS", 10)
# Celery through broker faults: a worker keeps reconnecting however long Redis is away; a message whose
# worker died is delivered again after the visibility timeout (longer than the longest run); publishing
# gives up quickly (the database keeps the work and the sweeper queues it again).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", 4 * 3600),
                                   "socket_connect_timeout": 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_REDIS_SOCKET_TIMEOUT = 5
# Access policy (docs/ACCESS_POLICY.md): how often one user may ask whether a personal ID is registered.
PARTICIPANT_LOOKUP_RATE = os.getenv("PARTICIPANT_LOOKUP_RATE", "30/m")
# Imports (docs/ACCESS_POLICY.md#upload-limits): what one uploaded file may hold and cost the worker.
IMPORT_MAX_UPLOAD_MB = envint("IMPORT_MAX_UPLOAD_MB", 20)
IMPORT_MAX_XLSX_UNPACKED_MB = envint("IMPORT_MAX_XLSX_UNPACKED_MB", 200)
IMPORT_MAX_ROWS = envint("IMPORT_MAX_ROWS", 200_000)
IMPORT_MAX_COLUMNS = envint("IMPORT_MAX_COLUMNS", 100)
IMPORT_MAX_CELL_CHARS = envint("IMPORT_MAX_CELL_CHARS", 10_000)
IMPORT_MAX_SECONDS = envint("IMPORT_MAX_SECONDS", 600)
# On PostgreSQL, imports that can be checked as a whole in SQL are (the demo's SQLite checks row by row).
IMPORT_IN_BULK = envbool("IMPORT_IN_BULK", "True")
# History of participants, payments, plans, quotas, officers and agents (django-simple-history): read-only.
SIMPLE_HISTORY_REVERT_DISABLED = True
