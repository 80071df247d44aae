"""Which question of a quiz is which across attempts, and how people read it.

Each paper gives its questions and options random keys and its own order
(promise 1, docs/architecture.md), so a question is known by its type and text
(and, should a quiz hold the same question twice, by which occurrence it is) and
an option by its text within the question; true/false has the options "true" and
"false". An edited question is a new item, as it should be: its numbers describe
other wording (docs/reports.md, "Item analysis page").
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext

QUESTION_EXCERPT_CHARS = 90
OPTION_EXCERPT_CHARS = 60
CHOICE_TYPES = ("single_choice", "multiple_choice", "true_false")

# Where rich text ends a paragraph or line, its plain text needs a space.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)

# (type, text, occurrence of that type and text on the paper, from 0)
Identity = tuple[str, str, int]


@dataclass(frozen=True)
class OptionLabel:
    """One option of a choice question: the key the analysis counts it by (its
    text; "true"/"false" for true/false), a plain-text excerpt, and whether it
    earns credit (more than 0)."""

    key: str
    excerpt: str
    right: bool


@dataclass(frozen=True)
class ItemLabel:
    """One question as people see it in the report: "Q1" (S1 in Indonesian), an
    excerpt of its text, and whether the quiz still asks it."""

    key: str
    label: str
    question_type: str
    excerpt: str
    in_quiz: bool
    options: tuple[OptionLabel, ...]


@functools.lru_cache(maxsize=4096)
def excerpt(text: str, chars: int) -> str:
    """Rich text as one line of plain text, cut at ``chars`` characters.

    Entities are decoded, so a template escapes the text exactly once. Cached:
    every paper repeats the same question and option texts (a thousand papers
    would otherwise strip the same tags a thousand times).
    """
    plain = " ".join(html.unescape(strip_tags(_BLOCK_END.sub(" ", text))).split())
    return Truncator(plain).chars(chars)


def identified(questions: Iterable[dict]) -> list[tuple[Identity, dict]]:
    """Each question of a paper (or of the quiz) with its identity."""
    seen: Counter[tuple[str, str]] = Counter()
    result = []
    for question in questions:
        content = (question["type"], question["text"])
        result.append(((*content, seen[content]), question))
        seen[content] += 1
    return result


def _options(question: dict) -> dict[str, tuple[str, bool]]:
    """Option key -> (excerpt, right) of a frozen or plain choice question."""
    if question["type"] == "true_false":
        return {
            "true": (gettext("True"), question["correct"]),
            "false": (gettext("False"), not question["correct"]),
        }
    return {
        option["text"]: (
            excerpt(option["text"], OPTION_EXCERPT_CHARS),
            Fraction(option["credit"]) > 0,
        )
        for option in question.get("options", ())
    }


class ItemCatalogue:
    """The items met on the papers, then labelled in the quiz's current order."""

    def __init__(self) -> None:
        self.first_seen: dict[Identity, dict] = {}
        self.options: dict[Identity, dict[str, tuple[str, bool]]] = {}

    def meet(self, identity: Identity, question: dict) -> None:
        """Later papers are newer: their option texts and credits win."""
        self.first_seen.setdefault(identity, question)
        if question["type"] in CHOICE_TYPES:
            self.options.setdefault(identity, {}).update(_options(question))

    def labels(self, current: list[tuple[Identity, dict]]) -> dict[Identity, ItemLabel]:
        """Questions still in the quiz first, in its order, then the others as
        first met. A question of the quiz that no paper had is left out: it has
        no numbers, and would make every paper look incomplete to reliability."""
        in_quiz = {
            identity: q for identity, q in current if identity in self.first_seen
        }
        order = [*in_quiz, *(i for i in self.first_seen if i not in in_quiz)]
        return {
            identity: self._label(identity, number, in_quiz.get(identity))
            for number, identity in enumerate(order, start=1)
        }

    def _label(
        self, identity: Identity, number: int, current: dict | None
    ) -> ItemLabel:
        question = current or self.first_seen[identity]
        options = self.options.get(identity, {})
        if current is not None and identity in self.options:
            # The quiz's own options, order and answer key first, then texts it
            # no longer has.
            quiz_options = _options(current)
            options = quiz_options | {
                key: option
                for key, option in options.items()
                if key not in quiz_options
            }
        return ItemLabel(
            key=str(number),
            label=pgettext("question label", "Q%(number)d") % {"number": number},
            question_type=question["type"],
            excerpt=excerpt(question["text"], QUESTION_EXCERPT_CHARS),
            in_quiz=current is not None,
            options=tuple(
                OptionLabel(key, text, right) for key, (text, right) in options.items()
            ),
        )
