"""Grading: every question type, a whole paper, attempts combined, authoring checks.

Grading is plain data in and plain data out, so each rule is tested directly; the rules
that must hold for any input (score within bounds, the order of questions and options
never matters, nothing a participant types can crash or stall the server) are tested
with hypothesis.
"""

import dataclasses
import itertools
import re
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizzes.grading import (
    COMBINE_METHODS,
    AcceptedAnswer,
    AnyOtherNumber,
    AttemptResult,
    ChoiceOption,
    Matching,
    MatchPair,
    MultipleChoice,
    Numeric,
    NumericAnswer,
    NumericRange,
    Problem,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
    combine_attempts,
    format_number,
    glob_match,
    grade_paper,
    grade_question,
    matches_accepted_answer,
    normalise_answer,
    numeric_match,
    parse_number,
    round_half_up,
    to_fraction,
    validate_question,
)

# Shapes a browser, a tampered request or a bug in the lead's form code might send.
WRONG_SHAPES = [
    ["a"],
    ("a",),
    {"a"},
    {"a": "b"},
    1,
    0,
    1.5,
    True,
    b"a",
    object(),
]


def options(**credits):
    """Choice options from keyword credits: options(a=1, b="-0.5")."""
    return tuple(ChoiceOption(key, credit) for key, credit in credits.items())


def credit_of(question, response):
    return grade_question(question, response).credit


# Exact numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0.5", Fraction(1, 2)),
        ("-0.25", Fraction(-1, 4)),
        ("1/3", Fraction(1, 3)),
        (" 2 ", Fraction(2)),
        (Decimal("0.1"), Fraction(1, 10)),
        (0.1, Fraction(1, 10)),
        (3, Fraction(3)),
        (Fraction(2, 3), Fraction(2, 3)),
    ],
)
def test_authored_numbers_are_read_exactly(value, expected):
    assert to_fraction(value) == expected


@pytest.mark.parametrize("value", ["abc", "", "1e5", "nan", "1/0", "1,5", "0.5.1"])
def test_authored_text_that_is_not_a_plain_number_is_refused(value):
    with pytest.raises(ValueError):
        to_fraction(value)


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("Infinity"), Decimal("1E+999999"), float("inf")]
)
def test_authored_numbers_that_are_not_finite_or_sane_are_refused(value):
    with pytest.raises(ValueError):
        to_fraction(value)


@pytest.mark.parametrize("value", [True, None, [1], object()])
def test_authored_non_numbers_are_a_type_error(value):
    with pytest.raises(TypeError):
        to_fraction(value)


def test_a_question_built_from_bad_authored_data_fails_at_once():
    with pytest.raises(ValueError):
        SingleChoice(points="satu", options=options(a=1, b=0))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(200, 3), "66.67"),
        (Fraction(100, 3), "33.33"),
        (Fraction(5, 1000), "0.01"),
        (Fraction(15, 1000), "0.02"),
        (Fraction(25, 1000), "0.03"),
        (Fraction(4999, 1000000), "0.00"),
        (Fraction(-5, 1000), "-0.01"),
        (Fraction(0), "0.00"),
        (Fraction(100), "100.00"),
        (Fraction(10**30 + 1, 3), "333333333333333333333333333333.67"),
    ],
)
def test_rounding_is_half_up_to_two_places(value, expected):
    rounded = round_half_up(value)
    assert str(rounded) == expected
    assert rounded == Decimal(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1, 2), "0.5"),
        (Fraction(-1, 4), "-0.25"),
        (Fraction(1000), "1000"),
        (Fraction(1001, 1000), "1.001"),
        (Fraction(1, 3), "1/3"),
    ],
)
def test_numbers_in_problem_messages_are_exact(value, expected):
    assert format_number(value) == expected


# Single choice


PEMILU = SingleChoice(
    points=2,
    options=options(serentak="1", bertahap="0.5", ditunda="0", dibatalkan="-0.5"),
)


@pytest.mark.parametrize(
    ("response", "credit", "points", "correct"),
    [
        ("serentak", 1, "2.00", True),
        ("bertahap", Fraction(1, 2), "1.00", False),
        ("ditunda", 0, "0.00", False),
        ("dibatalkan", 0, "0.00", False),  # a negative credit is floored at 0
    ],
)
def test_single_choice_gives_the_credit_of_the_chosen_option(
    response, credit, points, correct
):
    grade = grade_question(PEMILU, response)
    assert grade.credit == credit
    assert grade.points_awarded == Decimal(points)
    assert grade.max_points == Decimal("2.00")
    assert grade.is_correct is correct
    assert grade.is_answered


@pytest.mark.parametrize("response", [None, "", "tidak-ada", *WRONG_SHAPES])
def test_single_choice_without_a_known_key_is_unanswered(response):
    grade = grade_question(PEMILU, response)
    assert (grade.credit, grade.is_answered, grade.is_correct) == (0, False, False)
    assert grade.points_awarded == Decimal("0.00")


def test_a_duplicated_option_key_keeps_its_best_credit_whatever_the_order():
    first = SingleChoice(1, [ChoiceOption("a", 0), ChoiceOption("a", 1)])
    second = SingleChoice(1, [ChoiceOption("a", 1), ChoiceOption("a", 0)])
    assert credit_of(first, "a") == credit_of(second, "a") == 1


