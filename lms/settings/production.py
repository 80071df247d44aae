"""Settings for a real deployment behind a TLS-terminating proxy.

Refuses to start without its secrets, and passes ``manage.py check --deploy``
as configured by default. ``DJANGO_HTTPS=0`` exists only for trying the
production stack on a laptop over plain HTTP (``make serve``); it weakens the
cookie and HSTS settings, and ``check --deploy`` will say so.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .env import env_bool, env_list, env_required, env_str

LMS_ENVIRONMENT = "production"
DEBUG = False

SECRET_KEY = env_required(
    "DJANGO_SECRET_KEY",
    "Production needs a long random secret, e.g. the output of "
    "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`.",
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. Give the host names this site answers "
        "to, comma-separated, e.g. sikap.jakarta.go.id."
    )
HTTPS = env_bool("DJANGO_HTTPS", True)

# Certificates print SITE_URL in their verification link, for good: it must
# never fall back to a development address. Without it, the first allowed
# host over HTTPS is the public address.
SITE_URL = env_str("SITE_URL").rstrip("/")
if not SITE_URL:
    if ALLOWED_HOSTS[0].startswith(".") or "*" in ALLOWED_HOSTS[0]:
        raise ImproperlyConfigured(
            "SITE_URL is not set and the first of DJANGO_ALLOWED_HOSTS is a "
            "pattern. Set SITE_URL to the public address, e.g. https://sikap.jakarta.go.id."
        )
    SITE_URL = f"{'https' if HTTPS else 'http'}://{ALLOWED_HOSTS[0]}"
if HTTPS and not SITE_URL.startswith("https://"):
    raise ImproperlyConfigured(f"SITE_URL must start with https:// (got {SITE_URL!r}).")
WAGTAILADMIN_BASE_URL = SITE_URL
CSRF_TRUSTED_ORIGINS = [SITE_URL]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS

# gunicorn serves static files itself, compressed and cache-busted.
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware must stay first
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Shared by every app server, since login failure counts live here; create it
# once with `manage.py createcachetable`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "lms_cache",
    }
}
