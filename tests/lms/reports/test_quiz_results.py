"""One quiz's results: whose rows, the grade by the quiz's grading method, passing,
and the summary worked out by hand."""

from decimal import Decimal

import pytest

from lms.accounts.models import User
from lms.reports.quiz_results import (
    QuizResultSummary,
    quiz_results,
    summarise_quiz_results,
)
from tests.factories import ParticipantFactory
from tests.lms.events.event_builders import attempt, make_event, make_test

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_page):
    return make_event(home_page)


def row_of(rows, user):
    return next(row for row in rows if row.participant == user)


@pytest.mark.parametrize(
    ("method", "grade", "passed"),
    [
        ("highest", Decimal("80"), True),
        ("latest", Decimal("50"), False),
        ("first", Decimal("40"), False),
        ("mean", Decimal("56.67"), False),
    ],
)
def test_the_grade_counts_by_the_quizs_grading_method(event, method, grade, passed):
    post = make_test(event, "post_test", grading_method=method, pass_mark=60)
    user = ParticipantFactory()
    for number, percent in enumerate(("40", "80", "50"), start=1):
        attempt(post, user, percent=Decimal(percent), number=number)

    row = row_of(quiz_results(post), user)

    assert (row.grade, row.passed, row.submitted_attempts) == (grade, passed, 3)
    assert row.last_submitted_at is not None


def test_only_submitted_attempts_count_and_give_a_row(event):
    post = make_test(event, "post_test")
    handed_in, still_writing = ParticipantFactory(), ParticipantFactory()
    attempt(post, handed_in, percent=Decimal("70"), number=1)
    attempt(post, handed_in, number=2)  # open: no grade yet
    attempt(post, still_writing)

    rows = quiz_results(post)

    assert [row.participant for row in rows] == [handed_in]
    assert rows[0].submitted_attempts == 1


def test_a_pre_test_gives_scores_without_passing(event):
    pre = make_test(event, "pre_test", pass_mark=60)
    user = ParticipantFactory()
    attempt(pre, user, percent=Decimal("90"))

    row = row_of(quiz_results(pre), user)

    assert (row.grade, row.passed, row.result_text) == (90, None, "")


def test_a_modules_quiz_has_its_results_too(quiz, in_english):
    user = ParticipantFactory()
    attempt(quiz, user, percent=Decimal("75"))

    (row,) = quiz_results(quiz)

    assert (row.participant, row.grade, row.passed) == (user, 75, True)
    assert row.result_text == "Passed"


def test_only_the_participants_asked_for(event):
    post = make_test(event, "post_test")
    kartini = ParticipantFactory(kelurahan="Kartini")
    attempt(post, kartini, percent=Decimal("70"))
    attempt(post, ParticipantFactory(kelurahan="Gambir"), percent=Decimal("70"))

    rows = quiz_results(post, User.objects.filter(kelurahan="Kartini"))

    assert [row.participant for row in rows] == [kartini]


def test_only_this_quizs_attempts(event):
    pre, post = make_test(event, "pre_test"), make_test(event, "post_test")
    user = ParticipantFactory()
    attempt(pre, user, percent=Decimal("10"))

    assert quiz_results(post) == []


def test_the_summary_by_hand(event):
    post = make_test(event, "post_test", pass_mark=60)
    for percent in ("40", "60", "75", "90.01"):
        attempt(post, ParticipantFactory(), percent=Decimal(percent))

    summary = summarise_quiz_results(quiz_results(post), decides_passing=True)

    # Mean (40 + 60 + 75 + 90.01) / 4 = 66.2525 -> 66.25; median (60 + 75) / 2;
    # 60 passes (the mark is reached), so 3 of 4 passed.
    assert summary == QuizResultSummary(
        participants=4,
        mean_grade=Decimal("66.25"),
        median_grade=Decimal("67.50"),
        passed=3,
        pass_rate=Decimal("75.00"),
    )


def test_the_median_of_an_odd_count_and_a_rate_rounded_half_up(event):
    post = make_test(event, "post_test", pass_mark=60)
    for percent in ("70", "20", "55.55"):
        attempt(post, ParticipantFactory(), percent=Decimal(percent))

    summary = summarise_quiz_results(quiz_results(post), decides_passing=True)

    # 1 of 3 = 33.333… %; the mean (145.55 / 3 = 48.51666…) rounds up.
    assert (summary.median_grade, summary.mean_grade) == (
        Decimal("55.55"),
        Decimal("48.52"),
    )
    assert (summary.passed, summary.pass_rate) == (1, Decimal("33.33"))


def test_a_pre_tests_summary_has_no_pass_rate(event):
    pre = make_test(event, "pre_test")
    attempt(pre, ParticipantFactory(), percent=Decimal("90"))

    summary = summarise_quiz_results(quiz_results(pre), decides_passing=False)

    assert (summary.participants, summary.mean_grade) == (1, 90)
    assert (summary.passed, summary.pass_rate) == (None, None)


def test_no_rows_is_not_enough_data_not_zero():
    summary = summarise_quiz_results([], decides_passing=True)

    assert summary == QuizResultSummary(0, None, None, 0, None)
