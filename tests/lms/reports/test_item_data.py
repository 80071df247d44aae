"""A quiz's item analysis read from attempts taken through the real engine: which
question and option is which across shuffled papers, what counts, and its cost."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from lms.reports.item_data import quiz_item_analysis
from lms.reports.item_labels import excerpt
from lms.reports.reliability import NoReliability
from quizzes.attempts import start_attempt
from quizzes.models import Answer
from tests.factories import ParticipantFactory, QuizPageFactory, question_blocks
from tests.lms.reports.item_builders import (
    MULTIPLE,
    RIGHT_DATE,
    SHORT,
    SINGLE,
    TRUE_FALSE,
    WRONG_DATE,
    take,
)

pytestmark = pytest.mark.django_db

QUIZ_ORDER = [
    SINGLE,
    MULTIPLE,
    TRUE_FALSE,
    SHORT,
    "Berapa jenis surat suara?",
    "Pasangkan lembaga.",
]


@pytest.fixture
def shuffled_quiz(learning):
    return QuizPageFactory(
        parent=learning.module, shuffle_questions=True, shuffle_options=True
    )


def item_of(report, text):
    return next(item for item in report.items if item.question.excerpt == text)


def option_rows(item):
    return [(row.option.excerpt, row.option.right, row.count) for row in item.options]


def test_questions_and_options_are_known_by_their_text_across_papers(shuffled_quiz):
    picks = [
        (RIGHT_DATE, True, ["Presiden", "DPR"]),
        (RIGHT_DATE, True, ["Presiden"]),
        (RIGHT_DATE, False, ["DPRD kota"]),
        (WRONG_DATE, True, ["Presiden", "DPR"]),
    ]
    attempts = [
        take(
            shuffled_quiz,
            {SINGLE: date, TRUE_FALSE: true_false, MULTIPLE: chosen},
            seed=seed,
        )
        for seed, (date, true_false, chosen) in enumerate(picks)
    ]
    # The papers really differ: own keys, and questions in other orders.
    assert len({a.paper[0]["key"] for a in attempts}) == 4
    assert len({tuple(q["text"] for q in a.paper) for a in attempts}) > 1

    with translation.override("en"):
        report = quiz_item_analysis(shuffled_quiz)

    assert report.analysis.attempts == 4
    assert [(i.question.label, i.question.excerpt) for i in report.items] == [
        (f"Q{n}", text) for n, text in enumerate(QUIZ_ORDER, start=1)
    ]
    single = item_of(report, SINGLE)
    assert option_rows(single) == [(RIGHT_DATE, True, 3), (WRONG_DATE, False, 1)]
    assert single.stats.difficulty == Decimal("0.75")
    assert [row.percent for row in single.options] == [75, 25]
    assert option_rows(item_of(report, TRUE_FALSE)) == [
        ("True", True, 3),
        ("False", False, 1),
    ]
    # Right means any credit above 0: both halves of the multiple choice.
    assert option_rows(item_of(report, MULTIPLE)) == [
        ("Presiden", True, 3),
        ("DPR", True, 2),
        ("DPRD kota", False, 1),
    ]
    assert item_of(report, SHORT).options == ()


def test_a_question_left_unanswered_or_without_a_grade_scores_zero(shuffled_quiz):
    take(shuffled_quiz, {SINGLE: RIGHT_DATE, TRUE_FALSE: True}, seed=1)
    take(shuffled_quiz, {}, seed=2)
    ungraded = take(shuffled_quiz, {SINGLE: RIGHT_DATE}, seed=3)
    Answer.objects.filter(attempt=ungraded).update(credit=None)

    report = quiz_item_analysis(shuffled_quiz)

    single = item_of(report, SINGLE)
    assert (single.stats.attempts, single.stats.difficulty) == (3, Decimal("0.33"))
    assert single.stats.no_choice == 1
    assert item_of(report, TRUE_FALSE).stats.difficulty == Decimal("0.33")
    assert item_of(report, SHORT).stats.difficulty == Decimal("0.00")


def test_an_edited_question_is_a_separate_item_after_the_quizs_own(quiz):
    take(quiz, {SINGLE: RIGHT_DATE}, seed=1)
    blocks = question_blocks()
    blocks[0]["value"]["text"] = "<p>Kapan hari pemungutan suara?</p>"
    quiz.questions = blocks
    quiz.save()
    take(quiz, {"Kapan hari pemungutan suara?": WRONG_DATE}, seed=2)

    with translation.override("en"):
        report = quiz_item_analysis(quiz)

    assert len(report.items) == 7
    new, old = report.items[0], report.items[-1]
    assert (new.question.label, new.question.excerpt, new.question.in_quiz) == (
        "Q1",
        "Kapan hari pemungutan suara?",
        True,
    )
    assert (old.question.label, old.question.excerpt, old.question.in_quiz) == (
        "Q7",
        SINGLE,
        False,
    )
    assert (new.stats.attempts, new.stats.difficulty) == (1, Decimal("0.00"))
    assert (old.stats.attempts, old.stats.difficulty) == (1, Decimal("1.00"))
    assert report.analysis.reliability.reason == NoReliability.PAPERS_DIFFER


def test_a_question_asked_twice_is_two_items(learning):
    blocks = question_blocks()[:1] * 2
    quiz = QuizPageFactory(parent=learning.module, questions=blocks)
    take(quiz, {SINGLE: RIGHT_DATE})

    report = quiz_item_analysis(quiz)

    assert [item.question.excerpt for item in report.items] == [SINGLE, SINGLE]
    assert [item.stats.attempts for item in report.items] == [1, 1]


def test_each_participants_first_submitted_attempt_counts(quiz):
    ani = ParticipantFactory()
    take(quiz, {SINGLE: WRONG_DATE}, user=ani, seed=1)
    take(quiz, {SINGLE: RIGHT_DATE}, user=ani, seed=2)
    take(quiz, {SINGLE: RIGHT_DATE}, seed=3)
    start_attempt(quiz=quiz, user=ParticipantFactory())  # still open

    report = quiz_item_analysis(quiz)

    assert report.analysis.attempts == 2
    assert item_of(report, SINGLE).stats.difficulty == Decimal("0.50")


def test_a_quiz_nobody_submitted_has_no_items(quiz):
    start_attempt(quiz=quiz, user=ParticipantFactory())

    report = quiz_item_analysis(quiz)

    assert (report.analysis.attempts, report.items) == (0, ())


def test_queries_do_not_grow_with_attempts(shuffled_quiz, learning):
    def count_queries(quiz, attempts):
        for seed in range(attempts):
            take(quiz, {SINGLE: RIGHT_DATE, MULTIPLE: ["DPR"]}, seed=seed)
        with CaptureQueriesContext(connection) as queries:
            report = quiz_item_analysis(quiz)
        assert report.analysis.attempts == attempts
        return len(queries)

    bigger = QuizPageFactory(parent=learning.module, shuffle_questions=True)

    assert count_queries(shuffled_quiz, 3) == count_queries(bigger, 12) == 2


def test_an_excerpt_is_one_line_of_plain_text_cut_short():
    text = "<p>Apa <b>arti</b>\n &amp; &lt;script&gt;</p><p>di HTML?</p>"
    assert excerpt(text, 90) == "Apa arti & <script> di HTML?"
    assert excerpt("<p>" + "kata " * 40 + "</p>", 20) == "kata kata kata kata…"
