"""The frozen paper of an attempt, and the two views of it.

When an attempt starts, the quiz's questions are copied into it (promise 1 in
docs/architecture.md): the order drawn for this participant, texts, options, correct
answers and points. Keys for questions and options are random per attempt, so
the markup (``value="k3f9…"``) says nothing about which option is right or
where the speaker put it.

``public_paper`` is what the participant's browser may see while answering;
``question_from_paper`` turns a frozen question into the pure grading rules'
data. Its texts are shown as HTML by ``quizzes.question_text``.
"""

import hashlib
import json
import random
import re
import secrets
from decimal import Decimal
from fractions import Fraction

from quizzes import grading

PERCENT = Fraction(100)


class _Keys:
    """Short random keys, unique within one paper."""

    def __init__(self):
        self.used: set[str] = set()

    def new(self) -> str:
        while True:
            key = secrets.token_hex(4)
            if key not in self.used:
                self.used.add(key)
                return key


def _credit(percent) -> str:
    return str(Fraction(Decimal(percent)) / PERCENT)


def plain_question(block_type: str, value) -> dict:
    """One stored question block as plain data: no keys yet, in the authored order.

    This is the costly part of freezing (reading the block sanitises its rich
    text), and the same for every attempt at one version of the quiz, so
    ``question_pool`` keeps it; ``deal_question`` then makes each attempt's copy.
    """
    question = {
        "type": block_type,
        "text": value["text"].source,
        "points": str(value["points"]),
        "feedback": value["feedback"].source if value.get("feedback") else "",
    }
    if block_type in ("single_choice", "multiple_choice"):
        question["options"] = [
            {
                "text": option["text"].source,
                "credit": _credit(option["credit"]),
                "feedback": option.get("feedback") or "",
            }
            for option in value["options"]
        ]
    elif block_type == "true_false":
        question["correct"] = value["correct"] == "true"
    elif block_type == "short_answer":
        question["answers"] = [
            {
                "text": a["text"],
                "credit": _credit(a["credit"]),
                "feedback": a["feedback"],
            }
            for a in value["answers"]
        ]
        question["case_sensitive"] = bool(value.get("case_sensitive"))
    elif block_type == "numeric":
        question["answers"] = [
            {
                **{f: _decimal_text(a.get(f)) for f in ("value", "tolerance", "minimum", "maximum")},
                "any_number": bool(a.get("any_number")),
                "credit": _credit(a["credit"]),
                "feedback": a["feedback"],
            }
            for a in value["answers"]
        ]  # fmt: skip
        question["unit"] = value.get("unit") or ""
    elif block_type == "matching":
        question["pairs"] = [
            (pair["prompt"], pair["answer"]) for pair in value["pairs"]
        ]
        question["distractors"] = list(value["distractors"])
    return question


def deal_question(plain: dict, *, keys: _Keys, rng, shuffle_options: bool) -> dict:
    """One attempt's own copy of a plain question: random keys, shuffled options.

    Builds new containers throughout, so no attempt shares (and could change)
    what ``question_pool`` keeps for the next one.
    """
    question = {"key": keys.new(), **plain}
    kind = plain["type"]
    if kind in ("single_choice", "multiple_choice"):
        options = [{"key": keys.new(), **option} for option in plain["options"]]
        if shuffle_options:
            rng.shuffle(options)
        question["options"] = options
    elif kind in ("short_answer", "numeric"):
        question["answers"] = [dict(answer) for answer in plain["answers"]]
    elif kind == "matching":
        del question["distractors"]
        prompts = [{"key": keys.new(), "text": p} for p, _answer in plain["pairs"]]
        choices = [{"key": keys.new(), "text": a} for _prompt, a in plain["pairs"]]
        question["pairs"] = {
            p["key"]: c["key"] for p, c in zip(prompts, choices, strict=True)
        }
        choices += [{"key": keys.new(), "text": text} for text in plain["distractors"]]
        # Always shuffled: in the authored order every item faces its match.
        rng.shuffle(choices)
        if shuffle_options:
            rng.shuffle(prompts)
        question["prompts"] = prompts
        question["choices"] = choices
    return question


