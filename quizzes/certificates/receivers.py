"""Certificates listen to the quiz engine: a graded attempt may earn a certificate."""

from django.dispatch import receiver

from quizzes.certificates.tasks import schedule_certificate
from quizzes.signals import attempt_graded


@receiver(attempt_graded, dispatch_uid="certificates.issue_after_grading")
def issue_after_graded_attempt(sender, attempt, **kwargs):
    """Queues the certificate task in the grading transaction, and nothing more."""
    schedule_certificate(user_id=attempt.user_id, quiz_id=attempt.quiz_id)
