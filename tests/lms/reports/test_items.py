"""Item analysis against numbers worked out by hand (docs/reports.md, "Statistics"),
the edge cases that must not raise, and bounds that hold for any attempts."""

import math
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.reports.discrimination import kelley_group_size
from lms.reports.item_flags import ItemFlag
from lms.reports.items import OptionCount, Response, analyse_items
from lms.reports.reliability import NoReliability

D = Decimal
KEYS = ["q1", "q2", "q3", "q4", "q5"]
Q1_OPTIONS = {"q1": ["A", "B", "C", "D"]}


def attempt(attempt_id, credits, chosen=None):
    return Response(
        attempt_id,
        {key: D(credit) for key, credit in zip(KEYS, credits, strict=False)},
        {} if chosen is None else {"q1": frozenset(chosen)},
    )


# Six attempts at five 0/1 questions; q1 is a choice question keyed "A".
#           q1 q2 q3 q4 q5   total  q1 chosen
QUIZ = [
    attempt(1, [1, 1, 1, 1, 0], "A"),  # 4
    attempt(2, [1, 1, 1, 0, 0], "A"),  # 3
    attempt(3, [1, 0, 1, 1, 0], "A"),  # 3
    attempt(4, [1, 1, 0, 0, 0], "A"),  # 2
    attempt(5, [0, 1, 0, 0, 1], "B"),  # 2
    attempt(6, [0, 0, 0, 1, 1], ""),  # 2, left q1 blank
]
# Kelley groups: 27 % of 6 = 1.62 → 2 places each.
#   Upper: attempt 1 (total 4), then attempts 2 and 3 tie at 3 for the one place
#          left: weight 1/2 each.
#   Lower: attempts 4, 5, 6 tie at 2 for two places: weight 2/3 each.
# p = mean credit; D = p(upper) - p(lower):
#   q1: p = 4/6 = 0.67; upper (1 + ½ + ½) / 2 = 1;   lower ⅔(1 + 0 + 0) / 2 = 1/3;
#       D = 2/3 = 0.67
#   q2: p = 4/6 = 0.67; upper (1 + ½ + 0) / 2 = 3/4; lower ⅔(1 + 1 + 0) / 2 = 2/3;
#       D = 1/12 = 0.08
#   q3: p = 3/6 = 0.50; upper 1; lower 0; D = 1.00
#   q4: p = 3/6 = 0.50; upper (1 + 0 + ½) / 2 = 3/4; lower ⅔(0 + 0 + 1) / 2 = 1/3;
#       D = 5/12 = 0.42
#   q5: p = 2/6 = 0.33; upper 0; lower ⅔(0 + 1 + 1) / 2 = 2/3; D = -0.67
# r = Σdx·dy / √(Σdx² Σdy²), x the credit, y the rest (total - credit):
#   q1: x 1,1,1,1,0,0 (x̄ 2/3), y 3,2,2,1,2,2 (ȳ 2): Σdx·dy = 1/3 - 1/3 = 0, r = 0
#   q2: x 1,1,0,1,1,0 (x̄ 2/3), y 3,2,3,1,1,2 (ȳ 2): Σdx·dy = 1/3 - 2/3 - 1/3 - 1/3
#       = -1, Σdx² = 4/3, Σdy² = 4: r = -1 / √(16/3) = -√3/4 ≈ -0.4330
#   q3: x 1,1,1,0,0,0 (x̄ ½), y 3,2,2,2,2,2 (ȳ 13/6): Σdx·dy = ½(5/6 - 2/6) + ½(3/6)
#       = 1/2, Σdx² = 3/2, Σdy² = 30/36: r = ½ / √(5/4) = 1/√5 ≈ 0.4472
#   q4: x 1,0,1,0,0,1 (x̄ ½), y 3,3,2,2,2,1 (ȳ 13/6): Σdx·dy = ½(5/6 - 5/6 - 1/6
#       + 1/6 + 1/6 - 7/6) = -1/2, Σdx² = 3/2, Σdy² = 102/36: r = -½ / √(17/4)
#       = -1/√17 ≈ -0.2425
#   q5: x 0,0,0,0,1,1 (x̄ 1/3), y 4,3,3,2,1,1 (ȳ 7/3): Σdx·dy = -8/9 - 16/9 = -8/3,
#       Σdx² = 4/3, Σdy² = 66/9: r = -(8/3) / √(88/9) = -8/√88 ≈ -0.8528
# Flags: r < 0 marks q2 and q4 although their D is not negative (and q2, D < 0.20, is
# not also called weak); q1's r of exactly 0 is not negative.
NEGATIVE = (ItemFlag.NEGATIVE_DISCRIMINATION,)
EXPECTED = {
    "q1": (D("0.67"), D("0.67"), 0.0, ()),
    "q2": (D("0.67"), D("0.08"), -math.sqrt(3) / 4, NEGATIVE),
    "q3": (D("0.50"), D("1.00"), 1 / math.sqrt(5), ()),
    "q4": (D("0.50"), D("0.42"), -1 / math.sqrt(17), NEGATIVE),
    "q5": (D("0.33"), D("-0.67"), -8 / math.sqrt(88), NEGATIVE),
}