# Multiple choice


# Which are channels for citizens' complaints in Jakarta?
CHANNELS = MultipleChoice(
    points=3,
    options=options(jaki="0.5", crm="0.5", koran="-0.5", tebak="-1"),
)


@pytest.mark.parametrize(
    ("response", "credit"),
    [
        ({"jaki", "crm"}, 1),
        ({"jaki"}, Fraction(1, 2)),
        ({"jaki", "crm", "koran"}, Fraction(1, 2)),
        ({"jaki", "koran"}, 0),
        ({"koran", "tebak"}, 0),  # never below zero
        ({"jaki", "crm", "tebak"}, 0),
        ({"jaki", "asal"}, Fraction(1, 2)),  # unknown keys are ignored
    ],
)
def test_multiple_choice_adds_credits_and_never_goes_below_zero(response, credit):
    grade = grade_question(CHANNELS, frozenset(response))
    assert grade.credit == credit
    assert grade.points_awarded == round_half_up(credit * 3)
    assert grade.is_answered
    assert grade.is_correct is (credit == 1)


def test_multiple_choice_credit_is_capped_at_full_marks():
    generous = MultipleChoice(1, options(a="0.75", b="0.75", c="-0.5"))
    assert credit_of(generous, frozenset({"a", "b"})) == 1


@pytest.mark.parametrize(
    "response",
    [["jaki", "crm"], ("jaki", "crm"), {"jaki", "crm"}, ["jaki", "jaki", "crm"]],
)
def test_multiple_choice_accepts_form_lists_as_well_as_sets(response):
    assert credit_of(CHANNELS, response) == 1


@pytest.mark.parametrize(
    "response",
    [
        None,
        frozenset(),
        frozenset({"asal", "lain"}),
        "jaki",  # a single key, not a set of keys
        ["jaki", 1],
        [["jaki"]],
        {"jaki": True},
        1,
        True,
    ],
)
def test_multiple_choice_without_known_keys_is_unanswered(response):
    grade = grade_question(CHANNELS, response)
    assert (grade.credit, grade.is_answered) == (0, False)


# True or false


@pytest.mark.parametrize(
    ("correct", "response", "credit"),
    [(True, True, 1), (True, False, 0), (False, False, 1), (False, True, 0)],
)
def test_true_false(correct, response, credit):
    grade = grade_question(TrueFalse(1, correct), response)
    assert (grade.credit, grade.is_answered) == (credit, True)


@pytest.mark.parametrize("response", [None, "true", "Benar", 1, 0, [True]])
def test_true_false_needs_a_real_bool(response):
    grade = grade_question(TrueFalse(1, True), response)
    assert (grade.credit, grade.is_answered) == (0, False)


# Short answer


JAKI = ShortAnswer(
    points=1,
    answers=(
        AcceptedAnswer("JAKI"),
        AcceptedAnswer("Jakarta Kini"),
        AcceptedAnswer("Jakarta*", "0.5"),
    ),
)


@pytest.mark.parametrize(
    ("response", "credit"),
    [
        ("JAKI", 1),
        ("jaki", 1),
        ("  Jaki \n", 1),
        ("jakarta   KINI", 1),  # the best of two matching answers counts
        ("Jakarta Smart City", Fraction(1, 2)),
        ("jakarta", Fraction(1, 2)),  # a wildcard also matches nothing
        ("Qlue", 0),
        ("JAKI JAKI", 0),
    ],
)
def test_short_answer_takes_the_best_matching_credit(response, credit):
    grade = grade_question(JAKI, response)
    assert (grade.credit, grade.is_answered) == (credit, True)


@pytest.mark.parametrize("response", [None, "", "   ", "\u00a0\t\n", *WRONG_SHAPES])
def test_short_answer_empty_or_not_text_is_unanswered(response):
    grade = grade_question(JAKI, response)
    assert (grade.credit, grade.is_answered) == (0, False)


@pytest.mark.parametrize(
    ("accepted", "response"),
    [
        ("Nguyễn", "nguyen"),
        ("nguyen", "NGUYỄN"),
        ("Pakta Integritas", "pakta\u00a0 integritas"),  # a phone's no-break space
        ("Kecamatan Sawah Besar", "kecamatan sawah  besar "),
        ("Straße", "STRASSE"),
        ("ＫＰＵ", "kpu"),  # full-width letters from some keyboards
        ("e\u0301", "é"),  # decomposed and composed accents
    ],
)
def test_short_answer_ignores_case_spaces_and_accents_by_default(accepted, response):
    assert matches_accepted_answer(response, accepted)


def test_short_answer_can_be_case_sensitive():
    question = ShortAnswer(1, (AcceptedAnswer("KPU"),), case_sensitive=True)
    assert credit_of(question, " KPU ") == 1
    assert credit_of(question, "kpu") == 0


def test_short_answer_can_require_accents():
    question = ShortAnswer(1, (AcceptedAnswer("Nguyễn"),), ignore_accents=False)
    assert credit_of(question, "nguyễn") == 1
    assert credit_of(question, "Nguye\u0302\u0303n") == 1  # same letters, decomposed
    assert credit_of(question, "nguyen") == 0


