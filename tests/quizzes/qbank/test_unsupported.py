"""Question types the quiz cannot grade are reported in one sentence whatever the
file's format, and a file holding only such questions says so."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from quizzes.qbank import QbankError, parse_file
from quizzes.qbank.saving import plan_import
from tests.quizzes.qbank.test_admin import kpud, upload  # noqa: F401 - a fixture
from tests.quizzes.qbank.test_moodle_xml import question
from tests.quizzes.qbank.test_moodle_xml import quiz as moodle_file

pytestmark = pytest.mark.usefixtures("in_english")

ONLY_UNSUPPORTED = (
    "No question can be imported: the file holds only questions of types that "
    "are not supported."
)
ESSAY_GIFT = (
    "// Moodle's essay: no answers between the braces\nTulis pendapat Anda. {}\n"
)
ESSAY_XML = moodle_file(question("essay", name="Pendapat", text="Tulis pendapat Anda."))
TRUE_FALSE_XML = question(
    "truefalse",
    '<answer fraction="100"><text>true</text></answer>'
    '<answer fraction="0"><text>false</text></answer>',
)


def nothing_importable(data: str) -> QbankError:
    with pytest.raises(QbankError) as caught:
        plan_import(parse_file(data.encode(), skip_invalid=True), skip_invalid=True)
    return caught.value


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("essay", "Question 2 (essay) is not supported: a person has to grade the answers."),
        ("description", "Question 2 (description) is not supported: it holds no question to answer."),
        ("multianswer", "Question 2 (embedded answers, Cloze) is not supported: answers inside the text cannot be graded here."),
        ("calculatedsimple", "Question 2 (calculated) is not supported: its formulas with random values cannot be graded here."),
        ("random", "Question 2 (random) is not supported: it draws from a Moodle category, which is not imported."),
        ("randomsamatch", "Question 2 (random short-answer matching) is not supported: it draws from Moodle's question bank, which is not imported."),
        ("ddwtos", "Question 2 (ddwtos) is not supported: the quiz cannot grade this type."),
    ],
)  # fmt: skip
def test_moodle_xml_names_the_question_its_type_and_why(kind, sentence):
    category = '<question type="category"><category><text>$course$/Pemilu</text></category></question>'
    xml = moodle_file(category + TRUE_FALSE_XML, question(kind, name="Hard one"))  # fmt: skip
    result = parse_file(xml.encode())
    (skipped,) = result.skipped
    assert (skipped.where, skipped.reason, skipped.kind) == (
        "Question 'Hard one'",
        sentence,
        kind,
    )
    assert len(result.questions) == 1


def test_gift_words_essays_and_descriptions_as_moodle_xml_does():
    text = "$CATEGORY: Pemilu\n\nQ1 {T}\n\nA text to read first.\n\n" + ESSAY_GIFT
    result = parse_file(text.encode())
    assert [(s.where, s.reason) for s in result.skipped] == [
        ("Line 5", "Question 2 (description) is not supported: it holds no question to answer."),
        ("Line 8", "Question 3 (essay) is not supported: a person has to grade the answers."),
    ]  # fmt: skip
    xml = moodle_file(TRUE_FALSE_XML, question("description"), question("essay"))
    assert [s.reason for s in parse_file(xml.encode()).skipped] == [
        s.reason for s in result.skipped
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (ESSAY_GIFT, "Line 2: Question 1 (essay) is not supported"),
        (ESSAY_XML, "Question 'Pendapat': Question 1 (essay) is not supported"),
    ],
)
def test_a_file_of_only_unsupported_questions_says_so(data, reason):
    error = nothing_importable(data)
    assert error.message == ONLY_UNSUPPORTED
    (detail,) = error.details
    assert detail.startswith(reason)
    assert str(error) == f"{ONLY_UNSUPPORTED} {detail}"


def test_a_broken_question_beside_them_is_not_called_unsupported():
    error = nothing_importable(ESSAY_GIFT + "\nQ {=a ~b\n")
    assert error.message == "No question in the file can be imported."
    assert [d.split(":")[0] for d in error.details] == ["Line 2", "Line 4"]


def test_many_reasons_end_with_how_many_more():
    error = nothing_importable("\n\n".join(f"Essay {n}. {{}}" for n in range(1, 6)))
    assert error.message == ONLY_UNSUPPORTED
    assert len(error.details) == 4
    assert error.details[2].startswith("Line 5: Question 3 (essay)")
    assert error.details[3] == "And 2 more."


def test_the_command_says_why_nothing_was_imported(quiz, tmp_path):
    path = tmp_path / "bank.xml"
    path.write_text(ESSAY_XML, encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("import_questions", str(path), "--quiz", quiz.slug,
                     stdout=StringIO())  # fmt: skip
    assert str(caught.value) == (
        f"{ONLY_UNSUPPORTED} Question 'Pendapat': Question 1 (essay) is not "
        "supported: a person has to grade the answers."
    )


def test_the_admin_upload_says_why_nothing_can_be_imported(client, kpud, quiz):  # noqa: F811
    page = upload(client, quiz, ESSAY_XML, name="bank.xml").content.decode()
    assert ONLY_UNSUPPORTED in page
    assert "Question 1 (essay) is not supported" in page


def test_the_sentence_is_indonesian_for_indonesian_speakers():
    with translation.override("id"):
        (skipped,) = parse_file(b"A\n\nB\n\nTulis pendapat Anda. {}").skipped[2:]
    assert skipped.reason == (
        "Soal 3 (esai) tidak didukung: jawabannya harus dinilai oleh orang."
    )
