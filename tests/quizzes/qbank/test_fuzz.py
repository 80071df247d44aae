"""Whatever is thrown at the parsers, they return questions or raise QbankError.

Any other exception would reach the admin as a server error; a hang would
tie up a worker. Hypothesis looks for both (each test stays within seconds).
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.qbank import parse_file
from quizzes.qbank.aiken import parse_aiken
from quizzes.qbank.errors import QbankError
from quizzes.qbank.gift import parse_gift
from quizzes.qbank.mapping import to_block_data
from quizzes.qbank.model import ParseResult
from quizzes.qbank.moodle_xml import parse_moodle_xml
from quizzes.qbank.text import MAX_TEXT_CHARS

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Text that looks like the formats, so the parsers get past their first check.
GIFT_ALPHABET = st.sampled_from(list("~=#{}:\\%->.TF[]\n ab1") + ["::", "$CATEGORY:", "[html]",
                                "[markdown]", "[plain]", "####", "->", "..", "\n\n", "//"])  # fmt: skip
AIKEN_ALPHABET = st.sampled_from(
    ["A) ", "B. ", "C) ", "ANSWER: ", "A", "B", "Z", "\n", "\n\n", "x "]
)


def survives(parse, text, **kwargs):
    """Parse ``text``; the parser may refuse it only with QbankError, and what it
    returns must map to blocks or be refused the same way."""
    try:
        result = parse(text, **kwargs)
    except QbankError as error:
        assert str(error)
        return
    assert isinstance(result, ParseResult)
    for question in result.questions:
        try:
            to_block_data(question)
        except QbankError as error:
            assert str(error)


@FUZZ
@given(st.text())
def test_gift_with_any_text(text):
    survives(parse_gift, text)


@FUZZ
@given(st.lists(GIFT_ALPHABET).map("".join), st.booleans())
def test_gift_with_gift_like_text(text, skip_invalid):
    survives(parse_gift, text, skip_invalid=skip_invalid)


@FUZZ
@given(st.text())
def test_aiken_with_any_text(text):
    survives(parse_aiken, text)


@FUZZ
@given(st.lists(AIKEN_ALPHABET).map("".join), st.booleans())
def test_aiken_with_aiken_like_text(text, skip_invalid):
    survives(parse_aiken, text, skip_invalid=skip_invalid)


@FUZZ
@given(st.text())
def test_moodle_xml_with_any_text(text):
    survives(parse_moodle_xml, text)


TAGS = ["quiz", "question", "name", "text", "questiontext", "answer", "feedback",
        "generalfeedback", "single", "usecase", "tolerance", "subquestion", "units", "unit",
        "unit_name", "multiplier", "defaultgrade", "file", "category", "tags", "tag", "x"]  # fmt: skip
ATTRIBUTES = st.dictionaries(
    st.sampled_from(["type", "fraction", "format", "name", "encoding"]),
    st.sampled_from(
        [
            "multichoice",
            "truefalse",
            "shortanswer",
            "numerical",
            "matching",
            "category",
            "essay",
            "100",
            "-50",
            "33.3",
            "abc",
            "1e999",
            "html",
            "plain_text",
            "markdown",
            "base64",
            "a.png",
            "../x.jpg",
            "",
        ]
    ),  # fmt: skip
    max_size=3,
)
TEXTS = st.sampled_from(["", "true", "false", "1", "0.5", "*", "abc", "<b>x</b>",
                         "&lt;script&gt;", "@@PLUGINFILE@@/a.png", "iVBORw0KGgo=", "  "])  # fmt: skip


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


xml_elements = st.recursive(
    TEXTS.map(_escape),
    lambda children: st.tuples(st.sampled_from(TAGS), ATTRIBUTES, st.lists(children, max_size=4)).map(
        lambda t: "<{0}{1}>{2}</{0}>".format(
            t[0], "".join(f' {k}="{_escape(v)}"' for k, v in t[1].items()), "".join(t[2])
        )
    ),
    max_leaves=25,
)  # fmt: skip


@FUZZ
@given(st.lists(xml_elements, max_size=4), st.booleans())
def test_moodle_xml_with_arbitrary_xml(children, skip_invalid):
    survives(
        parse_moodle_xml,
        f"<quiz>{''.join(children)}</quiz>",
        skip_invalid=skip_invalid,
    )


@FUZZ
@given(st.binary(max_size=300), st.sampled_from([None, "gift", "aiken", "moodlexml"]))
def test_parse_file_with_any_bytes(data, file_format):
    survives(lambda raw: parse_file(raw, file_format=file_format), data)


def test_hostile_shapes_are_refused_or_read():
    """Deep nesting and long runs of control characters: read or refused (an
    accidental quadratic would show up as this test taking minutes)."""
    shapes = [
        ("gift", "[html]" + "<b>" * (MAX_TEXT_CHARS // 3) + "{T}"),
        ("gift", "[markdown]" + "**a *" * 2000 + "{T}"),
        ("gift", "{" * 100_000),
        ("gift", "Q {" + "~a " * 20_000 + "=b}"),
        ("aiken", "Q\n" + "A) x\n" * 50_000),
        ("moodlexml", "<quiz>" + "<x>" * 50_000 + "</x>" * 50_000 + "</quiz>"),
    ]
    for file_format, text in shapes:
        survives(parse_file, text.encode(), file_format=file_format)


def test_overlong_text_is_refused_with_its_line():
    try:
        parse_gift("Q1 {T}\n\n" + "x" * (MAX_TEXT_CHARS + 1) + " {T}")
    except QbankError as error:
        assert error.line == 3
    else:
        raise AssertionError("an overlong text was accepted")
