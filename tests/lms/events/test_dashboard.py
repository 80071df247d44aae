""" "Beranda saya": a participant's events step by step, tests to take, modules begun."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from lms.events.dashboard import score_change_text
from lms.learning.models import LessonProgress
from tests.factories import PactFactory, ParticipantFactory
from tests.lms.events.event_builders import (
    accept,
    attempt,
    check_in,
    enrol,
    finish,
    make_event,
    make_test,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    """The tests read the English source text; the Indonesian catalogue comes later."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


DASHBOARD = "/beranda-saya/"


@pytest.fixture
def pacts(db):
    return [PactFactory(title="Pakta Integritas"), PactFactory(title="Ikrar ASN")]


@pytest.fixture
def event(home_page, learning, pacts):
    return make_event(
        home_page,
        title="Peningkatan Kapasitas Sawah Besar",
        modules=[learning.module],
        pacts=pacts,
        require_modules=True,
    )


@pytest.fixture
def post_test(event):
    return make_test(event, "post_test", slug="post-test", title="Post-test Pemilu")


@pytest.fixture
def pre_test(event):
    return make_test(event, "pre_test", slug="pre-test", title="Pre-test Pemilu")


@pytest.fixture
def me(client, event, participant):
    enrol(event, participant)
    client.force_login(participant)
    return participant


def dashboard(client) -> str:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def listed_tests(client) -> list[str]:
    return [
        quiz.title for quiz in client.get(DASHBOARD).context["dashboard"].tests_to_take
    ]


