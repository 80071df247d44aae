"""Revoking and re-issuing certificates: nothing is deleted.

A revoked certificate keeps its row and file, with when, by whom and why; the
verification page says so. A re-issue is a new version of the same series and
sequence, its number suffixed, pointing back at the old one, which it
revokes. See ``docs/certificates.md``.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.certificates.eligibility import (
    CertificateRefused,
    _clean_reason,
    qualification,
)
from lms.certificates.models import Certificate
from lms.certificates.saving import _numbered, render_certificate, template_for


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


@transaction.atomic
def revoke_certificate(
    *, certificate: Certificate, by: User, reason: str
) -> Certificate:
    """Revokes ``certificate`` with a reason; the row and its file stay on record.

    The verification page then says it is revoked, when, and why.
    """
    reason = _required_reason(reason)
    certificate = _locked_valid(certificate)
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return certificate


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
    a new verification code and file. The old one is revoked with the reason
    and points to the new one (``replaced_by``). It takes no new number, so it
    renders inside its transaction, holding only the old certificate's row:
    a render that fails changes nothing.
    """
    return render_certificate(
        certificate=_replace(certificate=certificate, by=by, reason=reason)
    )


def _replace(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    reason = _required_reason(reason)
    old = _locked_valid(certificate)
    user, event, quiz = old.user, old.event, old.quiz
    old.revoked_at = timezone.now()
    old.revoked_by = by
    old.revoke_reason = reason
    old.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    earned = qualification(user=user, event=event, quiz=quiz)
    version = old.version + 1
    return _numbered(
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
