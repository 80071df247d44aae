"""Certificates listen to the layers below: a graded attempt (``quizzes.signals``)
or a finished event step (``lms.events.signals``) may earn a certificate."""

from django.dispatch import receiver

from lms.certificates.tasks import schedule_certificate
from lms.events.signals import event_step_done
from quizzes.signals import attempt_graded


@receiver(attempt_graded, dispatch_uid="certificates.issue_after_grading")
def issue_after_graded_attempt(sender, attempt, **kwargs):
    """Queues the certificate task in the grading transaction, and nothing more."""
    schedule_certificate(user_id=attempt.user_id, quiz_id=attempt.quiz_id)


@receiver(event_step_done, dispatch_uid="certificates.issue_after_event_step")
def issue_after_event_step(sender, event_id, user_id, **kwargs):
    """Queues the certificate task after a check-in or an accepted pact."""
    schedule_certificate(user_id=user_id, event_id=event_id)
