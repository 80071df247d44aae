"""Learning gain against numbers worked out by hand (docs/reports.md, "Statistics"),
then the counts and bounds that must hold for any scores."""

from decimal import Decimal

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.reports.gain import GainSummary, ScorePair, gain_by_group, summarise_gain

D = Decimal


def pair(participant_id, pre, post):
    return ScorePair(
        participant_id,
        None if pre is None else D(pre),
        None if post is None else D(post),
    )


# participant: pre → post, gain post - pre, Hake's g = gain / (100 - pre)
EVENT = [
    pair(1, "40", "70"),  # +30, g = 30 / 60 = 0.5
    pair(2, "60", "60"),  # 0, g = 0 / 40 = 0
    pair(3, "80", "70"),  # -10, g = -10 / 20 = -0.5
    pair(4, "100", "90"),  # -10, no g: at the ceiling
    pair(5, "33.33", "66.67"),  # +33.34, g = 33.34 / 66.67 = 0.500074996...
    pair(6, "50", None),  # only the pre-test
    pair(7, None, "85"),  # only the post-test
    pair(8, None, None),  # neither
]


def test_a_small_event_by_hand():
    # Paired: participants 1-5.
    # mean pre  = (40 + 60 + 80 + 100 + 33.33) / 5 = 313.33 / 5 = 62.666 → 62.67
    # mean post = (70 + 60 + 70 + 90 + 66.67) / 5 = 356.67 / 5 = 71.334 → 71.33
    # mean gain = (30 + 0 - 10 - 10 + 33.34) / 5 = 43.34 / 5 = 8.668 → 8.67
    #   (not 71.33 - 62.67 = 8.66: each mean is rounded once, from exact values)
    # g over 1, 2, 3, 5 = (0.5 + 0 - 0.5 + 0.500074996...) / 4 = 0.12501874... → 0.13
    assert summarise_gain(EVENT) == GainSummary(
        paired=5,
        mean_pre=D("62.67"),
        mean_post=D("71.33"),
        mean_gain=D("8.67"),
        normalised_gain=D("0.13"),
        at_ceiling=1,
        improved=2,
        stayed=1,
        dropped=2,
        only_pre=1,
        only_post=1,
        neither=1,
    )


def test_means_round_half_up_once_at_the_end():
    # mean pre = (0 + 0.01) / 2 = 0.005 → 0.01 (banker's rounding would give 0.00);
    # mean post = (0.01 + 0.02) / 2 = 0.015 → 0.02
    summary = summarise_gain([pair(1, "0", "0.01"), pair(2, "0.01", "0.02")])
    assert (summary.mean_pre, summary.mean_post) == (D("0.01"), D("0.02"))
    assert str(summary.mean_gain) == "0.01"  # always two places


def test_a_single_participant():
    # 70 → 85: gain 15, g = 15 / 30 = 0.5
    summary = summarise_gain([pair(1, "70", "85")])
    assert (summary.mean_pre, summary.mean_post, summary.mean_gain) == (
        D("70.00"),
        D("85.00"),
        D("15.00"),
    )
    assert summary.normalised_gain == D("0.50")
    assert (summary.paired, summary.improved) == (1, 1)


def test_nobody_gives_no_means_and_no_division_by_zero():
    assert summarise_gain([]) == GainSummary(
        paired=0,
        mean_pre=None,
        mean_post=None,
        mean_gain=None,
        normalised_gain=None,
        at_ceiling=0,
        improved=0,
        stayed=0,
        dropped=0,
        only_pre=0,
        only_post=0,
        neither=0,
    )


def test_unpaired_participants_are_counted_but_not_averaged():
    summary = summarise_gain([pair(1, "50", None), pair(2, None, "90")])
    assert (summary.only_pre, summary.only_post, summary.paired) == (1, 1, 0)
    assert summary.mean_pre is summary.mean_post is summary.mean_gain is None


def test_everyone_at_the_ceiling_has_a_gain_but_no_normalised_gain():
    summary = summarise_gain([pair(1, "100", "100"), pair(2, "100", "80")])
    # gains 0 and -20: mean -10; nobody below 100 on the pre-test, so no g
    assert summary.mean_gain == D("-10.00")
    assert summary.normalised_gain is None
    assert (summary.at_ceiling, summary.stayed, summary.dropped) == (2, 1, 1)


def test_a_percent_outside_0_to_100_is_a_programming_error():
    with pytest.raises(ValueError, match="within 0..100"):
        pair(1, "100.01", "50")
    with pytest.raises(ValueError, match="within 0..100"):
        pair(1, "50", "-1")


def test_a_participant_given_twice_is_a_programming_error():
    with pytest.raises(ValueError, match="Participant 1"):
        summarise_gain([pair(1, "50", "60"), pair(1, "50", "60")])


def test_groups_sort_by_name_without_case_and_unknown_comes_last():
    groups = {1: "b", 2: "A", 3: None, 4: "a", 5: "b"}
    pairs = [pair(i, "50", "75") for i in groups]
    result = gain_by_group(pairs, groups.get)
    assert [entry.group for entry in result] == ["A", "a", "b", None]
    assert [entry.summary.paired for entry in result] == [1, 1, 2, 1]
    # each group on its own: 50 → 75, g = 25 / 50 = 0.5
    assert {entry.summary.normalised_gain for entry in result} == {D("0.50")}
    with translation.override("en"):
        assert [str(entry.label) for entry in result] == ["A", "a", "b", "Unknown"]


def test_no_participants_make_no_groups():
    assert gain_by_group([], lambda participant_id: "x") == []


# -- properties ----------------------------------------------------------------------

percents = st.none() | st.decimals(0, 100, places=2)
events = st.lists(st.tuples(percents, percents), max_size=20).map(
    lambda scores: [ScorePair(i, pre, post) for i, (pre, post) in enumerate(scores)]
)


# No deadline: a test fails on its results, never on timing.
@settings(max_examples=200, deadline=None)
@given(events)
def test_every_participant_is_counted_once(pairs):
    summary = summarise_gain(pairs)
    assert summary.improved + summary.stayed + summary.dropped == summary.paired
    assert (
        summary.paired + summary.only_pre + summary.only_post + summary.neither
        == len(pairs)
    )
    assert 0 <= summary.at_ceiling <= summary.paired


@settings(max_examples=200, deadline=None)
@given(events)
def test_means_stay_within_their_bounds(pairs):
    summary = summarise_gain(pairs)
    if summary.paired:
        assert D(0) <= summary.mean_pre <= D(100)
        assert D(0) <= summary.mean_post <= D(100)
        assert D(-100) <= summary.mean_gain <= D(100)
    if summary.normalised_gain is not None:
        assert summary.normalised_gain <= 1  # post can be at most 100


@settings(max_examples=100, deadline=None)
@given(events, st.lists(st.sampled_from(["x", "y", None]), min_size=20, max_size=20))
def test_groups_add_up_to_the_whole(pairs, names):
    whole = summarise_gain(pairs)
    parts = [g.summary for g in gain_by_group(pairs, lambda pid: names[pid])]
    for count in ("paired", "improved", "stayed", "dropped", "only_pre", "neither"):
        assert sum(getattr(part, count) for part in parts) == getattr(whole, count)
