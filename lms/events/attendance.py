"""Checking participants in at the hall: the rotating QR code and the check-in rules.

The hall screen shows a QR code whose token changes every 30 seconds, so a
photo of it sent to a friend at home stops working within a minute. The token
is an HMAC of the event id and the 30-second window number, keyed from
``SECRET_KEY``: nothing is stored, every app server computes the same token,
and a token for one event says nothing about another's. A scan is accepted
with the current token and the previous window's, so that a participant who
scans just as the code changes is not turned away. The rules say when each
way of checking in (scan or by hand) is open.

This module only decides; recording a check-in is :mod:`lms.events.check_ins`,
and what organisers see of attendance is :mod:`lms.events.roster`.

Every function takes an explicit ``now`` (defaulting to the clock) so that tests
control time.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from lms.events.models import CheckIn, EventPage
from lms.events.models.events import CODE_ALPHABET

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
# The HMAC salt. It names the module the tokens were first made in; changing it
# would change every token, so it stays as it is.
_TOKEN_SALT = "lms.attendance.check_in_token"


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
