"""Checking participants in at the hall: the rotating QR code and the check-in rules.

The hall screen shows a QR code whose token changes every 30 seconds, so a
photo of it sent to a friend at home stops working within a minute. The token
is an HMAC of the event id and the 30-second window number, keyed from
``SECRET_KEY``: nothing is stored, every app server computes the same token,
and a token for one event says nothing about another's. A scan is accepted
with the current token and the previous window's, so that a participant who
scans just as the code changes is not turned away.

Every function takes an explicit ``now`` (defaulting to the clock) so that tests
control time.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.events.models import CheckIn, Enrolment, EventPage
from lms.events.models.events import CODE_ALPHABET
from lms.events.signals import event_step_done

WINDOW_SECONDS = 30
TOKEN_LENGTH = 6
# The hall opens its doors before the first session; registration desks
# start about two hours early.
OPENS_BEFORE_START = datetime.timedelta(hours=2)
# Organisers may copy the paper sheet in after the day, but not months later.
MANUAL_GRACE_AFTER_END = datetime.timedelta(days=7)
# A participant who scans while logged out logs in first (perhaps for the first
# time, with a one-time password to change); the code they scanned stays good
# for them this long, so that logging in does not make it expire.
SCAN_GRACE = datetime.timedelta(minutes=15)
SCANS_SESSION_KEY = "lms_check_in_scans"
_TOKEN_SALT = "lms.events.attendance.check_in_token"


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


# Tokens ---------------------------------------------------------------------


def window_number(now: datetime.datetime) -> int:
    """Which 30-second window ``now`` falls in, counted from the Unix epoch."""
    return int(now.timestamp()) // WINDOW_SECONDS


def seconds_until_change(now: datetime.datetime) -> float:
    """How long the current token has left on the hall screen."""
    return WINDOW_SECONDS - now.timestamp() % WINDOW_SECONDS


def token_for_window(*, event_id: int, window: int) -> str:
    """The token of ``event_id`` in ``window``: six characters that are easy to type.

    The alphabet is the registration code's (no 0/O or 1/I/L), so a participant
    whose camera fails can type the code shown under the QR. Six characters
    from 31 give about 30 bits: guessing one of the two live tokens in the
    minute they live is out of reach.
    """
    digest = salted_hmac(
        _TOKEN_SALT, f"{event_id}:{window}", algorithm="sha256"
    ).digest()
    number = int.from_bytes(digest[:8], "big")
    characters = []
    for _position in range(TOKEN_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        characters.append(CODE_ALPHABET[index])
    return "".join(characters)


def current_token(*, event_id: int, now: datetime.datetime | None = None) -> str:
    """The token the hall screen shows now."""
    now = now or timezone.now()
    return token_for_window(event_id=event_id, window=window_number(now))


def token_is_valid(
    *, event_id: int, token: str, now: datetime.datetime | None = None
) -> bool:
    """Whether ``token`` is this window's or the previous one's for ``event_id``.

    Typed codes are accepted in any case and with stray spaces.
    """
    now = now or timezone.now()
    typed = "".join((token or "").split()).upper()
    if len(typed) != TOKEN_LENGTH:
        return False
    window = window_number(now)
    return any(
        constant_time_compare(typed, token_for_window(event_id=event_id, window=w))
        for w in (window, window - 1)
    )


def accept_scanned_token(
    session, *, event_id: int, token: str, now: datetime.datetime | None = None
) -> bool:
    """Whether the token in a scan URL is good for this visitor.

    A valid token is remembered in the session for ``SCAN_GRACE``: the login
    page and the confirmation button both sit between the scan and the
    check-in, and a participant should not have to scan again because they took
    a minute to type their password. Only a token that was valid when this
    session presented it is remembered, so an old photo still gets nothing.
    """
    now = now or timezone.now()
    scans = session.get(SCANS_SESSION_KEY, {})
    key = str(event_id)
    if token_is_valid(event_id=event_id, token=token, now=now):
        remembered = scans.get(key)
        if not remembered or remembered["token"] != token:
            scans[key] = {"token": token, "at": now.isoformat()}
            session[SCANS_SESSION_KEY] = scans
        return True
    remembered = scans.get(key)
    return bool(
        remembered
        and remembered["token"] == token
        and now - datetime.datetime.fromisoformat(remembered["at"]) <= SCAN_GRACE
    )


def scan_url(*, event_id: int, token: str) -> str:
    """The full address the hall screen's QR code carries."""
    return settings.SITE_URL + reverse("event_check_in", args=[event_id, token])


# Rules ----------------------------------------------------------------------


def check_in_opens_at(event: EventPage) -> datetime.datetime:
    return event.starts_at - OPENS_BEFORE_START


def check_in_closes_at(event: EventPage, *, method: str) -> datetime.datetime:
    """Scanning stops when the event ends; organisers may copy in the paper sheet later."""
    if method == CheckIn.Method.MANUAL:
        return event.ends_at + MANUAL_GRACE_AFTER_END
    return event.ends_at


def _at(moment: datetime.datetime) -> dict:
    """A moment as the messages print it: "06.00" and "Rabu, 25 September 2030"."""
    local = timezone.localtime(moment)
    return {
        "time": formats.time_format(local, "H.i"),
        "date": formats.date_format(local, "l, j F Y"),
    }


@dataclass(frozen=True)
class CheckInWindow:
    """When one way of checking in (scan or by hand) is accepted, seen at ``now``.

    The one place that decides, so that the hall screen shows its QR code and
    the attendance page its form exactly while a check-in would be accepted,
    and otherwise say why not, in the words a refused check-in would use.
    """

    method: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    now: datetime.datetime

    @property
    def not_open_yet(self) -> bool:
        return self.now < self.opens_at

    @property
    def has_closed(self) -> bool:
        return self.now > self.closes_at

    @property
    def is_open(self) -> bool:
        return not (self.not_open_yet or self.has_closed)

    def why_not_open(self) -> str:
        """Why a check-in is refused now, with the window's dates ("" while open)."""
        if self.not_open_yet:
            return _("Check-in opens at %(time)s on %(date)s.") % _at(self.opens_at)
        if not self.has_closed:
            return ""
        if self.method == CheckIn.Method.MANUAL:
            return _(
                "Attendance can be recorded by hand up to 7 days after the event, "
                "until %(time)s on %(date)s; that time has passed."
            ) % _at(self.closes_at)
        return _(
            "Check-in for this event has closed: it ended at %(time)s on %(date)s."
        ) % _at(self.closes_at)


def check_in_window(
    event: EventPage, *, method: str, now: datetime.datetime | None = None
) -> CheckInWindow:
    """The window of ``method`` at ``event``: opens two hours before the start."""
    return CheckInWindow(
        method=method,
        opens_at=check_in_opens_at(event),
        closes_at=check_in_closes_at(event, method=method),
        now=now or timezone.now(),
    )


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


# What organisers see ---------------------------------------------------------


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
