"""The admin's side of reports: a quiz's item analysis and results pages and the
buttons to them from the quiz's page (``lms/reports/item_admin.py``,
``lms/reports/quiz_results_view.py``), and the read-only record listings
(``lms/reports/registers.py``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from lms.reports import item_admin, quiz_results_view
from lms.reports.registers import RecordsGroup
from quizzes.models import QuizPage


@hooks.register("register_admin_urls")
def report_urls():
    """Reports live under /admin/laporan/."""
    return [
        path(
            "laporan/",
            include(
                (
                    item_admin.urlpatterns + quiz_results_view.urlpatterns,
                    "lms_reports",
                )
            ),
        )
    ]


@hooks.register("register_page_header_buttons")
def quiz_report_buttons(page, user, *args, **kwargs):
    """From a quiz's page in the admin, to how its questions and participants did."""
    if isinstance(page.specific_deferred, QuizPage) and item_admin.may_see_quiz_reports(
        user, page
    ):
        yield Button(
            _("Item analysis"),
            reverse("lms_reports:quiz_items", args=[page.pk]),
            icon_name="tasks",
            priority=23,
        )
        yield Button(
            _("Quiz results"),
            reverse("lms_reports:quiz_results", args=[page.pk]),
            icon_name="table",
            priority=24,
        )


@hooks.register("register_admin_viewset")
def record_listings():
    """Attempts, enrolments, check-ins and certificates under "Records"."""
    return RecordsGroup()
