"""The evaluation page as a participant meets it: log in, enrolled, open, once.

``EvaluationPage.serve`` hands every request here. The checks come in the order
a participant can do something about them: log in (and come back), join the
event, then the form; a participant who has answered sees their thanks
whenever they come back, even after the evaluation closed.
"""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils import timezone

from lms.events.evaluation import has_answered, is_enrolled


def serve_evaluation(page, request):
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    context = page.get_context(request)
    if not is_enrolled(page.event, user):
        return TemplateResponse(
            request, "lms/evaluation_not_enrolled.html", context, status=403
        )
    if has_answered(page, user):
        return _thanks(request, page, context, already=True)
    now = timezone.now()
    if not page.is_open(now):
        has_closed = page.closes_at is not None and now >= page.closes_at
        return TemplateResponse(
            request,
            "lms/evaluation_closed.html",
            {**context, "has_closed": has_closed},
        )
    if request.method == "POST":
        form = page.get_form(request.POST, page=page, user=user)
        if form.is_valid():
            response = page.process_form_submission(form)
            return _thanks(request, page, context, already=response is None)
    else:
        form = page.get_form(page=page, user=user)
    return TemplateResponse(
        request, page.get_template(request), {**context, "form": form}
    )


def _thanks(request, page, context, *, already):
    """The landing page: thanks for answering, or for having answered before."""
    return TemplateResponse(
        request,
        page.get_landing_page_template(request),
        {**context, "already_answered": already},
    )
