"""One quiz's results: a row per participant who handed in an attempt, and a summary.

The grade that counts and whether it passes are the quiz engine's
(``quizzes.attempts.standing_from``: the quiz's grading method over the
submitted attempts, against the pass mark the latest one froze), the rule the
participant's own result, the event's results and certificates judge from, so
this report cannot disagree with them. It works the same for an event's test and
a module's quiz: whoever submitted an attempt has a row.

The rows are read in one query however many participants and attempts there
are (docs/reports.md, "Quiz results page").
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.reports.exact import mean, round_or_none
from quizzes.attempts import standing_from
from quizzes.models import Attempt, QuizPage


@dataclass(frozen=True)
class QuizResultRow:
    """One participant's standing at one quiz."""

    participant: User
    # Percent, by the quiz's grading method.
    grade: Decimal
    submitted_attempts: int
    # None where the quiz calls no result passed or not (a pre-test).
    passed: bool | None
    last_submitted_at: datetime

    @property
    def result_text(self) -> str:
        if self.passed is None:
            return ""
        return _("Passed") if self.passed else _("Not passed")


@dataclass(frozen=True)
class QuizResultSummary:
    """The figures above the table; None where there is not enough data."""

    participants: int
    mean_grade: Decimal | None
    median_grade: Decimal | None
    # Both None for a quiz that decides no passing.
    passed: int | None
    pass_rate: Decimal | None


def quiz_results(
    quiz: QuizPage, users: QuerySet[User] | None = None
) -> list[QuizResultRow]:
    """The rows of everyone (or everyone in ``users``) with a submitted attempt.

    Open attempts are left out: they count for no grade until they are
    submitted, and ``standing_from`` grades the submitted ones alone.
    """
    attempts = (
        Attempt.objects.submitted()
        .filter(quiz=quiz)
        .select_related("user")
        .defer("paper")
    )
    if users is not None:
        attempts = attempts.filter(user__in=users)
    by_user = defaultdict(list)
    for attempt in attempts:
        by_user[attempt.user_id].append(attempt)
    rows = []
    for submitted in by_user.values():
        standing = standing_from(quiz, submitted)
        rows.append(
            QuizResultRow(
                participant=submitted[0].user,
                grade=standing.grade,
                submitted_attempts=len(submitted),
                passed=standing.passed if quiz.decides_passing else None,
                last_submitted_at=max(a.submitted_at for a in submitted),
            )
        )
    return rows


def summarise_quiz_results(
    rows: list[QuizResultRow], *, decides_passing: bool
) -> QuizResultSummary:
    """Participants, mean and median grade, and the share who passed.

    Worked out exactly and rounded once, like the other statistics
    (``lms/reports/exact.py``).
    """
    grades = sorted(Fraction(row.grade) for row in rows)
    passed = sum(1 for row in rows if row.passed) if decides_passing else None
    return QuizResultSummary(
        participants=len(rows),
        mean_grade=round_or_none(mean(grades)),
        median_grade=round_or_none(statistics.median(grades) if grades else None),
        passed=passed,
        pass_rate=(
            round_or_none(Fraction(passed * 100, len(rows)))
            if decides_passing and rows
            else None
        ),
    )
