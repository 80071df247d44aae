"""Attendance in the admin: the hall screen, who is in, and the daftar hadir.

Mounted at ``/admin/kegiatan/<event_id>/kehadiran/``. Every page is built from
:func:`lms.events.roster.attendance_roster` or :func:`hall_screen_state`, so the
number of queries does not grow with the number of participants.
"""

from django import forms
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from wagtail.admin import messages

from lms.core.pdf import render_pdf
from lms.core.qr import qr_svg_data_uri
from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.attendance import check_in_window
from lms.events.check_ins import CheckInRefused, check_in
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


class ManualCheckInForm(forms.Form):
    """An organiser checks in an enrolled participant who cannot scan."""

    participant = forms.TypedChoiceField(
        label=gettext_lazy("Participant"),
        coerce=int,
        error_messages={
            "required": gettext_lazy("Choose the participant to check in."),
            "invalid_choice": gettext_lazy(
                "This participant is not enrolled or is already checked in."
            ),
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        help_text=gettext_lazy(
            "Goes into the accountability report, e.g. “phone battery flat” or "
            "“copied from the paper sheet”."
        ),
        error_messages={"required": gettext_lazy("Say why this is recorded by hand.")},
    )

    def __init__(self, *args, roster, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = {
            row.participant.pk: row.participant for row in roster if not row.check_in
        }
        self.fields["participant"].choices = [
            ("", _("Choose a participant")),
            *(
                (pk, f"{person.full_name} ({person.username})")
                for pk, person in self.participants.items()
            ),
        ]


@event_admin_view
def attendance_list(request, event):
    """Who is checked in (when, how, by whom) and who is not, with the manual form.

    The form is there only while a check-in by hand would be accepted; before
    and after, the page says when that is instead (a late POST changes nothing).
    """
    roster = attendance_roster(event)
    window = check_in_window(event, method=CheckIn.Method.MANUAL)
    form = None
    if window.is_open:
        form = ManualCheckInForm(
            request.POST if request.method == "POST" else None, roster=roster
        )
    if form is not None and form.is_valid():
        participant = form.participants[form.cleaned_data["participant"]]
        try:
            check_in(
                event=event,
                user=participant,
                method=CheckIn.Method.MANUAL,
                reason=form.cleaned_data["reason"],
                recorded_by=request.user,
            )
        except CheckInRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("%(name)s is checked in.") % {"name": participant.full_name},
            )
            return redirect("lms_event_admin:attendance", event.pk)
    checked_in = sum(1 for row in roster if row.check_in)
    return render(
        request,
        "lms/event_admin/attendance.html",
        {
            "event": event,
            "roster": roster,
            "form": form,
            "closed_text": window.why_not_open(),
            "count_text": _count_text(checked_in, len(roster)),
            "header_title": _("Attendance: %(event)s") % {"event": event.title},
            "breadcrumbs_items": event_breadcrumbs(
                event, {"url": "", "label": _("Attendance")}
            ),
        },
    )


def _count_text(checked_in: int, enrolled: int) -> str:
    return ngettext(
        "%(checked_in)s of %(enrolled)s participant checked in",
        "%(checked_in)s of %(enrolled)s participants checked in",
        enrolled,
    ) % {"checked_in": checked_in, "enrolled": enrolled}


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
        "count_text": _count_text(state.checked_in, state.enrolled),
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
        context["count_text"] = _count_text(*hall_counts(event))
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
                "count_text": _count_text(
                    sum(1 for row in roster if row.check_in), len(roster)
                ),
            },
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"daftar-hadir-{slugify(event.title)[:60]}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


urlpatterns = [
    path("", attendance_list, name="attendance"),
    path("layar/", check_in_screen, name="check_in_screen"),
    path("layar/status/", check_in_screen_state, name="check_in_screen_state"),
    path("daftar-hadir.pdf", attendance_sheet, name="attendance_sheet"),
]