def _decimal_text(value) -> str | None:
    return None if value is None else str(value)


# Plain pools by the digest of a quiz's stored questions. Keyed by content,
# not by page or revision, so a process can never serve a pool that differs
# from what the database holds, whoever changed it and however; each process
# fills its own (nothing here is shared between app servers).
_POOLS: dict[str, tuple[dict, ...]] = {}
_MAX_POOLS = 64


def question_pool(questions) -> tuple[dict, ...]:
    """The quiz's questions (its StreamValue) as plain questions, read once per content.

    Hashing the stored JSON costs a small fraction of reading the blocks,
    which sanitises every rich text of every question again.
    """
    raw = json.dumps(list(questions.raw_data), sort_keys=True, default=str)
    digest = hashlib.sha256(raw.encode()).hexdigest()
    pool = _POOLS.get(digest)
    if pool is None:
        pool = tuple(
            plain_question(block.block_type, block.value) for block in questions
        )
        if len(_POOLS) >= _MAX_POOLS:
            _POOLS.clear()  # atomic, unlike evicting one while other threads insert
        _POOLS[digest] = pool
    return pool


def freeze_paper(questions, *, shuffle_questions: bool, shuffle_options: bool,
                 draw: int | None, rng: random.Random | None = None) -> list[dict]:  # fmt: skip
    """The questions of one attempt, in the order this participant will see them.

    ``questions`` is the quiz's StreamValue. ``draw`` picks that many questions
    at random from the pool (all when empty or larger than the pool).
    """
    rng = rng or random.SystemRandom()
    pool = list(question_pool(questions))
    if draw and draw < len(pool):
        chosen = sorted(rng.sample(range(len(pool)), draw))
        pool = [pool[i] for i in chosen]
    if shuffle_questions:
        rng.shuffle(pool)
    keys = _Keys()
    return [
        deal_question(plain, keys=keys, rng=rng, shuffle_options=shuffle_options)
        for plain in pool
    ]


def question_from_block(block_type: str, value):
    """A question as the grading rules see it, straight from the editor's block.

    Options, items and matches are keyed by their text here (not by random
    keys, as in a paper), so the rules can tell the author that two of them
    are the same.
    """
    if block_type == "matching":
        return grading.Matching(
            points=Fraction(Decimal(value["points"])),
            pairs=tuple(
                grading.MatchPair(p["prompt"], p["answer"]) for p in value["pairs"]
            ),
            distractors=tuple(value["distractors"]),
        )
    frozen = deal_question(
        plain_question(block_type, value),
        keys=_Keys(),
        rng=random.Random(0),
        shuffle_options=False,
    )
    for option in frozen.get("options", ()):
        option["key"] = option["text"]
    return question_from_paper(frozen)


def _fraction(text) -> Fraction | None:
    return None if text is None else Fraction(Decimal(text))


def question_from_paper(question: dict):
    """A frozen question as the pure grading rules' data."""
    points = Fraction(Decimal(question["points"]))
    kind = question["type"]
    if kind in ("single_choice", "multiple_choice"):
        options = tuple(
            grading.ChoiceOption(key=o["key"], credit=o["credit"])
            for o in question["options"]
        )
        cls = (
            grading.SingleChoice if kind == "single_choice" else grading.MultipleChoice
        )
        return cls(points=points, options=options)
    if kind == "true_false":
        return grading.TrueFalse(points=points, correct=question["correct"])
    if kind == "short_answer":
        return grading.ShortAnswer(
            points=points,
            answers=tuple(
                grading.AcceptedAnswer(text=a["text"], credit=a["credit"])
                for a in question["answers"]
            ),
            case_sensitive=question["case_sensitive"],
        )
    if kind == "numeric":
        return grading.Numeric(
            points=points, answers=tuple(map(_numeric_answer, question["answers"]))
        )
    if kind == "matching":
        return grading.Matching(
            points=points,
            pairs=tuple(
                grading.MatchPair(prompt_key=p, answer_key=a)
                for p, a in question["pairs"].items()
            ),
            distractors=tuple(
                c["key"] for c in question["choices"] if c["key"] not in question["pairs"].values()
            ),
        )  # fmt: skip
    raise ValueError(f"unknown question type {kind!r}")


