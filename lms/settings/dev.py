"""Settings for a developer's machine and the `make run` demo."""

import re

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .env import env_list, env_str

LMS_ENVIRONMENT = "development"
DEBUG = True

# A fixed key only for local development; production refuses to start without
# its own DJANGO_SECRET_KEY.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "django-insecure-local-development-only")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# `make run` serves on $PORT and passes it on (Makefile), so that every address
# made from SITE_URL (the hall screen's QR code, the registration poster, login
# slips, certificates) leads to the server that is running. SITE_URL in the
# environment still wins.
port = env_str("PORT", "8000")
if not re.fullmatch(r"[0-9]{1,5}", port) or not 0 < int(port) < 65536:
    raise ImproperlyConfigured(f"PORT must be a number from 1 to 65535; got {port!r}.")
SITE_URL = env_str("SITE_URL", f"http://127.0.0.1:{port}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

# `make run` starts no task worker, so background work (Wagtail's search index
# updates, later bulk printing) runs inside the request that asks for it.
# Production runs `manage.py db_worker` with the database backend from base.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Run in the request, each task would log two lines ("state=RUNNING",
# "state=SUCCESSFUL"): hundreds while seed_demo publishes the demo pages.
LOGGING = {
    **LOGGING,
    "loggers": {**LOGGING["loggers"], "django_tasks": {"level": "WARNING"}},
}
