"""Uploaded bytes: encodings, limits, format detection."""

import pytest

from quizzes.qbank import decoding, detect_format, parse_file
from quizzes.qbank.errors import QbankError

pytestmark = pytest.mark.usefixtures("in_english")

TEXT = "Siapa penyelenggara Pemilu? {=KPU ~Bawaslu#Bawaslu mengawasi – bukan menyelenggarakan.}"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
def test_encodings_give_the_same_questions(data):
    (question,) = parse_file(data).questions
    assert question.options[1].feedback == "Bawaslu mengawasi – bukan menyelenggarakan."
    assert question.text.startswith("<p>Siapa")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (TEXT.encode("utf-16"), "UTF-16"),
        (b"\x00\x01binary", "not a text file"),
        (b"Q {T} \x81\x8d", "neither UTF-8 nor Windows-1252"),
        (b"  \r\n\n \t\n", "no questions"),
    ],
)
def test_bad_files_are_refused_clearly(data, message):
    with pytest.raises(QbankError, match=message):
        parse_file(data)


def test_size_limit(monkeypatch):
    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 100)
    with pytest.raises(QbankError, match="larger than"):
        decoding.decode_bytes(b"x" * 101, max_bytes=100)


@pytest.mark.parametrize("file_format", ["gift", "aiken", "moodlexml"])
def test_question_count_limit(monkeypatch, file_format):
    monkeypatch.setattr(decoding, "MAX_QUESTIONS", 3)
    texts = {
        "gift": "Q {T}\n\n" * 4,
        "aiken": "Q?\nA) a\nB) b\nANSWER: A\n\n" * 4,
        "moodlexml": "<quiz>%s</quiz>" % (
            '<question type="truefalse"><questiontext><text>Q</text></questiontext>'
            '<answer fraction="100"><text>true</text></answer></question>' * 4
        ),
    }  # fmt: skip
    with pytest.raises(QbankError, match="more than 3 questions"):
        parse_file(texts[file_format].encode(), file_format=file_format)


def test_format_detection():
    assert detect_format("  <?xml version='1.0'?><quiz/>") == "moodlexml"
    assert detect_format(TEXT) == "gift"
    assert detect_format("Q?\nA) a\nB) b\nANSWER: A") == "aiken"


def test_unknown_format_is_refused():
    with pytest.raises(QbankError, match="Unknown format"):
        parse_file(b"Q {T}", file_format="qti")


def test_answer_count_limit():
    with pytest.raises(QbankError, match="more than 100 answers") as caught:
        parse_file(("Q1 {T}\n\nQ {" + "~a " * 101 + "=b}").encode())
    assert caught.value.line == 3
