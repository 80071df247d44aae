"""Reading Moodle's GIFT format: plain text that anyone can write in Notepad.

A question is a paragraph (questions are separated by blank lines)::

    // a comment line
    $CATEGORY: Pemilu/Tahapan
    ::Name::[html]Question text {=right ~%-50%wrong#feedback ####general feedback}

``\\`` escapes ``~ = # { } :`` and itself. Errors name the line where the
question starts. See docs/question-banks.md for what is skipped and why.
"""

import re

from django.utils.translation import gettext as _

from quizzes.qbank.common import (
    HUNDRED,
    ZERO,
    category_tags,
    read_credit,
    read_decimal,
    read_number_answer,
)
from quizzes.qbank.decoding import check_answer_count, check_question_count
from quizzes.qbank.errors import QbankError
from quizzes.qbank.model import (
    ImportedQuestion,
    NumberAnswer,
    Option,
    Pair,
    ParseResult,
    Skipped,
    TextAnswer,
)
from quizzes.qbank.text import (
    html_to_text,
    markdown_to_html,
    plain,
    plain_to_html,
    safe_html,
)
from quizzes.qbank.unsupported import unsupported_question

# Escaped characters are swapped for private-use characters while the
# question is split, and swapped back in each piece.
_ESCAPES = {"\\\\": "\ue001", "\\~": "\ue002", "\\=": "\ue003", "\\#": "\ue004",
            "\\{": "\ue005", "\\}": "\ue006", "\\:": "\ue007"}  # fmt: skip
_UNESCAPE = {mark: pair[1] for pair, mark in _ESCAPES.items()}
_PRIVATE = re.compile("[\ue001-\ue007]")
_ESCAPE = re.compile(r"\\[\\~=#{}:]")
_FORMAT = re.compile(r"^\s*\[(html|markdown|plain|moodle)\]", re.I)
_TRUE_FALSE = re.compile(
    r"^(T|TRUE|F|FALSE)\s*(?:#([^#]*))?(?:#([^#]*))?$", re.I | re.S
)
_PERCENT = re.compile(r"^\s*%([^%]*)%")
_BLANK = "_____"


def _protect(text: str) -> str:
    text = _PRIVATE.sub("", text).replace("\\n", "\n")
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


def _restore(text: str) -> str:
    return _PRIVATE.sub(lambda m: _UNESCAPE[m.group()], text)


def _paragraphs(text: str):
    """(first line number, text) of each paragraph, comment lines removed."""
    start, lines = None, []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("//"):
            continue
        if line.strip():
            start = start or number
            lines.append(line)
        elif lines:
            yield start, "\n".join(lines)
            start, lines = None, []
    if lines:
        yield start, "\n".join(lines)


class _Formatter:
    """Turns the question's texts into HTML or plain text by its [format]."""

    def __init__(self, text_format: str):
        self.format = text_format

    def html(self, text: str) -> str:
        text = _restore(text).strip()
        if self.format == "plain":
            return plain_to_html(text)
        if self.format == "markdown":
            return markdown_to_html(text)
        return safe_html(text)

    def plain(self, text: str) -> str:
        text = _restore(text)
        return html_to_text(text) if self.format in ("html", "moodle") else plain(text)


def parse_gift(text: str, *, skip_invalid: bool = False) -> ParseResult:
    """The questions of a GIFT file.

    A broken question raises QbankError (naming its line) unless
    ``skip_invalid``, in which case it is listed in ``skipped`` with the error.
    """
    result, tags, number = ParseResult(), (), 0
    for line, paragraph in _paragraphs(text):
        stripped = paragraph.strip()
        if stripped.startswith("$CATEGORY:"):
            first, _newline, rest = stripped.partition("\n")
            tags = category_tags(first[len("$CATEGORY:") :])
            if not rest.strip():
                continue
            stripped, line = rest, line + 1
        number += 1
        try:
            question = _parse_question(stripped, line, number)
        except QbankError as error:
            error.line = error.line or line  # a text helper cannot know it
            if not skip_invalid:
                raise
            result.skipped.append(Skipped(error.where, error.message, "invalid"))
            continue
        if isinstance(question, Skipped):
            result.skipped.append(question)
            continue
        question.tags = tags
        result.questions.append(question)
        check_question_count(len(result.questions))
    return result


