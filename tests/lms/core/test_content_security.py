"""Every public page is sent with the strict Content-Security-Policy and holds
nothing that policy would block: no inline script, no event-handler attribute,
no ``javascript:`` link (docs/security.md, "Content-Security-Policy").

The pages are the demo's, as a participant and a visitor meet them: every live
page, a quiz attempt and its result, the participant's own pages, the account
pages, an event's pact and check-in, certificate verification, errors.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page

from lms.accounts.models import User
from lms.events.models import EventPage, Pact
from quizzes.models import QuizPage
from tests.lms.core.policy_checks import assert_strict, what_the_policy_would_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=StringIO())


def page_urls() -> list[str]:
    return [page.url for page in Page.objects.live().specific() if page.url]


def test_every_public_page_a_visitor_opens_is_strict(client, demo):
    urls = [
        *page_urls(),
        reverse("login"),
        reverse("password_reset"),
        reverse("join_event"),
        reverse("search") + "?q=pemilu",
        reverse("certificate_verify", args=["TIDAK-ADA"]),
        "/tidak-ada-halaman-ini/",
    ]
    for url in urls:
        assert_strict(client.get(url), url)


def test_every_page_a_participant_opens_is_strict(client, demo):
    participant = User.objects.get(username="peserta")
    client.force_login(participant)
    event = EventPage.objects.live().first()
    practice_quiz = QuizPage.objects.live().not_child_of(event).first()
    attempt = client.post(reverse("quizzes:start", args=[practice_quiz.pk]))
    attempt_url = attempt["Location"]
    submitted = client.post(attempt_url.rstrip("/") + "/kirim/", {"confirm": "1"})
    urls = [
        *page_urls(),
        attempt_url,
        submitted.get("Location", attempt_url),
        reverse("quizzes:my_quizzes"),
        reverse("dashboard"),
        reverse("join_event"),
        reverse("password_change"),
        *(
            reverse("event_pact", args=[event.pk, pact.pk])
            for pact in Pact.objects.all()
        ),
        reverse("event_check_in", args=[event.pk, "kode-salah"]),
    ]
    for url in urls:
        assert_strict(client.get(url), url)


def test_the_admin_gets_the_same_policy(client, organiser):
    client.force_login(organiser)
    response = client.get(reverse("wagtailadmin_home"))
    assert_strict(response, "admin home")


def test_the_check_finds_what_the_policy_would_block():
    html = (
        '<script>alert(1)</script><script src="/s.js"></script>'
        '<script type="application/json">{}</script>'
        '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">x</a>'
    )
    assert len(what_the_policy_would_block(html)) == 3
