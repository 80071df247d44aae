"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see
``env.py``); this module holds no secret and never turns ``DEBUG`` on. The
``dev``, ``test`` and ``production`` modules build on it.
"""

from pathlib import Path

import dj_database_url
from csp import constants as csp

from .env import env_list, env_networks, env_str
from .storage import private_storage_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Which kind of deployment this is; the demo seeder refuses "production".
LMS_ENVIRONMENT = "base"

DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

# The public address of the site, printed on certificates as the verification
# link and used by the Wagtail admin in notification emails.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "SIKAP Jakarta Pusat"

# The proxies (nginx on the same machine: 127.0.0.1) whose X-Forwarded-For
# header names the client. Only a request that comes from one of them is
# believed; anyone else's header is ignored. Every rate limit counts per client
# (lms/core/client_address.py, docs/deployment.md "Behind nginx"). Empty: the
# connection's own address counts, as when gunicorn faces the clients itself.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")

INSTALLED_APPS = [
    # Our apps come first so that their templates override Wagtail's.
    "home",
    "quizzes",
    "lms",
    "lms.apps.LmsUsersAppConfig",  # wagtail.users with our profile fields
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # Indonesian "3 menit yang lalu" in the admin
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The Content-Security-Policy header, from CONTENT_SECURITY_POLICY below.
    "csp.middleware.CSPMiddleware",
    # A lost database answers 503 "try again", not 500 (lms/core/db_faults.py).
    "lms.core.db_faults.DatabaseFaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.core.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# What pages may load and run (docs/security.md, "Content-Security-Policy"):
# scripts only as files from here, never inline, the admin included
# (lms/core/admin_scripts.py); styles may be inline (Wagtail's admin and the
# SVG charts set style attributes); images also as data: and blob: URIs
# (Wagtail's image editor); frames only from here and the two video hosts
# lessons embed (lms/core/sanitize.py); nothing may frame the site but itself.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF, csp.UNSAFE_INLINE],
        "img-src": [csp.SELF, "data:", "blob:"],
        "font-src": [csp.SELF, "data:"],
        "connect-src": [csp.SELF],
        "frame-src": [
            csp.SELF,
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": [csp.NONE],
        "base-uri": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.SELF],
    }
}

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Each domain of ``lms`` keeps its templates beside its code. They come
        # before the apps' folders, so a domain may also fill a slot another
        # part leaves (quizzes/includes/after_result.html, filled by certificates).
        "DIRS": [
            BASE_DIR / "lms" / domain / "templates"
            for domain in ("accounts", "learning", "events", "certificates", "reports")
        ],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lms.core.context_processors.site_shell",
            ],
            # Template tag libraries that live in a domain of ``lms`` rather
            # than in an app's ``templatetags`` package.
            "libraries": {
                "lms_tags": "lms.learning.templatetags",
                "certificate_tags": "lms.certificates.templatetags",
                "evaluation_tags": "lms.events.evaluation_tags",
            },
        },
    },
]

# Each worker keeps its connection for a minute and checks it (one SELECT 1) at
# the first query of a request, so a connection that died with a database
# restart is replaced before it fails a request (lms/core/db_faults.py handles the
# rest).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server then costs a request 5 s and a 503, not the
    # operating system's two minutes of TCP retries.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. A deferred transaction that has read
    # cannot wait for the writer before it and fails at once ("database is
    # locked"); BEGIN IMMEDIATE takes the write lock first, so writers queue for
    # up to ``timeout`` seconds instead. WAL lets reads go on during a write.
    # How many people this holds: docs/benchmarks.md ("SQLite room").
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts: participants log in with a username or their phone number.
AUTH_USER_MODEL = "lms.User"
AUTHENTICATION_BACKENDS = ["lms.accounts.auth_backends.UsernameOrPhoneBackend"]
# Argon2id with parameters sized for a hall logging in on two cores (see
# HallArgon2PasswordHasher and docs/deployment.md). The others stay so that
# older hashes (PBKDF2 before Argon2 was the default) still verify; Django
# rehashes them with the first hasher at the next successful login.
PASSWORD_HASHERS = [
    "lms.accounts.auth_backends.HallArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # private pages send people to our login
# After logging in, participants land on their events and what is left to do.
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "/"
AUTH_PASSWORD_VALIDATORS = [
    {
        # Our users have one full name and log in by phone: compare with those.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "full_name", "email", "phone")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: Bahasa Indonesia first, English selectable; Jakarta time.
# Wagtail's Indonesian catalogue is named id_ID; gettext expands "id" to it.
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("id", "Bahasa Indonesia")]
# Ours first, then lms/locale_wagtail: Indonesian for the admin strings that
# Wagtail's own id_ID catalogue leaves untranslated (see its README).
LOCALE_PATHS = [BASE_DIR / "lms" / "locale", BASE_DIR / "lms" / "locale_wagtail"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Issued certificates and print jobs: never served as plain media files.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # PRIVATE_MEDIA_ROOT (a shared disk for several app servers), or an
    # S3-compatible bucket with PRIVATE_STORAGE=s3 (lms/settings/storage.py).
    "private": private_storage_from_env(location=PRIVATE_MEDIA_ROOT),
}

# Wagtail's page editor posts one field per block; long modules exceed
# Django's default of 1,000.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work (bulk printing, imports) runs in `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "sikap@jakarta.go.id")

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_USER_LOGIN_FORM = "lms.accounts.admin_login.AdminLoginForm"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Nothing in the admin may call servers outside ours: no Gravatar avatars,
# no release check, no "what's new" feed.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILAPI_LIMIT_MAX = 50

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    # WeasyPrint logs every rendering step at INFO: noise, one line per step per PDF.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}

# Nothing frames our pages; Wagtail marks its own preview views SAMEORIGIN.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
