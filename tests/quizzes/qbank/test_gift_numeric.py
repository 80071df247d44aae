"""GIFT numeric questions read as Moodle reads them, and graded as Moodle grades them.

Moodle's reader (qformat_gift) splits the answers after "#" at each "=", reads
"%credit%", "value:tolerance", "min..max" and "#feedback" in each, and turns a
"~#feedback" at the end into a 0% answer "*" that accepts any number. Moodle's
numerical question then checks the answers in order and the first that
accepts the response decides the credit and the feedback shown.
"""

from fractions import Fraction

import pytest
from django.utils import translation

from quizzes.qbank.errors import QbankError
from quizzes.qbank.gift import parse_gift
from quizzes.qbank.mapping import to_block_data
from tests.quizzes.qbank.helpers import as_graded, summary

pytestmark = pytest.mark.usefixtures("in_english")

GRANT = """::Grant::When was Ulysses S. Grant born? {#
    =1822:0      # Correct! Full credit.
    =%50%1822:2  # Half credit for being close.
    ~#Read the lesson again.
}"""


def only(text):
    (question,) = parse_gift(text).questions
    return question


@pytest.mark.parametrize(
    ("text", "answers", "graded"),
    [
        ("Q {#3:2}", ["3±2=100"],
         {"1": 1, "5": 1, "5.5": 0, "0,99": 0}),
        ("Q {#1..5}", ["1..5=100"],
         {"1": 1, "3,5": 1, "5": 1, "0.9": 0}),
        # Moodle's own test of its reader: the "~" part is a 0% "*" answer.
        ("Q {#3:2~#Completely wrong}", ["3±2=100", "*=0#Completely wrong"],
         {"4": 1, "7": 0}),
        # Two answers that both accept 1: the first decides.
        ("Q {#=1:0 =%50%2:1}", ["1±0=100", "2±1=50"],
         {"1": 1, "2": Fraction(1, 2), "3": Fraction(1, 2), "4": 0}),
        ("Q {#-2.5:0.25}", ["-2.5±0.25=100"],
         {"-2,75": 1, "-2.2": 0}),
        ("Q {#=-10..-5 =%12.5%-20..0}", ["-10..-5=100", "-20..0=12.5"],
         {"-7": 1, "-5": 1, "-1": Fraction(1, 8), "1": 0}),
        ("Q {# = 3 : 2 # near enough }", ["3±2=100#near enough"],
         {"2": 1}),
        # The first answer needs no "=", the next ones do (Moodle splits at "=").
        ("Q {#3 =%50%4}", ["3±None=100", "4±None=50"],
         {"3": 1, "4": Fraction(1, 2), "3.5": 0}),
        ("Q {#=3 =%0%*#Not quite.}", ["3±None=100", "*=0#Not quite."],
         {"3": 1, "1.000.000": 0}),
        ("Q {#=%100%1822:0#}", ["1822±0=100"],  # as Moodle exports it
         {"1822": 1}),
    ],
)  # fmt: skip
def test_numeric_forms_read_and_grade_as_in_moodle(text, answers, graded):
    question = only(text)
    assert (question.type, summary(question)[3]) == ("numeric", answers)
    assert {response: as_graded(question, response)[0] for response in graded} == {
        response: Fraction(credit) for response, credit in graded.items()
    }


@pytest.mark.parametrize(
    ("response", "credit", "feedback"),
    [
        ("1822", 1, "Correct! Full credit."),
        ("1821", Fraction(1, 2), "Half credit for being close."),
        ("1824", Fraction(1, 2), "Half credit for being close."),
        ("1900", 0, "Read the lesson again."),
        ("seribu delapan ratus", 0, ""),  # not a number: no answer, no feedback
    ],
)
def test_each_answer_gives_its_own_feedback(response, credit, feedback):
    question = only(GRANT)
    assert summary(question)[1:] == (
        "Grant",
        "When was Ulysses S. Grant born?",
        ["1822±0=100#Correct! Full credit.",
         "1822±2=50#Half credit for being close.",
         "*=0#Read the lesson again."],
    )  # fmt: skip
    assert as_graded(question, response) == (credit, feedback)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q {#}", "no answer after '#'"),
        ("Q {#~#Only what is wrong}", "no answer after '#'"),
        ("Q {#=3 =}", "An accepted answer is empty"),
        ("Q {#3,5}", "The answer '3,5' is not a number. Write decimals with a point"),
        ("Q {#3:x}", "The tolerance 'x' is not a number"),
        ("Q {#1..x}", "The maximum 'x' is not a number"),
        ("Q {#x..1}", "The minimum 'x' is not a number"),
        ("Q {#=3 ~4#Wrong}", "only '#' and feedback may follow '~'"),
        ("Q {#=3 ~%50%#Close}", "not '%50%'"),
        ("Q {#=%-50%3 =4}", "cannot have a negative credit"),
        ("Q {#=%-50%1..2 =4}", "cannot have a negative credit"),
        ("Q {#=%150%3}", "outside -100% to 100%"),
    ],
)
def test_malformed_numbers_are_refused_naming_the_line(text, message):
    with pytest.raises(QbankError) as caught:
        parse_gift("Q0 {T}\n\n// a comment\n" + text)
    assert caught.value.line == 4
    assert message in caught.value.message
    assert str(caught.value).startswith("Line 4: ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # The exact answer comes after a wider one that already accepts 1822.
        ("Q {#=%50%1822:2 =1822}", "Answer 2 never counts"),
        ("Q {#=3 =%50%3#again}", "Answer 2 never counts"),
        ("Q {#=%0%* =3}", "Answer 2 never counts"),
        ("Q {#5..1}", "starts above where it ends"),
    ],
)
def test_answers_that_could_never_count_are_refused_naming_the_line(text, message):
    question = only("\n" + text)
    with pytest.raises(QbankError) as caught:
        to_block_data(question)
    assert message in caught.value.message
    assert str(caught.value).startswith("Line 2: ")


def test_errors_are_in_indonesian_for_indonesian_speakers():
    with translation.override("id"):
        with pytest.raises(QbankError) as caught:
            parse_gift("Q {#3:2 ~4}")
        message = str(caught.value)  # the line is worded when the error is shown
    assert message == (
        "Baris 1: Dalam soal angka, setelah '~' hanya boleh ada '#' dan umpan balik "
        "(untuk angka lain apa pun), bukan '4'."
    )
