"""Which questions are flagged, at and around each threshold, and in which words."""

from decimal import Decimal

import pytest
from django.utils import translation

from lms.reports.item_flags import ItemFlag, item_flags
from lms.reports.reliability import NoReliability, ReliabilityKind

D = Decimal
NEGATIVE = ItemFlag.NEGATIVE_DISCRIMINATION


@pytest.mark.parametrize(
    ("difficulty", "discrimination", "correlation", "flags"),
    [
        (D("0.90"), D("0.20"), 0.1, ()),  # both thresholds exactly: no flag
        (D("0.91"), D("0.20"), 0.1, (ItemFlag.TOO_EASY,)),
        (D("0.19"), D("0.20"), 0.1, (ItemFlag.TOO_HARD,)),
        (D("0.20"), D("0.19"), 0.1, (ItemFlag.WEAK_DISCRIMINATION,)),
        (D("0.50"), D("0.00"), None, (ItemFlag.WEAK_DISCRIMINATION,)),
        (D("0.50"), D("-0.01"), 0.1, (NEGATIVE,)),
        (D("0.50"), D("0.50"), -0.01, (NEGATIVE,)),
        (D("0.50"), D("0.10"), -0.01, (NEGATIVE,)),  # not also "weakly"
        (D("0.95"), D("-0.50"), None, (ItemFlag.TOO_EASY, NEGATIVE)),
        (None, None, None, ()),
    ],
)
def test_flags_at_and_around_their_thresholds(
    difficulty, discrimination, correlation, flags
):
    assert item_flags(difficulty, discrimination, correlation) == flags


def test_codes_speak_words():
    with translation.override("en"):
        assert str(NEGATIVE.label) == "Discriminates negatively, check the key"
        assert str(ItemFlag.TOO_EASY.label) == "Too easy"
        assert str(NoReliability.NO_VARIANCE.label) == (
            "Every attempt has the same total score."
        )
        assert str(ReliabilityKind.KR20.label) == "KR-20"
