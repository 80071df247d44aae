"""``manage.py task_worker``: django-tasks-db's ``db_worker`` that outlives a database restart.

``db_worker`` re-raises any database error other than SQLite's "locked" and
exits, so a PostgreSQL restart stopped every background job (certificates,
bulk printing, imports) until someone started it again. This runs the same
worker with the same options; when the database goes away it closes the
broken connections, waits with backoff until the database answers again, and
carries on. A task that was running when the database went away could not be
marked finished, and django-tasks-db leaves it as it was. docs/deployment.md
("Database faults") says how ``make serve`` runs it.
"""

import logging
import time

from django.db import connections
from django_tasks_db.management.commands import db_worker

from lms.core.db_faults import DATABASE_FAULTS

logger = logging.getLogger(__name__)

FIRST_WAIT_SECONDS = 1.0
LONGEST_WAIT_SECONDS = 30.0


def wait_for_database(*, sleep=time.sleep) -> None:
    """Returns once every configured database accepts a connection again."""
    wait = FIRST_WAIT_SECONDS
    while True:
        connections.close_all()
        sleep(wait)
        try:
            for alias in connections:
                connections[alias].ensure_connection()
        except DATABASE_FAULTS as fault:
            logger.warning(
                "Database still unavailable (%s); waiting %.0f s", fault, wait
            )
            wait = min(wait * 2, LONGEST_WAIT_SECONDS)
        else:
            return


class Command(db_worker.Command):
    help = (
        "Run the database background worker (the options of db_worker), "
        "waiting out database restarts instead of exiting"
    )

    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except DATABASE_FAULTS as fault:
                logger.warning(
                    "Database unavailable (%s); the worker waits for it", fault
                )
                wait_for_database()
