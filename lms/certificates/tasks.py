"""Background tasks for certificates (django-tasks: the database worker in
``make serve``, run inline in tests and in ``make run``)."""

import datetime
import logging

from django.utils import timezone
from django_tasks import task

from lms.accounts.models import User
from lms.certificates.automatic import issue_automatically
from lms.certificates.eligibility import CertificateRefused
from lms.certificates.printing import run_print_job
from lms.events.models import EventPage
from quizzes.models import QuizPage

logger = logging.getLogger(__name__)

# How long the task waits before each new try after a failure. After the last
# one the certificate (if numbered) stays pending for the ``render_pending_certificates``
# command to finish.
RETRY_DELAYS = (
    datetime.timedelta(seconds=30),
    datetime.timedelta(minutes=2),
    datetime.timedelta(minutes=10),
)


@task()
def print_certificates_task(job_id: int) -> None:
    """Prints one :class:`~quizzes.models.PrintJob`; progress is on the job row."""
    run_print_job(job_id=job_id)


@task()
def issue_certificate_task(
    user_id: int,
    event_id: int | None = None,
    quiz_id: int | None = None,
    tries: int = 0,
) -> int | None:
    """Issues the certificate the participant's step earned; returns its id, or None.

    Idempotent: running it twice, or alongside an organiser issuing by hand,
    yields one certificate (:func:`~lms.certificates.automatic.issue_automatically`).
    A failure is retried later when the backend can defer a task, then raised
    for the worker's log.
    """
    user = User.objects.get(pk=user_id)
    event = EventPage.objects.get(pk=event_id) if event_id else None
    quiz = QuizPage.objects.get(pk=quiz_id) if quiz_id else None
    try:
        certificate = issue_automatically(user=user, event=event, quiz=quiz)
    except CertificateRefused as refused:  # e.g. unenrolled meanwhile: nothing to retry
        logger.warning("No certificate for user %s: %s", user_id, refused.message)
        return None
    except Exception:
        _retry_later(user_id=user_id, event_id=event_id, quiz_id=quiz_id, tries=tries)
        raise
    return certificate and certificate.pk


def _retry_later(
    *, user_id: int, event_id: int | None, quiz_id: int | None, tries: int
) -> None:
    if tries >= len(RETRY_DELAYS):
        return
    if not issue_certificate_task.get_backend().supports_defer:
        return
    issue_certificate_task.using(
        run_after=timezone.now() + RETRY_DELAYS[tries]
    ).enqueue(user_id, event_id=event_id, quiz_id=quiz_id, tries=tries + 1)


def schedule_certificate(
    *, user_id: int, event_id: int | None = None, quiz_id: int | None = None
) -> None:
    """Queues :func:`issue_certificate_task` after a step that may earn a certificate.

    Call it inside the step's transaction. The database backend stores the
    task as a row in that transaction, so the task exists exactly when the
    step does: a crash between the two cannot lose a certificate, and a step
    rolled back queues nothing. It costs the step one insert and no
    certificate work. By ids, so the caller needs no query to name the subject
    (a graded post-test's event is found by the task). The immediate backend
    of tests and ``make run`` runs the task here and now, still inside the
    step's transaction.
    """
    issue_certificate_task.enqueue(user_id, event_id=event_id, quiz_id=quiz_id)
