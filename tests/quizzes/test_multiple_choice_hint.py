"""A multiple-choice question says "choose all that apply" once: the page says it.

The rule (docs/quizzes.md): the page prints the hint under every
multiple-choice question, so a question's own text never repeats it.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from lms.demo.content.tests import POST_TEST, PRE_TEST
from lms.demo.quizzes import quiz_specs
from quizzes.attempts import start_attempt
from tests.factories import QuizPageFactory

HINT = "Choose all that apply."
DEMO_QUESTIONS = [
    question
    for spec in (PRE_TEST, POST_TEST, *(spec for _, _, spec in quiz_specs()))
    for question in spec["questions"]
]
DEMO_MULTIPLE_CHOICE = [q for q in DEMO_QUESTIONS if q["type"] == "multiple_choice"]


def hints() -> tuple[str, str]:
    with translation.override("id"):
        return HINT, gettext(HINT)


@pytest.mark.parametrize(
    "question", DEMO_MULTIPLE_CHOICE, ids=lambda q: q["value"]["text"][:40]
)
def test_no_demo_question_repeats_the_hint(question):
    assert not any(hint in question["value"]["text"] for hint in hints())


@pytest.mark.django_db
def test_the_attempt_page_says_it_once_per_multiple_choice_question(
    taker, learning, participant
):
    quiz = QuizPageFactory(parent=learning.module, questions=DEMO_MULTIPLE_CHOICE)
    attempt = start_attempt(quiz=quiz, user=participant)
    html = taker.get(f"/kuis/percobaan/{attempt.pk}/").content.decode()
    _, indonesian = hints()
    assert html.count(indonesian) == len(DEMO_MULTIPLE_CHOICE)