@pytest.mark.parametrize(
    ("accepted", "response", "matches"),
    [
        ("Komisi * Umum", "Komisi Pemilihan Umum", True),
        ("Komisi * Umum", "Komisi Umum", False),
        ("Badan Pengawas Pemil*", "Badan Pengawas Pemilihan Umum", True),
        ("Badan Pengawas Pemil*", "Bawaslu", False),
        ("*kpu*", "KPUD Jakarta Pusat", True),
        ("*", "apa saja", True),
        ("a*b*c", "abc", True),
        ("a*b*c", "acb", False),
        ("a*a", "a", False),  # prefix and suffix may not overlap
        ("a*a", "aa", True),
        ("5 \\* 3", "5 * 3", True),  # an escaped asterisk is literal
        ("5 \\* 3", "5 x 3", False),
        ("a.b", "axb", False),  # nothing but * is special
        ("(rt|rw)", "rt", False),
        ("rt\\rw", "RT\\RW", True),  # a lone backslash is literal
    ],
)
def test_short_answer_wildcards(accepted, response, matches):
    assert matches_accepted_answer(response, accepted) is matches


def test_short_answer_partial_credit_and_no_negative_credit():
    question = ShortAnswer(
        1,
        (
            AcceptedAnswer("Bawaslu"),
            AcceptedAnswer("Panwaslu", "0.25"),
            AcceptedAnswer("KPU", "-1"),
        ),
    )
    assert credit_of(question, "panwaslu") == Fraction(1, 4)
    grade = grade_question(question, "KPU")
    assert (grade.credit, grade.is_answered) == (0, True)


def test_a_long_adversarial_short_answer_is_graded_quickly():
    # A backtracking ".*?a.*?a...b" would take longer than anyone could wait here.
    question = ShortAnswer(1, (AcceptedAnswer("*a" * 30 + "*b"),))
    grade = grade_question(question, "a" * 50_000)
    assert (grade.credit, grade.is_answered) == (0, True)


# Numbers as participants type them


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3,5", Fraction(7, 2)),
        ("3.5", Fraction(7, 2)),
        ("-2", Fraction(-2)),
        ("+7", Fraction(7)),
        ("  42 ", Fraction(42)),
        ("0", Fraction(0)),
        ("-0,25", Fraction(-1, 4)),
        (",5", Fraction(1, 2)),
        ("1.000", Fraction(1000)),  # Indonesian thousands
        ("1.000.000", Fraction(1_000_000)),
        ("12.345.678", Fraction(12_345_678)),
        ("1,000", Fraction(1)),  # Indonesian decimal comma
        ("1,000,000", Fraction(1_000_000)),  # several commas can only group
        ("1.234,5", Fraction(2469, 2)),
        ("1.234.567,89", Fraction(123456789, 100)),
        ("1,234.5", Fraction(2469, 2)),  # both: the last one is the decimal
        ("0.500", Fraction(1, 2)),  # a group cannot start with 0
        ("1234.567", Fraction(1234567, 1000)),  # first group too long
        ("12.5", Fraction(25, 2)),
        ("2,5e3", Fraction(2500)),
        ("1E-2", Fraction(1, 100)),
        ("１２,５", Fraction(25, 2)),  # full-width digits
        ("\u22123", Fraction(-3)),  # Unicode minus sign
    ],
)
def test_parse_number_reads_indonesian_and_plain_numbers(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "3,5 kg",
        "Rp 1.000",
        "50%",
        "NaN",
        "nan",
        "inf",
        "-Infinity",
        "1e999",
        "1e101",
        "1 000",
        "- 5",
        "--5",
        "+-5",
        "5,",
        "5.",
        ".",
        ",",
        "1.2.3",
        "1,2,3",
        "1.23.456",
        "1,5.000",  # the grouping before the decimal point is wrong
        "1.5,3",
        "3,5,",
        "0x10",
        "1_000",
        "٣",  # Arabic-Indic digit
        "1" * 65,
        None,
        35,
        Decimal("3.5"),
    ],
)
def test_parse_number_refuses_what_is_not_a_number(text):
    assert parse_number(text) is None


# Numeric questions


TURNOUT = Numeric(
    points=4,
    answers=(
        NumericAnswer(value="10", tolerance="0.5"),
        NumericRange(minimum="8", maximum="12", credit="0.5"),
    ),
)


@pytest.mark.parametrize(
    ("response", "credit"),
    [
        ("10", 1),
        ("9,5", 1),  # tolerance bounds are included
        ("10.5", 1),
        ("10,51", Fraction(1, 2)),
        ("9,49", Fraction(1, 2)),
        ("8", Fraction(1, 2)),  # range bounds are included
        ("12", Fraction(1, 2)),
        ("12,001", 0),
        ("7,999", 0),
        ("-10", 0),
        ("sepuluh", 0),  # typed, but not a number: answered and wrong
    ],
)
def test_numeric_first_accepting_answer_gives_its_credit(response, credit):
    grade = grade_question(TURNOUT, response)
    assert (grade.credit, grade.is_answered) == (credit, True)
    assert grade.points_awarded == round_half_up(credit * 4)


# Moodle's "When was Grant born? {#=%50%1822:2 =1822:0}" written the wrong way
# round, a wide half-credit answer above the exact one, and a catch-all last.
WIDE_FIRST = Numeric(
    points=1,
    answers=(
        NumericAnswer(1822, tolerance=2, credit="0.5"),
        NumericAnswer(1822),
        AnyOtherNumber(),
    ),
)


