"""GIFT: the cases real authors get wrong, and what we promise about them."""

import pytest

from quizzes.qbank.errors import QbankError
from quizzes.qbank.gift import parse_gift
from tests.quizzes.qbank.helpers import summary

pytestmark = pytest.mark.usefixtures("in_english")


def only(text):
    (question,) = parse_gift(text).questions
    return question


def test_categories_become_tags_for_the_questions_after_them():
    result = parse_gift(
        "$CATEGORY: $course$/Pemilu 2024/Tahapan\n\nQ1 {T}\n\n$CATEGORY: JAKI\nQ2 {F}\n"
    )
    assert [q.tags for q in result.questions] == [("Pemilu 2024", "Tahapan"), ("JAKI",)]


def test_plain_marker_shows_markup_as_typed():
    question = only("[plain]Is <b>this</b> bold? {T}")
    assert question.text == "<p>Is &lt;b&gt;this&lt;/b&gt; bold?</p>"
    assert question.text_format == "plain"


def test_html_marker_keeps_allowed_markup_only():
    question = only(
        '[html]<p onclick="x()">Is <b>this</b> bold?<script>x()</script></p>{T}'
    )
    assert question.text == "<p>Is <b>this</b> bold?x()</p>"


def test_markdown_marker_converts_emphasis():
    assert (
        only("[markdown]A *b* **c** {T}").text
        == "<p>A <em>b</em> <strong>c</strong></p>"
    )


def test_general_feedback_after_four_hashes():
    question = only("Q {=a =b ####Read lesson 2.}")
    assert question.general_feedback == "<p>Read lesson 2.</p>"


def test_true_false_feedback_order_is_wrong_then_right():
    question = only("The sky is blue. {T#No, look up.#Yes.}")
    assert (question.correct, question.true_feedback, question.false_feedback) == (
        True, "Yes.", "No, look up."
    )  # fmt: skip


def test_matching_with_a_distractor():
    question = only("Match {=KPU -> elections =Bawaslu -> oversight = -> taxes}")
    assert summary(question)[3] == ["KPU->elections", "Bawaslu->oversight", "->taxes"]


def test_arrow_in_feedback_does_not_make_matching():
    assert only("Q {=a#see -> b =c}").type == "short_answer"


def test_negative_credit_and_decimal_credit():
    question = only("Q {~%-33.3%a ~%66.7%b ~%33.3%c ~d}")
    assert summary(question)[3] == ["a=-33.3", "b=66.7", "c=33.3", "d=0"]
    assert question.type == "multiple_choice"


def test_escaped_newline_and_colon():
    assert only("Line\\none\\: two {T}").text == "<p>Line one: two</p>"


def test_windows_line_endings():
    result = parse_gift("Q1 {T}\r\n\r\nQ2 {\r\n=a\r\n~b\r\n}\r\n")
    assert [q.type for q in result.questions] == ["true_false", "single_choice"]


def test_essay_and_description_are_skipped_with_reason_and_line():
    result = parse_gift("Intro text only.\n\nWrite an essay. {}\n\nQ {T}")
    assert [(s.where, s.kind) for s in result.skipped] == [
        ("Line 1", "description"),
        ("Line 3", "essay"),
    ]
    assert "essay" in result.skipped[1].reason.lower()
    assert len(result.questions) == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q1 {T}\n\n\nQ2 {=a ~b", 4, "no closing '}'"),
        ("::Name Q {T}", 1, "no closing '::'"),
        ("Q {~%150%a =b}", 1, "outside -100% to 100%"),
        ("Q {~%x%a =b}", 1, "not a number"),
        ("Q {#abc}", 1, "not a number"),
        ("Q {#1..x}", 1, "not a number"),
        ("Q {=a -> b =c}", 1, "no '->'"),
        ("Q {=a -> }", 1, "no match"),
        ("Q {=%-50%a =b}", 1, "negative credit"),
        ("Q {junk =a}", 1, "does not start with"),
        ("Q {=a} and {=b}", 1, "Only one"),
        ("{T}", 1, "no text"),
        ("Q {~ =b}", 1, "An option is empty"),
    ],
)
def test_errors_name_the_line(text, line, message):
    with pytest.raises(QbankError) as caught:
        parse_gift(text)
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"Line {line}: ")


def test_skip_invalid_imports_the_rest_and_lists_the_broken_one():
    result = parse_gift("Q1 {T}\n\nQ2 {=a ~b\n\nQ3 {F}", skip_invalid=True)
    assert [q.text for q in result.questions] == ["<p>Q1</p>", "<p>Q3</p>"]
    (skipped,) = result.skipped
    assert (skipped.where, skipped.kind) == ("Line 3", "invalid")
    assert "closing" in skipped.reason
