"""The demo's event of the day (``lms.demo.event_of_the_day``), as seeded today.

How it moves to a later day, touching nothing else, is in test_seed_demo.py.
"""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import datetime
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lms.certificates.models import Certificate
from lms.demo.event_of_the_day import event_of_the_day
from lms.demo.events import demo_event
from lms.events.attendance import check_in_closes_at, check_in_opens_at
from lms.events.check_ins import check_in
from lms.events.enrolment import enrol
from lms.events.models import CheckIn, Enrolment
from lms.events.pacts import accept_pact
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import QuizPage
from tests.factories import ParticipantFactory
from tests.lms.demo.test_demo_quizzes import (  # noqa: F401 - fixtures
    right_response,
    seeded,
    seeded_once,
)

JAKARTA = ZoneInfo("Asia/Jakarta")


def _test_fields(event) -> list:
    """What a participant meets in the event's tests: kinds, rules and questions."""
    return [
        (quiz.kind, quiz.pass_mark, quiz.max_attempts, quiz.grants_certificate,
         quiz.opens_at, quiz.closes_at, quiz.live,
         [(block.block_type, block.value["text"].source) for block in quiz.questions])
        for quiz in QuizPage.objects.child_of(event)
    ]  # fmt: skip


def test_the_event_of_the_day_is_the_2023_day_happening_today(seeded):
    event, history = event_of_the_day(), demo_event()
    today = timezone.localdate()
    assert event.live and event.registration_code == "KEMAYORAN"
    assert (event.kecamatan, event.kelurahan) == ("kemayoran", "Kebon Kosong")
    # Check-in by scanning is open from the first to the last minute of today.
    assert check_in_opens_at(event) <= datetime.datetime.combine(
        today, datetime.time(0, 0), JAKARTA
    )
    assert check_in_closes_at(event, method=CheckIn.Method.QR) >= (
        datetime.datetime.combine(today, datetime.time(23, 59), JAKARTA)
    )
    # The same modules, texts, completion rules and tests as the day of 2023,
    # in pages of its own.
    assert set(event.modules.all()) == set(history.modules.all())
    assert set(event.pacts.all()) == set(history.pacts.all()) and event.pacts.exists()
    rules = ("require_check_in", "require_post_test", "require_modules", "hours_jp")
    assert [getattr(event, f) for f in rules] == [getattr(history, f) for f in rules]
    assert _test_fields(event) == _test_fields(history)
    assert not {p.pk for p in event.get_children()} & {
        p.pk for p in history.get_children()
    }
    assert event.title in Client().get(event.get_parent().url).content.decode()


def test_the_organiser_can_run_the_event_of_the_day(seeded):
    event = event_of_the_day()
    organiser = Client()
    assert organiser.login(username="penyelenggara", password="demo12345")
    hub = organiser.get(reverse("lms_event_admin:event", args=[event.pk]))
    assert hub.status_code == 200 and "KEMAYORAN" in hub.content.decode()
    screen = organiser.get(reverse("lms_event_admin:check_in_screen", args=[event.pk]))
    assert screen.status_code == 200
    assert f'data-scan-url="http://testserver/kegiatan-saya/{event.pk}/hadir/' in (
        screen.content.decode()
    )


def test_a_newcomer_who_completes_it_today_gets_the_certificate_at_once(seeded):
    event = event_of_the_day()
    newcomer = ParticipantFactory()
    enrol(event=event, user=newcomer, source=Enrolment.Source.CODE)
    check_in(event=event, user=newcomer, method=CheckIn.Method.QR)
    for pact in event.pacts.all():
        accept_pact(
            event=event, user=newcomer, pact=pact, agreed=True,
            version_id=pact.versions.latest().pk, typed_name=newcomer.full_name,
        )  # fmt: skip
    assert not Certificate.objects.filter(user=newcomer).exists()
    post_test = QuizPage.objects.child_of(event).get(kind="post_test")
    attempt = start_attempt(quiz=post_test, user=newcomer)
    submit_attempt(
        attempt=attempt,
        responses={q["key"]: right_response(q) for q in attempt.paper},
    )
    certificate = Certificate.objects.get(user=newcomer)
    assert certificate.event_id == event.pk and certificate.is_rendered
    assert certificate.method == Certificate.Method.AUTOMATIC
