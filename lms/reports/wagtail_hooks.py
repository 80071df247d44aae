"""The admin's side of reports: the item analysis page of a quiz and the button
to it from the quiz's page (``lms/reports/item_admin.py``), and the read-only
record listings (``lms/reports/registers.py``)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from lms.reports import item_admin
from lms.reports.registers import RecordsGroup
from quizzes.models import QuizPage


@hooks.register("register_admin_urls")
def report_urls():
    """Reports live under /admin/laporan/."""
    return [path("laporan/", include((item_admin.urlpatterns, "lms_reports")))]


@hooks.register("register_page_header_buttons")
def item_analysis_button(page, user, *args, **kwargs):
    """From a quiz's page in the admin, to how its questions did."""
    if isinstance(
        page.specific_deferred, QuizPage
    ) and item_admin.may_see_item_analysis(user, page):
        yield Button(
            _("Item analysis"),
            reverse("lms_reports:quiz_items", args=[page.pk]),
            icon_name="tasks",
            priority=23,
        )


@hooks.register("register_admin_viewset")
def record_listings():
    """Attempts, enrolments, check-ins and certificates under "Records"."""
    return RecordsGroup()
