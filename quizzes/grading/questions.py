"""The question types grading understands, as frozen plain data.

The lead's "paper" turns an attempt's frozen questions into these; grading needs nothing
else. Constructors accept any ``Number`` (Fraction, Decimal, int, "0.5", "1/3") for
points, credits and bounds and store Fractions; lists are accepted for tuples. They do
not judge the data: ``validate_question`` does, for authors.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from quizzes.grading.exact import ONE, ZERO, to_fraction


def _fractions(instance: object, *names: str) -> None:
    """Coerce the named fields of a frozen dataclass to Fraction."""
    for name in names:
        object.__setattr__(instance, name, to_fraction(getattr(instance, name)))


def _tuples(instance: object, *names: str) -> None:
    """Coerce the named fields of a frozen dataclass to tuples."""
    for name in names:
        object.__setattr__(instance, name, tuple(getattr(instance, name)))


@dataclass(frozen=True)
class _Question:
    """What every question has: the points it is worth (should be above 0)."""

    points: Fraction

    def __post_init__(self) -> None:
        _fractions(self, "points")


@dataclass(frozen=True)
class ChoiceOption:
    """One option of a choice question and the share of the points it is worth.

    Credit is in -1..1: a negative credit penalises a wrong pick in multiple choice.
    """

    key: str
    credit: Fraction

    def __post_init__(self) -> None:
        _fractions(self, "credit")


@dataclass(frozen=True)
class SingleChoice(_Question):
    """Pick one option; its credit counts, floored at 0. Response: a key or None."""

    options: tuple[ChoiceOption, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuples(self, "options")


@dataclass(frozen=True)
class MultipleChoice(_Question):
    """Pick any options; their credits add up, clamped to 0..1.

    Response: a frozenset of option keys (a set, list or tuple is accepted too, as
    form data arrives as a list); unknown keys are ignored.
    """

    options: tuple[ChoiceOption, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuples(self, "options")


@dataclass(frozen=True)
class TrueFalse(_Question):
    """A statement to judge. Response: True, False or None (a real bool, not text)."""

    correct: bool


@dataclass(frozen=True)
class AcceptedAnswer:
    """An accepted short answer: ``*`` matches any run of characters, ``\\*`` is a
    literal asterisk. Credit below 1 marks a partly right answer."""

    text: str
    credit: Fraction = ONE

    def __post_init__(self) -> None:
        _fractions(self, "credit")


@dataclass(frozen=True)
class ShortAnswer(_Question):
    """Type a word or phrase, compared after ``normalise_answer`` on both sides.

    Response: text or None. The best credit among matching answers counts.
    """

    answers: tuple[AcceptedAnswer, ...]
    case_sensitive: bool = False
    ignore_accents: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuples(self, "answers")


@dataclass(frozen=True)
class NumericAnswer:
    """A value accepted within plus or minus ``tolerance``, bounds included."""

    value: Fraction
    tolerance: Fraction = ZERO
    credit: Fraction = ONE

    def __post_init__(self) -> None:
        _fractions(self, "value", "tolerance", "credit")

    def accepts(self, number: Fraction) -> bool:
        """Whether ``number`` is close enough to this answer."""
        return abs(number - self.value) <= self.tolerance


@dataclass(frozen=True)
class NumericRange:
    """Any value from ``minimum`` to ``maximum``, both included."""

    minimum: Fraction
    maximum: Fraction
    credit: Fraction = ONE

    def __post_init__(self) -> None:
        _fractions(self, "minimum", "maximum", "credit")

    def accepts(self, number: Fraction) -> bool:
        """Whether ``number`` lies in the range."""
        return self.minimum <= number <= self.maximum


@dataclass(frozen=True)
class AnyOtherNumber:
    """Every number: Moodle's ``*`` answer. Answers are checked in order, so
    placed last it catches whatever the answers above it did not, usually with
    no credit and feedback for a wrong answer."""

    credit: Fraction = ZERO

    def __post_init__(self) -> None:
        _fractions(self, "credit")

    def accepts(self, number: Fraction) -> bool:
        """Always: any number is accepted here."""
        return True


NumericChoice = NumericAnswer | NumericRange | AnyOtherNumber


@dataclass(frozen=True)
class Numeric(_Question):
    """Type a number. Response: the raw text, read by ``parse_number``.

    The answers are checked in order and the first that accepts the value gives
    its credit, as Moodle's numerical questions do, so that files moved between
    the two grade alike and an author can put a narrow answer before a wider,
    partly right one.
    """

    answers: tuple[NumericChoice, ...]

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuples(self, "answers")


@dataclass(frozen=True)
class MatchPair:
    """A prompt and the answer that belongs to it."""

    prompt_key: str
    answer_key: str


@dataclass(frozen=True)
class Matching(_Question):
    """Match each prompt to an answer; credit is correct pairs / pairs (Moodle's rule).

    Response: a mapping prompt_key -> answer_key (missing or None: not matched).
    Distractors are extra answers on offer that belong to no prompt, so never right.
    """

    pairs: tuple[MatchPair, ...]
    distractors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        super().__post_init__()
        _tuples(self, "pairs", "distractors")


Question = SingleChoice | MultipleChoice | TrueFalse | ShortAnswer | Numeric | Matching
