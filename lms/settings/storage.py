"""Where issued certificates and print files are kept, chosen by the environment.

They are private: only views that check who asks serve them, streamed through
Django's storage API (lms/certificates/views.py, print_admin.py). One app server
keeps them in ``PRIVATE_MEDIA_ROOT``; several share them on a shared disk (the
same variable pointed at it) or in an S3-compatible bucket with
``PRIVATE_STORAGE=s3`` (docs/deployment.md, "Several app servers").
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .env import env_required, env_str

FILE_SYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "storages.backends.s3.S3Storage"

# The canned ACLs that keep an object to the bucket's owner. Amazon's buckets
# with ACLs disabled (their default, "bucket owner enforced") refuse any other
# ACL on upload, "private" included; S3-compatible services expect "private".
PRIVATE_ACLS = ("private", "bucket-owner-full-control")

_WHY_BUCKET = (
    "PRIVATE_STORAGE=s3 keeps issued certificates in that bucket "
    '(docs/deployment.md, "Several app servers").'
)


def private_storage_from_env(*, location: Path) -> dict:
    """The ``STORAGES["private"]`` entry: a local folder, or a bucket if asked for.

    Checked at start-up, so a server with half its bucket settings refuses to
    start instead of failing at the first certificate it issues.
    """
    kind = env_str("PRIVATE_STORAGE", "local").lower()
    if kind == "local":
        return {"BACKEND": FILE_SYSTEM_BACKEND, "OPTIONS": {"location": location}}
    if kind == "s3":
        return {"BACKEND": S3_BACKEND, "OPTIONS": _s3_options()}
    raise ImproperlyConfigured(
        f"PRIVATE_STORAGE must be 'local' or 's3'; got {kind!r}."
    )


def _s3_options() -> dict:
    """django-storages' options for a private bucket that nobody reads directly.

    Without keys, boto3 finds credentials the usual way (an instance role, a
    profile); one key without the other is a typo, not a choice.
    """
    access_key = env_str("AWS_ACCESS_KEY_ID")
    secret_key = env_str("AWS_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither to "
            "let the server's role or profile provide them."
        )
    acl = env_str("AWS_DEFAULT_ACL", "private")
    if acl not in PRIVATE_ACLS:
        raise ImproperlyConfigured(
            f"AWS_DEFAULT_ACL must be one of {', '.join(PRIVATE_ACLS)}: issued "
            f"certificates are never public; got {acl!r}."
        )
    return {
        "bucket_name": env_required("AWS_STORAGE_BUCKET_NAME", _WHY_BUCKET),
        # Empty means Amazon S3 itself; any S3-compatible service names its own.
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "access_key": access_key or None,
        "secret_key": secret_key or None,
        # Every object private, and any URL ever made for one signed and
        # short-lived: a custom domain would turn signing off.
        "default_acl": acl,
        "querystring_auth": True,
        "custom_domain": None,
        # An issued file is never replaced under its name (promise 7,
        # docs/architecture.md): a clash gets a new name, as on disk.
        "file_overwrite": False,
    }