def test_each_question_by_hand():
    analysis = analyse_items(QUIZ, KEYS, Q1_OPTIONS)
    assert analysis.attempts == 6
    assert [item.question_key for item in analysis.items] == KEYS
    for item in analysis.items:
        difficulty, discrimination, correlation, flags = EXPECTED[item.question_key]
        assert item.attempts == 6
        assert (item.difficulty, item.discrimination) == (difficulty, discrimination)
        assert item.correlation == pytest.approx(correlation)
        assert item.flags == flags


def test_choices_are_counted_with_options_nobody_chose():
    # Of 6 attempts: A 4 (4/6 = 0.67), B 1 (0.17), C and D none, one left it blank.
    q1, q2 = analyse_items(QUIZ, KEYS, Q1_OPTIONS).items[:2]
    assert q1.options == (
        OptionCount("A", 4, D("0.67")),
        OptionCount("B", 1, D("0.17")),
        OptionCount("C", 0, D("0.00")),
        OptionCount("D", 0, D("0.00")),
    )
    assert q1.no_choice == 1
    assert (q2.options, q2.no_choice) == ((), None)


def test_several_options_chosen_at_once_each_count():
    responses = [
        Response(1, {"m": D(1)}, {"m": frozenset("AB")}),
        Response(2, {"m": D("0.5")}, {"m": frozenset("A")}),
    ]
    (item,) = analyse_items(responses, ["m"], {"m": ["A", "B"]}).items
    assert item.options == (
        OptionCount("A", 2, D("1.00")),
        OptionCount("B", 1, D("0.50")),
    )


def test_no_attempts():
    analysis = analyse_items([], KEYS, Q1_OPTIONS)
    q1 = analysis.items[0]
    assert (q1.attempts, q1.difficulty, q1.discrimination, q1.correlation) == (
        0,
        None,
        None,
        None,
    )
    assert q1.options[0] == OptionCount("A", 0, None)
    assert (q1.no_choice, q1.flags) == (0, ())
    assert analysis.reliability.coefficient is None
    assert analysis.reliability.reason == NoReliability.FEW_ATTEMPTS


def test_a_single_attempt_has_a_difficulty_and_nothing_to_compare():
    analysis = analyse_items([attempt(1, [1, 0.5, 0, 1, 1])], KEYS)
    assert [item.difficulty for item in analysis.items] == [
        D("1.00"),
        D("0.50"),
        D("0.00"),
        D("1.00"),
        D("1.00"),
    ]
    assert {(item.discrimination, item.correlation) for item in analysis.items} == {
        (None, None)
    }
    assert analysis.reliability.reason == NoReliability.FEW_ATTEMPTS


@pytest.mark.parametrize(
    ("credit", "difficulty", "flag"),
    [(1, D("1.00"), ItemFlag.TOO_EASY), (0, D("0.00"), ItemFlag.TOO_HARD)],
)
def test_everyone_right_or_everyone_wrong(credit, difficulty, flag):
    analysis = analyse_items([attempt(i, [credit] * 5) for i in range(4)], KEYS)
    for item in analysis.items:
        # Upper and lower groups are alike (D = 0); nothing varies, so no r.
        assert (item.difficulty, item.discrimination) == (difficulty, D("0.00"))
        assert item.correlation is None
        assert item.flags == (flag, ItemFlag.WEAK_DISCRIMINATION)
    assert analysis.reliability.reason == NoReliability.NO_VARIANCE


