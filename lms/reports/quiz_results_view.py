"""One quiz's results in the admin, at ``/admin/laporan/kuis/<quiz_id>/hasil/``.

Who sees it is the item analysis's rule (``item_admin.may_see_quiz_reports``):
organisers every quiz, a speaker the quizzes they may edit (promise 10,
docs/architecture.md). The rows come from ``lms.reports.quiz_results``; filters
on who the participant is run in the database, the "passed" filter on the
worked-out rows, and the summary counts the filtered rows of every page. The
spreadsheet has the screen's columns, its text cells safe from formula
injection (``lms/core/spreadsheets.py``) and its times in the site's time zone.
"""

import datetime

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from lms.accounts.models import User
from lms.core.reference import KELURAHAN_CHOICES, InstitutionType
from lms.core.spreadsheets import FormulaSafeExportMixin
from lms.reports.item_admin import may_see_quiz_reports, quiz_breadcrumbs
from lms.reports.quiz_results import quiz_results, summarise_quiz_results

# Filters the worked-out rows, not the participants' query.
from lms.reports.results_view import Completion as RowFilter
from quizzes.models import QuizPage

# Not the event results' "Result", which is the post-test's: this is any quiz's.
RESULT = pgettext_lazy("one quiz's result", "Result")


class QuizResultFilterSet(WagtailFilterSet):
    kelurahan = django_filters.ChoiceFilter(
        label=_("Kelurahan"), choices=KELURAHAN_CHOICES
    )
    institution_type = django_filters.ChoiceFilter(
        label=_("Institution"), choices=InstitutionType.choices
    )

    class Meta:
        model = User
        fields = ["kelurahan", "institution_type"]


class PassingQuizResultFilterSet(QuizResultFilterSet):
    """For a quiz that calls results passed or not: every quiz but a pre-test."""

    passed = RowFilter(
        label=RESULT,
        choices=[("passed", _("Passed")), ("failed", _("Not passed"))],
    )


def _local(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


SORT_KEYS = {
    "name": lambda row: row.participant.full_name.casefold(),
    "institution": lambda row: row.participant.get_institution_type_display(),
    "kelurahan": lambda row: row.participant.kelurahan,
    "grade": lambda row: row.grade,
    "attempts": lambda row: row.submitted_attempts,
    "last_submitted": lambda row: row.last_submitted_at,
}


class QuizResultsView(FormulaSafeExportMixin, ReportView):
    """The results table of one quiz, with its summary."""

    page_title = _("Quiz results")
    template_name = "lms/reports/quiz_results.html"
    results_template_name = "lms/reports/quiz_results_rows.html"
    header_icon = "table"
    default_ordering = "name"
    paginate_by = 100
    export_headings = {
        "participant.full_name": _("Name"),
        "participant.get_institution_type_display": _("Institution"),
        "participant.kelurahan": _("Kelurahan"),
        "grade": _("Score (%)"),
        "submitted_attempts": _("Attempts"),
        "result_text": RESULT,
        "last_submitted_at": _("Last submitted"),
    }
    # Wagtail writes an XLSX time in UTC; organisers read Jakarta's.
    custom_value_preprocess = {
        datetime.datetime: {
            ReportView.FORMAT_XLSX: lambda value: timezone.make_naive(value),
            ReportView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime(
                "%Y-%m-%d %H:%M"
            ),
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_quiz_reports(request.user, self.quiz):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def quiz(self) -> QuizPage:
        return get_object_or_404(QuizPage, pk=self.kwargs["quiz_id"])

    @property
    def filterset_class(self):
        if self.quiz.decides_passing:
            return PassingQuizResultFilterSet
        return QuizResultFilterSet

    @cached_property
    def columns(self):
        columns = [
            Column(
                "name", _("Name"), accessor="participant.full_name", sort_key="name"
            ),
            Column(
                "institution",
                _("Institution"),
                accessor="participant.get_institution_type_display",
                sort_key="institution",
            ),
            Column(
                "kelurahan",
                _("Kelurahan"),
                accessor="participant.kelurahan",
                sort_key="kelurahan",
            ),
            Column(
                "grade",
                _("Score"),
                accessor=lambda row: formats.number_format(row.grade),
                sort_key="grade",
            ),
            Column(
                "attempts",
                _("Attempts"),
                accessor="submitted_attempts",
                sort_key="attempts",
            ),
            Column("result", RESULT, accessor="result_text"),
            Column(
                "last_submitted",
                _("Last submitted"),
                accessor=lambda row: _local(row.last_submitted_at),
                sort_key="last_submitted",
            ),
        ]
        if not self.quiz.decides_passing:
            columns = [c for c in columns if c.name != "result"]
        return columns

    @cached_property
    def list_export(self):
        fields = [
            "participant.full_name",
            "participant.get_institution_type_display",
            "participant.kelurahan",
            "grade",
            "submitted_attempts",
            "result_text",
            "last_submitted_at",
        ]
        if not self.quiz.decides_passing:
            fields.remove("result_text")
        return fields

    def get_page_title(self):
        return f"{self.page_title}: {self.quiz.title}"

    def get_filename(self):
        return f"hasil-kuis-{self.quiz.slug}"

    def get_index_url(self):
        return reverse("lms_reports:quiz_results", args=[self.quiz.pk])

    def get_index_results_url(self):
        return reverse("lms_reports:quiz_results_rows", args=[self.quiz.pk])

    def get_breadcrumbs_items(self):
        return quiz_breadcrumbs(self.quiz, self.page_title)

    def get_filtered_queryset(self):
        # The rows are filtered as they are made (get_queryset), not afterwards.
        return self.get_queryset()

    def get_queryset(self):
        users = self.filter_queryset(User.objects.all()) if self.is_filtering else None
        rows = [row for row in quiz_results(self.quiz, users) if self._keeps(row)]
        key, descending = self.ordering.lstrip("-"), self.ordering.startswith("-")
        # Ties (the same score, the same kelurahan) in name order, whichever way.
        rows.sort(key=SORT_KEYS["name"])
        return sorted(rows, key=SORT_KEYS[key], reverse=descending)

    def _keeps(self, row) -> bool:
        chosen = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        wanted = chosen.get("passed")
        return not wanted or row.passed == (wanted == "passed")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["quiz"] = self.quiz
            context["summary"] = summarise_quiz_results(
                self.object_list, decides_passing=self.quiz.decides_passing
            )
            context["item_analysis_url"] = reverse(
                "lms_reports:quiz_items", args=[self.quiz.pk]
            )
        return context


urlpatterns = [
    path("kuis/<int:quiz_id>/hasil/", QuizResultsView.as_view(), name="quiz_results"),
    path(
        "kuis/<int:quiz_id>/hasil/rows/",
        QuizResultsView.as_view(results_only=True),
        name="quiz_results_rows",
    ),
]