@pytest.mark.parametrize(
    ("response", "position", "credit"),
    [
        # Moodle checks answers in order and the first that accepts wins
        # (qtype_numerical_question::get_matching_answer), even over a better one.
        ("1822", 0, Fraction(1, 2)),
        ("1823", 0, Fraction(1, 2)),
        ("1830", 2, 0),  # the catch-all: no credit, but its feedback
        ("-5", 2, 0),
        ("seribu", None, 0),  # not a number: no answer matches, not even "*"
    ],
)
def test_numeric_answers_are_checked_in_order_as_in_moodle(response, position, credit):
    assert numeric_match(WIDE_FIRST, response) == position
    assert credit_of(WIDE_FIRST, response) == credit


def test_a_catch_all_may_give_credit_to_any_number():
    question = Numeric(1, (NumericAnswer(7), AnyOtherNumber(credit="0.25")))
    assert credit_of(question, "7") == 1
    assert credit_of(question, "1.000.000") == Fraction(1, 4)
    assert credit_of(question, "tujuh") == 0


@pytest.mark.parametrize("response", [None, "", 7, ["7"]])
def test_numeric_match_of_no_typed_number_is_none(response):
    assert numeric_match(WIDE_FIRST, response) is None


def test_numeric_comparisons_are_exact_not_floating_point():
    # In floats 0.4 - 0.3 > 0.1; here 0.4 is inside the tolerance.
    question = Numeric(1, (NumericAnswer("0.3", tolerance="0.1"),))
    assert credit_of(question, "0,4") == 1
    assert credit_of(question, "0,4000001") == 0


def test_numeric_reads_indonesian_thousands():
    question = Numeric(1, (NumericAnswer(1_500_000),))
    assert credit_of(question, "1.500.000") == 1
    assert credit_of(question, "1,5e6") == 1


@pytest.mark.parametrize("response", [None, "", "  ", 10, Decimal("10"), ["10"]])
def test_numeric_empty_or_not_text_is_unanswered(response):
    grade = grade_question(TURNOUT, response)
    assert (grade.credit, grade.is_answered) == (0, False)


# Matching


# Match each institution to its role.
ROLES = Matching(
    points=3,
    pairs=(
        MatchPair("kpu", "menyelenggarakan"),
        MatchPair("bawaslu", "mengawasi"),
        MatchPair("dkpp", "menegakkan-etik"),
    ),
    distractors=("memilih",),
)


@pytest.mark.parametrize(
    ("response", "correct_pairs"),
    [
        (
            {
                "kpu": "menyelenggarakan",
                "bawaslu": "mengawasi",
                "dkpp": "menegakkan-etik",
            },
            3,
        ),
        ({"kpu": "menyelenggarakan", "bawaslu": "mengawasi", "dkpp": "memilih"}, 2),
        ({"kpu": "menyelenggarakan"}, 1),  # the rest left unmatched
        ({"kpu": "menyelenggarakan", "bawaslu": None, "dkpp": ""}, 1),
        ({"kpu": "mengawasi", "bawaslu": "menyelenggarakan", "dkpp": "memilih"}, 0),
        ({"kpu": "memilih", "lain": "mengawasi"}, 0),  # unknown prompts are ignored
        ({"kpu": "menyelenggarakan", "dkpp": 3}, 1),  # a non-text answer is no answer
    ],
)
def test_matching_credit_is_correct_pairs_over_pairs(response, correct_pairs):
    grade = grade_question(ROLES, response)
    assert grade.credit == Fraction(correct_pairs, 3)
    assert grade.is_answered
    assert grade.is_correct is (correct_pairs == 3)


def test_matching_two_of_three_shows_two_points():
    response = {"kpu": "menyelenggarakan", "bawaslu": "mengawasi", "dkpp": "memilih"}
    grade = grade_question(ROLES, response)
    assert (grade.credit, grade.points_awarded) == (Fraction(2, 3), Decimal("2.00"))


@pytest.mark.parametrize(
    "response",
    [None, {}, {"kpu": None}, {"lain": "mengawasi"}, {1: "mengawasi"}, ["kpu"], "kpu"],
)
def test_matching_with_nothing_matched_is_unanswered(response):
    grade = grade_question(ROLES, response)
    assert (grade.credit, grade.is_answered) == (0, False)


def test_grading_an_unknown_question_type_is_a_programming_error():
    with pytest.raises(TypeError):
        grade_question(object(), "a")


# A whole paper


def one_point(credit):
    """A one-point question whose answer "x" earns ``credit``."""
    return ShortAnswer(1, (AcceptedAnswer("x", credit),))


def test_grade_paper_sums_exactly_and_rounds_once():
    paper = [(f"q{n}", one_point(Fraction(1, 3))) for n in range(3)]
    grade = grade_paper(paper, {"q0": "x", "q1": "x", "q2": "x"}, 50)
    assert [q.points_awarded for q in grade.questions.values()] == [Decimal("0.33")] * 3
    assert grade.score == Decimal("1.00")  # not 0.99
    assert grade.max_score == Decimal("3.00")
    assert grade.percent == Decimal("33.33")
    assert not grade.passed


