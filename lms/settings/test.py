"""Settings for the test suite: fast hashing, in-memory cache, tasks run inline."""

from .base import *

LMS_ENVIRONMENT = "test"
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".pytest_cache" / "media"
PRIVATE_MEDIA_ROOT = BASE_DIR / ".pytest_cache" / "private"
# Always a local folder here, whatever PRIVATE_STORAGE the shell has.
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}
LOGGING = {"version": 1, "disable_existing_loggers": False}