def _parse_question(paragraph: str, line: int, number: int):
    """The question a paragraph holds, or a Skipped for a description or an
    essay (``number`` is its place among the file's questions)."""
    where = {"line": line}
    text = _protect(paragraph)
    name = ""
    if text.startswith("::"):
        name, found, text = text[2:].partition("::")
        if not found:
            raise QbankError(_("The question name has no closing '::'."), **where)
        name = plain(_restore(name))[:255]
    match = _FORMAT.match(text)
    text_format = match.group(1).lower() if match else "moodle"
    text = text[match.end() :] if match else text
    start = text.find("{")
    if start < 0:
        return unsupported_question(
            number=number, kind="description", where=_("Line %(line)s") % where
        )
    end = text.find("}", start)
    if end < 0:
        raise QbankError(_("The answers have no closing '}'."), **where)
    if "{" in text[start + 1 : end] or "{" in text[end:] or "}" in text[end + 1 :]:
        raise QbankError(
            _(
                "Only one {…} answer block per question; escape other braces as \\{ \\}."
            ),
            **where,
        )
    before, answers, after = text[:start], text[start + 1 : end], text[end + 1 :]
    # Text after the answers makes a "missing word" question, as in Moodle.
    stem = f"{before}{_BLANK}{after}" if after.strip() else before
    formatter = _Formatter(text_format)
    answers, _sep, general = answers.partition("####")
    question = ImportedQuestion(
        type="", name=name, text=formatter.html(stem), text_format=text_format,
        general_feedback=formatter.html(general) if general.strip() else "",
        source=_("Line %(line)s") % where,
    )  # fmt: skip
    if not question.text:
        raise QbankError(_("The question has no text."), **where)
    answers = answers.strip()
    if not answers:
        return unsupported_question(number=number, kind="essay", where=question.source)
    if answers.startswith("#"):
        _read_numeric(question, answers[1:], formatter, where)
    elif tf := _TRUE_FALSE.match(answers):
        question.type = "true_false"
        question.correct = tf.group(1).upper().startswith("T")
        wrong, right = (
            formatter.plain(tf.group(2) or ""),
            formatter.plain(tf.group(3) or ""),
        )
        question.true_feedback = right if question.correct else wrong
        question.false_feedback = wrong if question.correct else right
    elif "~" in answers:
        _read_choices(question, answers, formatter, where)
    elif _is_matching(answers):
        _read_matching(question, answers, formatter, where)
    else:
        _read_short(question, answers, formatter, where)
    return question


def _is_matching(answers: str) -> bool:
    """Answers written as "item -> match" (a "->" in feedback does not count)."""
    bodies = [body.partition("#")[0] for body in re.split("=", answers)[1:]]
    return any("->" in body for body in bodies)


