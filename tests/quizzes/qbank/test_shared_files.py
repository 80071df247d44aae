"""Every real question bank in files/ (see files/MANIFEST.md) imports question by
question with the right types, texts, answers, credits and feedback."""

from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.qbank import parse_file
from quizzes.qbank.mapping import to_block_data
from tests.quizzes.qbank.helpers import summary

# Real banks from Moodle and others; files/MANIFEST.md gives each one's origin and licence.
SHARED = Path(__file__).resolve().parent / "files"

# (line where the question starts, (type, name, text, answers=credit#feedback))
GIFT_EXAMPLES = [
    (
        8,
        (
            "single_choice",
            "",
            "Who's buried in Grant's tomb?",
            ["Grant=0", "Jefferson=0", "no one=100"],
        ),
    ),
    (
        10,
        (
            "single_choice",
            "",
            "Grant is _____ in Grant's tomb.",
            ["buried=0", "entombed=100", "living=0"],
        ),
    ),
    (12, ("true_false", "", "Grant is buried in Grant's tomb.", ["False"])),
    (
        14,
        (
            "short_answer",
            "",
            "Who's buried in Grant's tomb?",
            ["no one=100", "nobody=100"],
        ),
    ),
    (16, ("numeric", "", "When was Ulysses S. Grant born?", ["1822±1=100"])),
    (
        25,
        (
            "single_choice",
            "",
            "Who's buried in Grant's tomb?",
            ["Grant=0", "Jefferson=0", "no one=100"],
        ),
    ),
    (
        27,
        (
            "single_choice",
            "",
            "Grant is _____ in Grant's tomb.",
            ["buried=0", "entombed=100", "living=0"],
        ),
    ),
    (
        29,
        (
            "single_choice",
            "",
            "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.",
            ["second=0", "third=0", "fourth=100"],
        ),
    ),
    (
        35,
        (
            "single_choice",
            "",
            "Japanese characters originally came from what country?",
            ["India=0", "China=100", "Korea=0", "Egypt=0"],
        ),
    ),
    (
        43,
        (
            "short_answer",
            "",
            "Who's buried in Grant's tomb?",
            ["no one=100", "nobody=100"],
        ),
    ),
    (45, ("short_answer", "", "Two plus two equals _____.", ["four=100", "4=100"])),
    (49, ("true_false", "", "Grant is buried in Grant's tomb.", ["False"])),
    (51, ("true_false", "", "The sun rises in the east.", ["True"])),
    (
        55,
        (
            "matching",
            "",
            "Matching Question.",
            [
                "subquestion1->subanswer1",
                "subquestion2->subanswer2",
                "subquestion3->subanswer3",
            ],
        ),
    ),
    (
        61,
        (
            "matching",
            "",
            "Match the following countries with their corresponding capitals.",
            ["Canada->Ottawa", "Italy->Rome", "Japan->Tokyo", "India->New Delhi"],
        ),
    ),
    (70, ("numeric", "", "When was Ulysses S. Grant born?", ["1822±None=100"])),
    (
        72,
        (
            "numeric",
            "",
            "What is the value of pi (to 3 decimal places)? _____.",
            ["3.1415±0.0005=100"],
        ),
    ),
    (
        74,
        (
            "numeric",
            "",
            "What is the value of pi (to 3 decimal places)? _____.",
            ["3.141..3.142=100"],
        ),
    ),
    (
        76,
        ("numeric", "", "When was Ulysses S. Grant born?", ["1822±0=100", "1822±2=50"]),
    ),
    (85, ("numeric", "", "What's 2 plus 2?", ["4±None=100"])),
    (
        90,
        (
            "short_answer",
            "Kanji Origins",
            "Japanese characters originally came from what country?",
            ["China=100"],
        ),
    ),
    (
        93,
        (
            "single_choice",
            "Thanksgiving Date",
            "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.",
            ["second=0", "third=0", "fourth=100"],
        ),
    ),
    (
        98,
        (
            "single_choice",
            "",
            "What's the answer to this multiple-choice question?",
            [
                "wrong answer=0#feedback comment on the wrong answer",
                "another wrong answer=0#feedback comment on this wrong answer",
                "right answer=100#Very good!",
            ],
        ),
    ),
    (
        103,
        (
            "short_answer",
            "",
            "Who's buried in Grant's tomb?",
            ["no one=100#excellent answer!", "nobody=100#excellent answer!"],
        ),
    ),
    (
        108,
        (
            "short_answer",
            "",
            "Who's buried in Grant's tomb?",
            ["no one=100#excellent answer!", "nobody=100#excellent answer!"],
        ),
    ),
    (113, ("true_false", "", "Grant is buried in Grant's tomb.", ["False"])),
    (
        115,
        (
            "single_choice",
            "",
            "Difficult question.",
            ["wrong answer=0", "half credit answer=50", "full credit answer=100"],
        ),
    ),
    (
        117,
        (
            "single_choice",
            "Jesus' hometown",
            "Jesus Christ was from _____.",
            [
                "Jerusalem=0#This was an important city, but the wrong answer.",
                "Bethlehem=25#He was born here, but not raised here.",
                "Galilee=50#You need to be more specific.",
                "Nazareth=100#Yes! That's right!",
            ],
        ),
    ),
    (
        123,
        (
            "short_answer",
            "Jesus' hometown",
            "Jesus Christ was from",
            [
                "Nazareth=100#Yes! That's right!",
                "Nazereth=75#Right, but misspelled.",
                "Bethlehem=25#He was born here, but not raised here.",
            ],
        ),
    ),
    (
        130,
        (
            "multiple_choice",
            "",
            "What two people are entombed in Grant's tomb?",
            ["No one=0", "Grant=50", "Grant's wife=50", "Grant's father=0"],
        ),
    ),
    (
        136,
        (
            "multiple_choice",
            "",
            "What two people are entombed in Grant's tomb?",
            ["No one=-50", "Grant=50", "Grant's wife=50", "Grant's father=-50"],
        ),
    ),
    (
        143,
        (
            "single_choice",
            "",
            "Which answer equals 5?",
            ["= 2 + 2=0", "= 2 + 3=100", "= 2 + 4=0"],
        ),
    ),
    (
        148,
        (
            "single_choice",
            "GIFT Control Characters",
            "Which of the following is NOT a control character for the GIFT import format?",
            [
                "~=0#~ is a control character.",
                "==0#= is a control character.",
                "#=0## is a control character.",
                "{=0#{ is a control character.",
                "}=0#} is a control character.",
                "\\=100#Correct! \\ (backslash) is not a control character. BUT, it is used to escape the control characters. So, to specify a literal backslash, you must escape it with a backslash (as shown in this example).",
            ],
        ),
    ),
    (
        167,
        (
            "single_choice",
            "",
            "Who's buried in Grant's tomb?",
            ["Grant=0", "Jefferson=0", "no one=100"],
        ),
    ),
    (
        169,
        (
            "single_choice",
            "",
            "Grant is _____ in Grant's tomb.",
            ["buried=0", "entombed=100", "living=0"],
        ),
    ),
    (171, ("true_false", "", "Grant is buried in Grant's tomb.", ["False"])),
    (
        173,
        (
            "short_answer",
            "",
            "Who's buried in Grant's tomb?",
            ["no one=100", "nobody=100"],
        ),
    ),
    (175, ("numeric", "", "When was Ulysses S. Grant born?", ["1822±5=100"])),
    (
        177,
        (
            "matching",
            "",
            "Match the following countries with their corresponding capitals.",
            ["Canada->Ottawa", "Italy->Rome", "Japan->Tokyo"],
        ),
    ),
    (
        184,
        (
            "single_choice",
            "Grant's Tomb",
            "Grant is _____ in Grant's tomb.",
            [
                "buried=0#No one is buried there.",
                "entombed=100#Right answer!",
                "living=0#We hope not!",
            ],
        ),
    ),
    (
        190,
        (
            "single_choice",
            "",
            "Difficult multiple choice question.",
            [
                "wrong answer=0#comment on wrong answer",
                "half credit answer=50#comment on answer",
                "full credit answer=100#well done!",
            ],
        ),
    ),
    (
        195,
        (
            "short_answer",
            "Jesus' hometown (Short answer ex.)",
            "Jesus Christ was from _____.",
            [
                "Nazareth=100#Yes! That's right!",
                "Nazereth=75#Right, but misspelled.",
                "Bethlehem=25#He was born here, but not raised here.",
            ],
        ),
    ),
    (
        202,
        (
            "numeric",
            "Numerical example",
            "When was Ulysses S. Grant born?",
            [
                "1822±0=100#Correct! 100% credit",
                "1822±2=50#He was born in 1822. You get 50% credit for being close.",
            ],
        ),
    ),
]

