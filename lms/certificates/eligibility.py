"""Who may have a certificate: the subject, the qualification, the one already held.

What issuing asks before it takes a number, and what the certificate status
pages ask without issuing anything: whether a participant has earned the
certificate of an event (or of a quiz alone) and the score it prints, whether
they already hold a valid one, and whether the event or quiz can grant one to
them at all. Also the refusal every certificate write raises, and the rule
for the reason an organiser gives when issuing by hand, revoking or
re-issuing.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.events.models import Enrolment, EventPage
from lms.events.standings import participant_standings
from quizzes.attempts import quiz_standing
from quizzes.models import QuizPage

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
