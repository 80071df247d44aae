"""Question banks: reading GIFT, Aiken and Moodle XML files and writing GIFT
and Moodle XML, as pure functions over plain data (``quizzes.qbank.model``).

``parse_file`` is the entry point for an upload; ``mapping`` turns what it
returns into the quiz page's question blocks and back; ``saving`` writes them.
Every problem with a file is a ``QbankError``.
"""

from django.utils.translation import gettext as _

from quizzes.qbank.aiken import parse_aiken
from quizzes.qbank.decoding import decode_bytes
from quizzes.qbank.errors import QbankError
from quizzes.qbank.gift import parse_gift
from quizzes.qbank.model import ParseResult
from quizzes.qbank.moodle_xml import parse_moodle_xml

PARSERS = {"gift": parse_gift, "aiken": parse_aiken, "moodlexml": parse_moodle_xml}


def detect_format(text: str) -> str:
    """The likely format of a file's text: XML, else GIFT if it has an answer
    block in braces, else Aiken."""
    start = text.lstrip()[:200]
    if start.startswith("<"):
        return "moodlexml"
    if "{" in text:
        return "gift"
    return "aiken"


def parse_file(data: bytes, *, file_format: str | None = None,
               skip_invalid: bool = False) -> ParseResult:  # fmt: skip
    """The questions in an uploaded file: decoded, format detected unless
    given, parsed. Raises QbankError for anything wrong with the file."""
    text = decode_bytes(data)
    file_format = file_format or detect_format(text)
    if file_format not in PARSERS:
        raise QbankError(_("Unknown format '%(format)s'.") % {"format": file_format})
    result = PARSERS[file_format](text, skip_invalid=skip_invalid)
    if not result.questions and not result.skipped:
        raise QbankError(_("The file holds no questions."))
    return result


__all__ = ["PARSERS", "QbankError", "detect_format", "parse_file"]
