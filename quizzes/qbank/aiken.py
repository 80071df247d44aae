"""Reading the Aiken format: the simplest way to write choice questions.

::

    Question text (one or more lines)
    A) first option        (or "A. first option")
    B) second option
    ANSWER: B

Aiken is plain text, so whatever looks like HTML in it is shown as typed.
Errors name the line where the problem is.
"""

import re

from django.utils.translation import gettext as _

from quizzes.qbank.common import HUNDRED, ZERO
from quizzes.qbank.decoding import check_question_count
from quizzes.qbank.errors import QbankError
from quizzes.qbank.model import ImportedQuestion, Option, ParseResult, Skipped
from quizzes.qbank.text import plain, plain_to_html

_OPTION = re.compile(r"^([A-Z])[.)]\s+(.*)$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(.*)$", re.I)


def _blocks(text: str):
    """(line number, line) lists of each question, split at blank lines."""
    block = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            block.append((number, line.strip()))
        elif block:
            yield block
            block = []
    if block:
        yield block


def parse_aiken(text: str, *, skip_invalid: bool = False) -> ParseResult:
    """The questions of an Aiken file; a broken one raises QbankError unless
    ``skip_invalid``, then it is listed in ``skipped`` with its error."""
    result = ParseResult()
    for block in _blocks(text):
        try:
            result.questions.extend(_parse_block(block))
        except QbankError as error:
            error.line = error.line or block[0][0]  # a text helper cannot know it
            if not skip_invalid:
                raise
            result.skipped.append(Skipped(error.where, error.message, "invalid"))
        check_question_count(len(result.questions))
    return result


def _parse_block(block):
    """Questions in one blank-line-separated block (authors often leave none
    between questions, so an ANSWER line also ends a question)."""
    questions, stem, options, first = [], [], [], None
    for number, line in block:
        first = first or number
        answer, option = _ANSWER.match(line), _OPTION.match(line)
        if answer:
            questions.append(_question(stem, options, answer.group(1), first, number))
            stem, options, first = [], [], None
        elif option and stem:
            if option.group(1) != chr(ord("A") + len(options)):
                raise QbankError(
                    _("Option %(letter)s is out of order (expected %(expected)s).")
                    % {"letter": option.group(1), "expected": chr(ord("A") + len(options))},
                    line=number,
                )  # fmt: skip
            options.append(option.group(2))
        elif options:
            raise QbankError(
                _("Expected an option like 'C) …' or the 'ANSWER:' line."), line=number
            )
        else:
            stem.append(line)
    if stem or options:
        raise QbankError(_("This question has no 'ANSWER:' line."), line=first)
    return questions


def _question(stem, options, letter, first, number):
    if not stem:
        raise QbankError(_("'ANSWER:' comes before any question text."), line=number)
    if len(options) < 2:
        raise QbankError(_("A question needs at least two options."), line=first)
    letter = letter.strip().upper()
    if len(letter) != 1 or not "A" <= letter < chr(ord("A") + len(options)):
        raise QbankError(
            _("The answer '%(answer)s' is not one of the options' letters.")
            % {"answer": letter[:10]},
            line=number,
        )
    right = ord(letter) - ord("A")
    return ImportedQuestion(
        type="single_choice",
        text=plain_to_html("\n".join(stem)),
        text_format="plain",
        options=[
            Option(plain_to_html(text), HUNDRED if i == right else ZERO)
            for i, text in enumerate(map(plain, options))
        ],
        source=_("Line %(line)s") % {"line": first},
    )