def test_all_totals_tied_share_both_groups_equally():
    # Totals 1, 1, 1, 1: upper and lower are the same mix, so D = 0 for each question,
    # whatever the order. q1: x 1,1,0,0 (x̄ ½), rest 0,0,1,1 (½): r = -1.
    responses = [
        attempt(i, credits) for i, credits in enumerate([[1, 0]] * 2 + [[0, 1]] * 2)
    ]
    analysis = analyse_items(responses, KEYS[:2])
    for item in analysis.items:
        assert item.discrimination == D("0.00")
        assert item.correlation == pytest.approx(-1)
    assert analysis.reliability.reason == NoReliability.NO_VARIANCE


def test_a_question_nobody_varies_on_has_no_correlation():
    responses = [attempt(i, [1, credit]) for i, credit in enumerate([1, 0, 1])]
    q1, q2 = analyse_items(responses, KEYS[:2]).items
    assert q1.correlation is None
    assert q2.correlation is None  # its rest (q1) does not vary either
    # Totals 2, 1, 2 vary, all of it from q2: alpha = 2 · (1 - (0 + v) / v) = 0
    assert analyse_items(responses, KEYS[:2]).reliability.coefficient == D("0.00")


def test_questions_drawn_at_random_are_analysed_over_the_attempts_that_had_them():
    responses = [
        Response(1, {"a": D(1), "b": D(1)}),
        Response(2, {"a": D(0)}),
        Response(3, {"b": D(0)}),
    ]
    a, b = analyse_items(responses, ["a", "b"]).items
    assert (a.attempts, a.difficulty, b.attempts, b.difficulty) == (
        2,
        D("0.50"),
        2,
        D("0.50"),
    )
    assert (
        analyse_items(responses, ["a", "b"]).reliability.reason
        == NoReliability.PAPERS_DIFFER
    )


@pytest.mark.parametrize(
    ("attempts", "size"),
    [(1, 1), (2, 1), (5, 1), (6, 2), (10, 3), (11, 3), (13, 4), (100, 27)],
)
def test_kelley_groups_are_27_percent_rounded_half_up_at_least_one(attempts, size):
    # 27 % of 5 = 1.35 → 1; of 6 = 1.62 → 2; of 11 = 2.97 → 3; of 13 = 3.51 → 4
    assert kelley_group_size(attempts) == size


@pytest.mark.parametrize(
    ("responses", "options", "message"),
    [
        ([attempt(1, [1]), attempt(1, [0])], {}, "twice"),
        ([Response(1, {"q9": D(1)})], {}, "unknown questions"),
        ([attempt(1, [1], "E")], Q1_OPTIONS, "unknown options"),
        ([attempt(1, [1])], {"q9": ["A"]}, "options those of questions"),
    ],
)
def test_keys_that_are_not_the_quizs_are_a_programming_error(
    responses, options, message
):
    with pytest.raises(ValueError, match=message):
        analyse_items(responses, KEYS, options)


def test_a_credit_outside_0_to_1_is_a_programming_error():
    with pytest.raises(ValueError, match="within 0..1"):
        Response(1, {"q1": D("1.01")})


# -- properties ----------------------------------------------------------------------

credits = st.sampled_from([D(0), D("0.25"), D("0.5"), D(1)])
quizzes = (
    st.integers(1, 5)
    .flatmap(
        lambda size: st.lists(
            st.lists(credits, min_size=size, max_size=size), max_size=12
        )
    )
    .map(lambda rows: [attempt(i, row) for i, row in enumerate(rows)])
)


# No deadline: a test fails on its results, never on timing.
@settings(max_examples=150, deadline=None)
@given(quizzes)
def test_statistics_stay_within_their_bounds(responses):
    analysis = analyse_items(responses, KEYS)
    for item in analysis.items:
        assert item.difficulty is None or 0 <= item.difficulty <= 1
        assert item.discrimination is None or -1 <= item.discrimination <= 1
        assert item.correlation is None or -1 <= item.correlation <= 1
    assert (
        analysis.reliability.coefficient is None
        or analysis.reliability.coefficient <= 1
    )


@settings(max_examples=100, deadline=None)
@given(quizzes, st.randoms(use_true_random=False))
def test_the_order_of_attempts_never_changes_the_analysis(responses, rng):
    shuffled = list(responses)
    rng.shuffle(shuffled)
    assert analyse_items(shuffled, KEYS) == analyse_items(responses, KEYS)


def test_ties_at_a_group_boundary_do_not_depend_on_the_order_of_attempts():
    shuffled = list(QUIZ)
    random.Random(1).shuffle(shuffled)
    assert analyse_items(shuffled, KEYS, Q1_OPTIONS) == analyse_items(
        QUIZ, KEYS, Q1_OPTIONS
    )
