"""Which questions of a quiz deserve a second look, as codes and in words.

The thresholds are common classical test theory practice in item analysis: a useful
question has a difficulty between 0.20 and 0.90 and a discrimination index of 0.20
or more. They mark questions to read again, not questions to delete: a question
everyone answers right may be exactly what the event wanted everyone to learn.
docs/reports.md ("Statistics") explains them.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

# A question more than 90 % of participants answer right tells them apart little.
TOO_EASY_ABOVE = Decimal("0.90")
# A question fewer than 20 % answer right is too hard, unclear or wrongly keyed.
TOO_HARD_BELOW = Decimal("0.20")
# A discrimination index below 0.20 is poor; below 0 the weaker participants did
# better than the stronger ones, which most often means a wrong answer key.
WEAK_DISCRIMINATION_BELOW = Decimal("0.20")


class ItemFlag(StrEnum):
    """Why a question is marked; ``label`` says it to organisers and speakers."""

    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"
    NEGATIVE_DISCRIMINATION = "negative_discrimination"
    WEAK_DISCRIMINATION = "weak_discrimination"

    @property
    def label(self) -> str:
        return FLAG_LABELS[self]


FLAG_LABELS = {
    ItemFlag.TOO_EASY: _("Too easy"),
    ItemFlag.TOO_HARD: _("Too hard"),
    ItemFlag.NEGATIVE_DISCRIMINATION: _("Discriminates negatively, check the key"),
    ItemFlag.WEAK_DISCRIMINATION: _("Discriminates weakly"),
}


def item_flags(
    difficulty: Decimal | None,
    discrimination: Decimal | None,
    correlation: float | None,
) -> tuple[ItemFlag, ...]:
    """The flags of one question, in the order above; none for numbers not known.

    ``difficulty`` and ``discrimination`` are compared as reported (rounded to 0.01),
    so a question shown with p = 0.90 is never called too easy. A question that
    discriminates negatively is not also called weak: one flag says it.
    """
    flags = []
    if difficulty is not None and difficulty > TOO_EASY_ABOVE:
        flags.append(ItemFlag.TOO_EASY)
    if difficulty is not None and difficulty < TOO_HARD_BELOW:
        flags.append(ItemFlag.TOO_HARD)
    negative_r = correlation is not None and correlation < 0
    if negative_r or (discrimination is not None and discrimination < 0):
        flags.append(ItemFlag.NEGATIVE_DISCRIMINATION)
    elif discrimination is not None and discrimination < WEAK_DISCRIMINATION_BELOW:
        flags.append(ItemFlag.WEAK_DISCRIMINATION)
    return tuple(flags)
