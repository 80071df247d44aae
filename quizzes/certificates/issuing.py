"""Issuing, revoking and re-issuing certificates: the writes of certificates.

Each is one transaction. Issuing locks its series' counter row, so numbers are
unique and gap-free per event even when two organisers (or an organiser and a
participant's own completion) issue at once, and anything failing after the
number was taken (the render, the file, the row) rolls the number back. The PDF
is rendered once, here; its SHA-256 is stored beside it and every download
serves those bytes (promise 7). Nothing is deleted: a revoked certificate keeps
its row and file, and a re-issue is a new version pointing at the old one.
"""

import functools
import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.event_progress import participant_standings
from lms.models import Enrolment, EventPage, User
from quizzes.attempts import quiz_standing
from quizzes.certificates import rendering
from quizzes.certificates.numbering import format_number
from quizzes.certificates.snapshot import build_snapshot
from quizzes.models import (
    Certificate,
    CertificateCounter,
    CertificateTemplate,
    QuizPage,
)

logger = logging.getLogger(__name__)

REASON_MAX_LENGTH = 300


class CertificateRefused(Exception):
    """An issue, revoke or re-issue that cannot happen, with a message for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Qualification:
    qualified: bool
    score: Decimal | None


def series_of(*, event: EventPage | None = None, quiz: QuizPage | None = None) -> str:
    """The numbering series: one per event, or one per quiz that grants certificates."""
    return f"event:{event.pk}" if event is not None else f"quiz:{quiz.pk}"


def event_code_of(*, event: EventPage | None = None, quiz=None) -> str:
    """The ``{event_code}`` of a number: tells series apart, so numbers never collide."""
    return f"KEG{event.pk}" if event is not None else f"KUIS{quiz.pk}"


def template_for(event: EventPage | None) -> CertificateTemplate:
    """The event's chosen template, or the site's default one."""
    if event is not None and event.certificate_template_id:
        return event.certificate_template
    return rendering.default_template()


def _clean_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if len(reason) > REASON_MAX_LENGTH:
        raise CertificateRefused(
            _("Keep the reason to %(limit)s characters or fewer.")
            % {"limit": REASON_MAX_LENGTH}
        )
    return reason


def qualification(
    *, user: User, event: EventPage | None = None, quiz: QuizPage | None = None
) -> Qualification:
    """Whether ``user`` has earned the certificate, and the score it prints.

    For an event: the event's completion rules (``lms.event_progress``), with
    the best post-test grade that counts. For a quiz alone: a pass.
    """
    if event is not None:
        _rules, standings = participant_standings(event, [user.pk])
        standing = standings[user.pk]
        return Qualification(standing.outcome.complete, standing.post_test_grade)
    standing = quiz_standing(quiz, user)
    return Qualification(standing.passed, standing.grade)


def _existing_valid(*, user, event, quiz) -> Certificate | None:
    certificates = Certificate.objects.valid().filter(user=user)
    if event is not None:
        return certificates.filter(event=event).first()
    return certificates.filter(quiz=quiz, event__isnull=True).first()


def _check_subject(*, user, event, quiz) -> None:
    if (event is None) == (quiz is None):
        raise ValueError("Give an event or a quiz, not both.")
    if event is not None:
        if not Enrolment.objects.filter(event=event, user=user).exists():
            raise CertificateRefused(
                _("%(name)s is not enrolled in this event.") % {"name": user}
            )
        return
    if not quiz.grants_certificate:
        raise CertificateRefused(_("This quiz does not grant certificates."))
    if EventPage.objects.filter(path=quiz.path[: -QuizPage.steplen]).exists():
        raise CertificateRefused(
            _("This test belongs to an event: the certificate is the event's.")
        )


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


def _store(
    *,
    user: User,
    event: EventPage | None,
    quiz: QuizPage | None,
    template: CertificateTemplate,
    series: str,
    sequence: int,
    version: int,
    number: str,
    score: Decimal | None,
    **fields,
) -> Certificate:
    """Renders, hashes and stores one certificate version (inside the caller's transaction).

    The file is written before the row; if the row cannot be saved the file
    is removed again, so a failure leaves neither.
    """
    now = timezone.now()
    code = secrets.token_urlsafe(24)  # 192 random bits, 32 characters
    snapshot = build_snapshot(
        user=user,
        event=event,
        quiz=quiz,
        score=score,
        number=number,
        verification_code=code,
        issued_on=timezone.localdate(now),
    )
    pdf = rendering.render_certificate_pdf(snapshot=snapshot, template=template)
    certificate = Certificate(
        series=series,
        sequence=sequence,
        version=version,
        number=number,
        event=event,
        quiz=quiz,
        user=user,
        template=template,
        snapshot=snapshot,
        sha256=hashlib.sha256(pdf).hexdigest(),
        verification_code=code,
        issued_at=now,
        **fields,
    )
    name = f"{series.replace(':', '-')}-{sequence:05d}-v{version}.pdf"
    certificate.pdf.save(name, ContentFile(pdf), save=False)
    try:
        with transaction.atomic():
            certificate.save()
    except Exception:
        certificate.pdf.storage.delete(certificate.pdf.name)
        raise
    return certificate


@transaction.atomic
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
    Issuing again returns the valid certificate already issued.
    """
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
    certificate = _store(
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
    return certificate


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
    and points to the new one (``replaced_by``).
    """
    reason = _required_reason(reason)
    old = _locked_valid(certificate)
    user, event, quiz = old.user, old.event, old.quiz
    old.revoked_at = timezone.now()
    old.revoked_by = by
    old.revoke_reason = reason
    old.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    earned = qualification(user=user, event=event, quiz=quiz)
    version = old.version + 1
    return _store(
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


def issue_if_complete(*, event: EventPage, user: User) -> Certificate | None:
    """Issues ``user``'s certificate of ``event`` if they now complete it.

    Called after a step that may complete an event (a post-test submitted, a
    check-in, a pact accepted). It never raises: that step has succeeded and
    must stay so; a render that fails is logged, and the organiser can issue
    from the admin later.
    """
    try:
        if existing := _existing_valid(user=user, event=event, quiz=None):
            return existing
        if not qualification(user=user, event=event).qualified:
            return None
        return issue_certificate(
            user=user, event=event, method=Certificate.Method.AUTOMATIC
        )
    except Exception:  # noqa: BLE001 - logged; the participant's step must not fail
        logger.exception(
            "Automatic certificate for user %s in event %s failed", user.pk, event.pk
        )
        return None


def issue_after_commit(*, event: EventPage, user: User) -> None:
    """Schedules :func:`issue_if_complete` for when the current transaction commits.

    After the commit, so the step that completes the event is visible to the
    check, and so a failed render cannot roll that step back.
    """
    transaction.on_commit(
        functools.partial(issue_if_complete, event=event, user=user), robust=True
    )


def issue_after_grading(attempt) -> None:
    """After an attempt is graded: schedules the event's certificate, or the quiz's own.

    Everything, even finding the quiz's event, happens after the commit, so
    grading costs no extra query and cannot fail because of a certificate.
    """
    transaction.on_commit(
        functools.partial(
            _issue_for_quiz_taker, quiz=attempt.quiz, user_id=attempt.user_id
        ),
        robust=True,
    )


def _issue_for_quiz_taker(*, quiz: QuizPage, user_id: int) -> Certificate | None:
    user = User.objects.get(pk=user_id)
    event = EventPage.objects.filter(path=quiz.path[: -QuizPage.steplen]).first()
    if event is not None:
        return issue_if_complete(event=event, user=user)
    if not quiz.grants_certificate:
        return None
    try:
        if not qualification(user=user, quiz=quiz).qualified:
            return None
        return issue_certificate(
            user=user, quiz=quiz, method=Certificate.Method.AUTOMATIC
        )
    except Exception:  # noqa: BLE001 - logged; the participant's step must not fail
        logger.exception(
            "Automatic certificate for user %s in quiz %s failed", user.pk, quiz.pk
        )
        return None


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
