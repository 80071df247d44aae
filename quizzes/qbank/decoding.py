"""Turning an uploaded file's bytes into text, within limits.

Speakers save question files from Notepad, Word and Moodle: UTF-8 with or
without a byte-order mark, or Windows-1252 (the usual "ANSI" on Indonesian
Windows). Anything else is refused with a clear message rather than imported
as mojibake.
"""

import codecs

from django.utils.translation import gettext as _

from quizzes.qbank.errors import QbankError

# Moodle XML carries images as base64, so it is allowed to be larger.
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_QUESTIONS = 2000
MAX_ANSWERS = 100  # options, answers or pairs in one question


def decode_bytes(data: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file's text: UTF-8 (BOM removed) if it is valid UTF-8, else
    Windows-1252. Refuses empty, oversized, UTF-16/32 and binary files."""
    if not data:
        raise QbankError(_("The file is empty."))
    if len(data) > max_bytes:
        raise QbankError(
            _("The file is larger than %(size)s MB.")
            % {"size": max_bytes // (1024 * 1024)}
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise QbankError(_("The file is in UTF-16; save it as UTF-8 and try again."))
    if b"\x00" in data:
        raise QbankError(_("This is not a text file."))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise QbankError(
            _("The file's encoding is neither UTF-8 nor Windows-1252 "
              "(byte %(position)s); save it as UTF-8 and try again.")
            % {"position": error.start + 1}
        ) from None  # fmt: skip


def check_question_count(count: int) -> None:
    """Refuse files with more questions than one import should hold."""
    if count > MAX_QUESTIONS:
        raise QbankError(
            _("The file holds more than %(limit)s questions; split it.")
            % {"limit": MAX_QUESTIONS}
        )


def check_answer_count(count: int, **where) -> None:
    """Refuse a question with more options than anyone could read."""
    if count > MAX_ANSWERS:
        raise QbankError(
            _("A question has more than %(limit)s answers.") % {"limit": MAX_ANSWERS},
            **where,
        )
