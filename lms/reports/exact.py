"""Exact arithmetic under the report statistics: means and spreads as Fractions.

Scores arrive as Decimals; the statistics are worked out on Fractions, which are
exact, and rounded once at the end with the grading's own rule
(``quizzes.grading.exact.round_half_up``), so a report never shows a number that
differs from the hand computation in docs/reports.md by a rounding carried
through several steps.
"""

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from quizzes.grading.exact import round_half_up


def _as_integers(*columns: Sequence[Fraction]) -> tuple[int, list[list[int]]]:
    """The values over one common denominator: (denominator, numerators per column).

    Summing integers is exact like summing Fractions, and many times faster: a
    Fraction normalises (a gcd) after every addition, and a report sums
    thousands of credits (docs/benchmarks.md, "Reports").
    """
    denominator = math.lcm(*(v.denominator for column in columns for v in column))
    return denominator, [
        [v.numerator * (denominator // v.denominator) for v in column]
        for column in columns
    ]


def mean(values: Sequence[Fraction]) -> Fraction | None:
    """The arithmetic mean, or None when there is nothing to average."""
    if not values:
        return None
    denominator, (numerators,) = _as_integers(values)
    return Fraction(sum(numerators), denominator * len(values))


def sum_of_products(xs: Sequence[Fraction], ys: Sequence[Fraction]) -> Fraction:
    """Σ (x - x̄)(y - ȳ) over paired values: n times their covariance.

    With ``ys`` the same as ``xs`` it is the sum of squared deviations, n times the
    variance. The statistics only use ratios of these sums, so whether variance is
    divided by n or n - 1 cancels out and is never chosen. Worked out as
    (n Σxy - Σx Σy) / n on integers, which is the same number exactly.
    """
    if not xs:
        return Fraction(0)
    if len(xs) != len(ys):
        raise ValueError("xs and ys must pair up.")
    denominator, (ix, iy) = _as_integers(xs, ys)
    n = len(ix)
    products = sum(x * y for x, y in zip(ix, iy, strict=True))
    return Fraction(n * products - sum(ix) * sum(iy), n * denominator * denominator)


def round_or_none(value: Fraction | None, places: int = 2) -> Decimal | None:
    """``round_half_up`` that passes "not enough data" (None) through."""
    return None if value is None else round_half_up(value, places)
