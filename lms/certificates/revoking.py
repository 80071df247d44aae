"""Revoking and re-issuing certificates: nothing is deleted.

A revoked certificate keeps its row and file, with when, by whom and why: a
public reason from ``Certificate.PublicReason``, the only one the verification
page shows, and the organiser's private note. A re-issue is a new version of the same series and
sequence, its number suffixed, pointing back at the old one, which it
revokes. See ``docs/certificates.md``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.certificates import audit
from lms.certificates.eligibility import (
    CertificateRefused,
    _clean_reason,
    qualification,
)
from lms.certificates.models import Certificate
from lms.certificates.saving import _numbered, render_certificate, template_for
from lms.core.audit import log_audit


def _locked_valid(certificate: Certificate) -> Certificate:
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not locked.is_valid:
        raise CertificateRefused(
            _("Certificate %(number)s is already revoked.") % {"number": locked.number}
        )
    return locked


def _required_reason(reason: str) -> str:
    reason = _clean_reason(reason)
    if not reason:
        raise CertificateRefused(_("Say why."))
    return reason


def _known_public_reason(public_reason: str) -> str:
    if public_reason not in Certificate.PublicReason.values:
        raise CertificateRefused(_("Choose the public reason from the list."))
    return public_reason


def _revoke(
    certificate: Certificate, *, by: User, public_reason: str, note: str
) -> Certificate:
    """Locks ``certificate``, refuses if already revoked, and records the revocation."""
    certificate = _locked_valid(certificate)
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_public_reason = public_reason
    certificate.revoke_note = note
    certificate.save(
        update_fields=[
            "revoked_at",
            "revoked_by",
            "revoke_public_reason",
            "revoke_note",
        ]
    )
    return certificate


@transaction.atomic
def revoke_certificate(
    *, certificate: Certificate, by: User, public_reason: str, note: str = ""
) -> Certificate:
    """Revokes ``certificate``; the row and its file stay on record.

    ``public_reason`` (a ``Certificate.PublicReason``) is what the verification
    page says, with the date; ``note`` is for organisers only, so it may be
    frank about who or what went wrong.
    """
    public_reason = _known_public_reason(public_reason)
    note = _clean_reason(note)
    revoked = _revoke(certificate, by=by, public_reason=public_reason, note=note)
    log_audit(revoked, audit.REVOKE, by=by, number=revoked.number)
    return revoked


def reissued_number(number: str, *, old_version: int, new_version: int) -> str:
    """``001/SERT/KEG12/IX/2023`` becomes ``…/2023-R2``, and ``…-R2`` becomes ``…-R3``."""
    base = number.removesuffix(f"-R{old_version}") if old_version > 1 else number
    return f"{base}-R{new_version}"


@transaction.atomic
def reissue_certificate(
    *, certificate: Certificate, by: User, reason: str
) -> Certificate:
    """Replaces ``certificate`` with a new version rendered from today's data.

    For a certificate that printed something wrong (a misspelt name, fixed on
    the account first): same series and sequence, the number with a suffix,
    a new verification code and file. The old one is revoked, publicly as
    "replaced", with ``reason`` as the organisers' note (and the new one's
    reason for issuing), and points to the new one (``replaced_by``). It takes no new number, so it
    renders inside its transaction, holding only the old certificate's row:
    a render that fails changes nothing.
    """
    return render_certificate(
        certificate=_replace(certificate=certificate, by=by, reason=reason)
    )


def _replace(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    reason = _required_reason(reason)
    old = _revoke(
        certificate,
        by=by,
        public_reason=Certificate.PublicReason.REPLACED,
        note=reason,
    )
    user, event, quiz = old.user, old.event, old.quiz
    earned = qualification(user=user, event=event, quiz=quiz)
    version = old.version + 1
    new = _numbered(
        user=user,
        event=event,
        quiz=quiz,
        template=template_for(event),
        series=old.series,
        sequence=old.sequence,
        version=version,
        number=reissued_number(
            old.number, old_version=old.version, new_version=version
        ),
        score=earned.score,
        method=Certificate.Method.MANUAL,
        issued_by=by,
        issue_reason=reason,
        replaces=old,
    )
    log_audit(new, audit.REISSUE, by=by, number=new.number, replaced=old.number)
    return new
