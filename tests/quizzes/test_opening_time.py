"""A quiz's opening time (``opens_at``): nobody starts it early, and its page says when.

A post-test opened before the speaker has finished would let the hall take it
before the lesson; the rule is kept by the page model, by ``start_attempt`` and
by the start button's view, so each is tested on its own.
"""

import datetime

import pytest
from django.template.defaultfilters import date as format_date
from django.urls import reverse
from django.utils import timezone, translation

from quizzes.attempts import AttemptRefused, start_attempt
from quizzes.models import Attempt

pytestmark = pytest.mark.django_db

OPENS = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=2)
CLOSES = OPENS + datetime.timedelta(hours=2)
MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def later_quiz(quiz):
    """The practice quiz, opening in two days."""
    quiz.opens_at = OPENS
    quiz.save_revision().publish()
    return quiz


@pytest.mark.parametrize(
    ("now", "is_open"),
    [
        (OPENS - MINUTE, False),
        (OPENS, True),
        (CLOSES - MINUTE, True),
        (CLOSES, False),
    ],
)
def test_a_quiz_is_open_from_its_opening_time_until_its_closing_time(
    quiz, now, is_open
):
    quiz.opens_at, quiz.closes_at = OPENS, CLOSES
    assert quiz.is_open(now) is is_open


def test_an_attempt_cannot_start_before_the_opening_time(later_quiz, participant):
    with pytest.raises(AttemptRefused):
        start_attempt(quiz=later_quiz, user=participant, now=OPENS - MINUTE)
    assert not Attempt.objects.exists()
    attempt = start_attempt(quiz=later_quiz, user=participant, now=OPENS)
    assert attempt.started_at == OPENS


def test_the_start_button_refuses_an_early_start_and_the_page_says_when_it_opens(
    taker, later_quiz
):
    start_url = reverse("quizzes:start", args=[later_quiz.pk])
    response = taker.post(start_url)
    assert response.status_code == 302 and response.url == later_quiz.url
    assert not Attempt.objects.exists()

    html = taker.get(later_quiz.url).content.decode()
    with translation.override("id"):
        opening = format_date(timezone.localtime(OPENS), "j F Y, H.i")
    assert opening in html
    assert "Kuis ini sedang tidak dibuka." in html
    assert f'action="{start_url}"' not in html
