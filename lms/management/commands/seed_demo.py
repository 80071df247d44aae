import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from lms.demo import STEPS, seed_event_of_the_day


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"--day must be a date written YYYY-MM-DD, e.g. 2025-06-12; got {text!r}."
        ) from None


class Command(BaseCommand):
    help = (
        "Fill the database with the demo site, organisations and accounts, and an "
        "event happening today. Safe to run again; refuses to run under production "
        "settings."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--day",
            help=(
                "The day of the demo's event of the day, YYYY-MM-DD (default: "
                "today in Jakarta), e.g. to prepare tonight tomorrow's presentation."
            ),
        )

    def handle(self, *args, **options):
        if settings.LMS_ENVIRONMENT == "production":
            raise CommandError(
                "seed_demo refuses to run with production settings: it would add "
                "demo accounts with a published password."
            )
        day = _day(options["day"]) if options["day"] else timezone.localdate()
        with transaction.atomic():
            for step in STEPS:
                self.stdout.write(f"{step.__name__}: {step()}")
            self.stdout.write(
                f"seed_event_of_the_day: {seed_event_of_the_day(day=day)}"
            )
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
