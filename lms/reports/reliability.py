"""How consistently a quiz measures: Cronbach's alpha, which is KR-20 for 0/1 items.

alpha = k / (k - 1) × (1 - Σ var(item) / var(total)), over k questions
(docs/reports.md, "Statistics"). When every credit is 0 or 1 an item's variance is
p(1 - p), and the same formula is Kuder and Richardson's KR-20; it is then named so.
Both variances are taken the same way, so dividing them by n or n - 1 cancels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

from lms.reports.exact import sum_of_products
from quizzes.grading.exact import round_half_up


class ReliabilityKind(StrEnum):
    """Which name the coefficient goes by; ``label`` says it."""

    CRONBACH_ALPHA = "cronbach_alpha"
    KR20 = "kr20"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


class NoReliability(StrEnum):
    """Why a quiz has no reliability coefficient ("not enough data")."""

    FEW_QUESTIONS = "few_questions"
    FEW_ATTEMPTS = "few_attempts"
    PAPERS_DIFFER = "papers_differ"
    NO_VARIANCE = "no_variance"

    @property
    def label(self) -> str:
        return REASON_LABELS[self]


KIND_LABELS = {
    ReliabilityKind.CRONBACH_ALPHA: _("Cronbach's alpha"),
    ReliabilityKind.KR20: _("KR-20"),
}
REASON_LABELS = {
    NoReliability.FEW_QUESTIONS: _("The quiz has fewer than 2 questions."),
    NoReliability.FEW_ATTEMPTS: _("Fewer than 2 attempts were submitted."),
    NoReliability.PAPERS_DIFFER: _(
        "Not every attempt had every question (questions are drawn at random)."
    ),
    NoReliability.NO_VARIANCE: _("Every attempt has the same total score."),
}


@dataclass(frozen=True)
class Reliability:
    """The coefficient (rounded half up to 0.01), or None and the reason why."""

    coefficient: Decimal | None
    kind: ReliabilityKind
    reason: NoReliability | None = None


def quiz_reliability(
    credits_by_attempt: Sequence[Mapping[str, Fraction]], question_keys: Sequence[str]
) -> Reliability:
    """Alpha (or KR-20) over complete papers; a reason instead where it cannot be had.

    It can be below 0 (questions that measure different things, or a wrong key), never
    above 1.
    """
    dichotomous = all(
        credit in (0, 1)
        for credits in credits_by_attempt
        for credit in credits.values()
    )
    kind = ReliabilityKind.KR20 if dichotomous else ReliabilityKind.CRONBACH_ALPHA
    count = len(question_keys)
    if count < 2:
        return Reliability(None, kind, NoReliability.FEW_QUESTIONS)
    if len(credits_by_attempt) < 2:
        return Reliability(None, kind, NoReliability.FEW_ATTEMPTS)
    if any(len(credits) != count for credits in credits_by_attempt):
        return Reliability(None, kind, NoReliability.PAPERS_DIFFER)
    totals = [sum(credits.values(), Fraction(0)) for credits in credits_by_attempt]
    spread_total = sum_of_products(totals, totals)
    if not spread_total:
        return Reliability(None, kind, NoReliability.NO_VARIANCE)
    spread_items = Fraction(0)
    for key in question_keys:
        column = [credits[key] for credits in credits_by_attempt]
        spread_items += sum_of_products(column, column)
    alpha = Fraction(count, count - 1) * (1 - spread_items / spread_total)
    return Reliability(round_half_up(alpha), kind)
