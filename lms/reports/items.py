"""Item analysis of one quiz: how hard each question was, how well it told stronger
participants from weaker ones, which options were chosen, and how reliable the quiz
is as a whole (docs/reports.md, "Statistics").

An attempt's total score is the sum of its credits, so every question weighs the
same whatever its points: the analysis asks how each question behaves, not how the
grade was made. A question missing from an attempt's credits was not on its paper
(quizzes may draw questions at random); its statistics are taken over the attempts
that had it. An unanswered question is on the paper with credit 0.

Difficulty, discrimination and shares are computed exactly and rounded half up to
0.01 at the end; the correlation involves a square root and is a float.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from lms.reports.discrimination import discrimination_index, item_rest_correlation
from lms.reports.exact import mean, round_or_none
from lms.reports.item_flags import ItemFlag, item_flags
from lms.reports.reliability import Reliability, quiz_reliability
from quizzes.grading.exact import round_half_up


@dataclass(frozen=True)
class Response:
    """One graded attempt: credit (0..1) per question on its paper, and for choice
    questions the option keys chosen (none chosen when the question is absent)."""

    attempt_id: int
    credits: Mapping[str, Decimal]
    choices: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, credit in self.credits.items():
            if not 0 <= credit <= 1:
                # A programming error in whoever read the grades, not a participant's.
                raise ValueError(f"Credit of {key!r} must be within 0..1: {credit}.")


@dataclass(frozen=True)
class OptionCount:
    """How many attempts chose an option, and their share of those that had the
    question (None when no attempt had it). Several options may be chosen at once,
    so shares may add up to more than 1."""

    option_key: str
    count: int
    share: Decimal | None


@dataclass(frozen=True)
class ItemStats:
    """One question's statistics; None where there is not enough data.

    ``attempts`` counts the attempts that had the question; ``difficulty`` is p,
    ``discrimination`` Kelley's D and ``correlation`` the corrected point-biserial r
    (lms/reports/discrimination.py). ``options`` and ``no_choice`` (attempts that
    chose nothing) are for choice questions only: empty and None for the others.
    """

    question_key: str
    attempts: int
    difficulty: Decimal | None
    discrimination: Decimal | None
    correlation: float | None
    options: tuple[OptionCount, ...]
    no_choice: int | None
    flags: tuple[ItemFlag, ...]


@dataclass(frozen=True)
class ItemAnalysis:
    """The questions in the quiz's order, and the quiz's reliability."""

    attempts: int
    items: tuple[ItemStats, ...]
    reliability: Reliability


def analyse_items(
    responses: Iterable[Response],
    question_keys: Sequence[str],
    option_keys: Mapping[str, Sequence[str]] | None = None,
) -> ItemAnalysis:
    """Analyse the attempts at one quiz.

    ``option_keys`` lists, for each choice question, its options in order, so an
    option nobody chose still shows with 0. Keys that are not the quiz's are a
    programming error (ValueError), as is an attempt given twice.
    """
    responses = list(responses)
    option_keys = option_keys or {}
    _check_keys(responses, question_keys, option_keys)
    credits = [_exact_credits(response) for response in responses]
    totals = [sum(each.values(), Fraction(0)) for each in credits]
    items = tuple(
        _item_stats(key, responses, credits, totals, option_keys.get(key))
        for key in question_keys
    )
    return ItemAnalysis(
        attempts=len(responses),
        items=items,
        reliability=quiz_reliability(credits, question_keys),
    )


def _item_stats(
    key: str,
    responses: list[Response],
    credits: list[dict[str, Fraction]],
    totals: list[Fraction],
    options: Sequence[str] | None,
) -> ItemStats:
    had_it = [i for i, each in enumerate(credits) if key in each]
    scored = [(credits[i][key], totals[i]) for i in had_it]
    difficulty = round_or_none(mean([credit for credit, _total in scored]))
    discrimination = round_or_none(discrimination_index(scored))
    correlation = item_rest_correlation(scored)
    chosen = [responses[i].choices.get(key, frozenset()) for i in had_it]
    return ItemStats(
        question_key=key,
        attempts=len(had_it),
        difficulty=difficulty,
        discrimination=discrimination,
        correlation=correlation,
        options=_option_counts(options, chosen),
        no_choice=None if options is None else sum(1 for keys in chosen if not keys),
        flags=item_flags(difficulty, discrimination, correlation),
    )


def _option_counts(
    options: Sequence[str] | None, chosen: list[frozenset[str]]
) -> tuple[OptionCount, ...]:
    if options is None:
        return ()
    counts = []
    for option in options:
        count = sum(1 for keys in chosen if option in keys)
        share = round_half_up(Fraction(count, len(chosen))) if chosen else None
        counts.append(OptionCount(option, count, share))
    return tuple(counts)


def _exact_credits(response: Response) -> dict[str, Fraction]:
    return {key: Fraction(credit) for key, credit in response.credits.items()}


def _check_keys(
    responses: list[Response],
    question_keys: Sequence[str],
    option_keys: Mapping[str, Sequence[str]],
) -> None:
    """Refuse input that would be counted wrong rather than report wrong numbers."""
    known = set(question_keys)
    if len(known) != len(question_keys) or not set(option_keys) <= known:
        raise ValueError("Question keys must be unique, options those of questions.")
    attempt_ids = [response.attempt_id for response in responses]
    if len(set(attempt_ids)) != len(attempt_ids):
        raise ValueError("An attempt is given twice.")
    for response in responses:
        if not set(response.credits) <= known:
            raise ValueError(f"Attempt {response.attempt_id} has unknown questions.")
        for key, chosen in response.choices.items():
            if key not in response.credits or not chosen <= set(
                option_keys.get(key, ())
            ):
                raise ValueError(
                    f"Attempt {response.attempt_id} chose unknown options of {key!r}."
                )