def test_grade_paper_two_of_three():
    paper = [("a", TrueFalse(1, True)), ("b", TrueFalse(1, True)), ("c", PEMILU)]
    grade = grade_paper(paper, {"a": True, "b": False, "c": "serentak"}, "60")
    assert (grade.score, grade.max_score) == (Decimal("3.00"), Decimal("4.00"))
    assert grade.percent == Decimal("75.00")
    assert grade.passed
    assert list(grade.questions) == ["a", "b", "c"]
    assert grade.questions["b"].is_answered and not grade.questions["b"].is_correct


def test_grade_paper_missing_responses_are_unanswered():
    paper = [("a", TrueFalse(1, True)), ("b", JAKI)]
    grade = grade_paper(paper, {"a": True, "zzz": "ignored"}, 50)
    assert grade.percent == Decimal("50.00")
    assert not grade.questions["b"].is_answered


@pytest.mark.parametrize(
    ("credit", "pass_mark", "percent", "passed"),
    [
        ("0.6", 60, "60.00", True),  # exactly the pass mark passes
        ("0.59996", 60, "60.00", False),  # displays as 60.00 but falls short
        ("0.59995", Decimal("59.995"), "60.00", True),
        ("0.5999", "60", "59.99", False),
        ("0.6001", Decimal("60.00"), "60.01", True),
        ("0", 0, "0.00", True),
        ("1", 100, "100.00", True),
    ],
)
def test_pass_compares_the_exact_percentage(credit, pass_mark, percent, passed):
    grade = grade_paper([("q", one_point(credit))], {"q": "x"}, pass_mark)
    assert grade.percent == Decimal(percent)
    assert grade.passed is passed


@pytest.mark.parametrize(("pass_mark", "passed"), [(60, False), (0, True)])
def test_an_empty_paper(pass_mark, passed):
    grade = grade_paper([], {}, pass_mark)
    assert (grade.score, grade.max_score, grade.percent) == (Decimal("0.00"),) * 3
    assert grade.passed is passed
    assert grade.questions == {}


def test_a_paper_with_a_key_twice_is_a_programming_error():
    with pytest.raises(ValueError, match="twice"):
        grade_paper([("a", TrueFalse(1, True)), ("a", JAKI)], {}, 50)


# Several attempts


ATTEMPTS = [
    AttemptResult(Decimal("40.00"), submitted_order=1),
    AttemptResult(Decimal("90.00"), submitted_order=2),
    AttemptResult(Decimal("70.01"), submitted_order=3),
]


@pytest.mark.parametrize(
    ("method", "expected"),
    [("highest", "90.00"), ("latest", "70.01"), ("first", "40.00"), ("mean", "66.67")],
)
def test_combine_attempts(method, expected):
    assert combine_attempts(ATTEMPTS, method) == Decimal(expected)
    assert combine_attempts(list(reversed(ATTEMPTS)), method) == Decimal(expected)


def test_combine_attempts_mean_rounds_half_up():
    attempts = [AttemptResult(Decimal("0.01"), 1), AttemptResult(Decimal("0.00"), 2)]
    assert combine_attempts(attempts, "mean") == Decimal("0.01")


@pytest.mark.parametrize("method", COMBINE_METHODS)
def test_combine_no_attempts_is_none(method):
    assert combine_attempts([], method) is None


def test_combine_attempts_with_an_unknown_method_is_refused():
    with pytest.raises(ValueError, match="terbaik"):
        combine_attempts([], "terbaik")


# Authoring checks


def codes(question):
    return [problem.code for problem in validate_question(question)]


