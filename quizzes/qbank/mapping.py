"""Between imported questions and the quiz page's question blocks.

``to_block_data`` turns an imported question into the raw data of one of
``quizzes.blocks.QuestionsBlock``'s children and runs that block's own
validation, so whatever the import adds is exactly what the editor would
have accepted. ``from_block`` is the way back, for export.
"""

import html
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from lms.core.sanitize import clean_rich_text
from quizzes.blocks import QuestionsBlock
from quizzes.qbank.common import HUNDRED, ZERO
from quizzes.qbank.errors import QbankError
from quizzes.qbank.model import (
    FILE_URL_PREFIX,
    ImportedQuestion,
    NumberAnswer,
    Option,
    Pair,
    TextAnswer,
)
from quizzes.qbank.text import html_to_text

CENT = Decimal("0.01")
# Moodle writes thirds as 33.33333; rounded to the block's two decimals they
# add up to 99.99, which would make a fine question unanswerable in full.
ROUNDING_SLACK = Decimal("0.05")
MAX_PLAIN_FEEDBACK = 500
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r'\b(src|alt)="([^"]*)"')
_questions_block = QuestionsBlock()


def _percent(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _rich_text(text: str, images: Mapping[str, int], notes: list[str]) -> str:
    """Sanitised HTML as Wagtail's stored rich text; imported images become
    image embeds when the saving step has stored them, else they are noted."""

    def embed(match):
        attributes = dict(_ATTRIBUTE.findall(match.group()))
        src = html.unescape(attributes.get("src", ""))
        name = src.removeprefix(FILE_URL_PREFIX)
        if src.startswith(FILE_URL_PREFIX) and name in images:
            image_id, alt = int(images[name]), attributes.get("alt", "")
            return (
                f'<embed embedtype="image" id="{image_id}" format="left" alt="{alt}"/>'
            )
        notes.append(
            _("A picture was left out: %(name)s") % {"name": name[:100] or "?"}
        )
        return ""

    return clean_rich_text(_IMAGE.sub(embed, text))


def _choice_credits(options: list[Option], multiple: bool) -> list[Decimal]:
    credits = [_percent(option.credit) for option in options]
    positive = [i for i, credit in enumerate(credits) if credit > 0]
    shortfall = HUNDRED - sum(credits[i] for i in positive)
    if multiple and positive and ZERO < shortfall <= ROUNDING_SLACK:
        largest = max(positive, key=lambda i: credits[i])
        credits[largest] += shortfall
    return credits


def _number(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):f}"


def to_block_data(question: ImportedQuestion, *,
                  images: Mapping[str, int] | None = None) -> tuple[str, dict]:  # fmt: skip
    """(block type, raw block data) for ``question``, checked by the block.

    ``images`` maps embedded file names to saved Wagtail image ids. Anything
    the engine has no place for is added to ``question.notes``. Raises
    QbankError naming the question when the block would refuse it.
    """
    images = images or {}
    notes = question.notes
    data = {
        "text": _rich_text(question.text, images, notes),
        "points": str(_percent(question.points)),
        "feedback": _rich_text(question.general_feedback, images, notes),
    }
    kind = question.type
    if kind in ("single_choice", "multiple_choice"):
        credits = _choice_credits(question.options, kind == "multiple_choice")
        data["options"] = [
            {"text": _rich_text(option.text, images, notes), "credit": str(credit),
             "feedback": option.feedback[:MAX_PLAIN_FEEDBACK]}
            for option, credit in zip(question.options, credits, strict=True)
        ]  # fmt: skip
    elif kind == "true_false":
        data["correct"] = "true" if question.correct else "false"
        if question.true_feedback or question.false_feedback:
            notes.append(_("Feedback for choosing true or false was left out."))
    elif kind == "short_answer":
        data["answers"] = [
            {"text": answer.text, "credit": str(_percent(answer.credit)),
             "feedback": answer.feedback[:MAX_PLAIN_FEEDBACK]}
            for answer in question.answers
        ]  # fmt: skip
        data["case_sensitive"] = question.case_sensitive
    elif kind == "numeric":
        data["answers"] = [
            {"value": _number(n.value), "tolerance": _number(n.tolerance),
             "minimum": _number(n.minimum), "maximum": _number(n.maximum),
             "any_number": n.any_number, "credit": str(_percent(n.credit)),
             "feedback": n.feedback[:MAX_PLAIN_FEEDBACK]}
            for n in question.numbers
        ]  # fmt: skip
        data["unit"] = question.unit
    elif kind == "matching":
        data["pairs"] = [
            {"prompt": p.prompt, "answer": p.answer} for p in question.pairs
        ]
        data["distractors"] = list(question.distractors)
    else:
        raise QbankError(_("Unknown question type '%(type)s'.") % {"type": kind},
                         source=question.source)  # fmt: skip
    _check(kind, data, question)
    return kind, data


def _messages(error_data) -> list[str]:
    """All messages in a (nested) block validation error's JSON form."""
    if isinstance(error_data, dict):
        found = list(error_data.get("messages", []))
        for key in ("blockErrors",):
            children = error_data.get(key) or {}
            values = children.values() if isinstance(children, dict) else children
            for child in values:
                found += _messages(child)
        return found
    if isinstance(error_data, list):
        return [m for child in error_data for m in _messages(child)]
    return [str(error_data)] if error_data else []


def _check(kind: str, data: dict, question: ImportedQuestion) -> None:
    block = _questions_block.child_blocks[kind]
    try:
        block.clean(block.to_python(data))
    except ValidationError as error:
        if hasattr(error, "as_json_data"):
            messages = _messages(error.as_json_data())
        else:
            messages = error.messages
        raise QbankError(
            " ".join(dict.fromkeys(str(m) for m in messages))
            or _("The question is not valid."),
            source=question.source or question.name,
        ) from None


def from_block(block_type: str, value, *, name: str = "") -> ImportedQuestion:
    """A stored question block (a StructValue) as an exportable question."""
    question = ImportedQuestion(
        type=block_type,
        name=name,
        text=value["text"].source,
        points=Decimal(value["points"]),
        general_feedback=value["feedback"].source if value.get("feedback") else "",
    )
    if block_type in ("single_choice", "multiple_choice"):
        question.options = [
            Option(o["text"].source, Decimal(o["credit"]), o.get("feedback") or "")
            for o in value["options"]
        ]
    elif block_type == "true_false":
        question.correct = value["correct"] == "true"
    elif block_type == "short_answer":
        question.answers = [
            TextAnswer(a["text"], Decimal(a["credit"]), a.get("feedback") or "")
            for a in value["answers"]
        ]
        question.case_sensitive = bool(value.get("case_sensitive"))
    elif block_type == "numeric":
        question.numbers = [
            NumberAnswer(Decimal(a["credit"]), value=a.get("value"),
                         tolerance=a.get("tolerance"), minimum=a.get("minimum"),
                         maximum=a.get("maximum"), feedback=a.get("feedback") or "",
                         any_number=bool(a.get("any_number")))
            for a in value["answers"]
        ]  # fmt: skip
        question.unit = value.get("unit") or ""
    elif block_type == "matching":
        question.pairs = [Pair(p["prompt"], p["answer"]) for p in value["pairs"]]
        question.distractors = list(value.get("distractors") or [])
    return question


def questions_from_stream(questions) -> list[ImportedQuestion]:
    """A quiz page's pool (its ``questions`` StreamValue) as exportable questions,
    each named by the start of its text, as Moodle wants a name."""
    return [
        from_block(
            block.block_type,
            block.value,
            name=html_to_text(block.value["text"].source)[:60],
        )
        for block in questions
    ]
