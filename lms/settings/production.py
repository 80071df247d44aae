"""Settings for a real deployment behind a TLS-terminating proxy.

Refuses to start without its secrets, and passes ``manage.py check --deploy``
as configured by default. ``DJANGO_HTTPS=0`` exists only for trying the
production stack on a laptop over plain HTTP (``make serve``); it weakens the
cookie and HSTS settings, and ``check --deploy`` will say so.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .env import env_bool, env_list, env_required

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
CSRF_TRUSTED_ORIGINS = [SITE_URL]

HTTPS = env_bool("DJANGO_HTTPS", True)
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
