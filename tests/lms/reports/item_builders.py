"""Attempts made through the real quiz engine, answered by the texts people read.

Papers have random keys and shuffled options (quizzes/paper.py), so a test says
what a participant chose ("14 Februari 2024") and this finds the keys.
"""

import random

from django.utils.html import strip_tags

from quizzes.attempts import save_answer, start_attempt, submit_attempt
from quizzes.models import Attempt, QuizPage
from tests.factories import ParticipantFactory

SINGLE = "Kapan pemungutan suara?"
MULTIPLE = "Surat suara Jakarta?"
TRUE_FALSE = "TPS buka pukul 07.00."
SHORT = "Singkatan penyelenggara?"
RIGHT_DATE, WRONG_DATE = "14 Februari 2024", "17 Agustus 2024"


def _keys_of(question: dict, texts) -> list[str]:
    by_text = {
        strip_tags(option["text"]): option["key"] for option in question["options"]
    }
    return [by_text[text] for text in texts]


def _response(question: dict, pick):
    """A stored response from what was picked: option texts, True/False, or text."""
    if question["type"] == "single_choice":
        return _keys_of(question, [pick])[0]
    if question["type"] == "multiple_choice":
        return _keys_of(question, pick)
    return pick


def take(quiz: QuizPage, picks: dict, *, user=None, seed: int = 0) -> Attempt:
    """A submitted attempt at ``quiz`` answering the questions named in ``picks``
    (plain question text -> pick); the others are left unanswered."""
    attempt = start_attempt(
        quiz=quiz, user=user or ParticipantFactory(), rng=random.Random(seed)
    )
    for question in attempt.paper:
        text = strip_tags(question["text"])
        if text in picks:
            save_answer(
                attempt=attempt,
                question_key=question["key"],
                response=_response(question, picks[text]),
            )
    return submit_attempt(attempt=attempt)