pytestmark = pytest.mark.usefixtures("in_english")


def read(relative: str, **kwargs):
    return parse_file((SHARED / relative).read_bytes(), **kwargs)


def test_gift_examples_question_by_question():
    result = read("gift/examples.txt")
    found = [(int(q.source.split()[-1]), summary(q)) for q in result.questions]
    assert found == GIFT_EXAMPLES
    assert result.skipped == []


def test_gift_examples_keep_formats_and_true_false_feedback():
    questions = {q.source: q for q in read("gift/examples.txt").questions}
    markdown = questions["Line 108"]
    assert markdown.text_format == "markdown"
    assert markdown.text == "<p>Who's buried in <strong>Grant's tomb</strong>?</p>"
    assert questions["Line 113"].true_feedback == "No one is buried in Grant's tomb."
    assert questions["Line 8"].text_format == "moodle"


def test_every_gift_example_becomes_a_valid_block():
    for question in read("gift/examples.txt").questions:
        to_block_data(question)  # raises QbankError if the editor would refuse it


def test_aiken_fixture():
    result = read("aiken/questions.aiken.txt")
    assert [summary(q) for q in result.questions] == [
        ("single_choice", "", "The Moodle project was started by:",
         ["Petr Skoda=0", "Martin Dougiamas=100", "Eloy Lafuente=0", "Tim Hunt=0"]),
        ("single_choice", "",
         "Moodle's abilities include handling user input that includes "
         '<html class="cool"> & images:', ["True=100", "False=0"]),
    ]  # fmt: skip
    # Aiken is plain text: the HTML-like text is shown as typed, not as markup.
    assert '&lt;html class="cool"&gt; &amp; images' in result.questions[1].text


