"""Moodle XML: types, units, unsupported questions, and hostile XML refused."""

import base64

import pytest

from quizzes.qbank.errors import QbankError
from quizzes.qbank.mapping import to_block_data
from quizzes.qbank.moodle_xml import parse_moodle_xml
from tests.quizzes.qbank.helpers import as_graded, summary

pytestmark = pytest.mark.usefixtures("in_english")


def quiz(*questions: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>{"".join(questions)}</quiz>'


def question(kind: str, body: str = "", name: str = "Q1", text: str = "Text") -> str:
    return (f'<question type="{kind}"><name><text>{name}</text></name>'
            f'<questiontext format="html"><text>{text}</text></questiontext>{body}</question>')  # fmt: skip


NUMERICAL = question(
    "numerical",
    '<defaultgrade>2.5</defaultgrade>'
    '<answer fraction="100"><text>17</text><tolerance>0.5</tolerance>'
    '<feedback format="html"><text>&lt;b&gt;Good&lt;/b&gt;</text></feedback></answer>'
    '<answer fraction="50"><text>20</text><tolerance>0</tolerance></answer>'
    '<answer fraction="0"><text>*</text><tolerance>0</tolerance>'
    "<feedback><text>Count again.</text></feedback></answer>"
    "<units><unit><multiplier>1</multiplier><unit_name>hari</unit_name></unit></units>",
)  # fmt: skip


def test_numerical_with_units_points_and_catch_all():
    (q,) = parse_moodle_xml(quiz(NUMERICAL)).questions
    assert summary(q)[3] == ["17±0.5=100#Good", "20±0=50", "*=0#Count again."]
    assert (q.unit, q.points) == ("hari", 2.5)
    assert q.notes == []


# Moodle's own import test (qformat_xml, test_import_numerical_19).
HITCHHIKER = question(
    "numerical",
    '<answer fraction="100"><text>42</text><tolerance>0.001</tolerance>'
    "<feedback><text>Well done!</text></feedback></answer>"
    '<answer fraction="0"><text>13</text><tolerance>1</tolerance>'
    "<feedback><text>What were you thinking?!</text></feedback></answer>"
    '<answer fraction="0"><text>*</text><tolerance></tolerance>'
    "<feedback><text>Completely wrong.</text></feedback></answer>",
)  # fmt: skip


@pytest.mark.parametrize(
    ("response", "credit", "feedback"),
    [
        ("42", 1, "Well done!"),
        ("42,0005", 1, "Well done!"),
        ("12", 0, "What were you thinking?!"),
        ("14", 0, "What were you thinking?!"),
        ("7", 0, "Completely wrong."),
    ],
)
def test_numerical_answers_decide_in_order_with_their_feedback(
    response, credit, feedback
):
    (q,) = parse_moodle_xml(quiz(HITCHHIKER)).questions
    assert summary(q)[3] == [
        "42±0.001=100#Well done!",
        "13±1=0#What were you thinking?!",
        "*=0#Completely wrong.",
    ]
    assert as_graded(q, response) == (credit, feedback)


def test_numerical_answer_hidden_by_one_above_it_is_refused():
    body = ('<answer fraction="50"><text>1822</text><tolerance>2</tolerance></answer>'
            '<answer fraction="100"><text>1822</text><tolerance>0</tolerance></answer>'
            '<answer fraction="100"><text>1830</text></answer>')  # fmt: skip
    (q,) = parse_moodle_xml(quiz(question("numerical", body))).questions
    assert summary(q)[3] == ["1822±2=50", "1822±0=100", "1830±None=100"]
    with pytest.raises(QbankError, match="Answer 2 never counts"):
        to_block_data(q)


def test_matching_with_distractor_and_tags():
    body = (
        '<subquestion format="html"><text>&lt;p&gt;KPU&lt;/p&gt;</text><answer><text>elections</text></answer></subquestion>'
        '<subquestion format="html"><text>Bawaslu</text><answer><text>oversight</text></answer></subquestion>'
        '<subquestion format="html"><text></text><answer><text>taxes</text></answer></subquestion>'
        "<tags><tag><text>pemilu</text></tag></tags>"
    )  # fmt: skip
    (q,) = parse_moodle_xml(quiz(question("matching", body))).questions
    assert summary(q)[3] == ["KPU->elections", "Bawaslu->oversight", "->taxes"]
    assert q.tags == ("pemilu",)


def test_case_sensitive_short_answer():
    body = '<usecase>1</usecase><answer fraction="100"><text>KPU</text></answer>'
    (q,) = parse_moodle_xml(quiz(question("shortanswer", body))).questions
    assert q.case_sensitive is True


@pytest.mark.parametrize(
    "kind", ["essay", "multianswer", "calculated", "description", "ddwtos", "random"]
)
def test_unsupported_types_are_listed_with_a_reason(kind):
    result = parse_moodle_xml(quiz(question(kind, name="Hard one"), question("truefalse",
        '<answer fraction="100"><text>true</text></answer>'
        '<answer fraction="0"><text>false</text></answer>')))  # fmt: skip
    (skipped,) = result.skipped
    assert skipped.where == "Question 'Hard one'" and skipped.kind == kind
    assert skipped.reason
    assert len(result.questions) == 1


@pytest.mark.parametrize(
    ("xml", "where", "message"),
    [
        (quiz(question("multichoice", '<answer fraction="abc"><text>a</text></answer>')),
         "Question 'Q1', element <answer>", "not a number"),
        (quiz(question("truefalse", '<answer fraction="50"><text>true</text></answer>')),
         "Question 'Q1', element <answer>", "full credit"),
        (quiz(question("numerical", '<answer fraction="100"><text>seven</text></answer>')),
         "Question 'Q1', element <answer>", "not a number"),
        (quiz(question("shortanswer", text="")), "Question 'Q1', element <questiontext>",
         "no text"),
        (quiz(question("multichoice", '<defaultgrade>lots</defaultgrade>')),
         "Question 'Q1', element <defaultgrade>", "not a number"),
    ],
)  # fmt: skip
def test_errors_name_question_and_element(xml, where, message):
    with pytest.raises(QbankError) as caught:
        parse_moodle_xml(xml)
    assert caught.value.where == where
    assert message in caught.value.message


def test_skip_invalid_lists_the_broken_question():
    bad = question(
        "truefalse", '<answer fraction="0"><text>true</text></answer>', name="Bad"
    )
    good = question("truefalse", '<answer fraction="100"><text>true</text></answer>')
    result = parse_moodle_xml(quiz(bad, good), skip_invalid=True)
    assert len(result.questions) == 1
    assert result.skipped[0].where == "Question 'Bad', element <answer>"


def test_not_well_formed_names_the_line():
    with pytest.raises(QbankError) as caught:
        parse_moodle_xml("<quiz>\n<question>\n</quiz>")
    assert caught.value.line == 3


def test_wrong_root_is_refused():
    with pytest.raises(QbankError, match="no <quiz>"):
        parse_moodle_xml("<html><body/></html>")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<quiz><question type="shortanswer"><name><text>&lol9;</text></name></question></quiz>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer"><name><text>&xxe;</text></name>
<questiontext><text>&xxe;</text></questiontext></question></quiz>"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://example.com/evil.dtd"><quiz/>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_entities_and_dtds_are_refused(xml):
    with pytest.raises(QbankError, match="refused for safety"):
        parse_moodle_xml(xml)


def test_non_image_and_broken_files():
    data = base64.b64encode(b"%PDF-1.4").decode()
    text = '&lt;a href="@@PLUGINFILE@@/rules.pdf"&gt;Rules&lt;/a&gt;'
    body = f'<file name="rules.pdf" encoding="base64">{data}</file>'
    xml = quiz(question("truefalse", '<answer fraction="100"><text>true</text></answer>',
                        text=text).replace("</text></questiontext>", f"</text>{body}</questiontext>"))  # fmt: skip
    result = parse_moodle_xml(xml)
    assert result.questions[0].text == "<p><a>Rules</a></p>"
    assert "rules.pdf" in result.skipped[0].reason
    assert result.questions[0].files == []
