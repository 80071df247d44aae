"""Writing questions as Moodle XML, the richest of the formats: points,
units, case sensitivity and categories survive the trip.

Moodle's numerical type has no ranges, so a range is written as its middle
plus or minus half its width, which accepts exactly the same numbers.
"""

from decimal import Decimal
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from quizzes.qbank.model import ImportedQuestion

_MOODLE_TYPES = {"single_choice": "multichoice", "multiple_choice": "multichoice",
                 "true_false": "truefalse", "short_answer": "shortanswer",
                 "numeric": "numerical", "matching": "matching"}  # fmt: skip


def _text(
    parent: Element, tag: str, text: str, text_format: str | None = None
) -> Element:
    element = SubElement(parent, tag)
    if text_format:
        element.set("format", text_format)
    SubElement(element, "text").text = text
    return element


def _answer(
    parent, credit, text, feedback, text_format="moodle_auto_format"
) -> Element:
    answer = SubElement(parent, "answer", fraction=f"{Decimal(credit).normalize():f}",
                        format=text_format)  # fmt: skip
    SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback, "plain_text")
    return answer


def _number_answer(parent, number) -> None:
    if number.any_number:
        _answer(parent, number.credit, "*", number.feedback)
        return
    if number.value is None:
        value = (number.minimum + number.maximum) / 2
        tolerance = (number.maximum - number.minimum) / 2
    else:
        value, tolerance = number.value, number.tolerance
    answer = _answer(parent, number.credit, f"{Decimal(value):f}", number.feedback)
    if tolerance is not None:
        SubElement(answer, "tolerance").text = f"{Decimal(tolerance):f}"


def _question(quiz: Element, question: ImportedQuestion) -> None:
    element = SubElement(quiz, "question", type=_MOODLE_TYPES[question.type])
    _text(element, "name", question.name)
    _text(element, "questiontext", question.text, "html")
    _text(element, "generalfeedback", question.general_feedback, "html")
    SubElement(element, "defaultgrade").text = f"{question.points:f}"
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        SubElement(element, "single").text = (
            "true" if kind == "single_choice" else "false"
        )
        SubElement(element, "shuffleanswers").text = "true"
        for option in question.options:
            _answer(element, option.credit, option.text, option.feedback, "html")
    elif kind == "true_false":
        _answer(element, 100 if question.correct else 0, "true", question.true_feedback)
        _answer(
            element, 0 if question.correct else 100, "false", question.false_feedback
        )
    elif kind == "short_answer":
        SubElement(element, "usecase").text = "1" if question.case_sensitive else "0"
        for answer in question.answers:
            _answer(element, answer.credit, answer.text, answer.feedback)
    elif kind == "numeric":
        for number in question.numbers:
            _number_answer(element, number)
        if question.unit:
            unit = SubElement(SubElement(element, "units"), "unit")
            SubElement(unit, "multiplier").text = "1"
            SubElement(unit, "unit_name").text = question.unit
    elif kind == "matching":
        SubElement(element, "shuffleanswers").text = "true"
        pairs = [(p.prompt, p.answer) for p in question.pairs]
        for prompt, answer in pairs + [("", d) for d in question.distractors]:
            sub = _text(element, "subquestion", prompt, "plain_text")
            _text(sub, "answer", answer)


def export_moodle_xml(questions: list[ImportedQuestion]) -> str:
    """The questions as a Moodle XML file, with a category question wherever
    the questions' tags change."""
    quiz, tags = Element("quiz"), None
    for question in questions:
        if question.tags != tags:
            tags = question.tags
            category = SubElement(quiz, "question", type="category")
            _text(category, "category", "/".join(("$course$", *tags)))
        _question(quiz, question)
    indent(quiz)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + tostring(quiz, encoding="unicode")
        + "\n"
    )
