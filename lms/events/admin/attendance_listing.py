"""The attendance list (``/admin/kegiatan/<event_id>/kehadiran/``): who is checked in
(when, how, by whom) and who is not, with the form to check someone in by hand.

Wagtail's report view over the event's roster (``lms/events/roster.py``, two
queries however many are enrolled): filters, sorting, paging and CSV/XLSX with
the screen's columns. The manual check-in form sits above the table and posts
to the same address.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn

from lms.accounts.models import User
from lms.core.reference import KELURAHAN_CHOICES
from lms.events.admin.listings import (
    LocalTimeColumn,
    RowChoiceFilter,
    WorkedOutRowsListing,
)
from lms.events.attendance import check_in_window
from lms.events.check_ins import CheckInRefused, check_in
from lms.events.models import CheckIn
from lms.events.roster import RosterRow, attendance_roster


def count_text(checked_in: int, enrolled: int) -> str:
    """ "3 of 40 participants checked in": this list's, the hall screen's and the sheet's."""
    return ngettext(
        "%(checked_in)s of %(enrolled)s participant checked in",
        "%(checked_in)s of %(enrolled)s participants checked in",
        enrolled,
    ) % {"checked_in": checked_in, "enrolled": enrolled}


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


@dataclass(frozen=True)
class AttendanceRow:
    """One enrolled participant as the list and its spreadsheet show them."""

    name: str
    username: str
    institution: str
    position: str
    kelurahan: str
    checked_in: bool
    attendance: str
    checked_in_at: datetime.datetime | None
    method: str
    recorded_by: str
    reason: str

    @classmethod
    def of(cls, row: RosterRow) -> "AttendanceRow":
        person, record = row.participant, row.check_in
        return cls(
            name=person.full_name,
            username=person.username,
            institution=person.get_institution_type_display(),
            position=person.position,
            kelurahan=person.kelurahan,
            checked_in=record is not None,
            attendance=_("Checked in") if record else _("Not yet"),
            checked_in_at=record.checked_in_at if record else None,
            method=record.get_method_display() if record else "",
            recorded_by=(
                record.recorded_by.full_name if record and record.recorded_by else ""
            ),
            reason=record.reason if record else "",
        )


class AttendanceFilterSet(WagtailFilterSet):
    attendance = RowChoiceFilter(
        label=gettext_lazy("Attendance"),
        choices=[
            ("checked_in", gettext_lazy("Checked in")),
            ("not_yet", gettext_lazy("Not yet")),
        ],
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        keeps=lambda row, value: row.checked_in == (value == "checked_in"),
    )
    kelurahan = RowChoiceFilter(
        label=gettext_lazy("Kelurahan"),
        choices=KELURAHAN_CHOICES,
        keeps=lambda row, value: row.kelurahan == value,
    )

    class Meta:
        model = User
        fields = []


def _by_name(row: AttendanceRow) -> tuple:
    return (row.name.casefold(), row.username)


class AttendanceView(WorkedOutRowsListing):
    """Everyone enrolled, by name, with their check-in; and the manual form.

    The form is there only while a check-in by hand would be accepted; before
    and after, the page says when that is instead (a late POST changes nothing).
    """

    page_title = gettext_lazy("Attendance")
    header_icon = "check"
    template_name = "lms/event_admin/attendance.html"
    index_url_name = "lms_event_admin:attendance"
    export_filename = "kehadiran"
    filterset_class = AttendanceFilterSet
    default_ordering = "name"
    empty_message = gettext_lazy("Nobody is enrolled yet.")
    columns = [
        Column("name", gettext_lazy("Name"), sort_key="name"),
        Column("username", gettext_lazy("Username")),
        Column("institution", gettext_lazy("Institution")),
        Column("position", gettext_lazy("Position")),
        Column("kelurahan", gettext_lazy("Kelurahan"), sort_key="kelurahan"),
        StatusTagColumn(
            "attendance",
            label=gettext_lazy("Attendance"),
            primary=lambda row: row.checked_in,
        ),
        LocalTimeColumn(
            "checked_in_at", gettext_lazy("Checked in at"), sort_key="checked_in_at"
        ),
        Column("method", gettext_lazy("How")),
        Column("recorded_by", gettext_lazy("Recorded by")),
        Column("reason", gettext_lazy("Reason")),
    ]
    sort_keys = {
        "name": _by_name,
        "kelurahan": lambda row: (row.kelurahan, *_by_name(row)),
        "checked_in_at": lambda row: (
            (row.checked_in_at, *_by_name(row)) if row.checked_in else None
        ),
    }

    @cached_property
    def roster(self) -> list[RosterRow]:
        return attendance_roster(self.event)

    @cached_property
    def window(self):
        return check_in_window(self.event, method=CheckIn.Method.MANUAL)

    @cached_property
    def manual_form(self) -> ManualCheckInForm | None:
        if not self.window.is_open:
            return None
        data = self.request.POST if self.request.method == "POST" else None
        return ManualCheckInForm(data, roster=self.roster)

    def event_rows(self) -> list[AttendanceRow]:
        return [AttendanceRow.of(row) for row in self.roster]

    def post(self, request, *args, **kwargs):
        form = self.manual_form
        if form is not None and form.is_valid():
            participant = form.participants[form.cleaned_data["participant"]]
            try:
                check_in(
                    event=self.event,
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
                return redirect(self.index_url_name, self.event.pk)
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        checked_in = sum(1 for row in self.roster if row.check_in)
        return super().get_context_data(
            form=self.manual_form,
            closed_text=self.window.why_not_open(),
            count_text=count_text(checked_in, len(self.roster)),
            enrolled=bool(self.roster),
            **kwargs,
        )
