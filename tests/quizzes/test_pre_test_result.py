"""A pre-test decides nothing: its pages give the score, never "passed" or "not passed"."""

import pytest
from bs4 import BeautifulSoup

from quizzes.attempts import start_attempt, submit_attempt
from tests.factories import QuizPageFactory

pytestmark = pytest.mark.django_db

VERDICTS = {"Passed", "Not passed"}


def texts(html: str) -> set[str]:
    """Every piece of text on the page, as a participant reads it."""
    return {s.strip() for s in BeautifulSoup(html, "html.parser").strings}


@pytest.fixture
def graded(learning, participant):
    """A submitted attempt with nothing answered (0 points) at a quiz of ``kind``."""

    def make(kind):
        quiz = QuizPageFactory(parent=learning.module, kind=kind)
        attempt = submit_attempt(attempt=start_attempt(quiz=quiz, user=participant))
        return quiz, attempt

    return make


def test_a_pre_test_result_gives_the_score_and_says_it_decides_nothing(
    taker, graded, in_english
):
    _quiz, attempt = graded("pre_test")
    html = taker.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    summary = BeautifulSoup(html, "html.parser").select_one(".result-summary")
    assert summary.attrs["class"] == ["panel", "result-summary"]  # no pass colours
    assert summary.select_one(".result-summary__score").text == "0%"
    assert "Your pre-test score · 0 of 6 points" in " ".join(summary.text.split())
    assert "does not decide whether you pass" in summary.text
    assert not VERDICTS & texts(html)
    assert "pass mark" not in html


def test_a_post_test_result_still_says_whether_it_passed(taker, graded, in_english):
    _quiz, attempt = graded("post_test")
    html = taker.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    assert "Not passed" in texts(html)
    assert "result-summary--failed" in html


def test_my_quizzes_and_the_pre_tests_page_show_no_pass_mark_or_verdict(
    taker, graded, in_english
):
    quiz, _attempt = graded("pre_test")
    listing = taker.get("/kuis/saya/").content.decode()
    assert "Grade 0%" in listing and not VERDICTS & texts(listing)
    assert "A pre-test does not decide whether you pass." in listing
    assert "Pass mark" not in taker.get(quiz.url).content.decode()


def test_practice_quizzes_keep_their_verdict_and_pass_mark(taker, graded, in_english):
    quiz, _attempt = graded("practice")
    assert "Not passed" in texts(taker.get("/kuis/saya/").content.decode())
    assert "Pass mark" in taker.get(quiz.url).content.decode()