def test_moodle_multichoice_fixture():
    result = read("moodle_xml/multichoice.testquestion.moodle.xml")
    (question,) = result.questions
    assert summary(question) == (
        "multiple_choice", "Multi-choice-001", "Find the capital cities in Europe.",
        ["Tokyo=0", "Spain=0", "London=50", "Barcelona=0", "Paris=50"],
    )  # fmt: skip
    assert question.general_feedback == "<p>Berlin, Paris and London</p>"
    assert question.tags == ("Default for C1",)
    assert question.points == 1
    assert to_block_data(question)[0] == "multiple_choice"


def test_moodle_truefalse_fixture():
    (question,) = read("moodle_xml/truefalse.testquestion.moodle.xml").questions
    assert summary(question) == (
        "true_false",
        "true-false-001",
        "The answer is true.",
        ["True"],
    )
    assert question.true_feedback == "This is the right answer."
    assert question.false_feedback == "This is the wrong answer."
    assert question.general_feedback == "<p>You should have selected true.</p>"
    to_block_data(question)
    assert "Feedback for choosing true or false was left out." in question.notes


def test_moodle_shortanswer_fixture_keeps_partial_credit_and_catch_all():
    (question,) = read("moodle_xml/shortanswer.testquestion.moodle.xml").questions
    assert summary(question) == (
        "short_answer", "shortanswer-001", "Name an amphibian: __________",
        ["frog=100#Frog is a very good answer.", "toad=80#Toad is an OK good answer.",
         "*=0#That is a bad answer."],
    )  # fmt: skip
    assert question.case_sensitive is False
    assert question.tags == ("Test questions",)
    to_block_data(question)


def test_moodle_media_fixture_returns_images_and_reports_the_sound():
    result = read("moodle_xml/multichoice_with_media.xml")
    (question,) = result.questions
    assert summary(question) == (
        "single_choice", "Greeting", "Listen to this greeting: What language is being spoken?",
        ["English=0#Sorry, listen again.", "French=100#Yes, well done!",
         "German=0#Sorry, listen again.", "Danish=0#Sorry, listen again."],
    )  # fmt: skip
    assert [f.name for f in question.files] == [
        "flag-uk.jpg", "flag-france.jpg", "flag-german.jpg", "flag-denmark.jpg"
    ]  # fmt: skip
    assert all(f.content.startswith(b"\xff\xd8\xff") for f in question.files)  # JPEG
    assert 'src="/qbank-file/flag-france.jpg"' in question.options[1].text
    # The sound is reported, and its dead link is not kept.
    (media,) = result.skipped
    assert media.kind == "media" and "bonjour.mp3" in media.reason
    assert "@@PLUGINFILE@@" not in question.text and "href" not in question.text
    kind, data = to_block_data(question, images={"flag-france.jpg": 7})
    assert data["options"][1]["text"] == (
        '<p><embed embedtype="image" id="7" format="left" alt="French flag"/> French</p>'
    )
    # Pictures the saving step did not store are named, not silently lost.
    assert "A picture was left out: flag-uk.jpg" in question.notes


@pytest.mark.parametrize(
    "name", sorted(p.name for p in (SHARED / "moodle_xml").iterdir())
)
def test_every_moodle_fixture_imports_at_one_point(name):
    for question in read(f"moodle_xml/{name}").questions:
        assert question.points == Decimal(1)
