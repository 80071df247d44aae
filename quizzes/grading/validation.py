"""Authoring checks: what is wrong with a question before anyone is graded on it.

Grading copes with bad data (it clamps, it never divides by zero), but an author should
hear that no option is fully right long before a participant finds out. Problems are
stable codes with parameters, not sentences, so the admin can translate them and tests
can compare them.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import singledispatch

from quizzes.grading.exact import ONE, ZERO, format_number
from quizzes.grading.questions import (
    ChoiceOption,
    Matching,
    MultipleChoice,
    Numeric,
    NumericAnswer,
    NumericChoice,
    NumericRange,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from quizzes.grading.reading import accepted_answer_parts

MINIMUM_OPTIONS = 2
MINIMUM_PAIRS = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a question: a stable ``code`` and the values a message
    needs (numbers as exact text such as "1.5" or "1/3", positions counted from 1)."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


def _duplicates(keys: Iterable[str]) -> list[str]:
    """Each key that occurs more than once, once, in order of first appearance."""
    return [key for key, count in Counter(keys).items() if count > 1]


def _choice_problems(options: Sequence[ChoiceOption]) -> list[Problem]:
    problems = []
    if len(options) < MINIMUM_OPTIONS:
        params = {"count": len(options), "minimum": MINIMUM_OPTIONS}
        problems.append(Problem("too_few_options", params))
    for key in _duplicates(option.key for option in options):
        problems.append(Problem("duplicate_option_key", {"key": key}))
    for position, option in enumerate(options, start=1):
        if not option.key:
            problems.append(Problem("empty_option_key", {"position": position}))
        if not -ONE <= option.credit <= ONE:
            params = {"key": option.key, "credit": format_number(option.credit)}
            problems.append(Problem("choice_credit_out_of_range", params))
    return problems


def _answer_credit_problem(position: int, credit: Fraction) -> list[Problem]:
    """Typed answers give 0..1 of the points; a penalty makes no sense there."""
    if ZERO <= credit <= ONE:
        return []
    params = {"position": position, "credit": format_number(credit)}
    return [Problem("answer_credit_out_of_range", params)]


@singledispatch
def _problems(question: object) -> list[Problem]:
    raise TypeError(f"Cannot validate a {type(question).__name__}.")


@_problems.register(SingleChoice)
def _problems_single(question: SingleChoice) -> list[Problem]:
    problems = _choice_problems(question.options)
    # Exactly one: with two fully right options, a participant who sees one
    # and doubts the other has been set a trick, not a question.
    if sum(1 for option in question.options if option.credit == ONE) != 1:
        problems.append(Problem("single_choice_needs_one_full_credit"))
    return problems


@_problems.register(MultipleChoice)
def _problems_multiple(question: MultipleChoice) -> list[Problem]:
    problems = _choice_problems(question.options)
    reachable = sum((max(option.credit, ZERO) for option in question.options), ZERO)
    if reachable < ONE:
        params = {"total": format_number(reachable)}
        problems.append(Problem("multiple_choice_cannot_reach_full_credit", params))
    return problems


@_problems.register(TrueFalse)
def _problems_true_false(question: TrueFalse) -> list[Problem]:
    return []


@_problems.register(ShortAnswer)
def _problems_short(question: ShortAnswer) -> list[Problem]:
    problems, full_credit = [], False
    rules = (question.case_sensitive, question.ignore_accents)
    for position, answer in enumerate(question.answers, start=1):
        problems += _answer_credit_problem(position, answer.credit)
        if accepted_answer_parts(answer.text, *rules) == ("",):
            problems.append(Problem("empty_accepted_answer", {"position": position}))
        elif answer.credit == ONE:
            full_credit = True
    if not full_credit:
        problems.append(Problem("short_answer_needs_a_full_credit_answer"))
    return problems


def _interval(answer: NumericChoice) -> tuple[Fraction | float, Fraction | float]:
    """The closed interval of numbers an answer accepts (infinite for any number)."""
    if isinstance(answer, NumericAnswer):
        return answer.value - answer.tolerance, answer.value + answer.tolerance
    if isinstance(answer, NumericRange):
        return answer.minimum, answer.maximum
    return -math.inf, math.inf


def _covered(interval, earlier: list) -> bool:
    """Whether the union of the closed ``earlier`` intervals holds all of ``interval``."""
    start, end = interval
    reached, started = start, False  # covered from ``start`` up to ``reached``
    for low, high in sorted(earlier):
        if low > reached:
            break  # a gap: a number here is accepted by none of them
        if high >= reached:
            reached, started = high, True
        if started and reached >= end:
            return True
    return False


def _numeric_answer_problems(position: int, answer: NumericChoice) -> list[Problem]:
    if isinstance(answer, NumericAnswer) and answer.tolerance < 0:
        params = {"position": position, "tolerance": format_number(answer.tolerance)}
        return [Problem("negative_tolerance", params)]
    if isinstance(answer, NumericRange) and answer.minimum > answer.maximum:
        params = {
            "position": position,
            "minimum": format_number(answer.minimum),
            "maximum": format_number(answer.maximum),
        }
        return [Problem("range_minimum_above_maximum", params)]
    return []


@_problems.register(Numeric)
def _problems_numeric(question: Numeric) -> list[Problem]:
    """Answers are checked in order and the first that accepts a number decides
    (Moodle's rule), so one whose numbers the answers above it all accept can
    never count: with full credit there, nobody could earn full marks."""
    problems, full_credit, earlier = [], False, []
    for position, answer in enumerate(question.answers, start=1):
        problems += _answer_credit_problem(position, answer.credit)
        shape = _numeric_answer_problems(position, answer)
        problems += shape
        if shape:
            continue
        interval = _interval(answer)
        if _covered(interval, earlier):
            problems.append(
                Problem("numeric_answer_never_counts", {"position": position})
            )
        elif answer.credit == ONE:
            full_credit = True
        earlier.append(interval)
    if not full_credit:
        problems.append(Problem("numeric_needs_a_full_credit_answer"))
    return problems


@_problems.register(Matching)
def _problems_matching(question: Matching) -> list[Problem]:
    problems = []
    if len(question.pairs) < MINIMUM_PAIRS:
        params = {"count": len(question.pairs), "minimum": MINIMUM_PAIRS}
        problems.append(Problem("matching_needs_two_pairs", params))
    for prompt in _duplicates(pair.prompt_key for pair in question.pairs):
        problems.append(Problem("duplicate_prompt", {"prompt": prompt}))
    answers = {pair.answer_key for pair in question.pairs}
    for key in dict.fromkeys(question.distractors):
        if key in answers:
            problems.append(Problem("distractor_is_an_answer", {"key": key}))
    return problems


def validate_question(question: Question) -> list[Problem]:
    """Everything an author must fix before a question can be used; [] when none.

    Codes: points_must_be_positive, too_few_options, duplicate_option_key,
    empty_option_key, choice_credit_out_of_range, single_choice_needs_one_full_credit,
    multiple_choice_cannot_reach_full_credit, answer_credit_out_of_range,
    empty_accepted_answer, short_answer_needs_a_full_credit_answer,
    negative_tolerance, range_minimum_above_maximum, numeric_answer_never_counts,
    numeric_needs_a_full_credit_answer, matching_needs_two_pairs, duplicate_prompt,
    distractor_is_an_answer. An unknown question type raises TypeError.
    """
    problems = _problems(question)
    if question.points <= 0:
        params = {"points": format_number(question.points)}
        problems.insert(0, Problem("points_must_be_positive", params))
    return problems
