"""Imported questions become blocks the editor accepts, or a clear refusal."""

from decimal import Decimal

import pytest

from quizzes.blocks import QuestionsBlock
from quizzes.qbank.errors import QbankError
from quizzes.qbank.gift import parse_gift
from quizzes.qbank.mapping import from_block, to_block_data
from quizzes.qbank.moodle_xml import parse_moodle_xml

pytestmark = pytest.mark.usefixtures("in_english")


def only(text):
    (question,) = parse_gift(text).questions
    return question


def test_moodle_thirds_still_add_up_to_full_credit():
    question = only("Q {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}")
    kind, data = to_block_data(question)
    assert kind == "multiple_choice"
    assert (
        sum(Decimal(o["credit"]) for o in data["options"] if Decimal(o["credit"]) > 0)
        == 100
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q {=a =%50%b ~c ~%100%d}", "exactly one option with 100% credit"),
        ("Q {~%40%a ~%40%b}", "add up to at least 100%"),
        ("Q {=%50%a}", "needs 100% credit"),
        ("Q {=a -> b}", "minimum number of items is 2"),
        ("Q {=a -> b =a -> c}", "Two items to match are the same"),
        ("Q {=a -> b =c -> d = -> b}", "also a right match"),
        ("Q {~a =a}", "Two options are the same"),
        ("Q {#=%50%5}", "needs 100% credit"),
        ("Q {#5..1}", "starts above where it ends"),
        ("Q {=" + "x" * 201 + "}", "at most 200 characters"),
    ],
)
def test_questions_the_editor_would_refuse_are_refused_with_their_line(text, message):
    question = only("\n\n" + text)
    with pytest.raises(QbankError) as caught:
        to_block_data(question)
    assert message in caught.value.message
    assert str(caught.value).startswith("Line 3: ")


def test_points_and_xml_source_in_errors():
    xml = ('<quiz><question type="truefalse"><name><text>Big</text></name>'
           "<questiontext><text>Q</text></questiontext><defaultgrade>500</defaultgrade>"
           '<answer fraction="100"><text>true</text></answer></question></quiz>')  # fmt: skip
    (question,) = parse_moodle_xml(xml).questions
    with pytest.raises(QbankError) as caught:
        to_block_data(question)
    assert str(caught.value).startswith("Question 'Big': ")


def test_block_data_and_back():
    question = only("::N::Q {#\n=3.5:0.5#close\n=%50%1..2\n~#far off\n}")
    kind, data = to_block_data(question)
    assert data["answers"] == [
        {"value": "3.5", "tolerance": "0.5", "minimum": None, "maximum": None,
         "any_number": False, "credit": "100.00", "feedback": "close"},
        {"value": None, "tolerance": None, "minimum": "1", "maximum": "2",
         "any_number": False, "credit": "50.00", "feedback": ""},
        {"value": None, "tolerance": None, "minimum": None, "maximum": None,
         "any_number": True, "credit": "0.00", "feedback": "far off"},
    ]  # fmt: skip
    value = QuestionsBlock().child_blocks[kind].to_python(data)
    back = from_block(kind, value, name="N")
    assert [
        (n.value, n.tolerance, n.minimum, n.maximum, n.any_number, n.credit)
        for n in back.numbers
    ] == [
        (Decimal("3.5"), Decimal("0.5"), None, None, False, 100),
        (None, None, Decimal(1), Decimal(2), False, 50),
        (None, None, None, None, True, 0),
    ]


def test_unsanitised_rich_text_is_cleaned_for_wagtail():
    question = only(
        '[html]<p>Q <span style="color:red">red</span> <img src="/x.png"></p>{T}'
    )
    data = to_block_data(question)[1]
    assert data["text"] == "<p>Q red </p>"
    assert question.notes == ["A picture was left out: /x.png"]