@pytest.mark.parametrize(
    "question", [PEMILU, CHANNELS, TrueFalse(1, False), JAKI, TURNOUT, ROLES]
)
def test_a_well_made_question_has_no_problems(question):
    assert validate_question(question) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (TrueFalse(0, True), [Problem("points_must_be_positive", {"points": "0"})]),
        (
            SingleChoice(1, options(a=1)),
            [Problem("too_few_options", {"count": 1, "minimum": 2})],
        ),
        (
            SingleChoice(1, options(a="0.5", b=0)),
            [Problem("single_choice_needs_one_full_credit")],
        ),
        (
            SingleChoice(1, options(a=1, b=1)),
            [Problem("single_choice_needs_one_full_credit")],
        ),
        (
            SingleChoice(1, [ChoiceOption("a", 1), ChoiceOption("a", 0)]),
            [Problem("duplicate_option_key", {"key": "a"})],
        ),
        (
            SingleChoice(1, [ChoiceOption("", 1), ChoiceOption("b", 0)]),
            [Problem("empty_option_key", {"position": 1})],
        ),
        (
            MultipleChoice(1, options(a="1.5", b="-1")),
            [Problem("choice_credit_out_of_range", {"key": "a", "credit": "1.5"})],
        ),
        (
            MultipleChoice(1, options(a="1/3", b="1/3", c="-1")),
            [Problem("multiple_choice_cannot_reach_full_credit", {"total": "2/3"})],
        ),
        (
            ShortAnswer(1, (AcceptedAnswer("KPU", "0.5"),)),
            [Problem("short_answer_needs_a_full_credit_answer")],
        ),
        (
            ShortAnswer(1, (AcceptedAnswer("KPU"), AcceptedAnswer("  "))),
            [Problem("empty_accepted_answer", {"position": 2})],
        ),
        (
            ShortAnswer(1, (AcceptedAnswer("KPU"), AcceptedAnswer("KPUD", "-0.5"))),
            [Problem("answer_credit_out_of_range", {"position": 2, "credit": "-0.5"})],
        ),
        (
            Numeric(1, (NumericAnswer(5, credit="0.5"),)),
            [Problem("numeric_needs_a_full_credit_answer")],
        ),
        (
            Numeric(1, (NumericAnswer(5), NumericAnswer(5, tolerance="-0.1"))),
            [Problem("negative_tolerance", {"position": 2, "tolerance": "-0.1"})],
        ),
        (
            Numeric(1, (NumericAnswer(5), NumericRange(3, 2))),
            [
                Problem(
                    "range_minimum_above_maximum",
                    {"position": 2, "minimum": "3", "maximum": "2"},
                )
            ],
        ),
        (
            Numeric(1, (NumericAnswer(5), NumericAnswer(5, credit="0.5"))),
            [Problem("numeric_answer_never_counts", {"position": 2})],
        ),
        (
            Numeric(1, (NumericAnswer(5), AnyOtherNumber(), NumericAnswer(6))),
            [Problem("numeric_answer_never_counts", {"position": 3})],
        ),
        (
            # 1..3 and 3..5 together accept all of 4 ± 1 (bounds are included).
            Numeric(
                1,
                (
                    NumericRange(1, 3),
                    NumericRange(3, 5, "0.5"),
                    NumericAnswer(4, tolerance=1, credit="0.5"),
                ),
            ),
            [Problem("numeric_answer_never_counts", {"position": 3})],
        ),  # fmt: skip
        (
            Matching(1, (MatchPair("a", "x"),)),
            [Problem("matching_needs_two_pairs", {"count": 1, "minimum": 2})],
        ),
        (
            Matching(1, (MatchPair("a", "x"), MatchPair("a", "y"))),
            [Problem("duplicate_prompt", {"prompt": "a"})],
        ),
        (
            Matching(1, (MatchPair("a", "x"), MatchPair("b", "y")), ("y", "z")),
            [Problem("distractor_is_an_answer", {"key": "y"})],
        ),
    ],
)
def test_each_authoring_problem(question, expected):
    assert validate_question(question) == expected


def test_a_full_credit_answer_hidden_by_the_answers_above_it_is_no_full_credit():
    question = Numeric(1, (NumericAnswer(1822, tolerance=2, credit="0.5"),
                           NumericAnswer(1822)))  # fmt: skip
    assert codes(question) == [
        "numeric_answer_never_counts",
        "numeric_needs_a_full_credit_answer",
    ]


@pytest.mark.parametrize(
    "answers",
    [
        # Narrow before wide, a gap between ranges, a catch-all last.
        (NumericAnswer(1822), NumericAnswer(1822, 2, "0.5"), AnyOtherNumber()),
        (NumericRange(1, 2), NumericRange(3, 4, "0.5"), NumericAnswer("2.5", "0.6")),
        (NumericRange(1, 2), NumericRange("2.5", 4, "0.5"), NumericAnswer("2.25")),
    ],
)
def test_answers_that_can_still_count_are_fine(answers):
    assert validate_question(Numeric(1, answers)) == []


def test_a_range_that_cannot_match_is_no_full_credit_answer():
    assert codes(Numeric(1, (NumericRange(3, 2),))) == [
        "range_minimum_above_maximum",
        "numeric_needs_a_full_credit_answer",
    ]


def test_several_problems_are_all_reported():
    question = SingleChoice(-1, options(a="2"))
    assert codes(question) == [
        "points_must_be_positive",
        "too_few_options",
        "choice_credit_out_of_range",
        "single_choice_needs_one_full_credit",
    ]


def test_validating_an_unknown_question_type_is_a_programming_error():
    with pytest.raises(TypeError):
        validate_question(object())


# Properties over random questions and responses

KEYS = "abcde"
credits = st.fractions(min_value=-1, max_value=1, max_denominator=6)
shares = st.fractions(min_value=0, max_value=1, max_denominator=6)
points = st.fractions(min_value=Fraction(1, 4), max_value=10, max_denominator=4)
typed = st.text(alphabet="abAé *\\\u00a0", max_size=6)
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=4),
    st.lists(st.sampled_from(KEYS), max_size=3),
    st.dictionaries(st.sampled_from(KEYS), st.sampled_from(KEYS), max_size=3),
)


@st.composite
def choice_options(draw):
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=5, unique=True))
    return tuple(ChoiceOption(key, draw(credits)) for key in keys)


@st.composite
def single_choices(draw):
    question = SingleChoice(draw(points), draw(choice_options()))
    return question, draw(st.one_of(st.sampled_from(KEYS), junk))


@st.composite
def multiple_choices(draw):
    question = MultipleChoice(draw(points), draw(choice_options()))
    chosen = st.frozensets(st.sampled_from(KEYS + "z"), max_size=4)
    return question, draw(st.one_of(chosen, junk))


@st.composite
def true_falses(draw):
    return TrueFalse(draw(points), draw(st.booleans())), draw(junk)


