"""An uploaded participant list, kept between preview and confirmation.

The organiser uploads once, reads the preview, then confirms; the file's bytes
wait in Django's cache (shared by every app server, expiring on its own) under
a random token, never in MEDIA, where a list of names and phone numbers would
outlive its use. The token is bound to the organiser and the event it was
uploaded for: anyone else holding it gets the same answer as for an expired
one. After the import, the same entry holds what the import did, so the result
page and the login slips for the new accounts can find it, and a second click
on "Import" finds the import done instead of running it again.
"""

import re
import secrets
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from lms.models import EventPage, User

from .messages import RowError
from .saving import ImportOutcome

EXPIRES_AFTER = 60 * 60  # seconds
SAVING_LOCK_SECONDS = EXPIRES_AFTER
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")


class UploadExpired(Exception):
    """The token is unknown, expired, or someone else's; ``message`` says what to do."""

    message = _(
        "This upload has expired or was not made by you for this event. "
        "Upload the file again."
    )


@dataclass(frozen=True)
class ImportResult:
    """What an import did, as the result page and the login slips need it."""

    created_ids: list[int]
    updated_count: int
    unchanged_count: int
    enrolled_count: int
    skipped: list[tuple[int, list[RowError]]]  # (line, its errors)

    @property
    def created_count(self) -> int:
        return len(self.created_ids)

    @classmethod
    def of(cls, outcome: ImportOutcome) -> "ImportResult":
        return cls(
            created_ids=[user.pk for user in outcome.created],
            updated_count=len(outcome.updated),
            unchanged_count=len(outcome.unchanged),
            enrolled_count=outcome.enrolled,
            skipped=[(row.line, row.errors) for row in outcome.skipped],
        )


@dataclass(frozen=True)
class StoredUpload:
    """An upload as kept: the file until the import, then what the import did."""

    token: str
    filename: str
    data: bytes | None
    result: ImportResult | None


def store_upload(*, data: bytes, filename: str, user: User, event: EventPage) -> str:
    """Keeps the file for an hour and returns its new token."""
    token = secrets.token_urlsafe(24)
    _save(token, user, event, filename=filename, data=data, result=None)
    return token


def load_upload(*, token: str, user: User, event: EventPage) -> StoredUpload:
    """The upload ``token`` names, if ``user`` made it for ``event``; else ``UploadExpired``."""
    entry = cache.get(_key(token)) if _TOKEN.fullmatch(token or "") else None
    if entry is None or (entry["user_id"], entry["event_id"]) != (user.pk, event.pk):
        raise UploadExpired
    return StoredUpload(
        token=token,
        filename=entry["filename"],
        data=entry["data"],
        result=entry["result"],
    )


def store_result(
    *, upload: StoredUpload, result: ImportResult, user: User, event: EventPage
) -> None:
    """Replaces the file with what its import did (the file is not needed again)."""
    _save(upload.token, user, event, filename=upload.filename, data=None, result=result)


def claim_for_saving(upload: StoredUpload) -> bool:
    """True for the one request that may import this upload; False while another does."""
    return cache.add(_key(upload.token) + ":saving", True, SAVING_LOCK_SECONDS)


def release(upload: StoredUpload) -> None:
    """Lets the upload be imported again (after an import that was refused or failed)."""
    cache.delete(_key(upload.token) + ":saving")


def _save(token, user, event, **entry) -> None:
    entry.update(user_id=user.pk, event_id=event.pk)
    cache.set(_key(token), entry, EXPIRES_AFTER)


def _key(token: str) -> str:
    return f"lms:participant-import:{token}"
