"""Seeds the hall: the demo, 300 participants and one hall event per scenario.

Run as a script inside the tree under test (``Serve.manage``), with its own
Django: it prints one JSON line with what the load client needs. Every
participant is enrolled, checked in and has accepted the event's pacts, so
passing the post-test completes the event and issues a certificate.
"""

import datetime
import io
import json
import os
import sys

# The tree under test (maybe a baseline), not this script's folder.
sys.path[0] = os.getcwd()

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from lms.accounts.models import User  # noqa: E402
from lms.accounts.roles import PARTICIPANT  # noqa: E402
from lms.core.reference import Kecamatan  # noqa: E402
from lms.events.models import (  # noqa: E402
    CheckIn,
    Enrolment,
    EventIndexPage,
    EventPage,
    Pact,
    PactAcceptance,
)
from quizzes.models import QuizPage  # noqa: E402
from tests.factories import question_blocks  # noqa: E402

PASSWORD = "aula-tolok-ukur-2026"
QUESTIONS = 20


def participants(count: int) -> list[User]:
    """``hall001``…: one hash of the shared password, reused (hashing is slow on purpose)."""
    encoded = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(
            username=f"hall{n:03d}",
            full_name=f"Peserta Aula {n:03d}",
            phone=f"+6281390{n:05d}",
            password=encoded,
        )
        for n in range(1, count + 1)
    )
    group = Group.objects.get(name=PARTICIPANT)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=group.pk) for user in users
    )
    return users


def hall_event(name: str, users: list[User]) -> QuizPage:
    """A live event happening now, its 20-question post-test, and everyone ready."""
    demo = EventPage.objects.live().first()
    now = timezone.now()
    event = EventPage(
        title=f"Aula tolok ukur {name}",
        slug=f"aula-tolok-ukur-{name}",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=6),
        venue="Aula Kantor Kecamatan Sawah Besar",
        kecamatan=Kecamatan.SAWAH_BESAR,
        organiser=demo.organiser,
        registration_code=f"AULA{name.upper()}00",
    )
    EventIndexPage.objects.get().add_child(instance=event)
    pacts = list(Pact.objects.all())
    event.pacts.set(pacts)
    event.save_revision().publish()
    quiz = QuizPage(
        title="Post-test",
        slug="post-test",
        kind=QuizPage.Kind.POST_TEST,
        pass_mark=60,
        max_attempts=2,
        questions=(question_blocks() * 4)[:QUESTIONS],
    )
    event.add_child(instance=quiz)
    quiz.save_revision().publish()
    Enrolment.objects.bulk_create(
        Enrolment(event=event, user=u, source=Enrolment.Source.IMPORT) for u in users
    )
    CheckIn.objects.bulk_create(
        CheckIn(event=event, user=u, method=CheckIn.Method.QR) for u in users
    )
    PactAcceptance.objects.bulk_create(
        PactAcceptance(
            event=event, user=u, pact=pact, version=pact.versions.latest(),
            typed_name=u.full_name, method=PactAcceptance.Method.ONLINE,
        )
        for pact in pacts
        for u in users
    )  # fmt: skip
    return quiz


def main() -> None:
    count, names = int(sys.argv[1]), sys.argv[2].split(",")
    call_command("seed_demo", stdout=io.StringIO())
    users = participants(count)
    quizzes = {name: hall_event(name, users) for name in names}
    print(
        json.dumps(
            {
                "password": PASSWORD,
                "usernames": [u.username for u in users],
                "quizzes": {
                    name: {"id": q.pk, "url": q.url, "event": q.get_parent().pk}
                    for name, q in quizzes.items()
                },
            }
        )
    )


main()