@st.composite
def short_answers(draw):
    answers = draw(
        st.lists(st.builds(AcceptedAnswer, typed, credits), min_size=1, max_size=3)
    )
    question = ShortAnswer(
        draw(points), answers, draw(st.booleans()), draw(st.booleans())
    )
    return question, draw(st.one_of(typed, junk))


small_numbers = st.fractions(min_value=-20, max_value=20, max_denominator=4)
numeric_answers = st.one_of(
    st.builds(
        NumericAnswer, small_numbers, st.fractions(0, 3, max_denominator=4), credits
    ),
    st.builds(NumericRange, small_numbers, small_numbers, credits),
    st.builds(AnyOtherNumber, credits),
)


@st.composite
def numerics(draw):
    question = Numeric(
        draw(points), draw(st.lists(numeric_answers, min_size=1, max_size=3))
    )
    typed_number = st.builds(
        lambda number: format_number(number).replace(".", ","), small_numbers
    )
    messy = st.text(alphabet="0123456789.,-e ", max_size=6)
    return question, draw(st.one_of(typed_number, messy, junk))


@st.composite
def matchings(draw):
    prompts = draw(
        st.lists(st.sampled_from("pqrs"), min_size=1, max_size=4, unique=True)
    )
    pairs = tuple(
        MatchPair(prompt, draw(st.sampled_from("wxyz"))) for prompt in prompts
    )
    question = Matching(
        draw(points), pairs, tuple(draw(st.lists(st.sampled_from("vw"))))
    )
    answer = st.one_of(st.none(), st.sampled_from("vwxyz"))
    response = st.dictionaries(st.sampled_from("pqrst"), answer, max_size=5)
    return question, draw(st.one_of(response, junk))


questions_with_responses = st.one_of(
    single_choices(),
    multiple_choices(),
    true_falses(),
    short_answers(),
    numerics(),
    matchings(),
)
papers = st.lists(questions_with_responses, max_size=6)


hundredths = st.integers(-5000, 5000).map(lambda n: Fraction(n, 100))


@st.composite
def rightly_answered(draw):
    """A question with a fully right answer among random others, and that answer."""
    kind = draw(
        st.sampled_from(["single", "multiple", "tf", "short", "numeric", "match"])
    )
    question, _ = draw(
        {
            "single": single_choices(),
            "multiple": multiple_choices(),
            "tf": true_falses(),
            "short": short_answers(),
            "numeric": numerics(),
            "match": matchings(),
        }[kind]
    )
    if kind in ("single", "multiple"):
        question = dataclasses.replace(
            question, options=(*question.options, ChoiceOption("f", 1))
        )
        if kind == "single":
            return question, "f"
        return question, frozenset(o.key for o in question.options if o.credit > 0)
    if kind == "tf":
        return question, question.correct
    if kind == "short":
        # A * in the text is a wildcard in the answer, and matches itself.
        text = draw(st.sampled_from("abAé")) + draw(st.text("abAé *\u00a0", max_size=5))
        answers = (*question.answers, AcceptedAnswer(text, 1))
        return dataclasses.replace(question, answers=answers), text
    if kind == "numeric":
        # First: the first answer that accepts a number decides.
        value = draw(hundredths)
        answers = (
            NumericAnswer(value, draw(small_numbers.map(abs))),
            *question.answers,
        )
        indonesian = format_number(value).replace(".", ",")
        return dataclasses.replace(question, answers=answers), indonesian
    return question, {pair.prompt_key: pair.answer_key for pair in question.pairs}


def as_paper(items):
    questions = [(f"q{n}", question) for n, (question, _) in enumerate(items)]
    responses = {f"q{n}": response for n, (_, response) in enumerate(items)}
    return questions, responses


def shuffled(question, random):
    """The same question with its options, answers, pairs and distractors reordered.

    Not a numeric question's answers: they are checked in order, as in Moodle,
    so their order is part of the question.
    """
    changes = {}
    for name in ("options", "answers", "pairs", "distractors"):
        if hasattr(question, name) and not isinstance(question, Numeric):
            items = list(getattr(question, name))
            random.shuffle(items)
            changes[name] = tuple(items)
    return dataclasses.replace(question, **changes)


@settings(max_examples=250)
@given(questions_with_responses)
def test_any_response_earns_between_nothing_and_full_points(item):
    question, response = item
    grade = grade_question(question, response)
    assert 0 <= grade.credit <= 1
    assert Decimal("0.00") <= grade.points_awarded <= grade.max_points
    assert grade.is_correct is (grade.credit == 1)
    assert grade.is_answered or grade.credit == 0


@settings(max_examples=100)
@given(papers, st.integers(0, 100))
def test_a_paper_scores_within_bounds_and_full_only_when_all_correct(items, pass_mark):
    questions, responses = as_paper(items)
    grade = grade_paper(questions, responses, pass_mark)
    exact_score = sum(
        (grade.questions[key].credit * q.points for key, q in questions), Fraction(0)
    )
    exact_max = sum((q.points for _, q in questions), Fraction(0))
    assert Decimal("0.00") <= grade.score <= grade.max_score
    assert Decimal("0.00") <= grade.percent <= Decimal("100.00")
    assert grade.score == round_half_up(exact_score)
    if questions and all(q.is_correct for q in grade.questions.values()):
        assert grade.score == grade.max_score
        assert grade.percent == Decimal("100.00")
        assert grade.passed
    else:
        assert exact_score < exact_max or not questions
    exact_percent = exact_score / exact_max * 100 if exact_max else 0
    assert grade.passed is (exact_percent >= pass_mark)


