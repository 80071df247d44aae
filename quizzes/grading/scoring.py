"""Scoring: a question and a response make a QuestionGrade; a paper makes a PaperGrade.

Grading never raises because of what a participant sent: a response of the wrong shape
(a list for a single choice, a number for a short answer) counts as no answer. It does
raise for programming errors, such as a question type it does not know.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import singledispatch
from typing import Literal

from quizzes.grading.exact import (
    ONE,
    ZERO,
    Number,
    clamp_credit,
    round_half_up,
    to_fraction,
)
from quizzes.grading.questions import (
    ChoiceOption,
    Matching,
    MultipleChoice,
    Numeric,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from quizzes.grading.reading import (
    accepted_answer_parts,
    glob_match,
    normalise_answer,
    parse_number,
)

Credit = tuple[Fraction, bool]  # (credit before rounding, is_answered)


@dataclass(frozen=True)
class QuestionGrade:
    """How one response scored: what a review screen and an answer row need.

    ``credit`` is exact (0..1); the points are rounded to two places.
    """

    credit: Fraction
    points_awarded: Decimal
    max_points: Decimal
    is_correct: bool
    is_answered: bool


def _credit_by_key(options: Sequence[ChoiceOption]) -> dict[str, Fraction]:
    """Credit by option key. A duplicated key (invalid anyway) keeps its best credit,
    so a grade never depends on the order options were shuffled into."""
    credits: dict[str, Fraction] = {}
    for option in options:
        credits[option.key] = max(option.credit, credits.get(option.key, option.credit))
    return credits


@singledispatch
def _credit(question: object, response: object) -> Credit:
    """(credit, is_answered) for one response; one registered function per type."""
    raise TypeError(f"Cannot grade a {type(question).__name__}.")


@_credit.register(SingleChoice)
def _credit_single(question: SingleChoice, response: object) -> Credit:
    credits = _credit_by_key(question.options)
    if not isinstance(response, str) or response not in credits:
        return ZERO, False
    return clamp_credit(credits[response]), True


@_credit.register(MultipleChoice)
def _credit_multiple(question: MultipleChoice, response: object) -> Credit:
    if not isinstance(response, set | frozenset | list | tuple) or not all(
        isinstance(key, str) for key in response
    ):
        return ZERO, False
    credits = _credit_by_key(question.options)
    chosen = {key for key in response if key in credits}
    if not chosen:
        return ZERO, False
    return clamp_credit(sum((credits[key] for key in chosen), ZERO)), True


@_credit.register(TrueFalse)
def _credit_true_false(question: TrueFalse, response: object) -> Credit:
    if not isinstance(response, bool):
        return ZERO, False
    return (ONE if response == question.correct else ZERO), True


@_credit.register(ShortAnswer)
def _credit_short(question: ShortAnswer, response: object) -> Credit:
    if not isinstance(response, str):
        return ZERO, False
    rules = (question.case_sensitive, question.ignore_accents)
    given = normalise_answer(response, case_sensitive=rules[0], ignore_accents=rules[1])
    if not given:
        return ZERO, False
    matching = (
        answer.credit
        for answer in question.answers
        if glob_match(accepted_answer_parts(answer.text, *rules), given)
    )
    return clamp_credit(max(matching, default=ZERO)), True


def numeric_match(question: Numeric, response: object) -> int | None:
    """The position (from 0) of the answer that decides a numeric response: the
    first, in the author's order, that accepts the number typed (Moodle's rule).

    None when no answer accepts it or the response is not a number. Public so a
    review can show the feedback of the answer that gave the credit.
    """
    number = parse_number(response) if isinstance(response, str) else None
    if number is None:
        return None
    return next(
        (i for i, answer in enumerate(question.answers) if answer.accepts(number)),
        None,
    )


@_credit.register(Numeric)
def _credit_numeric(question: Numeric, response: object) -> Credit:
    if not isinstance(response, str) or not response.strip():
        return ZERO, False
    # Something typed that is not a number, or that no answer accepts, is
    # answered and wrong.
    position = numeric_match(question, response)
    if position is None:
        return ZERO, True
    return clamp_credit(question.answers[position].credit), True


@_credit.register(Matching)
def _credit_matching(question: Matching, response: object) -> Credit:
    if not isinstance(response, Mapping) or not question.pairs:
        return ZERO, False
    given = {
        prompt: answer
        for prompt, answer in response.items()
        if isinstance(prompt, str) and isinstance(answer, str) and answer
    }
    if not any(pair.prompt_key in given for pair in question.pairs):
        return ZERO, False
    right = sum(
        given.get(pair.prompt_key) == pair.answer_key for pair in question.pairs
    )
    return Fraction(right, len(question.pairs)), True


def grade_question(question: Question, response: object) -> QuestionGrade:
    """Grade one response to one question.

    A wrongly shaped response grades as unanswered with no credit; only an unknown
    question type raises (TypeError).
    """
    credit, answered = _credit(question, response)
    return QuestionGrade(
        credit=credit,
        points_awarded=round_half_up(credit * question.points),
        max_points=round_half_up(question.points),
        is_correct=credit == ONE,
        is_answered=answered,
    )


@dataclass(frozen=True)
class PaperGrade:
    """The grade of a whole attempt, and each question's grade by its paper key."""

    score: Decimal
    max_score: Decimal
    percent: Decimal
    passed: bool
    questions: dict[str, QuestionGrade]


