"""The event summary's results: the post-test, the scores, the certificates
(docs/reports.md, "Event summary (PDF)").

The means and medians here are over everyone who took each test, to say how the
hall did on the day; the learning gain section compares only the participants
who took both. Both are exact and rounded once, half up (``lms.reports.exact``).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Q

from lms.certificates.models import Certificate
from lms.events.models import EventPage
from lms.reports.exact import mean, round_or_none
from lms.reports.results import PostTestResult, ResultRow


@dataclass(frozen=True)
class ScoreFigures:
    """How one test went: how many took it, the mean and median percent (None
    when nobody took it)."""

    taken: int
    mean: Decimal | None
    median: Decimal | None

    @classmethod
    def of(cls, scores: Sequence[Decimal]) -> "ScoreFigures":
        exact = [Fraction(score) for score in scores]
        return cls(
            taken=len(exact),
            mean=round_or_none(mean(exact)),
            median=round_or_none(median(exact)),
        )


@dataclass(frozen=True)
class ResultsSection:
    post_test_taken: int
    post_test_passed: int
    # Percent of those who took the post-test; None when nobody did.
    pass_rate: Decimal | None
    pre_test: ScoreFigures
    post_test: ScoreFigures
    certificates_valid: int
    # Revoked certificates stay on record (promise 6, docs/architecture.md); a
    # re-issued one counts once as revoked and once, in its new version, as valid.
    certificates_revoked: int


def median(values: Sequence[Fraction]) -> Fraction | None:
    """The middle value, or the mean of the two middle ones; None for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def results_section(event: EventPage, rows: Sequence[ResultRow]) -> ResultsSection:
    """The post-test's pass rate, both tests' scores and the certificates, in one query."""
    taken = sum(1 for row in rows if row.post_test_result != PostTestResult.NOT_TAKEN)
    passed = sum(1 for row in rows if row.post_test_result == PostTestResult.PASSED)
    certificates = Certificate.objects.filter(event=event).aggregate(
        valid=Count("pk", filter=Q(revoked_at__isnull=True)),
        revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
    )
    return ResultsSection(
        post_test_taken=taken,
        post_test_passed=passed,
        pass_rate=round_or_none(Fraction(100 * passed, taken) if taken else None),
        pre_test=ScoreFigures.of([r.pre_test for r in rows if r.pre_test is not None]),
        post_test=ScoreFigures.of(
            [r.post_test for r in rows if r.post_test is not None]
        ),
        certificates_valid=certificates["valid"],
        certificates_revoked=certificates["revoked"],
    )
