"""The evaluation on the event page and "Beranda saya": a link while it is open and
not filled in, "filled in" afterwards, and never a completion requirement."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.events.models import EvaluationResponse
from tests.factories import ParticipantFactory
from tests.lms.events.evaluation_builders import make_evaluation, running_event
from tests.lms.events.event_builders import check_in, enrol

pytestmark = pytest.mark.usefixtures("in_english")

FILL_IN = "Fill in the event evaluation"
FILLED_IN = "Evaluation filled in"


@pytest.fixture
def event(home_page, participant):
    """Completed by checking in."""
    event = running_event(home_page, require_check_in=True, require_post_test=False)
    enrol(event, participant)
    return event


@pytest.fixture
def signed_in(client, participant):
    client.force_login(participant)
    return client


def pages(client, event):
    """The event page and "Beranda saya", as the participant sees them."""
    return [
        client.get(url).content.decode() for url in (event.url, reverse("dashboard"))
    ]


def test_an_open_evaluation_is_offered_on_both_pages(signed_in, event):
    evaluation = make_evaluation(event)
    for page in pages(signed_in, event):
        assert FILL_IN in page and f'href="{evaluation.url}"' in page
        assert FILLED_IN not in page


def test_once_answered_it_says_so_instead(signed_in, event, participant):
    evaluation = make_evaluation(event)
    EvaluationResponse.objects.create(page=evaluation, user=participant, form_data={})
    for page in pages(signed_in, event):
        assert FILLED_IN in page and FILL_IN not in page


def test_answered_by_someone_else_is_still_offered(signed_in, event):
    evaluation = make_evaluation(event)
    EvaluationResponse.objects.create(
        page=evaluation, user=ParticipantFactory(), form_data={}
    )
    assert FILL_IN in pages(signed_in, event)[0]


@pytest.mark.parametrize("state", ["closed", "draft", "none"])
def test_nothing_is_offered_when_it_cannot_be_answered(signed_in, event, state):
    if state == "closed":
        make_evaluation(event, closes_at=timezone.now() - datetime.timedelta(minutes=1))
    elif state == "draft":
        make_evaluation(event, live=False)
    for page in pages(signed_in, event):
        assert FILL_IN not in page and FILLED_IN not in page


def test_the_evaluation_is_not_a_completion_requirement(signed_in, event, participant):
    make_evaluation(event)
    check_in(event, participant)
    for page in pages(signed_in, event):
        assert "You have met every requirement of this event." in page
        assert FILL_IN in page