@settings(max_examples=100)
@given(st.lists(rightly_answered(), min_size=1, max_size=6), st.data())
def test_full_marks_exactly_when_every_question_is_right(items, data):
    spoiled = data.draw(
        st.lists(st.booleans(), min_size=len(items), max_size=len(items))
    )
    questions, responses = as_paper(items)
    for (key, _), spoil in zip(questions, spoiled, strict=True):
        if spoil:
            responses[key] = None
    grade = grade_paper(questions, responses, 100)
    assert (grade.score == grade.max_score) is (not any(spoiled))
    assert (grade.percent == Decimal("100.00")) is (not any(spoiled))
    assert grade.passed is (not any(spoiled))


@settings(max_examples=100)
@given(papers, st.randoms(use_true_random=False))
def test_reordering_questions_and_options_never_changes_a_grade(items, random):
    questions, responses = as_paper(items)
    original = grade_paper(questions, responses, 60)
    reordered = [(key, shuffled(question, random)) for key, question in questions]
    random.shuffle(reordered)
    assert grade_paper(reordered, responses, 60) == original


@settings(max_examples=100)
@given(questions_with_responses)
def test_validation_never_raises_and_speaks_in_known_codes(item):
    question, _ = item
    for problem in validate_question(question):
        assert re.fullmatch(r"[a-z_]+", problem.code)


def bounds_of(answer):
    if isinstance(answer, NumericRange):
        return answer.minimum, answer.maximum
    return answer.value - answer.tolerance, answer.value + answer.tolerance


@settings(max_examples=200)
@given(st.lists(numeric_answers, min_size=1, max_size=4))
def test_an_answer_is_reported_as_never_counting_exactly_when_no_number_reaches_it(
    answers,
):
    # One number in each piece the answers' bounds cut the line into: every
    # bound, every midpoint between two, and one beyond each end.
    bounds = sorted(
        {b for a in answers if not isinstance(a, AnyOtherNumber) for b in bounds_of(a)}
        | {Fraction(0)}
    )
    grid = [bounds[0] - 1, *bounds, bounds[-1] + 1]
    grid += [(low + high) / 2 for low, high in itertools.pairwise(bounds)]
    decided_by = {
        next((i for i, answer in enumerate(answers) if answer.accepts(x)), None)
        for x in grid
    }
    problems = validate_question(Numeric(1, answers))
    flagged = {
        p.params["position"] - 1
        for p in problems
        if p.code == "numeric_answer_never_counts"
    }
    well_formed = {
        i
        for i, answer in enumerate(answers)
        if not (isinstance(answer, NumericRange) and answer.minimum > answer.maximum)
    }
    assert flagged == well_formed - decided_by


@settings(max_examples=500)
@given(st.one_of(st.text(), st.text(alphabet="0123456789.,+-eE \u2212", max_size=20)))
def test_parse_number_never_raises(text):
    assert parse_number(text) is None or isinstance(parse_number(text), Fraction)


@settings(max_examples=300)
@given(st.integers(-(10**12), 10**12), st.integers(0, 4))
def test_numbers_written_the_indonesian_way_read_back(whole_units, places):
    value = Fraction(whole_units, 10**places)
    whole, fraction = divmod(abs(whole_units), 10**places)
    text = f"{whole:,}".replace(",", ".")
    if places:
        text += "," + str(fraction).zfill(places)
    if value < 0:
        text = "-" + text
    assert parse_number(text) == value


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_characters="\ue000"), max_size=30))
def test_an_accepted_answer_without_wildcards_matches_itself(text):
    assume(normalise_answer(text))
    escaped = text.replace("*", "\\*")
    assert matches_accepted_answer(text, escaped)
    assert matches_accepted_answer(text, escaped, case_sensitive=True)
    assert matches_accepted_answer(text, escaped, ignore_accents=False)


@settings(max_examples=300)
@given(st.text(), st.booleans(), st.booleans())
def test_normalising_twice_changes_nothing(text, case_sensitive, ignore_accents):
    rules = {"case_sensitive": case_sensitive, "ignore_accents": ignore_accents}
    once = normalise_answer(text, **rules)
    assert normalise_answer(once, **rules) == once


@settings(max_examples=500)
@given(st.text(alphabet="ab*", max_size=10), st.text(alphabet="ab", max_size=10))
def test_wildcard_matching_agrees_with_a_regular_expression(pattern, text):
    parts = pattern.split("*")
    expected = re.fullmatch(".*".join(map(re.escape, parts)), text) is not None
    assert glob_match(parts, text) is expected


@settings(max_examples=25, deadline=timedelta(seconds=2))
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1_000, max_value=20_000),
    st.sampled_from(["a", "aa", "ca"]),
)
def test_wildcards_stay_fast_on_long_adversarial_input(stars, length, piece):
    # "*a*a*...*a*b*": a backtracking regex tries every split of the a's before
    # giving up; the matcher here scans the text once per piece.
    accepted = "*" + "*".join([piece] * stars + ["b"]) + "*"
    assert not matches_accepted_answer(piece * length, accepted)
    assert matches_accepted_answer(piece * length + "b", accepted) is (length >= stars)
