"""How well one question tells stronger participants from weaker ones.

Two measures, both over the attempts that had the question on their paper, each an
attempt's credit on the question paired with its total score (docs/reports.md,
"Statistics"):

- Kelley's discrimination index D: the mean credit of the upper 27 % by total score
  minus that of the lower 27 %;
- the corrected point-biserial correlation: Pearson's r between the credit and the
  rest of the test (the total minus this question), so the question does not
  correlate with itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from itertools import groupby

from lms.reports.exact import sum_of_products

# Kelley's share of attempts in each of the upper and lower groups.
KELLEY_SHARE = Fraction(27, 100)

# (credit on the question, total score of the attempt)
Scored = tuple[Fraction, Fraction]


def kelley_group_size(attempts: int) -> int:
    """27 % of the attempts, rounded half up, at least 1.

    For two attempts or more the two groups never overlap (27 % of 2 rounds to 1).
    """
    return max(1, math.floor(attempts * KELLEY_SHARE + Fraction(1, 2)))


def discrimination_index(scored: Sequence[Scored]) -> Fraction | None:
    """p(upper) - p(lower), or None with fewer than two attempts (no two groups).

    Attempts tied on their total at a group's boundary share the places left equally:
    with 2 places left and 4 attempts tied, each of the 4 counts with weight 1/2. So
    the index does not depend on the order attempts come in, and when every total is
    tied it is 0.
    """
    if len(scored) < 2:
        return None
    size = kelley_group_size(len(scored))
    # Sorted by the float first (cheap) and the exact total only where floats tie,
    # so the order is exact and a thousand attempts sort quickly.
    by_total = sorted(scored, key=lambda item: (float(item[1]), item[1]))
    upper = _group_mean(reversed(by_total), size)
    lower = _group_mean(by_total, size)
    return upper - lower


def _group_mean(ordered: Iterable[Scored], size: int) -> Fraction:
    """Mean credit of the first ``size`` places, ties at the boundary sharing them."""
    weighted_credit, places_left = Fraction(0), size
    for _total, tied in groupby(ordered, key=lambda item: item[1]):
        credits = [credit for credit, _ in tied]
        weight = min(Fraction(1), Fraction(places_left, len(credits)))
        weighted_credit += weight * sum(credits, Fraction(0))
        places_left -= min(places_left, len(credits))
        if not places_left:
            break
    return weighted_credit / size


def item_rest_correlation(scored: Sequence[Scored]) -> float | None:
    """Pearson's r between the credit and the rest score.

    None when either varies not at all (everyone equal on the question, or on the
    rest of the test), including fewer than two attempts. The sign is decided
    exactly, before the one square root, so a correlation of exactly 0 is never
    negative by a rounding error; and |r| <= 1 always holds.
    """
    credits = [credit for credit, _ in scored]
    rests = [total - credit for credit, total in scored]
    spread_credit = sum_of_products(credits, credits)
    spread_rest = sum_of_products(rests, rests)
    if not spread_credit or not spread_rest:
        return None
    together = sum_of_products(credits, rests)
    squared = together * together / (spread_credit * spread_rest)
    return math.copysign(math.sqrt(squared), together)
