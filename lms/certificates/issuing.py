"""Issuing certificates: taking the next number of a series, one or in bulk.

Issuing is two steps. First a short transaction locks the series' counter row,
checks again that the participant has no certificate, takes the next number
and saves the certificate without its PDF ("being prepared"), so numbers are
unique and gap-free per event even when two organisers (or an organiser and
the background task) issue at once. Then the PDF is rendered with no lock held
(:mod:`lms.certificates.saving`). Who qualifies is
:mod:`lms.certificates.eligibility`; revoking and re-issuing are
:mod:`lms.certificates.revoking`; what the background task runs is
:mod:`lms.certificates.automatic`. See ``docs/certificates.md``.
"""

import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.certificates import audit
from lms.certificates.eligibility import (
    CertificateRefused,
    _check_subject,
    _clean_reason,
    _existing_valid,
    qualification,
)
from lms.certificates.models import Certificate, CertificateCounter
from lms.certificates.numbering import format_number
from lms.certificates.saving import _numbered, render_certificate, template_for
from lms.core.audit import log_audit
from lms.events.models import EventPage
from lms.events.standings import participant_standings
from quizzes.models import QuizPage

logger = logging.getLogger(__name__)


def series_of(*, event: EventPage | None = None, quiz: QuizPage | None = None) -> str:
    """The numbering series: one per event, or one per quiz that grants certificates."""
    return f"event:{event.pk}" if event is not None else f"quiz:{quiz.pk}"


def event_code_of(*, event: EventPage | None = None, quiz=None) -> str:
    """The ``{event_code}`` of a number: tells series apart, so numbers never collide."""
    return f"KEG{event.pk}" if event is not None else f"KUIS{quiz.pk}"


def _locked_counter(series: str) -> CertificateCounter:
    """The series' counter row, locked until the transaction ends.

    Two first issues of a series may both try to create the row; the loser's
    insert fails inside its own savepoint and it locks the winner's row.
    """
    counters = CertificateCounter.objects.select_for_update()
    try:
        return counters.get(series=series)
    except CertificateCounter.DoesNotExist:
        try:
            with transaction.atomic():
                return CertificateCounter.objects.create(series=series)
        except IntegrityError:
            return counters.get(series=series)


def issue_certificate(
    *,
    user: User,
    event: EventPage | None = None,
    quiz: QuizPage | None = None,
    method: str,
    by: User | None = None,
    reason: str = "",
) -> Certificate:
    """Issues ``user``'s certificate of ``event`` (or of ``quiz`` alone), once.

    Only to a participant who qualifies, unless an organiser (``by``) issues
    it by hand with a reason: the override is on record with who and why.
    Issuing again returns the valid certificate already issued (rendering it
    if it is still pending). Two steps: the number is taken in one short
    transaction, then the PDF is rendered with no lock held.
    """
    certificate = _take_number(
        user=user, event=event, quiz=quiz, method=method, by=by, reason=reason
    )
    return render_certificate(certificate=certificate)


@transaction.atomic
def _take_number(
    *,
    user: User,
    event: EventPage | None,
    quiz: QuizPage | None,
    method: str,
    by: User | None,
    reason: str,
) -> Certificate:
    """The valid certificate ``user`` already has, or a new pending one with the next number."""
    method = Certificate.Method(method)
    reason = _clean_reason(reason)
    _check_subject(user=user, event=event, quiz=quiz)
    if method == Certificate.Method.MANUAL and by is None:
        raise ValueError("A certificate issued by hand needs the organiser (by=).")
    if existing := _existing_valid(user=user, event=event, quiz=quiz):
        return existing
    earned = qualification(user=user, event=event, quiz=quiz)
    if not earned.qualified and not (method == Certificate.Method.MANUAL and reason):
        raise CertificateRefused(
            _("%(name)s has not met the requirements yet. To issue anyway, say why.")
            % {"name": user}
        )
    series = series_of(event=event, quiz=quiz)
    counter = _locked_counter(series)
    # Someone else may have issued it while this transaction waited for the lock.
    if existing := _existing_valid(user=user, event=event, quiz=quiz):
        return existing
    template = template_for(event)
    sequence = counter.last_sequence + 1
    certificate = _numbered(
        user=user,
        event=event,
        quiz=quiz,
        template=template,
        series=series,
        sequence=sequence,
        version=1,
        number=format_number(
            template.numbering_pattern,
            seq=sequence,
            event_code=event_code_of(event=event, quiz=quiz),
            issued_on=timezone.localdate(),
        ),
        score=earned.score,
        method=method,
        issued_by=by,
        issue_reason=reason,
    )
    counter.last_sequence = sequence
    counter.save(update_fields=["last_sequence"])
    log_audit(
        certificate,
        audit.ISSUE,
        by=by,
        number=certificate.number,
        method=method.value,
    )
    return certificate


@dataclass
class BulkResult:
    issued: list[Certificate] = field(default_factory=list)
    failed: list[tuple[User, str]] = field(default_factory=list)


def issue_for_qualified(*, event: EventPage, by: User, reason: str = "") -> BulkResult:
    """Issues a certificate to every enrolled participant who qualifies and has none.

    Each certificate is its own transaction: one that fails (a render error)
    is reported and does not undo the others already issued.
    """
    reason = _clean_reason(reason)
    have = Certificate.objects.valid().filter(event=event).values_list("user_id")
    users = {
        u.pk: u
        for u in User.objects.filter(enrolments__event=event).exclude(pk__in=have)
    }
    _rules, standings = participant_standings(event, list(users))
    result = BulkResult()
    for user_id, standing in standings.items():
        if not standing.outcome.complete:
            continue
        try:
            result.issued.append(
                issue_certificate(
                    user=users[user_id],
                    event=event,
                    method=Certificate.Method.MANUAL,
                    by=by,
                    reason=reason,
                )
            )
        except Exception as error:  # noqa: BLE001 - reported to the organiser
            logger.exception("Certificate for user %s failed", user_id)
            result.failed.append((users[user_id], str(error)))
    return result
