"""An event's evaluation in numbers: pure functions over the stored answers.

Each response is the ``form_data`` of one ``EvaluationResponse``: a question's
answer under its name, a per-speaker question's answers as ``{speaker: answer}``
(``lms.events.evaluation_form``). Nothing here knows who answered: organisers
see the answers together, never a participant's (docs/reports.md, "Evaluation").

For an agreement question (and each speaker of a per-speaker one): how many
answered (n), how many chose each level 1-5, the mean with one decimal (worked
out exactly and rounded half up once), and how many agree (4 or 5) and their
share of n in percent with one decimal. With no answer at all the mean and the
share are ``None``, "not enough data", never 0.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from lms.events.evaluation_form import flat_answers, speaker_key, speaker_label
from lms.reports.exact import mean, round_or_none

LEVELS = (1, 2, 3, 4, 5)
AGREEING = (4, 5)


@dataclass(frozen=True)
class Question:
    """One question as the report reads it. ``kind`` is "likert", "text" or
    "choice"; a question asked about each speaker has ``per_speaker`` and the
    ``speakers`` to report on; ``choices`` are a choice question's options."""

    name: str
    label: str
    kind: str
    per_speaker: bool = False
    speakers: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class About:
    """What a summary is about: a question, and the speaker if it asks about each."""

    question: str
    speaker: str | None

    @property
    def label(self) -> str:
        return (
            speaker_label(self.question, self.speaker)
            if self.speaker
            else self.question
        )


@dataclass(frozen=True)
class LikertSummary(About):
    counts: tuple[int, int, int, int, int]  # level 1 to level 5
    mean: Decimal | None
    agreeing: int
    agreeing_percent: Decimal | None

    @property
    def n(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class TextAnswers(About):
    answers: tuple[str, ...]


@dataclass(frozen=True)
class ChoiceTally(About):
    counts: tuple[tuple[str, int], ...]  # every option, chosen or not
    answered: int


@dataclass(frozen=True)
class EvaluationSummary:
    responses: int
    enrolled: int
    likert: tuple[LikertSummary, ...]
    texts: tuple[TextAnswers, ...]
    choices: tuple[ChoiceTally, ...]


def likert_level(value) -> int | None:
    """A stored answer as a level 1-5, or ``None`` for no answer or anything else
    (a question whose type was changed after answers came in)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    return value if isinstance(value, int) and value in LEVELS else None


def summarise_likert(question: str, speaker: str | None, values) -> LikertSummary:
    levels = [level for level in map(likert_level, values) if level is not None]
    counts = tuple(levels.count(level) for level in LEVELS)
    agreeing = sum(counts[level - 1] for level in AGREEING)
    return LikertSummary(
        question=question,
        speaker=speaker,
        counts=counts,
        mean=round_or_none(mean([Fraction(level) for level in levels]), 1),
        agreeing=agreeing,
        agreeing_percent=round_or_none(
            Fraction(100 * agreeing, len(levels)) if levels else None, 1
        ),
    )


def _text(value) -> str:
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value).strip()


def _chosen(value) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    if value is None or value == "" or isinstance(value, dict):
        return []
    return [str(value)]


def _tally(question: Question, speaker, values) -> ChoiceTally:
    picked = [_chosen(value) for value in values]
    options = list(question.choices)
    options += sorted({o for chosen in picked for o in chosen} - set(options))
    return ChoiceTally(
        question=question.label,
        speaker=speaker,
        counts=tuple(
            (option, sum(option in chosen for chosen in picked)) for option in options
        ),
        answered=sum(bool(chosen) for chosen in picked),
    )


def with_answered_speakers(
    questions: Sequence[Question], responses: Sequence[Mapping]
) -> list[Question]:
    """``questions`` with the speakers that responses name but ``speakers`` does not
    (taken off the agenda since) added at the end, so no answer is left out."""
    result = []
    for question in questions:
        speakers = list(question.speakers)
        if question.per_speaker:
            for response in responses:
                answers = response.get(question.name)
                if isinstance(answers, dict):
                    speakers += [s for s in answers if s not in speakers]
        result.append(replace(question, speakers=tuple(speakers)))
    return result


def _answers_about(question: Question, responses) -> list[tuple[str | None, list]]:
    """(speaker, answers) for each speaker the question asks about, or once with
    speaker ``None`` for a question about the event."""
    if not question.per_speaker:
        return [(None, [response.get(question.name) for response in responses])]
    about = [response.get(question.name) for response in responses]
    return [
        (speaker, [a.get(speaker) if isinstance(a, dict) else None for a in about])
        for speaker in question.speakers
    ]


def summarise_evaluation(
    questions: Sequence[Question],
    responses: Sequence[Mapping],
    *,
    enrolled: int,
) -> EvaluationSummary:
    """Every question's summary, in the form's order, each speaker's in the order of
    ``speakers``; free text as typed (trimmed, empty answers left out), in the
    order of ``responses``."""
    likert, texts, choices = [], [], []
    for question in questions:
        for speaker, values in _answers_about(question, responses):
            if question.kind == "likert":
                likert.append(summarise_likert(question.label, speaker, values))
            elif question.kind == "choice":
                choices.append(_tally(question, speaker, values))
            else:
                answers = tuple(text for text in map(_text, values) if text)
                texts.append(TextAnswers(question.label, speaker, answers))
    return EvaluationSummary(
        responses=len(responses),
        enrolled=enrolled,
        likert=tuple(likert),
        texts=tuple(texts),
        choices=tuple(choices),
    )


def response_columns(questions: Sequence[Question]) -> list[tuple[str, str]]:
    """The download's (key, heading) columns: one per question and speaker, keyed
    as Wagtail's own submissions listing keys them (``speaker_key``)."""
    columns = []
    for question in questions:
        if question.per_speaker:
            columns += [
                (speaker_key(question.name, s), speaker_label(question.label, s))
                for s in question.speakers
            ]
        else:
            columns.append((question.name, question.label))
    return columns


def response_row(columns: Sequence[tuple[str, str]], response: Mapping) -> dict:
    """One response's answers by column key; ``None`` where it has none."""
    answers = flat_answers(response)
    return {key: answers.get(key) for key, _heading in columns}
