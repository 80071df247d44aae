"""The item analysis of one quiz in the admin, at ``/admin/laporan/kuis/<quiz_id>/``.

Organisers see every quiz; a speaker sees the quizzes they may edit, so each
organisation's speakers see their own (promise 10, docs/architecture.md); the
quiz's results page (``lms/reports/quiz_results_view.py``) asks the same. The
numbers come from ``lms.reports.item_data``; docs/reports.md explains them.
"""

from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from lms.events.admin.access import can_run_events
from lms.reports.charts import Guide, scatter
from lms.reports.item_data import QuizItemReport, quiz_item_analysis
from lms.reports.item_flags import (
    TOO_EASY_ABOVE,
    TOO_HARD_BELOW,
    WEAK_DISCRIMINATION_BELOW,
)
from quizzes.models import QuizPage


def may_see_quiz_reports(user, quiz) -> bool:
    """Who sees a quiz's item analysis and results: organisers, and whoever may
    edit the quiz's page."""
    return can_run_events(user) or quiz.permissions_for_user(user).can_edit()


def quiz_breadcrumbs(quiz, here: str) -> list[dict]:
    """Home › the quiz in the admin › ``here``, for the quiz's report pages."""
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {
            "url": reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
            "label": quiz.title,
        },
        {"url": "", "label": here},
    ]


def difficulty_chart(report: QuizItemReport) -> SafeString:
    """Each question's difficulty against its discrimination, with the thresholds
    of ``lms.reports.item_flags`` as guide lines. Every item was on a paper, so
    its difficulty is known; its discrimination needs two attempts."""
    return scatter(
        [
            (
                item.question.label,
                float(item.stats.difficulty),
                None
                if item.stats.discrimination is None
                else float(item.stats.discrimination),
            )
            for item in report.items
        ],
        title=_("Difficulty and discrimination of each question"),
        x_label=_("Difficulty p"),
        y_label=_("Discrimination D"),
        x_range=(0, 1),
        y_range=(-1, 1),
        guides=(
            Guide("x", float(TOO_HARD_BELOW), _("too hard below")),
            Guide("x", float(TOO_EASY_ABOVE), _("too easy above")),
            Guide("y", float(WEAK_DISCRIMINATION_BELOW), _("weak below")),
            Guide("y", 0, _("negative below")),
        ),
        id_prefix="item-analysis",
    )


def quiz_items(request, quiz_id):
    """Reliability, each question's statistics and its options, and a chart."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not may_see_quiz_reports(request.user, quiz):
        return permission_denied(request)
    report = quiz_item_analysis(quiz)
    title = _("Item analysis")
    return render(
        request,
        "lms/reports/quiz_items.html",
        {
            "quiz": quiz,
            "report": report,
            "chart": difficulty_chart(report) if report.items else None,
            "too_easy_above": TOO_EASY_ABOVE,
            "too_hard_below": TOO_HARD_BELOW,
            "weak_below": WEAK_DISCRIMINATION_BELOW,
            "results_url": reverse("lms_reports:quiz_results", args=[quiz.pk]),
            "header_title": title,
            "breadcrumbs_items": quiz_breadcrumbs(quiz, title),
        },
    )


urlpatterns = [path("kuis/<int:quiz_id>/", quiz_items, name="quiz_items")]