def grade_paper(
    questions: Sequence[tuple[str, Question]],
    responses: Mapping[str, object],
    pass_mark_percent: Number,
) -> PaperGrade:
    """Grade an attempt's frozen paper against its saved responses.

    Score and percent are computed exactly and rounded once, so the score may differ
    by a cent from the sum of the rounded question points. ``passed`` compares the
    EXACT percentage with the pass mark: 59.996% fails a 60% pass mark although it
    displays as 60.00, because a participant who did not reach the mark has not
    passed, and rounding must not issue certificates. A question with no response is
    unanswered. An empty paper scores 0 of 0, 0%, and passes only a pass mark of 0 or
    less. Two questions with the same key raise ValueError.
    """
    pass_mark = to_fraction(pass_mark_percent)
    grades: dict[str, QuestionGrade] = {}
    score = maximum = ZERO
    for key, question in questions:
        if key in grades:
            raise ValueError(f"Question key {key!r} appears twice in the paper.")
        grades[key] = grade = grade_question(question, responses.get(key))
        score += grade.credit * question.points
        maximum += question.points
    percent = score / maximum * 100 if maximum else ZERO
    return PaperGrade(
        score=round_half_up(score),
        max_score=round_half_up(maximum),
        percent=round_half_up(percent),
        passed=percent >= pass_mark,
        questions=grades,
    )


@dataclass(frozen=True)
class AttemptResult:
    """One submitted attempt's percentage, and its place in submission order."""

    percent: Decimal
    submitted_order: int


CombineMethod = Literal["highest", "latest", "first", "mean"]


def _percent(attempt: AttemptResult) -> Fraction:
    return to_fraction(attempt.percent)


# Ties in submitted_order (bad data) go to the better percentage, so the result never
# depends on the order the attempts were listed in.
def _latest(attempts: Sequence[AttemptResult]) -> Fraction:
    return _percent(max(attempts, key=lambda a: (a.submitted_order, _percent(a))))


def _first(attempts: Sequence[AttemptResult]) -> Fraction:
    return _percent(min(attempts, key=lambda a: (a.submitted_order, -_percent(a))))


_COMBINERS: dict[str, Callable[[Sequence[AttemptResult]], Fraction]] = {
    "highest": lambda attempts: max(map(_percent, attempts)),
    "latest": _latest,
    "first": _first,
    "mean": lambda attempts: sum(map(_percent, attempts), ZERO) / len(attempts),
}
COMBINE_METHODS: tuple[str, ...] = tuple(_COMBINERS)


def combine_attempts(
    attempts: Sequence[AttemptResult], method: CombineMethod
) -> Decimal | None:
    """The one percentage that stands for several attempts, by the quiz's grading
    method; None when there are no attempts. An unknown method raises ValueError."""
    if method not in _COMBINERS:
        raise ValueError(
            f"Unknown method {method!r}; expected one of {COMBINE_METHODS}."
        )
    if not attempts:
        return None
    return round_half_up(_COMBINERS[method](attempts))
