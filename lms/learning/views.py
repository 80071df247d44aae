"""Public views around the learning pages: tags, search and marking lessons done."""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from taggit.models import Tag

from lms.learning.catalogue import lesson_context, search_learning, tagged_pages
from lms.learning.models import LessonPage
from lms.learning.progress import set_lesson_completion
from lms.learning.templatetags import progress_label

RESULTS_PER_PAGE = 20


class TagView(TemplateView):
    """Every published module and lesson with one tag ("topik")."""

    template_name = "lms/tag.html"

    def get_context_data(self, **kwargs):
        tag = get_object_or_404(Tag, slug=kwargs["slug"])
        results = Paginator(tagged_pages(tag.slug), RESULTS_PER_PAGE)
        return {
            **super().get_context_data(**kwargs),
            "tag": tag,
            "page_obj": results.get_page(self.request.GET.get("halaman")),
        }


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search modules and lessons"),
        max_length=200,
        strip=True,
        error_messages={
            "max_length": _("Use fewer words: at most %(limit_value)d characters.")
        },
    )


class SearchView(TemplateView):
    """Searches published modules and lessons (Wagtail search)."""

    template_name = "lms/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        page_obj = None
        if form.is_valid():
            results = Paginator(
                search_learning(form.cleaned_data["q"]), RESULTS_PER_PAGE
            )
            page_obj = results.get_page(self.request.GET.get("halaman"))
        return {
            **super().get_context_data(**kwargs),
            "form": form,
            "page_obj": page_obj,
        }


class LessonCompletionView(View):
    """Marks a lesson done or not done for the logged-in participant.

    Posted by the lesson's button (plain form, redirects back) or by the
    page's script when the reader reaches the end (asks for JSON).
    """

    http_method_names = ["post"]

    def post(self, request, lesson_id: int):
        lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
        if not all(r.accept_request(request) for r in lesson.get_view_restrictions()):
            raise Http404
        lesson_url = lesson.get_url(request)
        if not request.user.is_authenticated:
            return redirect_to_login(lesson_url)
        done = request.POST.get("done", "1") != "0"
        set_lesson_completion(user=request.user, lesson=lesson, done=done)
        if "application/json" in request.headers.get("Accept", ""):
            progress = lesson_context(lesson, user=request.user)["progress"]
            return JsonResponse(
                {
                    "lesson": lesson.pk,
                    "done": done,
                    "progress": {
                        "done": progress.done,
                        "total": progress.total,
                        "label": progress_label(progress),
                    },
                }
            )
        messages.success(
            request,
            _("Lesson marked as done.") if done else _("Lesson marked as not done."),
        )
        return redirect(lesson_url)
