"""Issuing with nobody pressing a button: what the background work runs.

The certificate task (:mod:`lms.certificates.tasks`) issues a certificate
when a participant's step earns it, and the ``render_pending_certificates``
command renders whatever a stopped worker left being prepared. Both only
ever complete what issuing (:mod:`lms.certificates.issuing`) would do by
hand, so running them twice changes nothing.
"""

import logging

from lms.accounts.models import User
from lms.certificates.eligibility import _existing_valid, qualification
from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate
from lms.certificates.saving import render_certificate
from lms.events.models import EventPage
from quizzes.models import QuizPage

logger = logging.getLogger(__name__)


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
