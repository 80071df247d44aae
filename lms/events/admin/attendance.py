"""Attendance in the admin: the hall screen, who is in, and the daftar hadir.

Mounted at ``/admin/kegiatan/<event_id>/kehadiran/``. Every page is built from
:func:`lms.events.roster.attendance_roster` or :func:`hall_screen_state`, so the
number of queries does not grow with the number of participants. The list of
who is in, with the manual check-in form, is ``attendance_listing.py``.
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import path
from django.utils import translation
from django.utils.text import slugify
from django.views.decorators.cache import never_cache

from lms.core.pdf import render_pdf
from lms.core.qr import qr_svg_data_uri
from lms.events.admin.access import event_admin_view
from lms.events.admin.attendance_listing import AttendanceView, count_text
from lms.events.attendance import check_in_window
from lms.events.models import CheckIn
from lms.events.roster import (
    ScreenState,
    attendance_roster,
    hall_counts,
    hall_screen_state,
)

# The projector page reloads itself this often when JavaScript is off; well
# inside a token's life (30 to 60 seconds), and often enough for the count.
SCREEN_META_REFRESH_SECONDS = 10
# Before check-in opens the screen has no code and no script; it reloads itself
# this often, so that a screen set up early shows the code soon after opening.
SCREEN_WAITING_REFRESH_SECONDS = 30


def _screen_data(state: ScreenState) -> dict:
    """What the hall screen shows, as the page and its JSON endpoint both need it."""
    return {
        "open": True,
        "token": state.token,
        "scan_url": state.scan_url,
        # The address without its scheme or the token, for typing into a
        # phone's browser; the screen prints the token after it, in bold.
        # It breaks across lines only after a slash, never inside a word.
        "typed_segments": [
            f"{segment}/"
            for segment in state.scan_url.split("://", 1)[-1]
            .removesuffix(f"{state.token}/")
            .rstrip("/")
            .split("/")
        ],
        "qr": qr_svg_data_uri(state.scan_url, scale=10),
        "checked_in": state.checked_in,
        "enrolled": state.enrolled,
        "count_text": count_text(state.checked_in, state.enrolled),
        "seconds_left": round(state.seconds_left, 1),
    }


@never_cache
@event_admin_view
def check_in_screen(request, event):
    """The projector page: title, a big QR code, the code to type, the live count.

    Outside the scanning window there is no code to show: the page says when
    check-in opens, or that it has closed and when, with the count.
    """
    window = check_in_window(event, method=CheckIn.Method.QR)
    context = {"event": event, "window": window}
    if window.is_open:
        context["screen"] = _screen_data(hall_screen_state(event))
        context["meta_refresh_seconds"] = SCREEN_META_REFRESH_SECONDS
    else:
        context["closed_text"] = window.why_not_open()
        context["count_text"] = count_text(*hall_counts(event))
        if window.not_open_yet:
            context["meta_refresh_seconds"] = SCREEN_WAITING_REFRESH_SECONDS
    return render(request, "lms/event_admin/check_in_screen.html", context)


@never_cache
@event_admin_view
def check_in_screen_state(request, event):
    """The hall screen's current code and count, polled by check_in_screen.js.

    Only ``{"open": false}`` once scanning has closed: the script then reloads
    the page, which says so.
    """
    if not check_in_window(event, method=CheckIn.Method.QR).is_open:
        return JsonResponse({"open": False})
    return JsonResponse(_screen_data(hall_screen_state(event)))


@event_admin_view
def attendance_sheet(request, event):
    """The daftar hadir, for signing in the hall and for the accountability report.

    Always in Bahasa Indonesia: it is filed with Indonesian government reports,
    whatever language the organiser reads the admin in.
    """
    roster = attendance_roster(event)
    with translation.override("id"):
        pdf = render_pdf(
            "lms/pdf/attendance_sheet.html",
            {
                "event": event,
                "organiser": event.organiser,
                "roster": roster,
                "count_text": count_text(
                    sum(1 for row in roster if row.check_in), len(roster)
                ),
            },
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"daftar-hadir-{slugify(event.title)[:60]}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


urlpatterns = [
    path("", event_admin_view(AttendanceView.as_view()), name="attendance"),
    path(
        "rows/",
        event_admin_view(
            AttendanceView.as_view(results_only=True, http_method_names=["get"])
        ),
        name="attendance_rows",
    ),
    path("layar/", check_in_screen, name="check_in_screen"),
    path("layar/status/", check_in_screen_state, name="check_in_screen_state"),
    path("daftar-hadir.pdf", attendance_sheet, name="attendance_sheet"),
]
