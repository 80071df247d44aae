"""Recording check-ins: the one way a check-in is written, and the refusals.

Scans and organisers go through :func:`check_in`, so the same rules hold for
both (enrolled participants only, within the opening hours of
:mod:`lms.events.attendance`, a reason when recorded by hand). The scan page
asks :func:`review_scan` first, to show what pressing the button would do.

Every function takes an explicit ``now`` (defaulting to the clock) so that tests
control time.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.core.audit import log_audit
from lms.events import audit
from lms.events.attendance import check_in_window
from lms.events.models import CheckIn, Enrolment, EventPage
from lms.events.signals import event_step_done


class CheckInRefused(Exception):
    """A check-in that cannot happen, with a message for the person trying."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotEnrolled(CheckInRefused):
    def __init__(self):
        super().__init__(
            _("Only participants enrolled in this event can be checked in.")
        )


class CodeExpired(CheckInRefused):
    def __init__(self):
        super().__init__(
            _("This QR code has expired. Scan the one on the screen again.")
        )


class ReasonRequired(CheckInRefused):
    def __init__(self):
        super().__init__(_("Say why this is recorded by hand."))


class CheckInClosed(CheckInRefused):
    """Too early or too late; the message says when check-in opens or that it closed."""


def _require_open(event: EventPage, *, method: str, now: datetime.datetime) -> None:
    window = check_in_window(event, method=method, now=now)
    if not window.is_open:
        raise CheckInClosed(window.why_not_open())


def _require_enrolled(event: EventPage, user: User) -> None:
    if not Enrolment.objects.filter(event=event, user=user).exists():
        raise NotEnrolled()


def existing_check_in(*, event: EventPage, user: User) -> CheckIn | None:
    """The participant's check-in at ``event``, if they have one."""
    if not user.is_authenticated:
        return None
    return CheckIn.objects.filter(event=event, user=user).first()


# Services -------------------------------------------------------------------


@transaction.atomic
def check_in(
    *,
    event: EventPage,
    user: User,
    method: str,
    reason: str = "",
    recorded_by: User | None = None,
    now: datetime.datetime | None = None,
) -> tuple[CheckIn, bool]:
    """Records that ``user`` is in the hall. Returns (check-in, created).

    The one way a check-in is written, for scans and organisers alike, so that
    the same rules hold for both: enrolled participants only, within the
    opening hours of ``method``, a reason when recorded by hand. Checking in
    twice keeps the first time (the daftar hadir shows when they arrived), and
    two scans racing each other yield one row: the unique constraint decides
    and the loser returns the winner's row.
    """
    now = now or timezone.now()
    method = CheckIn.Method(method)
    reason = reason.strip()
    if method == CheckIn.Method.MANUAL and not reason:
        raise ReasonRequired()
    existing = existing_check_in(event=event, user=user)
    if existing is not None:
        return existing, False
    _require_enrolled(event, user)
    _require_open(event, method=method, now=now)
    record = CheckIn(
        event=event,
        user=user,
        method=method,
        reason=reason,
        recorded_by=recorded_by,
        checked_in_at=now,
    )
    # Uniqueness is left to the database below: checking it here would race.
    record.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:  # the same participant's other scan got there first
        return CheckIn.objects.get(event=event, user=user), False
    if method == CheckIn.Method.MANUAL:
        log_audit(
            record,
            audit.MANUAL_CHECK_IN,
            by=recorded_by,
            title=f"{user} · {event.title}",
            participant=str(user),
            reason=reason,
        )
    event_step_done.send(sender=CheckIn, event_id=event.pk, user_id=user.pk)
    return record, True


def review_scan(
    *,
    event: EventPage,
    user: User,
    token_accepted: bool,
    now: datetime.datetime | None = None,
) -> CheckIn | None:
    """What a scan would do, without doing it: the page before the button.

    Returns the participant's existing check-in (a second scan only reminds
    them when they arrived), ``None`` when pressing the button would check them
    in, or raises the refusal pressing it would meet. Enrolment comes before the
    code: someone who is not enrolled is helped most by being told so.
    """
    now = now or timezone.now()
    existing = existing_check_in(event=event, user=user)
    if existing is not None:
        return existing
    _require_enrolled(event, user)
    if not token_accepted:
        raise CodeExpired()
    _require_open(event, method=CheckIn.Method.QR, now=now)
    return None


@transaction.atomic
def check_in_by_scan(
    *,
    event: EventPage,
    user: User,
    token_accepted: bool,
    now: datetime.datetime | None = None,
) -> tuple[CheckIn, bool]:
    """Checks in the participant who scanned the hall screen and pressed the button.

    ``token_accepted`` comes from :func:`accept_scanned_token`; the refusals
    are those of :func:`review_scan`, in the same order.
    """
    now = now or timezone.now()
    existing = review_scan(
        event=event, user=user, token_accepted=token_accepted, now=now
    )
    if existing is not None:
        return existing, False
    return check_in(event=event, user=user, method=CheckIn.Method.QR, now=now)
