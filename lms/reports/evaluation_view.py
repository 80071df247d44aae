"""The event's evaluation in the admin: the numbers, the chart, the comments, and
every response as CSV or XLSX (``?export=csv`` / ``?export=xlsx``).

Organisers only (``can_run_events``). Nothing on the page or in the downloads
says who answered what: the rows hold the answers alone, in the order they
came in, without names or times (docs/reports.md, "Evaluation").
"""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from lms.core.spreadsheets import FormulaSafeExportMixin
from lms.events.admin.access import can_run_events
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.evaluation_form import LIKERT_LEVELS
from lms.events.models import EventPage
from lms.reports.charts.likert import likert_chart
from lms.reports.evaluation import EvaluationSummary
from lms.reports.evaluation_data import (
    evaluation_answers,
    evaluation_summary,
    evaluation_table,
)


def evaluation_chart(summary: EvaluationSummary, *, id_prefix="evaluation"):
    """Every agreement question (and speaker) of ``summary`` as one stacked bar."""
    return likert_chart(
        [(item.label, item.counts) for item in summary.likert],
        levels=[str(label) for _value, label in LIKERT_LEVELS],
        title=_("How participants rated the event"),
        id_prefix=id_prefix,
    )


class EvaluationReportView(
    FormulaSafeExportMixin, SpreadsheetExportMixin, TemplateView
):
    """``/admin/kegiatan/<id>/evaluasi/``: the report, or its download."""

    template_name = "lms/reports/evaluation.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_run_events(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def event(self) -> EventPage:
        return get_object_or_404(EventPage, pk=self.kwargs["event_id"])

    def get(self, request, *args, **kwargs):
        if self.is_export:
            return self._download(request.GET["export"])
        return super().get(request, *args, **kwargs)

    def _download(self, spreadsheet_format):
        answers = evaluation_answers(self.event)
        columns, rows = evaluation_table(answers) if answers else ([], [])
        self.list_export = [key for key, _heading in columns]
        self.export_headings = dict(columns)
        return self.as_spreadsheet(rows, spreadsheet_format)

    def to_row_dict(self, item):
        return item

    def get_filename(self):
        return f"evaluasi-{self.event.slug}"

    def get_context_data(self, **kwargs):
        summary = evaluation_summary(self.event)
        here = _("Evaluation")
        event_url = reverse("lms_event_admin:evaluation", args=[self.event.pk])
        return {
            **super().get_context_data(**kwargs),
            "event": self.event,
            "summary": summary,
            "chart": evaluation_chart(summary) if summary else None,
            "levels": [label for _value, label in LIKERT_LEVELS],
            "csv_url": f"{event_url}?export=csv",
            "xlsx_url": f"{event_url}?export=xlsx",
            "add_url": reverse(
                "wagtailadmin_pages:add", args=["lms", "evaluationpage", self.event.pk]
            ),
            "header_title": f"{here}: {self.event.title}",
            "breadcrumbs_items": event_breadcrumbs(
                self.event, {"url": "", "label": here}
            ),
        }


urlpatterns = [path("", EvaluationReportView.as_view(), name="evaluation")]
