"""Questions read from a question-bank file, as plain data.

Parsers produce these and exporters consume them; neither knows about pages,
blocks or the database. Texts that may carry markup (question text, option
text, general feedback) are already sanitised HTML; everything else (typed
answers, matching items, per-answer feedback) is plain text, because that is
what the quiz engine stores for them. Credits are percentages as exact
Decimals (-100..100), like Moodle's ``fraction`` attribute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# The quiz engine's block types, which imported questions are sorted into.
QUESTION_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "short_answer",
    "numeric",
    "matching",
)
# Where imported images are referenced in question HTML until the saving step
# turns them into Wagtail images; a path, so ``clean_html`` keeps the ``src``.
FILE_URL_PREFIX = "/qbank-file/"


@dataclass
class Option:
    """A choice: sanitised HTML, its credit in percent and plain-text feedback."""

    text: str
    credit: Decimal
    feedback: str = ""


@dataclass
class TextAnswer:
    """An accepted short answer (``*`` is a wildcard) and its credit in percent."""

    text: str
    credit: Decimal
    feedback: str = ""


@dataclass
class NumberAnswer:
    """An accepted number: ``value`` within ``tolerance`` (None: exactly), the
    range ``minimum``..``maximum``, or ``any_number`` (Moodle's ``*``).

    A question's numbers keep the file's order: the first that accepts what a
    participant typed decides, as in Moodle.
    """

    credit: Decimal
    value: Decimal | None = None
    tolerance: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    feedback: str = ""
    any_number: bool = False


@dataclass
class Pair:
    """A matching item and its match, both plain text."""

    prompt: str
    answer: str


@dataclass
class EmbeddedFile:
    """A file carried inside the question file (Moodle XML base64), for the saving
    step; ``FILE_URL_PREFIX + name`` refers to it in the question's HTML."""

    name: str
    content: bytes


@dataclass
class ImportedQuestion:
    """One question as read from a file, in the engine's terms.

    ``text_format`` records how the author wrote the text (html, markdown,
    plain, moodle); ``text`` is always sanitised HTML. ``source`` says where the
    question came from ("line 12", "question 'Kanji'") for messages.
    """

    type: str
    text: str
    name: str = ""
    text_format: str = "html"
    points: Decimal = Decimal(1)
    general_feedback: str = ""
    tags: tuple[str, ...] = ()
    options: list[Option] = field(default_factory=list)
    correct: bool | None = None
    true_feedback: str = ""
    false_feedback: str = ""
    answers: list[TextAnswer] = field(default_factory=list)
    case_sensitive: bool = False
    numbers: list[NumberAnswer] = field(default_factory=list)
    unit: str = ""
    pairs: list[Pair] = field(default_factory=list)
    distractors: list[str] = field(default_factory=list)
    files: list[EmbeddedFile] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class Skipped:
    """Something in the file that was not imported, and why: an unsupported
    question type, a broken question the user chose to skip, or a media file."""

    where: str
    reason: str
    kind: str = ""


@dataclass
class ParseResult:
    """What a parser found: questions to import and what it left out."""

    questions: list[ImportedQuestion] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
