"""Learning gain: what participants knew before an event and after it.

Each participant brings a pre-test and a post-test percent (0-100), either of which
may be missing. Means compare the same people, so they are taken over the *paired*
participants only (both tests taken); the others are counted (``only_pre``,
``only_post``, ``neither``), never silently dropped. The formulas and what "not
enough data" means are in docs/reports.md ("Statistics").

Rounding: everything is computed exactly (Fractions) and each mean is rounded once,
at the end, to 0.01 with ROUND_HALF_UP (``quizzes.grading.exact.round_half_up``). So
``mean_post - mean_pre`` may differ from ``mean_gain`` by 0.01.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

from lms.reports.exact import mean, round_or_none

FULL_MARKS = Fraction(100)


@dataclass(frozen=True)
class ScorePair:
    """One participant's pre-test and post-test percent; None where not taken."""

    participant_id: int
    pre: Decimal | None
    post: Decimal | None

    def __post_init__(self) -> None:
        for score in (self.pre, self.post):
            if score is not None and not 0 <= score <= 100:
                # A programming error in whoever read the grades, not a participant's.
                raise ValueError(f"A percent must be within 0..100, got {score}.")


@dataclass(frozen=True)
class GainSummary:
    """Learning gain of a group of participants (docs/reports.md, "Statistics").

    Means are None when there is nothing to average. ``normalised_gain`` is Hake's g
    averaged over the paired participants below full marks on the pre-test;
    ``at_ceiling`` counts the paired participants with 100 on the pre-test, who have
    no g.
    """

    paired: int
    mean_pre: Decimal | None
    mean_post: Decimal | None
    mean_gain: Decimal | None
    normalised_gain: Decimal | None
    at_ceiling: int
    improved: int
    stayed: int
    dropped: int
    only_pre: int
    only_post: int
    neither: int


@dataclass(frozen=True)
class GroupGain:
    """The gain of one group; ``group`` is None for participants of no known group."""

    group: str | None
    summary: GainSummary

    @property
    def label(self) -> str:
        """The group's name, or words for "no known group"."""
        return _("Unknown") if self.group is None else self.group


def summarise_gain(pairs: Iterable[ScorePair]) -> GainSummary:
    """Count and average the pairs; one pair per participant (a repeat is an error)."""
    pairs = list(pairs)
    _require_one_pair_each(pairs)
    both = [
        (Fraction(pair.pre), Fraction(pair.post))
        for pair in pairs
        if pair.pre is not None and pair.post is not None
    ]
    gains = [post - pre for pre, post in both]
    normalised = [(post - pre) / (FULL_MARKS - pre) for pre, post in both if pre < 100]
    return GainSummary(
        paired=len(both),
        mean_pre=round_or_none(mean([pre for pre, post in both])),
        mean_post=round_or_none(mean([post for pre, post in both])),
        mean_gain=round_or_none(mean(gains)),
        normalised_gain=round_or_none(mean(normalised)),
        at_ceiling=len(both) - len(normalised),
        improved=sum(1 for gain in gains if gain > 0),
        stayed=sum(1 for gain in gains if gain == 0),
        dropped=sum(1 for gain in gains if gain < 0),
        only_pre=sum(1 for p in pairs if p.pre is not None and p.post is None),
        only_post=sum(1 for p in pairs if p.pre is None and p.post is not None),
        neither=sum(1 for p in pairs if p.pre is None and p.post is None),
    )


def gain_by_group(
    pairs: Iterable[ScorePair], group_of: Callable[[int], str | None]
) -> list[GroupGain]:
    """One summary per group that has participants, by name, the unknown group last.

    Names sort without regard to case (then by their exact spelling, so the order is
    always the same); ``group_of`` returning None puts a participant in the unknown
    group.
    """
    pairs = list(pairs)
    _require_one_pair_each(pairs)
    groups: dict[str | None, list[ScorePair]] = {}
    for pair in pairs:
        groups.setdefault(group_of(pair.participant_id), []).append(pair)
    names = sorted(
        groups, key=lambda name: (name is None, (name or "").casefold(), name or "")
    )
    return [GroupGain(name, summarise_gain(groups[name])) for name in names]


def _require_one_pair_each(pairs: list[ScorePair]) -> None:
    """A participant counted twice would weigh double in every mean."""
    seen: set[int] = set()
    for pair in pairs:
        if pair.participant_id in seen:
            raise ValueError(f"Participant {pair.participant_id} has two pairs.")
        seen.add(pair.participant_id)
