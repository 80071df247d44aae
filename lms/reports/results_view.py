"""The event's results in the admin: Wagtail's report view, filters and CSV/XLSX.

One row per enrolled participant (``lms.reports.results``). Filters on who the
participant is run in the database; filters on how they did run on the rows,
which are worked out in a fixed number of queries anyway. The spreadsheet has
the same rows and columns as the screen, with every text cell made safe from
formula injection (``lms/core/spreadsheets.py``).
"""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from lms.accounts.models import User
from lms.core.reference import KELURAHAN_CHOICES, InstitutionType
from lms.core.spreadsheets import FormulaSafeExportMixin
from lms.events.admin.access import can_run_events
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.models import EventPage
from lms.reports.results import PostTestResult, enrolled_participants, event_results


class Completion(django_filters.ChoiceFilter):
    """Filters applied to the worked-out rows, not to the participants' query."""

    def filter(self, qs, value):
        return qs


class ResultFilterSet(WagtailFilterSet):
    kelurahan = django_filters.ChoiceFilter(
        label=_("Kelurahan"), choices=KELURAHAN_CHOICES
    )
    institution_type = django_filters.ChoiceFilter(
        label=_("Institution"), choices=InstitutionType.choices
    )
    post_test = Completion(label=_("Post-test"), choices=PostTestResult.choices)
    completion = Completion(
        label=_("Completion"),
        choices=[("complete", _("Complete")), ("incomplete", _("Not complete"))],
    )

    class Meta:
        model = User
        fields = ["kelurahan", "institution_type"]


def _score(value):
    return "" if value is None else formats.number_format(value, decimal_pos=None)


SORT_KEYS = {
    "name": lambda row: (row.participant.full_name.casefold(), row.participant.pk),
    "kelurahan": lambda row: (row.participant.kelurahan, row.participant.full_name),
    "pre_test": lambda row: (row.pre_test is None, row.pre_test or 0),
    "post_test": lambda row: (row.post_test is None, row.post_test or 0),
    "gain": lambda row: (row.gain is None, row.gain or 0),
}


class EventResultsView(FormulaSafeExportMixin, ReportView):
    """``/admin/kegiatan/<id>/hasil/``: the results table of one event."""

    page_title = _("Results")
    template_name = "lms/reports/results.html"
    results_template_name = "lms/reports/results_rows.html"
    header_icon = "table"
    filterset_class = ResultFilterSet
    default_ordering = "name"
    paginate_by = 100
    columns = [
        Column("name", _("Name"), accessor="participant.full_name", sort_key="name"),
        Column(
            "kelurahan",
            _("Kelurahan"),
            accessor="participant.kelurahan",
            sort_key="kelurahan",
        ),
        Column(
            "pre_test",
            _("Pre-test"),
            accessor=lambda row: _score(row.pre_test),
            sort_key="pre_test",
        ),
        Column(
            "post_test",
            _("Post-test"),
            accessor=lambda row: _score(row.post_test),
            sort_key="post_test",
        ),
        Column(
            "gain", _("Gain"), accessor=lambda row: _score(row.gain), sort_key="gain"
        ),
        Column("result", _("Result"), accessor="post_test_result.label"),
        Column("certificate", _("Certificate"), accessor="certificate_number"),
        Column("attendance", _("Attendance"), accessor="attendance_text"),
        Column("pacts", _("Pact"), accessor="pacts_text"),
        Column("attempts", _("Attempts"), accessor="submitted_attempts"),
        Column(
            "institution",
            _("Institution"),
            accessor="participant.get_institution_type_display",
        ),
        Column("position", _("Position"), accessor="participant.position"),
    ]
    list_export = [
        "participant.full_name",
        "participant.kelurahan",
        "pre_test",
        "post_test",
        "gain",
        "post_test_result.label",
        "certificate_number",
        "attendance_text",
        "pacts_text",
        "submitted_attempts",
        "participant.get_institution_type_display",
        "participant.position",
    ]
    export_headings = {
        "participant.full_name": _("Name"),
        "participant.get_institution_type_display": _("Institution"),
        "participant.position": _("Position"),
        "participant.kelurahan": _("Kelurahan"),
        "attendance_text": _("Attendance"),
        "pacts_text": _("Pact"),
        "pre_test": _("Pre-test (%)"),
        "post_test": _("Post-test (%)"),
        "gain": _("Gain (points)"),
        "submitted_attempts": _("Attempts"),
        "post_test_result.label": _("Result"),
        "certificate_number": _("Certificate"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_run_events(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def event(self) -> EventPage:
        return get_object_or_404(EventPage, pk=self.kwargs["event_id"])

    def get_page_title(self):
        # The event's name on screen, not only in the collapsed breadcrumbs.
        return f"{self.page_title}: {self.event.title}"

    def get_filename(self):
        return f"hasil-{self.event.slug}"

    def get_index_url(self):
        return reverse("lms_event_admin:results", args=[self.event.pk])

    def get_index_results_url(self):
        return reverse("lms_event_admin:results_rows", args=[self.event.pk])

    def get_breadcrumbs_items(self):
        return event_breadcrumbs(self.event, {"url": "", "label": self.page_title})

    def get_filtered_queryset(self):
        # The rows are filtered as they are made (get_queryset), not afterwards.
        return self.get_queryset()

    def get_queryset(self):
        participants = self.filter_queryset(enrolled_participants(self.event))
        rows = [
            row for row in event_results(self.event, participants) if self._keeps(row)
        ]
        key, descending = self.ordering.lstrip("-"), self.ordering.startswith("-")
        return sorted(rows, key=SORT_KEYS[key], reverse=descending)

    def _keeps(self, row) -> bool:
        chosen = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        if chosen.get("post_test") and row.post_test_result != chosen["post_test"]:
            return False
        completion = chosen.get("completion")
        return not completion or row.complete == (completion == "complete")


urlpatterns = [
    path("", EventResultsView.as_view(), name="results"),
    path(
        "rows/",
        EventResultsView.as_view(results_only=True),
        name="results_rows",
    ),
]
