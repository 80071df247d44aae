"""Reading the attempt page as ``static/js/quiz.js`` does, and choosing answers.

The questions are read from the page's HTML (``fieldset[data-question]``),
never from the database: the simulated participant knows only what a phone
shows. Regular expressions, not a full parser, because the load client shares
the two cores with the server it measures.
"""

import html
import random
import re
from dataclasses import dataclass, field

_FIELDSET = re.compile(r"<fieldset([^>]*\bdata-question=[^>]*)>(.*?)</fieldset>", re.S)
_ATTRIBUTE = r'\b{}="([^"]*)"'
_OPTION_INPUT = re.compile(
    r'<input[^>]*\bvalue="([^"]*)"[^>]*>\s*<label[^>]*>(.*?)</label>', re.S
)
_MATCHING_ROW = re.compile(
    r'<label[^>]*>(.*?)</label>\s*<select[^>]*\bdata-matching-prompt="([^"]+)"'
    r"[^>]*>(.*?)</select>",
    re.S,
)
_SELECT_OPTION = re.compile(r'<option value="([^"]+)"[^>]*>(.*?)</option>', re.S)
_TAG = re.compile(r"<[^>]+>")

# The right answers of tests/factories.py question_blocks(), by what the page shows.
RIGHT_TEXT = {"14 Februari 2024", "Presiden", "DPR"}
RIGHT_TYPED = {"short_answer": "KPU", "numeric": "5"}
WRONG_TYPED = {"short_answer": "Bawaslu", "numeric": "3"}
RIGHT_MATCHES = {"KPU": "Penyelenggara", "Bawaslu": "Pengawas"}


def _text(fragment: str) -> str:
    return html.unescape(_TAG.sub("", fragment)).strip()


@dataclass
class Question:
    key: str
    type: str
    revision: int
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, text)
    prompts: list[tuple[str, str]] = field(default_factory=list)  # (key, text)
    choices: list[tuple[str, str]] = field(default_factory=list)


def read_questions(page: str) -> list[Question]:
    questions = []
    for attributes, body in _FIELDSET.findall(page):

        def attribute(name, attributes=attributes):
            found = re.search(_ATTRIBUTE.format(name), attributes)
            return html.unescape(found.group(1)) if found else ""

        question = Question(
            key=attribute("data-question"),
            type=attribute("data-type"),
            revision=int(attribute("data-revision") or 0),
        )
        if question.type == "matching":
            for label, prompt, options in _MATCHING_ROW.findall(body):
                question.prompts.append((prompt, _text(label)))
                question.choices = [
                    (value, _text(text))
                    for value, text in _SELECT_OPTION.findall(options)
                ]
        else:
            question.options = [(v, _text(t)) for v, t in _OPTION_INPUT.findall(body)]
        questions.append(question)
    return questions


def choose(question: Question, rng: random.Random, right: bool):
    """A response as quiz.js's readResponse builds it, in the server's stored form.

    Stored form (sorted lists, stripped text), so the ledger can compare the
    acknowledged value with the database's row as it is.
    """
    kind = question.type
    if kind == "true_false":
        return right
    if kind in RIGHT_TYPED:
        return (RIGHT_TYPED if right else WRONG_TYPED)[kind]
    if kind == "matching":
        wanted = dict(RIGHT_MATCHES)
        by_text = {text: value for value, text in question.choices}
        matches = {}
        for prompt, text in question.prompts:
            value = by_text.get(wanted.get(text, ""))
            if not right or value is None:
                value = rng.choice(question.choices)[0]
            matches[prompt] = value
        return matches
    good = [v for v, text in question.options if text in RIGHT_TEXT]
    bad = [v for v, text in question.options if text not in RIGHT_TEXT]
    if kind == "multiple_choice":
        return sorted(good if right or not bad else bad[:1])
    pool = good if (right and good) or not bad else bad
    return rng.choice(pool)
