"""Public verification of a certificate by its code: what anyone may see, and
whether a PDF someone holds is the one that was issued (promise 8, docs/architecture.md).

The page is public, so it shows only what the certificate itself prints for
everyone to read (name, event, date, number) plus the SHA-256 of the issued
file; never the phone number, username or where the participant lives. Of a
revocation it shows the date and the public reason's label, never the
organisers' note. Lookups
are rate-limited per client address so that nobody can walk the code space or
scrape the register, even though 128-bit codes make guessing hopeless anyway.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from lms.certificates.models import Certificate

LOOKUPS_PER_WINDOW = 30
WINDOW_SECONDS = 60
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class VerificationResult:
    """Everything the public page may show about one certificate, and nothing else."""

    status: str  # "valid", "pending", "revoked" or "replaced"
    name: str
    event_title: str
    event_dates: str
    number: str
    issued_at: datetime
    sha256: str
    revoked_at: datetime | None
    public_reason: str  # the label of Certificate.PublicReason, or ""


def find_certificate(code: str) -> Certificate | None:
    """The certificate with this verification code, or None for any unknown code."""
    return (
        Certificate.objects.filter(verification_code=code)
        .select_related("replaced_by")
        .first()
    )


def verification_result(certificate: Certificate) -> VerificationResult:
    """The public view of a certificate: its state and the printed facts only."""
    if certificate.is_valid:
        # Valid once its file is stored: until then there is nothing to vouch for.
        status = "valid" if certificate.is_rendered else "pending"
    elif _has_replacement(certificate):
        status = "replaced"
    else:
        status = "revoked"
    snapshot = certificate.snapshot
    return VerificationResult(
        status=status,
        name=snapshot.get("name", ""),
        event_title=snapshot.get("event_title", ""),
        event_dates=snapshot.get("event_dates", ""),
        number=certificate.number,
        issued_at=certificate.issued_at,
        sha256=certificate.sha256,
        revoked_at=certificate.revoked_at,
        public_reason=certificate.get_revoke_public_reason_display(),
    )


def _has_replacement(certificate: Certificate) -> bool:
    try:
        return certificate.replaced_by is not None
    except Certificate.DoesNotExist:
        return False


def sha256_of_chunks(chunks) -> str:
    """The hex SHA-256 of a file read in chunks, so a 10 MB upload is never copied whole."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def hash_matches(certificate: Certificate, sha256_hex: str) -> bool:
    """Whether a file's hash is the issued one (constant time: no timing hints)."""
    return hmac.compare_digest(sha256_hex.lower(), certificate.sha256.lower())


@dataclass(frozen=True)
class FileVerdict:
    """What the page says first after an upload: a notice's kind, title and text."""

    kind: str  # "success", "warning" or "error", as the notice styles them
    title: str
    text: str


def file_verdict(*, matches: bool, status: str) -> FileVerdict:
    """The verdict on an uploaded PDF, worded for someone deciding whether to accept it.

    A mismatch must not read as "the certificate is fake": the record can be
    valid while the file in hand was altered, and the holder may have the
    original. A match on a revoked or replaced certificate is no green light.
    """
    if not matches:
        if status == "valid":
            text = _(
                "It differs from the issued file: it was changed, or it is another "
                "file. Do not accept it as proof. The certificate record itself is "
                "valid (details below): ask the holder for the original PDF."
            )
        else:
            text = _(
                "It differs from the issued file: it was changed, or it is another "
                "file. Do not accept it as proof."
            )
        return FileVerdict(
            "error", _("This file is not the certificate that was issued."), text
        )
    if status == "valid":
        return FileVerdict(
            "success",
            _("This file is the certificate that was issued."),
            _("It is the issued file byte for byte, and the certificate is valid."),
        )
    return FileVerdict(
        "warning",
        _("This file is the certificate that was issued, but it is no longer valid."),
        _("See below when and why."),
    )


def allow_lookup(client: str) -> bool:
    """Counts one lookup by ``client``; False once it passes the limit for this window.

    A fixed window in the shared cache: every app server sees the same count,
    and the count expires by itself. ``cache.add`` then ``incr`` is atomic on
    the database and memcached/Redis caches, so concurrent lookups cannot slip
    past the limit together.
    """
    window = int(time.time() // WINDOW_SECONDS)
    key = (
        "certificate-verify:"
        + hashlib.sha256(f"{client}:{window}".encode()).hexdigest()
    )
    cache.add(key, 0, WINDOW_SECONDS + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first lookup
        cache.set(key, 1, WINDOW_SECONDS + 1)
        count = 1
    return count <= LOOKUPS_PER_WINDOW
