"""A number question with several answers: each answer row is one number, a range
or "any other number"; through HTTP, the first answer that accepts the number
typed gives its credit and the review shows that answer's feedback, as Moodle
does."""

import pytest
from django.core.exceptions import ValidationError

from quizzes.blocks import NumericAnswerBlock
from quizzes.models import Answer
from tests.factories import QuizPageFactory, question_blocks
from tests.quizzes.test_attempt_flow import attempt_path, autosave, start

pytestmark = pytest.mark.django_db


def grant_answer(credit, feedback, value=None, tolerance=None, any_number=False):
    return {"value": value, "tolerance": tolerance, "minimum": None, "maximum": None,
            "any_number": any_number, "credit": credit, "feedback": feedback}  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "valid"),
    [
        (grant_answer(100, "", "1822", "2"), True),
        ({**grant_answer(50, ""), "minimum": "1820", "maximum": "1824"}, True),
        (grant_answer(0, "Baca lagi.", any_number=True), True),
        (grant_answer(0, ""), False),  # nothing to accept
        (grant_answer(0, "", "1822", any_number=True), False),  # two at once
        (
            {**grant_answer(0, "", any_number=True), "minimum": "1", "maximum": "2"},
            False,
        ),
    ],
)
def test_an_answer_row_is_a_number_a_range_or_any_other_number(
    in_english, answer, valid
):
    block = NumericAnswerBlock()
    if valid:
        block.clean(block.to_python(answer))
    else:
        with pytest.raises(ValidationError, match="Give one of"):
            block.clean(block.to_python(answer))


@pytest.fixture
def grant_quiz(learning):
    """One number question: exactly 1822, 1822 ± 2 for half, anything else wrong."""
    (numeric,) = [b for b in question_blocks() if b["type"] == "numeric"]
    numeric["value"].update(
        text="<p>Tahun berapa Ulysses S. Grant lahir?</p>",
        unit="",
        answers=[
            grant_answer(100, "Tepat sekali.", "1822"),
            grant_answer(50, "Hampir: selisihnya kurang dari dua tahun.", "1822", "2"),
            grant_answer(0, "Baca lagi materinya.", any_number=True),
        ],
    )
    return QuizPageFactory(
        parent=learning.module, slug="grant", questions=[numeric],
        review_content="feedback",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "credit", "shown", "hidden"),
    [
        ("1822", 1, "Tepat sekali.", ["Hampir", "Baca lagi"]),
        ("1823", 0.5, "Hampir: selisihnya", ["Tepat sekali", "Baca lagi"]),
        ("1900", 0, "Baca lagi materinya.", ["Tepat sekali", "Hampir"]),
    ],
)
def test_the_review_shows_the_feedback_of_the_answer_that_decided(
    taker, grant_quiz, typed, credit, shown, hidden
):
    attempt = start(taker, grant_quiz)
    (question,) = attempt.paper
    assert autosave(taker, grant_quiz, attempt, question, typed).status_code == 200
    taker.post(attempt_path("kirim/"))
    assert Answer.objects.get(attempt=attempt).credit == credit
    html = taker.get(attempt_path("hasil/")).content.decode()
    assert shown in html
    assert not any(text in html for text in hidden)
    assert "1822" in html.split("Diterima:")[1] and "None" not in html


def test_no_answer_feedback_before_the_review_allows_feedback(taker, grant_quiz):
    grant_quiz.review_content = "correctness"
    grant_quiz.save_revision().publish()
    attempt = start(taker, grant_quiz)
    autosave(taker, grant_quiz, attempt, attempt.paper[0], "1900")
    taker.post(attempt_path("kirim/"))
    assert "Baca lagi" not in taker.get(attempt_path("hasil/")).content.decode()
