from django.core.management.base import BaseCommand

from quizzes.attempts import grade_overdue_attempts


class Command(BaseCommand):
    """Grades every open attempt whose deadline has passed, from its saved answers.

    Attempts are also graded when anyone opens them; this catches the ones
    nobody opens again (the phone died). Run it every minute from cron or a
    systemd timer in production (see docs/deployment.md).
    """

    help = "Grade open quiz attempts whose deadline has passed."

    def handle(self, *args, **options):
        count = grade_overdue_attempts()
        self.stdout.write(f"{count} overdue attempt(s) graded")
