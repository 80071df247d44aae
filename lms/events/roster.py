"""What organisers see of attendance: the roster and the hall screen's state.

The attendance page, the manual check-in form and the daftar hadir are built
from :func:`attendance_roster`; the hall screen polls :func:`hall_screen_state`.
Both read in a fixed number of queries, however many are enrolled.
"""

import datetime
from dataclasses import dataclass

from django.db.models.functions import Lower
from django.utils import timezone

from lms.accounts.models import User
from lms.events.attendance import current_token, scan_url, seconds_until_change
from lms.events.models import CheckIn, Enrolment, EventPage


@dataclass(frozen=True)
class RosterRow:
    participant: User
    check_in: CheckIn | None


def attendance_roster(event: EventPage) -> list[RosterRow]:
    """Every enrolled participant, by name, with their check-in or ``None``.

    Two queries however many are enrolled: the list, the manual check-in form
    and the daftar hadir are built from it.
    """
    participants = (
        User.objects.filter(enrolments__event=event)
        .order_by(Lower("full_name"), "username")
        .only(
            "pk",
            "username",
            "full_name",
            "institution_type",
            "position",
            "rt",
            "rw",
            "kelurahan",
        )
    )
    check_ins = {
        record.user_id: record
        for record in CheckIn.objects.filter(event=event).select_related("recorded_by")
    }
    return [RosterRow(p, check_ins.get(p.pk)) for p in participants]


@dataclass(frozen=True)
class ScreenState:
    """What the hall screen shows at one moment."""

    token: str
    scan_url: str
    seconds_left: float
    checked_in: int
    enrolled: int


def hall_counts(event: EventPage) -> tuple[int, int]:
    """(checked in, enrolled) for "n of m participants checked in". Two queries.

    Counts only check-ins of participants still enrolled, so that n never
    exceeds m after an organiser removes someone.
    """
    checked_in = CheckIn.objects.filter(
        event=event, user__enrolments__event=event
    ).count()
    return checked_in, Enrolment.objects.filter(event=event).count()


def hall_screen_state(
    event: EventPage, *, now: datetime.datetime | None = None
) -> ScreenState:
    """The current code and the live count (:func:`hall_counts`)."""
    now = now or timezone.now()
    token = current_token(event_id=event.pk, now=now)
    checked_in, enrolled = hall_counts(event)
    return ScreenState(
        token=token,
        scan_url=scan_url(event_id=event.pk, token=token),
        seconds_left=seconds_until_change(now),
        checked_in=checked_in,
        enrolled=enrolled,
    )
