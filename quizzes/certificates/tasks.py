"""Background tasks for certificates (django-tasks: the database worker in
``make serve``, run inline in tests and in ``make run``)."""

from django_tasks import task

from quizzes.certificates.printing import run_print_job


@task()
def print_certificates_task(job_id: int) -> None:
    """Prints one :class:`~quizzes.models.PrintJob`; progress is on the job row."""
    run_print_job(job_id=job_id)