def _numeric_answer(answer: dict):
    credit = Fraction(answer["credit"])
    if answer.get("any_number"):
        return grading.AnyOtherNumber(credit=credit)
    if answer.get("value") is not None:
        return grading.NumericAnswer(
            value=_fraction(answer["value"]),
            tolerance=_fraction(answer.get("tolerance")) or Fraction(0),
            credit=credit,
        )
    return grading.NumericRange(
        minimum=_fraction(answer["minimum"]),
        maximum=_fraction(answer["maximum"]),
        credit=credit,
    )


def numeric_feedback(question: dict, response) -> str:
    """The feedback of the answer that decided a frozen numeric question's
    response (the first that accepts it, as grading takes it), for the review;
    "" when no answer accepts it or that answer has none."""
    position = grading.numeric_match(question_from_paper(question), response)
    if position is None:
        return ""
    return question["answers"][position].get("feedback") or ""


# What the browser may see before review: no credit, no feedback, no pairs.
PUBLIC_FIELDS = ("key", "type", "text", "points", "unit")


def public_question(question: dict) -> dict:
    public = {field: question[field] for field in PUBLIC_FIELDS if field in question}
    if "options" in question:
        public["options"] = [
            {"key": o["key"], "text": o["text"]} for o in question["options"]
        ]
    if question["type"] == "matching":
        public["prompts"] = question["prompts"]
        public["choices"] = question["choices"]
    return public


def public_paper(paper: list[dict]) -> list[dict]:
    return [public_question(question) for question in paper]


class InvalidResponse(ValueError):
    """A response that does not fit its question (a forged or stale request)."""


MAX_TEXT_RESPONSE = 500
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_response(question: dict, raw):
    """``raw`` (from JSON or a form) as the stored response, or InvalidResponse.

    Empty means unanswered and is stored as None, so clearing an answer works.
    """
    kind = question["type"]
    if raw in (None, "", [], {}):
        return None
    if kind == "single_choice":
        if raw not in {o["key"] for o in question["options"]}:
            raise InvalidResponse("unknown option")
        return raw
    if kind == "multiple_choice":
        keys = {o["key"] for o in question["options"]}
        if not isinstance(raw, list) or not set(raw) <= keys:
            raise InvalidResponse("unknown option")
        return sorted(set(raw))
    if kind == "true_false":
        if raw in (True, "true"):
            return True
        if raw in (False, "false"):
            return False
        raise InvalidResponse("not true or false")
    if kind in ("short_answer", "numeric"):
        if not isinstance(raw, str) or len(raw) > MAX_TEXT_RESPONSE:
            raise InvalidResponse("text too long")
        if _CONTROL_CHARACTERS.search(raw):  # PostgreSQL's JSON refuses NUL
            raise InvalidResponse("control characters")
        return raw.strip() or None
    if kind == "matching":
        prompts = {p["key"] for p in question["prompts"]}
        choices = {c["key"] for c in question["choices"]}
        if not isinstance(raw, dict) or not set(raw) <= prompts:
            raise InvalidResponse("unknown item")
        matches = {p: c for p, c in raw.items() if c}
        if not set(matches.values()) <= choices:
            raise InvalidResponse("unknown match")
        return matches or None
    raise InvalidResponse("unknown question type")


def grading_response(question: dict, stored):
    """A stored response in the shape the grading rules expect."""
    if question["type"] == "multiple_choice" and stored is not None:
        return frozenset(stored)
    return stored