def _split_answers(answers: str, markers: str, where) -> list[tuple[str, str]]:
    """(marker, rest) for each answer; text before the first marker is an error."""
    pieces = re.split(f"([{markers}])", answers)
    check_answer_count(len(pieces) // 2, **where)
    if pieces[0].strip():
        raise QbankError(
            _("'%(text)s' in the answers does not start with %(markers)s.")
            % {
                "text": _restore(pieces[0].strip())[:40],
                "markers": " or ".join(markers),
            },
            **where,
        )
    return list(zip(pieces[1::2], pieces[2::2], strict=True))


def _credit_and_rest(text: str, default, where):
    match = _PERCENT.match(text)
    if not match:
        return default, text
    return read_credit(match.group(1), **where), text[match.end() :]


def _text_and_feedback(text: str, formatter: _Formatter) -> tuple[str, str]:
    body, _sep, feedback = text.partition("#")
    return body, formatter.plain(feedback)


def _read_choices(question, answers, formatter, where):
    has_right = False
    for marker, rest in _split_answers(answers, "~=", where):
        has_right = has_right or marker == "="
        credit, rest = _credit_and_rest(rest, HUNDRED if marker == "=" else ZERO, where)
        body, feedback = _text_and_feedback(rest, formatter)
        text = formatter.html(body)
        if not text:
            raise QbankError(_("An option is empty."), **where)
        question.options.append(Option(text, credit, feedback))
    # Moodle's rule: a "=" marks the one right answer; without one, any mix of
    # options may be chosen and their credits add up.
    question.type = "single_choice" if has_right else "multiple_choice"


def _read_short(question, answers, formatter, where):
    question.type = "short_answer"
    for _marker, rest in _split_answers(answers, "=", where):
        credit, rest = _credit_and_rest(rest, HUNDRED, where)
        body, feedback = _text_and_feedback(rest, formatter)
        text = plain(_restore(body))
        if not text:
            raise QbankError(_("An accepted answer is empty."), **where)
        if credit < 0:
            raise QbankError(
                _("A typed answer cannot have a negative credit."), **where
            )
        question.answers.append(TextAnswer(text, credit, feedback))


def _read_matching(question, answers, formatter, where):
    question.type = "matching"
    for _marker, rest in _split_answers(answers, "=", where):
        prompt, arrow, answer = rest.partition("->")
        if not arrow:
            raise QbankError(_("A matching pair has no '->'."), **where)
        prompt, answer = plain(_restore(prompt)), plain(_restore(answer))
        if not answer:
            raise QbankError(_("A matching pair has no match after '->'."), **where)
        if prompt:
            question.pairs.append(Pair(prompt, answer))
        else:
            question.distractors.append(answer)


def _read_number(text: str, credit, feedback, where) -> NumberAnswer:
    """One numeric answer: "min..max", "value:tolerance", "value" or "*"."""
    text = _restore(text).strip()
    low, dots, high = text.partition("..")
    if not dots:
        value, _colon, tolerance = text.partition(":")
        return read_number_answer(value, credit=credit, tolerance=tolerance,
                                  feedback=feedback, **where)  # fmt: skip
    if credit < 0:
        raise QbankError(_("A typed answer cannot have a negative credit."), **where)
    return NumberAnswer(credit, minimum=read_decimal(low, message=_("The minimum '%(text)s' is not a number."), **where),
                        maximum=read_decimal(high, message=_("The maximum '%(text)s' is not a number."), **where),
                        feedback=feedback)  # fmt: skip


def _read_numeric(question, answers, formatter, where):
    """Moodle's numerical grammar (its qformat_gift reader).

    The answers follow the "#" and are split at each "=" (the first needs no
    "="); each may start with a %credit% and end with #feedback. A "~" ends
    the answers: "~#feedback" is what any other number gets, stored as Moodle
    stores it, a 0% answer for any number after the others.
    """
    question.type = "numeric"
    answers, tilde, other = answers.partition("~")
    pieces = answers.split("=")
    if not pieces[0].strip():
        pieces.pop(0)
    check_answer_count(len(pieces) + bool(tilde), **where)
    if not pieces:
        raise QbankError(_("A number question has no answer after '#'."), **where)
    for piece in pieces:
        credit, rest = _credit_and_rest(piece, HUNDRED, where)
        body, feedback = _text_and_feedback(rest, formatter)
        question.numbers.append(_read_number(body, credit, feedback, where))
    if tilde:
        before, _hash, feedback = other.partition("#")
        if before.strip():
            raise QbankError(
                _("In a number question only '#' and feedback may follow '~' "
                  "(what any other number gets), not '%(text)s'.")
                % {"text": _restore(before.strip())[:40]},
                **where,
            )  # fmt: skip
        question.numbers.append(
            NumberAnswer(ZERO, any_number=True, feedback=formatter.plain(feedback))
        )
