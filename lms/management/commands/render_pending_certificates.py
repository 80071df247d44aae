from django.core.management.base import BaseCommand

from lms.certificates.automatic import render_pending_certificates


class Command(BaseCommand):
    """Renders every certificate still "being prepared" (numbered, PDF not stored).

    The background task retries a failed render a few times by itself; this
    catches the rest (a worker stopped mid-render, a longer outage). Run it
    every few minutes beside ``grade_overdue_attempts`` (see
    docs/certificates.md). Each keeps the number it was given.
    """

    help = "Render and store the PDF of certificates still being prepared."

    def handle(self, *args, **options):
        rendered, failed = render_pending_certificates()
        self.stdout.write(f"{rendered} certificate(s) rendered, {failed} failed")
        if failed:
            self.stderr.write("Failures are in the log; they stay pending.")
