"""An uploaded participant list, kept between preview and confirmation.

The organiser uploads once, reads the preview, then confirms; the file waits in
``lms.core.pending_uploads`` (a list of names and phone numbers must not outlive its
use in MEDIA), bound to the organiser and the event. After the import, the same
entry holds what the import did, so the result page and the login slips for the
new accounts can find it, and a second click on "Import" finds the import done
instead of running it again.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.core import pending_uploads
from lms.events.models import EventPage
from lms.events.participant_import.messages import RowError
from lms.events.participant_import.saving import ImportOutcome


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
    return pending_uploads.keep(
        owner=user, scope=_scope(event), filename=filename, data=data, result=None
    )


def load_upload(*, token: str, user: User, event: EventPage) -> StoredUpload:
    """The upload ``token`` names, if ``user`` made it for ``event``; else ``UploadExpired``."""
    entry = pending_uploads.load(token, owner=user, scope=_scope(event))
    if entry is None:
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
    pending_uploads.save(
        upload.token,
        owner=user,
        scope=_scope(event),
        filename=upload.filename,
        data=None,
        result=result,
    )


def claim_for_saving(upload: StoredUpload) -> bool:
    """True for the one request that may import this upload; False while another does."""
    return pending_uploads.claim(upload.token)


def release(upload: StoredUpload) -> None:
    """Lets the upload be imported again (after an import that was refused or failed)."""
    pending_uploads.release(upload.token)


def _scope(event: EventPage) -> str:
    return f"participant-import:event:{event.pk}"
