from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lms.demo import STEPS


class Command(BaseCommand):
    help = (
        "Fill the database with the demo site, organisations and accounts. "
        "Safe to run again; refuses to run under production settings."
    )

    def handle(self, *args, **options):
        if settings.LMS_ENVIRONMENT == "production":
            raise CommandError(
                "seed_demo refuses to run with production settings: it would add "
                "demo accounts with a published password."
            )
        with transaction.atomic():
            for step in STEPS:
                self.stdout.write(f"{step.__name__}: {step()}")
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
