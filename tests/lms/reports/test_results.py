"""An event's results report: the rows, and queries that do not grow with them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.reports.results import PostTestResult, event_results
from quizzes.models import QuizPage
from tests.factories import PactFactory, ParticipantFactory
from tests.lms.certificates.stubs import make_certificate
from tests.lms.events.event_builders import (
    accept,
    attempt,
    check_in,
    enrol,
    make_event,
    make_test,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pact(db):
    return PactFactory(title="Pakta Integritas")


@pytest.fixture
def event(home_page, pact):
    return make_event(
        home_page, pacts=[pact], require_check_in=True, require_post_test=True
    )


@pytest.fixture
def pre_test(event):
    return make_test(event, "pre_test", slug="pre-test")


@pytest.fixture
def post_test(event):
    return make_test(
        event, "post_test", slug="post-test", grading_method="highest", pass_mark=60
    )


def row_of(event, user):
    return next(r for r in event_results(event) if r.participant == user)


def test_a_complete_participant_row(event, pact, pre_test, post_test):
    user = ParticipantFactory(full_name="Siti Aminah", kelurahan="Kartini")
    enrol(event, user)
    check_in(event, user)
    accept(event, user, pact)
    attempt(pre_test, user, percent=Decimal("45"))
    attempt(post_test, user, percent=Decimal("50"), number=1)
    attempt(post_test, user, percent=Decimal("85"), number=2)
    certificate = make_certificate(event=event, user=user)

    row = row_of(event, user)

    assert row.checked_in_at is not None
    assert (row.pacts_accepted, row.pacts_required) == (1, 1)
    assert (row.pre_test, row.post_test, row.gain) == (45, 85, 40)
    assert row.submitted_attempts == 3
    assert row.post_test_result == PostTestResult.PASSED
    assert row.complete
    assert row.certificate_number == certificate.number


def test_the_post_test_counts_by_its_grading_method(event, post_test):
    post_test.grading_method = QuizPage.GradingMethod.LATEST
    post_test.save()
    user = ParticipantFactory()
    enrol(event, user)
    attempt(post_test, user, percent=Decimal("85"), number=1)
    attempt(post_test, user, percent=Decimal("40"), number=2)

    row = row_of(event, user)

    assert row.post_test == 40
    assert row.post_test_result == PostTestResult.FAILED
    assert not row.complete


def test_a_participant_who_did_nothing(event, pre_test, post_test):
    user = ParticipantFactory()
    enrol(event, user)
    attempt(post_test, user)  # still in progress: not taken

    row = row_of(event, user)

    assert row.checked_in_at is None and row.pacts_accepted == 0
    assert (row.pre_test, row.post_test, row.gain) == (None, None, None)
    assert row.submitted_attempts == 0
    assert row.post_test_result == PostTestResult.NOT_TAKEN
    assert row.certificate_number == ""


def test_only_the_events_participants_in_name_order(event, home_page):
    other_event = make_event(home_page, slug="lain", title="Kegiatan lain")
    budi, ani = (
        ParticipantFactory(full_name="Budi"),
        ParticipantFactory(full_name="Ani"),
    )
    enrol(event, budi, ani)
    enrol(other_event, ParticipantFactory(full_name="Cici"))

    assert [r.participant.full_name for r in event_results(event)] == ["Ani", "Budi"]


def test_a_revoked_certificate_shows_no_number(event):
    user = ParticipantFactory()
    enrol(event, user)
    certificate = make_certificate(event=event, user=user)
    certificate.revoked_at = certificate.issued_at
    certificate.save()

    assert row_of(event, user).certificate_number == ""


def _fill(event, pact, pre_test, post_test, count):
    first = event.certificates.count() + 1
    for sequence in range(first, first + count):
        user = ParticipantFactory()
        enrol(event, user)
        check_in(event, user)
        accept(event, user, pact)
        attempt(pre_test, user, percent=Decimal("40"))
        attempt(post_test, user, percent=Decimal("80"))
        make_certificate(event=event, user=user, sequence=sequence)


def _queries(event) -> int:
    with CaptureQueriesContext(connection) as captured:
        event_results(event)
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_participants(event, pact, pre_test, post_test):
    _fill(event, pact, pre_test, post_test, 2)
    with_two = _queries(event)
    _fill(event, pact, pre_test, post_test, 10)

    assert _queries(event) == with_two
