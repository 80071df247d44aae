"""An uploaded file kept between its preview and the confirmation that saves it.

Imports (participant lists, question banks) show a preview first; the bytes
wait in Django's cache (shared by every app server, expiring on its own) under
a random token, never in MEDIA, where they would outlive their use. An entry
is bound to the user who uploaded it and to what it is for (its ``scope``, such
as ``"event:12"``): anyone else holding the token gets the same answer as for
an expired one. After saving, the caller stores what the import did in the
same entry, and ``claim`` lets only one request save a given upload.
"""

import re
import secrets

from django.core.cache import cache

EXPIRES_AFTER = 60 * 60  # seconds
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


def keep(*, owner, scope: str, **entry) -> str:
    """Stores ``entry`` for an hour and returns its new token."""
    token = secrets.token_urlsafe(24)
    save(token, owner=owner, scope=scope, **entry)
    return token


def save(token: str, *, owner, scope: str, **entry) -> None:
    """Replaces what ``token`` holds (e.g. the file by what its import did)."""
    cache.set(
        _key(token), {**entry, "owner_id": owner.pk, "scope": scope}, EXPIRES_AFTER
    )


def load(token: str, *, owner, scope: str) -> dict | None:
    """What ``token`` holds if ``owner`` stored it for ``scope``; else None."""
    entry = cache.get(_key(token)) if _TOKEN.fullmatch(token or "") else None
    if entry is None or (entry["owner_id"], entry["scope"]) != (owner.pk, scope):
        return None
    return entry


def claim(token: str) -> bool:
    """True for the one request that may save this upload; False while another does."""
    return cache.add(_key(token) + ":saving", True, EXPIRES_AFTER)


def release(token: str) -> None:
    """Lets the upload be saved again (after a save that was refused or failed)."""
    cache.delete(_key(token) + ":saving")


def _key(token: str) -> str:
    return f"lms:pending-upload:{token}"
