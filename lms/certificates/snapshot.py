"""What a certificate prints, frozen when it is issued.

The snapshot is stored with the certificate (``Certificate.snapshot``) and is
the only input of rendering besides the template, so the verification page,
bulk printing and a re-render all tell the same story as the issued PDF. Dates
are written in Indonesian whatever language the organiser's browser uses: the
certificate is an Indonesian document.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone, translation

INDONESIAN_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
INDONESIAN_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
SNAPSHOT_KEYS = (
    "name", "institution", "kelurahan", "event_title", "event_dates", "venue",
    "hours_jp", "score", "number", "issue_date", "verification_url",
)  # fmt: skip


def format_date_id(day: datetime.date, *, with_weekday: bool = False) -> str:
    """``27 September 2023``, or ``Rabu, 27 September 2023`` with the weekday."""
    text = f"{day.day} {INDONESIAN_MONTHS[day.month - 1]} {day.year}"
    return f"{INDONESIAN_DAYS[day.weekday()]}, {text}" if with_weekday else text


def format_date_range_id(first: datetime.date, last: datetime.date) -> str:
    """One day with its weekday; several days as ``27–28 September 2023``."""
    if last <= first:
        return format_date_id(first, with_weekday=True)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{format_date_id(last)}"
    if first.year == last.year:
        return (
            f"{first.day} {INDONESIAN_MONTHS[first.month - 1]} – {format_date_id(last)}"
        )
    return f"{format_date_id(first)} – {format_date_id(last)}"


def format_score(score: Decimal | None) -> str:
    """A percentage as printed: ``87``, or ``87,5`` (Indonesian decimal comma)."""
    if score is None:
        return ""
    rounded = Decimal(score).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return str(int(rounded))
    return str(rounded).replace(".", ",")


def institution_line(user) -> str:
    """Position and institution as printed, e.g. ``Ketua RT 005 · RT``."""
    with translation.override("id"):
        institution = str(user.get_institution_type_display())
    return " · ".join(part for part in (user.position.strip(), institution) if part)


def verification_url(code: str) -> str:
    """The public address printed on the certificate (``SITE_URL/v/<code>/``)."""
    return f"{settings.SITE_URL}/v/{code}/"


def build_snapshot(
    *,
    user,
    number: str,
    verification_code: str,
    issued_on: datetime.date,
    score: Decimal | None,
    event=None,
    quiz=None,
) -> dict:
    """The snapshot for ``user``'s certificate of ``event`` (or of ``quiz`` alone).

    A quiz certificate has no venue or hours; it is dated the day it is issued.
    """
    if event is not None:
        title = event.title
        dates = format_date_range_id(
            timezone.localtime(event.starts_at).date(),
            timezone.localtime(event.ends_at).date(),
        )
        venue, hours = event.venue, event.hours_jp
    else:
        title = quiz.title
        dates = format_date_id(issued_on, with_weekday=True)
        venue, hours = "", 0
    return {
        "name": user.full_name.strip() or user.username,
        "institution": institution_line(user),
        "kelurahan": user.kelurahan,
        "event_title": title,
        "event_dates": dates,
        "venue": venue,
        "hours_jp": hours,
        "score": format_score(score),
        "number": number,
        "issue_date": format_date_id(issued_on),
        "verification_url": verification_url(verification_code),
    }
