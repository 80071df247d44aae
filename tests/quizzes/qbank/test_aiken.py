"""Aiken: options, the ANSWER line and the errors authors make."""

import pytest

from quizzes.qbank.aiken import parse_aiken
from quizzes.qbank.errors import QbankError
from tests.quizzes.qbank.helpers import summary

pytestmark = pytest.mark.usefixtures("in_english")


def test_dot_style_options_and_questions_without_blank_lines():
    result = parse_aiken(
        "Q1?\nA. yes\nB. no\nANSWER: A\nQ2?\nA) x\nB) y\nC) z\nANSWER: c\n"
    )
    assert [summary(q)[2:] for q in result.questions] == [
        ("Q1?", ["yes=100", "no=0"]),
        ("Q2?", ["x=0", "y=0", "z=100"]),
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q?\nA) a\nB) b\n", 1, "no 'ANSWER:'"),
        ("Q?\nA) a\nB) b\nANSWER: E", 4, "not one of the options"),
        ("Q?\nA) a\nANSWER: A", 1, "at least two options"),
        ("Q?\nA) a\nC) c\nANSWER: A", 3, "out of order"),
        ("Q?\nA) a\nB) b\nstray text\nANSWER: A", 4, "Expected an option"),
        ("ANSWER: A", 1, "before any question text"),
    ],
)
def test_errors_name_the_line(text, line, message):
    with pytest.raises(QbankError) as caught:
        parse_aiken(text)
    assert caught.value.line == line
    assert message in caught.value.message


def test_skip_invalid():
    result = parse_aiken(
        "Bad?\nA) a\nANSWER: A\n\nGood?\nA) a\nB) b\nANSWER: B", skip_invalid=True
    )
    assert len(result.questions) == 1
    assert result.skipped[0].where == "Line 1"
