"""An event's results: one row per enrolled participant, read in a fixed number
of queries however many participants the event has (docs/reports.md).

The facts come from ``lms.events.standings`` (the same ones the organiser's
hub, the dashboard and certificate issuing judge from), so the report can
never disagree with them; this module adds who the participant is, the
learning gain and the certificate number.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.events.enrolment import enrolled_participants
from lms.events.models import EventPage
from lms.events.standings import EventTests, participant_standings


class PostTestResult(models.TextChoices):
    """How a participant's post-test went, as the report's filter names it."""

    PASSED = "passed", gettext_lazy("Passed")
    FAILED = "failed", gettext_lazy("Not passed")
    NOT_TAKEN = "not_taken", gettext_lazy("Not taken")


@dataclass(frozen=True)
class ResultRow:
    participant: User
    checked_in_at: datetime | None
    pacts_accepted: int
    pacts_required: int
    pre_test: Decimal | None
    post_test: Decimal | None
    submitted_attempts: int
    post_test_result: PostTestResult
    complete: bool
    certificate_number: str

    @property
    def gain(self) -> Decimal | None:
        """Post-test minus pre-test, in percentage points; None without both."""
        if self.pre_test is None or self.post_test is None:
            return None
        return self.post_test - self.pre_test

    @property
    def attendance_text(self) -> str:
        if self.checked_in_at is None:
            return _("Absent")
        moment = timezone.localtime(self.checked_in_at)
        return _("Present, %(time)s") % {"time": formats.time_format(moment, "H.i")}

    @property
    def pacts_text(self) -> str:
        """ "1 of 2", or a dash for an event that asks for no pact."""
        if not self.pacts_required:
            return "–"
        return _("%(accepted)d of %(required)d") % {
            "accepted": self.pacts_accepted,
            "required": self.pacts_required,
        }


def event_results(event: EventPage, participants=None) -> list[ResultRow]:
    """The report's rows for ``participants`` (default: everyone enrolled)."""
    participants = list(
        enrolled_participants(event) if participants is None else participants
    )
    tests = EventTests.of(event)
    rules, standings = participant_standings(
        event, [p.pk for p in participants], tests=tests
    )
    numbers = dict(
        Certificate.objects.valid()
        .filter(event=event, user__in=participants)
        .values_list("user_id", "number")
    )
    required_pacts = set(rules.required_pact_ids)
    rows = []
    for participant in participants:
        standing = standings[participant.pk]
        record = standing.record
        rows.append(
            ResultRow(
                participant=participant,
                checked_in_at=standing.checked_in_at,
                pacts_accepted=len(record.accepted_pact_ids & required_pacts),
                pacts_required=len(required_pacts),
                pre_test=standing.pre_test_grade,
                post_test=standing.post_test_grade,
                submitted_attempts=standing.submitted_attempts,
                post_test_result=_post_test_result(record),
                complete=standing.outcome.complete,
                certificate_number=numbers.get(participant.pk, ""),
            )
        )
    return rows


def _post_test_result(record) -> PostTestResult:
    if record.post_test_passed:
        return PostTestResult.PASSED
    if record.post_test_attempted:
        return PostTestResult.FAILED
    return PostTestResult.NOT_TAKEN
