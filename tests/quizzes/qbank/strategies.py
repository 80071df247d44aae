"""Hypothesis strategies for questions the quiz engine accepts.

Texts mix GIFT's control characters, HTML's special characters and
non-ASCII letters, which is where a round trip would break.
"""

import html
from decimal import Decimal

from hypothesis import strategies as st

from quizzes.qbank.model import ImportedQuestion, NumberAnswer, Option, Pair, TextAnswer
from quizzes.qbank.text import plain, safe_html

ALPHABET = "abcXYZ019 ~=#{}:\\&<>\"'%*-_.éñ"
# GIFT cannot write "->" inside typed answers or matching items, nor "/" in
# category names (docs/question-banks.md); Moodle category markers are dropped.
words = st.text(ALPHABET, min_size=1, max_size=12).map(plain).filter(bool)
items = words.filter(lambda s: "->" not in s)
tags = (
    st.text("abcdefgh XYZ-", min_size=1, max_size=8)
    .map(plain)
    .filter(lambda s: s and s.lower() != "top")
)


@st.composite
def rich(draw):
    """Canonical sanitised HTML with some markup, as an import would store it."""
    first, second = draw(words), draw(st.none() | words)
    body = html.escape(first, quote=False)
    if second:
        body += f" <strong>{html.escape(second, quote=False)}</strong>"
    return safe_html(f"<p>{body}</p>")


def percent(low: int, high: int):
    return st.integers(low * 100, high * 100).map(lambda n: Decimal(n) / 100)


numbers = st.integers(-(10**8), 10**8).map(lambda n: Decimal(n) / 1000)
feedback = st.just("") | words


@st.composite
def number_answers(draw):
    credit = draw(percent(0, 99))
    if draw(st.booleans()):
        low, high = sorted((draw(numbers), draw(numbers)))
        return NumberAnswer(credit, minimum=low, maximum=high, feedback=draw(feedback))
    tolerance = draw(st.none() | numbers.map(abs))
    return NumberAnswer(credit, value=draw(numbers), tolerance=tolerance,
                        feedback=draw(feedback))  # fmt: skip


def _upper_bound(number: NumberAnswer) -> Decimal:
    if number.value is None:
        return number.maximum
    return number.value + (number.tolerance or 0)


def each_reaching_higher(numbers: list[NumberAnswer]) -> list[NumberAnswer]:
    """The answers that reach above all those before them: the first answer
    that accepts a number decides, so the editor refuses one that the answers
    above it hide."""
    kept = []
    for number in numbers:
        if not kept or _upper_bound(number) > max(map(_upper_bound, kept)):
            kept.append(number)
    return kept


@st.composite
def questions(draw, *, gift: bool = False):
    """A question the engine accepts; ``gift`` keeps to what GIFT can carry
    (one point, no unit, case-insensitive answers)."""
    kind = draw(st.sampled_from(
        ["single_choice", "multiple_choice", "true_false", "short_answer", "numeric", "matching"]
    ))  # fmt: skip
    question = ImportedQuestion(
        type=kind,
        text=draw(rich()),
        name=draw(st.just("") | words) if gift else draw(words),
        points=Decimal(1) if gift else draw(percent(1, 100)),
        general_feedback=draw(st.just("") | rich()),
        tags=tuple(draw(st.lists(tags, max_size=2))),
    )
    if kind in ("single_choice", "multiple_choice"):
        # Option texts are unique: the editor refuses two identical options.
        texts = draw(st.lists(rich(), min_size=2, max_size=5, unique=True))
        right = draw(st.integers(0, len(texts) - 1))
        others = percent(-100, 99) if kind == "single_choice" else percent(-100, 100)
        question.options = [
            Option(text, Decimal(100) if i == right else draw(others), draw(feedback))
            for i, text in enumerate(texts)
        ]
    elif kind == "true_false":
        question.correct = draw(st.booleans())
        question.true_feedback, question.false_feedback = draw(feedback), draw(feedback)
    elif kind == "short_answer":
        question.answers = [TextAnswer(draw(items), Decimal(100), draw(feedback))] + [
            TextAnswer(text, credit, fb)
            for text, credit, fb in draw(st.lists(st.tuples(items, percent(0, 100), feedback), max_size=3))
        ]  # fmt: skip
        question.case_sensitive = False if gift else draw(st.booleans())
    elif kind == "numeric":
        question.numbers = each_reaching_higher(
            [NumberAnswer(Decimal(100), value=draw(numbers))]
            + draw(st.lists(number_answers(), max_size=3))
        )
        if draw(st.booleans()):  # Moodle's "*": what any other number gets
            question.numbers.append(NumberAnswer(draw(percent(0, 99)), any_number=True,
                                                 feedback=draw(feedback)))  # fmt: skip
        question.unit = "" if gift else draw(st.just("") | words.map(lambda s: s[:30]))
    else:
        prompts = draw(st.lists(items, min_size=2, max_size=4, unique=True))
        answers = draw(st.lists(items, min_size=len(prompts), max_size=len(prompts)))
        question.pairs = [Pair(p, a) for p, a in zip(prompts, answers, strict=True)]
        question.distractors = draw(
            st.lists(items.filter(lambda s: s not in answers), max_size=2)
        )
    return question
