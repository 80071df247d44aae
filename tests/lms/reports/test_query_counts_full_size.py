"""The reports read a fixed number of queries at a real event's size.

docs/reports.md promises that the results, learning gain, item analysis and quiz
results pages run a number of queries that does not grow with participants. The
other tests compare a few participants with a dozen; this one builds 1,000
participants with a pre-test and a post-test of 20 questions and their attempts
(``big_event.fill_event``, the builder of ``bench/reports.py``) once for the
module, beside the same event with 3 participants, and compares each page's
count at both sizes. The data is written in bulk inside one transaction that is
rolled back when the module is done.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import HomePageFactory, OrganiserFactory
from tests.lms.events.event_builders import make_event
from tests.lms.reports.big_event import fill_event

pytestmark = pytest.mark.django_db

FULL_SIZE, SMALL_SIZE = 1000, 3

PAGES = {
    "results": lambda big: reverse("lms_event_admin:results", args=[big.event.pk]),
    "gain": lambda big: reverse("lms_event_admin:learning_gain", args=[big.event.pk]),
    "item analysis": lambda big: reverse(
        "lms_reports:quiz_items", args=[big.post_test.pk]
    ),
    "quiz results": lambda big: reverse(
        "lms_reports:quiz_results", args=[big.post_test.pk]
    ),
}


@pytest.fixture(scope="module")
def events(django_db_setup, django_db_blocker):
    """(small, full size): the same event with 3 and with 1,000 participants."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = HomePageFactory()
        small = fill_event(
            make_event(home, slug="kecil"), participants=SMALL_SIZE, first=1
        )
        full = fill_event(
            make_event(home, slug="penuh"), participants=FULL_SIZE, first=1001
        )
        yield small, full
        transaction.set_rollback(True)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", PAGES)
def test_queries_at_full_size_equal_those_of_a_small_event(client, events, page):
    small, full = events
    assert len(full.participants) == FULL_SIZE
    client.force_login(OrganiserFactory())
    # The first request of a session reads what later ones find cached.
    client.get(PAGES[page](small))

    assert _queries(client, PAGES[page](full)) == _queries(client, PAGES[page](small))
