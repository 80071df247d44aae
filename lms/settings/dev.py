"""Settings for a developer's machine and the `make run` demo."""

from .base import *
from .env import env_list, env_str

LMS_ENVIRONMENT = "development"
DEBUG = True

# A fixed key only for local development; production refuses to start without
# its own DJANGO_SECRET_KEY.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "django-insecure-local-development-only")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

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