def test_it_needs_a_login(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={DASHBOARD}"


def test_the_header_links_to_it(client, participant, home_page):
    client.force_login(participant)
    assert f'href="{DASHBOARD}"' in client.get(home_page.url).content.decode()


def test_steps_are_in_words_and_name_what_is_missing(
    client, me, event, learning, pacts, post_test
):
    check_in(event, me)
    accept(event, me, pacts[0])
    html = dashboard(client)
    assert event.title in html
    assert "1 of 4 requirements met" in html
    assert "Check in at the hall</strong> <span" in html  # marked done
    assert "Finish the modules" in html
    assert f'href="{learning.module.url}">{learning.module.title}</a>' in html
    assert "Accept the pact and pledge texts" in html
    pact_url = reverse("event_pact", args=[event.pk, pacts[1].pk])
    assert f'href="{pact_url}">Ikrar ASN</a>' in html
    done_url = reverse("event_pact", args=[event.pk, pacts[0].pk])
    assert done_url not in html  # accepted already: nothing to do
    assert "Pass the post-test" in html and post_test.url in html


def test_a_failed_post_test_says_so(client, me, event, post_test):
    attempt(post_test, me, percent=20)
    assert "You have taken it but not passed yet." in dashboard(client)


def test_a_complete_event_says_complete(client, me, event, learning, pacts, post_test):
    check_in(event, me)
    for pact in pacts:
        accept(event, me, pact)
    finish(me, learning.lessons)
    attempt(post_test, me, percent=90)
    html = dashboard(client)
    assert "Complete." in html and "requirements met" not in html
    assert html.count("(done)") == 4


def test_an_event_asking_for_one_text_names_it(client, home_page, participant, pacts):
    event = make_event(home_page, pacts=pacts[:1], require_post_test=False)
    enrol(event, participant)
    client.force_login(participant)
    assert "Accept “Pakta Integritas”" in dashboard(client)


def test_tests_to_take(client, me, event, pre_test, post_test):
    assert listed_tests(client) == ["Pre-test Pemilu", "Post-test Pemilu"]
    attempt(pre_test, me, percent=30)  # taken: a pre-test has no pass mark
    attempt(post_test, me, percent=40)  # not passed, one attempt left
    assert listed_tests(client) == ["Post-test Pemilu"]
    attempt(post_test, me, number=2)  # under way
    assert listed_tests(client) == ["Post-test Pemilu"]
    assert post_test.url in dashboard(client)


def test_a_passed_or_used_up_post_test_is_not_to_take(
    client, me, event, post_test, participant
):
    attempt(post_test, me, percent=30)
    attempt(post_test, me, percent=50, number=2)  # both attempts used
    assert listed_tests(client) == []
    other = ParticipantFactory()
    enrol(event, other)
    attempt(post_test, other, percent=95)
    client.force_login(other)
    assert listed_tests(client) == []


def test_a_closed_test_is_not_to_take(client, me, event, pre_test):
    pre_test.closes_at = timezone.now() - datetime.timedelta(hours=1)
    pre_test.save()
    assert listed_tests(client) == []


def test_modules_in_progress(client, me, learning):
    assert "No module in progress" in dashboard(client)
    finish(me, learning.lessons[:1])
    LessonProgress.objects.create(
        user=me, lesson=learning.lessons[1], last_viewed_at=timezone.now()
    )
    html = dashboard(client)
    assert learning.module.title in html and "1 of 3 lessons done" in html
    finish(me, learning.lessons[2:])
    LessonProgress.objects.filter(user=me).update(completed_at=timezone.now())
    assert "No module in progress" in dashboard(client)


def test_without_events_it_offers_to_join_one(client, participant):
    client.force_login(participant)
    html = dashboard(client)
    assert "You are not enrolled in any event yet." in html
    assert f'href="{reverse("join_event")}"' in html


def test_an_unpublished_event_is_not_shown(client, me, event):
    event.unpublish()
    assert event.title not in dashboard(client)


def test_another_participants_data_is_never_shown(
    client, me, home_page, event, learning, pacts, post_test
):
    other = ParticipantFactory(full_name="Rahasia Orang Lain")
    enrol(event, other)
    check_in(event, other)
    for pact in pacts:
        accept(event, other, pact)
    finish(other, learning.lessons[:2])
    attempt(post_test, other, percent=97)
    not_mine = make_event(home_page, title="Kegiatan Orang Lain")
    enrol(not_mine, other)
    html = dashboard(client)
    assert "Rahasia" not in html and "Kegiatan Orang Lain" not in html
    # The text people read, not attributes: a CSRF token may contain "97".
    assert "0 of 4 requirements met" in html and "97" not in strip_tags(html)
    assert "No module in progress" in html


def test_queries_do_not_grow_with_the_other_participants(
    client, me, home_page, event, learning, pacts, pre_test, post_test
):
    second = make_event(home_page, pacts=pacts[:1])
    second_test = make_test(second, "post_test", slug="second-post-test")
    enrol(second, me)
    finish(me, learning.lessons[:1])
    attempt(post_test, me, percent=40)

    def others(count):
        for user in ParticipantFactory.create_batch(count):
            enrol(event, user)
            enrol(second, user)
            check_in(event, user)
            accept(event, user, pacts[0])
            finish(user, learning.lessons)
            attempt(post_test, user, percent=70)
            attempt(second_test, user, percent=10)

    def queries():
        client.get(DASHBOARD)  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            dashboard(client)
        return len(captured)

    others(3)
    few = queries()
    others(30)
    assert queries() == few


@pytest.mark.parametrize(
    ("pre", "post", "words"),
    [
        ("45", "85", "Your score rose from 45 to 85."),
        ("80.95", "70.5", "Your score went from 80.95 to 70.50."),
        ("60", "60", "Your score stayed at 60."),
        (None, "60", None),
        ("60", None, None),
    ],
)
def test_the_score_change_in_words(pre, post, words):
    pre, post = (None if v is None else Decimal(v) for v in (pre, post))

    assert score_change_text(pre, post) == words


def test_my_scores_side_by_side(client, me, event, pre_test, post_test):
    attempt(pre_test, me, percent=Decimal("45"))
    attempt(post_test, me, percent=Decimal("85"))

    assert "Your score rose from 45 to 85." in dashboard(client)


def test_no_scores_while_the_post_test_hides_its_results(
    client, me, event, pre_test, post_test
):
    post_test.review_timing = "after_close"
    post_test.closes_at = timezone.now() + datetime.timedelta(days=1)
    post_test.save()
    attempt(pre_test, me, percent=Decimal("45"))
    attempt(post_test, me, percent=Decimal("85"))

    # The words a participant reads: the page's markup holds random tokens
    # (the CSRF token) in which "85" may occur.
    words = strip_tags(dashboard(client))

    assert "Your score" not in words and "85" not in words
