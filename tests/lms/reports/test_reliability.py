"""A quiz's reliability against values worked out by hand (docs/reports.md,
"Statistics"), the reasons given instead of a number, and its upper bound."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from lms.reports.reliability import (
    NoReliability,
    Reliability,
    ReliabilityKind,
    quiz_reliability,
)

KEYS = ["a", "b", "c"]


def papers(*rows):
    """One dict of credits per attempt, the questions in KEYS order."""
    return [
        {key: Fraction(credit) for key, credit in zip(KEYS, row, strict=False)}
        for row in rows
    ]


def test_kr20_by_hand():
    # Totals 3, 2, 1, 0 (mean 3/2): variance (9/4 + 1/4 + 1/4 + 9/4) / 4 = 5/4.
    # p = 3/4, 2/4, 1/4: Σ p(1 - p) = 3/16 + 4/16 + 3/16 = 5/8.
    # KR-20 = 3/2 · (1 - (5/8) / (5/4)) = 3/2 · 1/2 = 0.75
    credits = papers([1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0])
    assert quiz_reliability(credits, KEYS) == Reliability(
        Decimal("0.75"), ReliabilityKind.KR20
    )


def test_kr20_is_negative_when_questions_pull_apart():
    # a: 1, 0, 1 and b: 0, 1, 1: p = 2/3 each, Σ p(1 - p) = 4/9.
    # Totals 1, 1, 2 (mean 4/3): variance (1/9 + 1/9 + 4/9) / 3 = 2/9.
    # KR-20 = 2/1 · (1 - (4/9) / (2/9)) = 2 · (1 - 2) = -2.00
    credits = papers([1, 0], [0, 1], [1, 1])
    assert quiz_reliability(credits, KEYS[:2]).coefficient == Decimal("-2.00")


def test_cronbachs_alpha_by_hand_with_partial_credit():
    # credits (1, ½), (½, ½), (0, 0); totals 3/2, 1, 0 (mean 5/6).
    # var a = (¼ + 0 + ¼) / 3 = 1/6; var b = (1/36 + 1/36 + 4/36) / 3 = 1/18;
    # var total = (16/36 + 1/36 + 25/36) / 3 = 7/18.
    # alpha = 2/1 · (1 - (1/6 + 1/18) / (7/18)) = 2 · (1 - 4/7) = 6/7 = 0.857 → 0.86
    half = Fraction(1, 2)
    credits = papers([1, half], [half, half], [0, 0])
    assert quiz_reliability(credits, KEYS[:2]) == Reliability(
        Decimal("0.86"), ReliabilityKind.CRONBACH_ALPHA
    )


def test_reasons_instead_of_a_number():
    varied = papers([1, 1, 1], [0, 0, 0])
    cases = {
        NoReliability.FEW_QUESTIONS: (papers([1], [0]), KEYS[:1]),
        NoReliability.FEW_ATTEMPTS: (papers([1, 0, 1]), KEYS),
        NoReliability.PAPERS_DIFFER: ([*varied, *papers([1, 0])], KEYS),
        NoReliability.NO_VARIANCE: (papers([1, 0, 0], [0, 1, 0]), KEYS),
    }
    for reason, (credits, keys) in cases.items():
        assert quiz_reliability(credits, keys) == Reliability(
            None, ReliabilityKind.KR20, reason
        )
    assert quiz_reliability(varied, KEYS).coefficient == Decimal("1.00")


def test_no_attempts_give_a_reason():
    assert quiz_reliability([], KEYS).reason == NoReliability.FEW_ATTEMPTS


# No deadline: a test fails on its results, never on timing.
@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from([0, Fraction(1, 4), Fraction(1, 2), 1]), min_size=3),
        max_size=12,
    )
)
def test_reliability_is_never_above_one(rows):
    reliability = quiz_reliability(papers(*rows), KEYS)
    assert reliability.coefficient is None or reliability.coefficient <= 1
    assert (reliability.coefficient is None) is (reliability.reason is not None)
