"""Issuing, revoking and re-issuing certificates: the writes of certificates.

Issuing is two steps. First a short transaction locks the series' counter row,
checks again that the participant has no certificate, takes the next number
and saves the certificate without its PDF ("being prepared"), so numbers are
unique and gap-free per event even when two organisers (or an organiser and
the background task) issue at once. Then the PDF is rendered with no lock held
and stored with its SHA-256; every download serves those bytes (promise 7, docs/architecture.md). A
render that fails leaves the numbered row pending, and rendering it again
completes it: the number is never lost nor reused. Nothing is deleted: a
revoked certificate keeps its row and file, and a re-issue is a new version
pointing at the old one. See ``docs/certificates.md``.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.certificates import rendering
from lms.certificates.models import Certificate, CertificateCounter, CertificateTemplate
from lms.certificates.numbering import format_number
from lms.certificates.snapshot import build_snapshot
from lms.events.models import Enrolment, EventPage
from lms.events.standings import participant_standings
from quizzes.attempts import quiz_standing
from quizzes.models import QuizPage

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

    For an event: the event's completion rules (``lms.events.standings``), with
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


def _numbered(
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
    """Saves one certificate version with its number and snapshot, its PDF still to come.

    Inside the caller's transaction, which holds the lock that makes the number
    safe; :func:`render_certificate` adds the file once that lock is released.
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
    return Certificate.objects.create(
        series=series,
        sequence=sequence,
        version=version,
        number=number,
        event=event,
        quiz=quiz,
        user=user,
        template=template,
        snapshot=snapshot,
        verification_code=code,
        issued_at=now,
        **fields,
    )


def render_certificate(*, certificate: Certificate) -> Certificate:
    """Renders a pending certificate and stores its PDF and SHA-256, exactly once.

    Runs outside the counter's lock, so a slow render holds up nobody else's
    number. Two renders of one certificate may race (the task and an organiser):
    the row is completed only while it is still pending, and the loser removes
    its file and returns the stored one, so every download serves the same
    bytes (promise 7). A render that fails leaves the row pending, its number
    kept, for the retry (``docs/certificates.md``).
    """
    if certificate.is_rendered:
        return certificate
    template = certificate.template or template_for(certificate.event)
    pdf = rendering.render_certificate_pdf(
        snapshot=certificate.snapshot, template=template
    )
    sha256 = hashlib.sha256(pdf).hexdigest()
    series = certificate.series.replace(":", "-")
    name = f"{series}-{certificate.sequence:05d}-v{certificate.version}.pdf"
    certificate.pdf.save(name, ContentFile(pdf), save=False)
    now = timezone.now()
    try:
        stored = Certificate.objects.filter(
            pk=certificate.pk, rendered_at__isnull=True
        ).update(pdf=certificate.pdf.name, sha256=sha256, rendered_at=now)
    except Exception:
        certificate.pdf.storage.delete(certificate.pdf.name)
        raise
    if not stored:  # rendered meanwhile by someone else: theirs is the certificate
        certificate.pdf.storage.delete(certificate.pdf.name)
        return Certificate.objects.get(pk=certificate.pk)
    certificate.sha256 = sha256
    certificate.rendered_at = now
    return certificate


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


def issue_automatically(
    *, user: User, event: EventPage | None = None, quiz: QuizPage | None = None
) -> Certificate | None:
    """Issues ``user``'s certificate if the step they just took earned it; else None.

    What the background task runs (:mod:`lms.certificates.tasks`) after a
    step that may complete an event (a post-test graded, a check-in, a pact
    accepted) or pass a quiz that grants certificates. Given only the quiz, its
    event's certificate is meant when the quiz is an event's test. Idempotent:
    an existing certificate is returned, rendered if it was left pending. A
    failure raises, so the task can try again.
    """
    if event is None:
        event = EventPage.objects.filter(path=quiz.path[: -QuizPage.steplen]).first()
    if event is not None:
        quiz = None
    elif not quiz.grants_certificate:
        return None
    if existing := _existing_valid(user=user, event=event, quiz=quiz):
        return render_certificate(certificate=existing)
    if not qualification(user=user, event=event, quiz=quiz).qualified:
        return None
    return issue_certificate(
        user=user, event=event, quiz=quiz, method=Certificate.Method.AUTOMATIC
    )


def render_pending_certificates() -> tuple[int, int]:
    """Renders every valid certificate still being prepared: (rendered, failed).

    The safety net behind the task's own retries (a worker stopped mid-render,
    retries used up). Each certificate on its own, so one failure does not
    stop the others; a failure is logged and left pending for the next run.
    """
    rendered = failed = 0
    for certificate in Certificate.objects.valid().pending().order_by("pk"):
        try:
            render_certificate(certificate=certificate)
        except Exception:  # noqa: BLE001 - logged; the next run tries again
            logger.exception("Rendering certificate %s failed", certificate.pk)
            failed += 1
        else:
            rendered += 1
    return rendered, failed


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
