"""Admin guards for the quiz engine."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from quizzes.models import Attempt, QuizPage


def _has_attempts(pages) -> bool:
    quizzes = QuizPage.objects.none()
    for page in pages:
        quizzes = quizzes | QuizPage.objects.descendant_of(page, inclusive=True)
    return Attempt.objects.filter(quiz__in=quizzes).exists()


def _refuse(request, page):
    messages.error(
        request,
        _(
            "Participants have taken this quiz (or a quiz inside this page), and "
            "attempts are never deleted. Unpublish it instead."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_delete_page")
def keep_quizzes_that_have_attempts(request, page):
    """Deleting a quiz with attempts would delete results (promise 6, docs/architecture.md): refuse it."""
    if _has_attempts([page]):
        return _refuse(request, page)
    return None


@hooks.register("before_bulk_action")
def keep_quizzes_that_have_attempts_in_bulk(request, action_type, objects, action):
    if (
        action_type == "delete"
        and issubclass(action.model, Page)
        and _has_attempts(objects)
    ):
        return _refuse(request, objects[0])
    return None


@hooks.register("register_admin_urls")
def question_bank_urls():
    """Question-bank import and export live under /admin/kuis/ (quizzes.qbank_admin)."""
    from django.urls import include, path

    from quizzes import qbank_admin

    return [path("kuis/", include((qbank_admin.urlpatterns, qbank_admin.app_name)))]


@hooks.register("register_page_header_buttons")
def question_bank_buttons(page, user, *args, **kwargs):
    """From a quiz's page in the admin: import questions, export them."""
    from django.urls import reverse
    from wagtail.admin.widgets import Button

    if isinstance(page.specific_deferred, QuizPage) and (
        page.permissions_for_user(user).can_edit()
    ):
        for label, name, icon, priority in (
            (_("Import questions"), "upload", "upload", 20),
            (_("Export to GIFT"), "export_gift", "download", 21),
            (_("Export to Moodle XML"), "export_moodle_xml", "download", 22),
        ):
            yield Button(
                label,
                reverse(f"quizzes_qbank:{name}", args=[page.pk]),
                icon_name=icon,
                priority=priority,
            )
