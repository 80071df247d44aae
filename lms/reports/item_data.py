"""A quiz's item analysis from the database: the graded attempts turned into the
pure statistics of ``lms.reports.items``, labelled by ``lms.reports.item_labels``
(docs/reports.md, "Item analysis page").

Which attempts: every participant's first submitted attempt, as Moodle's item
analysis shows by default. Later attempts follow feedback on the first, and the
attempt that counts by the quiz's grading method is no single attempt when the
method is the mean; the first is the same rule for every quiz.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from lms.reports.item_labels import (
    CHOICE_TYPES,
    Identity,
    ItemCatalogue,
    ItemLabel,
    OptionLabel,
    identified,
)
from lms.reports.items import (
    ItemAnalysis,
    ItemStats,
    OptionCount,
    Response,
    analyse_items,
)
from quizzes.models import Answer, Attempt, QuizPage
from quizzes.paper import question_pool


@dataclass(frozen=True)
class OptionRow:
    """How many attempts chose an option, and what percent of those that had
    the question (None when none had it)."""

    option: OptionLabel
    count: int
    percent: Decimal | None

    @classmethod
    def of(cls, option: OptionLabel, counted: OptionCount) -> OptionRow:
        share = counted.share
        return cls(option, counted.count, None if share is None else share * 100)


@dataclass(frozen=True)
class ReportItem:
    """A question's label and statistics, and its options' rows."""

    question: ItemLabel
    stats: ItemStats
    options: tuple[OptionRow, ...]


@dataclass(frozen=True)
class QuizItemReport:
    analysis: ItemAnalysis
    items: tuple[ReportItem, ...]


def _choices(question: dict, response) -> frozenset[str]:
    """The option keys a stored response chose, by text instead of paper keys."""
    if response is None or question["type"] not in CHOICE_TYPES:
        return frozenset()
    if question["type"] == "true_false":
        return frozenset({"true" if response else "false"})
    text_of = {option["key"]: option["text"] for option in question["options"]}
    keys = response if isinstance(response, list) else [response]
    return frozenset(text_of[key] for key in keys if key in text_of)


def first_submitted_attempts(quiz: QuizPage):
    """Each participant's first submitted attempt at ``quiz``, in one query."""
    submitted = Attempt.objects.submitted().filter(quiz=quiz)
    first = submitted.filter(user=OuterRef("user")).order_by("number").values("number")
    return submitted.filter(number=Subquery(first[:1])).order_by("pk")


def _graded_answers(attempts) -> dict[int, dict[str, tuple[object, Decimal | None]]]:
    """Attempt id -> question key -> (response, credit), in one query."""
    answers: dict[int, dict[str, tuple[object, Decimal | None]]] = {}
    for attempt_id, key, response, credit in Answer.objects.filter(
        attempt__in=attempts.values("pk")
    ).values_list("attempt_id", "question_key", "response", "credit"):
        answers.setdefault(attempt_id, {})[key] = (response, credit)
    return answers


def _response(
    attempt_id: int,
    paper: list[tuple[Identity, dict]],
    answers: dict[str, tuple[object, Decimal | None]],
    labels: dict[Identity, ItemLabel],
) -> Response:
    """One attempt by the items' keys; a question without a credit scores 0."""
    credits, choices = {}, {}
    for identity, question in paper:
        key = labels[identity].key
        response, credit = answers.get(question["key"], (None, None))
        credits[key] = credit or Decimal(0)
        if question["type"] in CHOICE_TYPES:
            choices[key] = _choices(question, response)
    return Response(attempt_id, credits, choices)


def quiz_item_analysis(quiz: QuizPage) -> QuizItemReport:
    """The item analysis of ``quiz`` in two queries, however many attempts.

    A question on a paper without a graded answer (unanswered, or graded with no
    credit) scores 0.
    """
    attempts = first_submitted_attempts(quiz)
    papers = {
        pk: identified(paper) for pk, paper in attempts.values_list("pk", "paper")
    }
    answers = _graded_answers(attempts)
    catalogue = ItemCatalogue()
    for paper in papers.values():
        for identity, question in paper:
            catalogue.meet(identity, question)
    labels = catalogue.labels(identified(question_pool(quiz.questions)))
    analysis = analyse_items(
        [
            _response(pk, paper, answers.get(pk, {}), labels)
            for pk, paper in papers.items()
        ],
        [label.key for label in labels.values()],
        {
            label.key: [option.key for option in label.options]
            for label in labels.values()
            if label.question_type in CHOICE_TYPES
        },
    )
    items = tuple(
        ReportItem(
            label,
            stats,
            tuple(
                OptionRow.of(option, counted)
                for option, counted in zip(label.options, stats.options, strict=True)
            ),
        )
        for label, stats in zip(labels.values(), analysis.items, strict=True)
    )
    return QuizItemReport(analysis=analysis, items=items)
