"""The event summary's item analysis of the post-test, in words: how reliable it
is and which questions deserve a second look (docs/reports.md, "Item analysis").

The numbers are the item analysis page's (``lms.reports.item_data``); the
summary keeps only what a report upward needs, not the table of every question.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from lms.reports.item_data import ReportItem, quiz_item_analysis
from lms.reports.reliability import Reliability
from quizzes.models import QuizPage

# 0.70 or more is usually taken as good enough for a test (docs/reports.md,
# "Reliability").
GOOD_RELIABILITY = Decimal("0.70")


@dataclass(frozen=True)
class QuizItems:
    """One post-test: how many attempts and questions were analysed, its
    reliability, and its flagged questions in the quiz's order."""

    quiz: QuizPage
    attempts: int
    questions: int
    reliability: Reliability
    flagged: tuple[ReportItem, ...]

    @property
    def reliability_good(self) -> bool | None:
        """Whether the reliability reaches ``GOOD_RELIABILITY``; None without one."""
        coefficient = self.reliability.coefficient
        return None if coefficient is None else coefficient >= GOOD_RELIABILITY


@dataclass(frozen=True)
class ItemsSection:
    # One per live post-test (usually one); empty when the event has none.
    quizzes: tuple[QuizItems, ...]
    good_reliability: Decimal = GOOD_RELIABILITY


def items_section(post_tests: Sequence[QuizPage]) -> ItemsSection:
    """Each post-test's reliability and flagged questions, a few queries a test."""
    quizzes = []
    for quiz in post_tests:
        report = quiz_item_analysis(quiz)
        quizzes.append(
            QuizItems(
                quiz=quiz,
                attempts=report.analysis.attempts,
                questions=len(report.items),
                reliability=report.analysis.reliability,
                flagged=tuple(item for item in report.items if item.stats.flags),
            )
        )
    return ItemsSection(quizzes=tuple(quizzes))
