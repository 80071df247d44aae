"""Reading Moodle XML, the format Moodle's question bank exports.

The file is parsed by defusedxml with DTDs forbidden: no entity expansion
(billion laughs) and no external entities or DTDs are ever fetched. Errors
name the question (its <name>, else its position) and the element.
Embedded base64 images are kept as plain data for the saving step; other
embedded files (sound, video, documents) are reported, not imported.
"""

import base64
import binascii
import posixpath
import re
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from quizzes.qbank.common import (
    HUNDRED,
    category_tags,
    read_credit,
    read_decimal,
    read_number_answer,
)
from quizzes.qbank.decoding import check_answer_count, check_question_count
from quizzes.qbank.errors import QbankError
from quizzes.qbank.model import (
    FILE_URL_PREFIX,
    EmbeddedFile,
    ImportedQuestion,
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

IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
_PLUGINFILE = re.compile(r'(src|href)\s*=\s*(["\'])@@PLUGINFILE@@/([^"\']*)\2', re.I)


def parse_moodle_xml(text: str, *, skip_invalid: bool = False) -> ParseResult:
    """The questions of a Moodle XML file; a broken question raises QbankError
    unless ``skip_invalid``, then it is listed in ``skipped`` with its error."""
    root = _parse_xml(text)
    if root.tag != "quiz":
        raise QbankError(_("This is not a Moodle XML question file (no <quiz>)."))
    result, tags, number = ParseResult(), (), 0
    for position, element in enumerate(root.findall("question"), start=1):
        kind = element.get("type", "")
        name = plain(_text(element.find("name"))) or _("number %(n)s") % {"n": position}
        if kind == "category":
            tags = category_tags(_text(element.find("category")))
            continue
        number += 1
        if kind not in _READERS:
            where = _("Question '%(question)s'") % {"question": name}
            result.skipped.append(
                unsupported_question(number=number, kind=kind, where=where)
            )
            continue
        try:
            question = _read_question(element, kind, name, result)
        except QbankError as error:
            error.question = error.question or name  # a text helper cannot know it
            if not skip_invalid:
                raise
            result.skipped.append(Skipped(error.where, error.message, "invalid"))
            continue
        question.tags = tags + _tags(element)
        result.questions.append(question)
        check_question_count(len(result.questions))
    return result


def _parse_xml(text: str) -> Element:
    # An encoding declaration is meaningless once the bytes are decoded.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)
    try:
        return fromstring(text, forbid_dtd=True)
    except DefusedXmlException:
        raise QbankError(
            _("The file declares a DTD or entities, which are refused for safety.")
        ) from None
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        raise QbankError(_("The XML is not well-formed."), line=line) from None
    except (ValueError, RecursionError) as error:
        raise QbankError(
            _("The XML cannot be read: %(error)s") % {"error": error}
        ) from None


def _text(element: Element | None) -> str:
    """The <text> of an element that has one, else its own text."""
    if element is None:
        return ""
    inner = element.find("text")
    return (inner.text if inner is not None else element.text) or ""


def _tags(element: Element) -> tuple[str, ...]:
    return tuple(
        plain(_text(tag))[:100]
        for tag in element.findall("tags/tag")
        if plain(_text(tag))
    )


class _Reader:
    """Reads one question's texts, turning formats and embedded files into HTML."""

    def __init__(self, element: Element, name: str, result: ParseResult):
        self.element, self.name, self.result = element, name, result
        self.files: list[EmbeddedFile] = []

    def where(self, element_name: str) -> dict:
        return {"question": self.name, "element": element_name}

    def html(self, element: Element | None, element_name: str) -> str:
        if element is None:
            return ""
        images = self._files(element, element_name)
        text, text_format = _text(element), element.get("format", "html")

        def relink(match):
            attribute, _quote, file_name = match.groups()
            if file_name in images:
                return f'{attribute}="{FILE_URL_PREFIX}{images[file_name]}"'
            return ""  # reported as skipped media; the link goes

        if text_format == "plain_text":
            return plain_to_html(text)
        if text_format == "markdown":
            return markdown_to_html(text)
        return safe_html(_PLUGINFILE.sub(relink, text))

    def plain(self, element: Element | None) -> str:
        if element is None:
            return ""
        text = _text(element)
        return (
            plain(text) if element.get("format") == "plain_text" else html_to_text(text)
        )

    def _files(self, element: Element, element_name: str) -> dict[str, str]:
        """The images embedded in ``element`` by their names in the text; other
        files are reported as skipped media."""
        images = {}
        for file in element.findall("file"):
            name = file.get("name", "")
            safe_name = posixpath.basename(name.replace("\\", "/"))[:100]
            extension = posixpath.splitext(safe_name)[1].lower()
            if extension not in IMAGE_EXTENSIONS or file.get("encoding") != "base64":
                self.result.skipped.append(Skipped(
                    _("Question '%(question)s', element <%(element)s>")
                    % self.where(element_name),
                    _("The file '%(name)s' is not an image; sound, video and other "
                      "files are not imported.") % {"name": safe_name},
                    "media",
                ))  # fmt: skip
                continue
            try:
                content = base64.b64decode(file.text or "", validate=False)
            except (binascii.Error, ValueError):
                raise QbankError(
                    _("The embedded file '%(name)s' is not valid base64.")
                    % {"name": safe_name},
                    **self.where(element_name),
                ) from None
            self.files.append(EmbeddedFile(safe_name, content))
            images[name] = safe_name
        return images


def _read_question(element, kind, name, result) -> ImportedQuestion:
    reader = _Reader(element, name, result)
    text_element = element.find("questiontext")
    question = ImportedQuestion(
        type="",
        name=name[:255],
        text=reader.html(text_element, "questiontext"),
        text_format=(
            text_element.get("format", "html") if text_element is not None else "html"
        ),
        general_feedback=reader.html(
            element.find("generalfeedback"), "generalfeedback"
        ),
        source=_("Question '%(question)s'") % {"question": name},
    )
    if not question.text:
        raise QbankError(_("The question has no text."), **reader.where("questiontext"))
    grade = element.find("defaultgrade")
    if grade is not None and (grade.text or "").strip():
        question.points = read_decimal(
            grade.text,
            message=_("The grade '%(text)s' is not a number."),
            **reader.where("defaultgrade"),
        )
    answers = element.findall("answer") + element.findall("subquestion")
    check_answer_count(len(answers), **reader.where("answer"))
    _READERS[kind](question, element, reader)
    question.files = reader.files
    return question


def _answers(element, reader):
    """(credit, answer element, plain feedback) for each <answer>."""
    for answer in element.findall("answer"):
        credit = read_credit(answer.get("fraction", "0"), **reader.where("answer"))
        yield credit, answer, reader.plain(answer.find("feedback"))


def _read_multichoice(question, element, reader):
    single = (element.findtext("single") or "true").strip().lower() in ("true", "1")
    question.type = "single_choice" if single else "multiple_choice"
    for credit, answer, feedback in _answers(element, reader):
        question.options.append(Option(reader.html(answer, "answer"), credit, feedback))


def _read_truefalse(question, element, reader):
    question.type = "true_false"
    for credit, answer, feedback in _answers(element, reader):
        is_true = plain(_text(answer)).lower() == "true"
        if is_true:
            question.true_feedback = feedback
        else:
            question.false_feedback = feedback
        if credit == HUNDRED:
            question.correct = is_true
    if question.correct is None:
        raise QbankError(_("Neither 'true' nor 'false' has full credit."),
                         **reader.where("answer"))  # fmt: skip


def _read_shortanswer(question, element, reader):
    question.type = "short_answer"
    question.case_sensitive = (element.findtext("usecase") or "0").strip() == "1"
    for credit, answer, feedback in _answers(element, reader):
        if credit < 0:
            raise QbankError(_("A typed answer cannot have a negative credit."),
                             **reader.where("answer"))  # fmt: skip
        question.answers.append(TextAnswer(plain(_text(answer)), credit, feedback))


def _read_numerical(question, element, reader):
    """Every <answer> in the file's order, which decides as in Moodle: the first
    that accepts a number gives its credit; ``*`` accepts any number."""
    question.type = "numeric"
    where = reader.where("answer")
    for credit, answer, feedback in _answers(element, reader):
        question.numbers.append(
            read_number_answer(plain(_text(answer)), credit=credit, feedback=feedback,
                               tolerance=answer.findtext("tolerance") or "", **where)
        )  # fmt: skip
    for unit in element.findall("units/unit"):
        if (unit.findtext("multiplier") or "1").strip() in ("1", "1.0"):
            question.unit = plain(unit.findtext("unit_name") or "")[:30]
            break


def _read_matching(question, element, reader):
    question.type = "matching"
    for sub in element.findall("subquestion"):
        prompt, answer = reader.plain(sub), plain(_text(sub.find("answer")))
        if not answer:
            raise QbankError(
                _("A matching item has no match."), **reader.where("subquestion")
            )
        if prompt:
            question.pairs.append(Pair(prompt, answer))
        else:
            question.distractors.append(answer)


_READERS = {
    "multichoice": _read_multichoice,
    "truefalse": _read_truefalse,
    "shortanswer": _read_shortanswer,
    "numerical": _read_numerical,
    "matching": _read_matching,
}
