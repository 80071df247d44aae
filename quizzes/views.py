"""What a participant does with a quiz: start, answer, submit, see the result.

The quiz page serves its start page and starts attempts; an attempt's pages
are plain URLs by attempt id (``quizzes/urls.py``). Views translate between
HTTP and ``quizzes.attempts``; the rules live there and in ``quizzes.grading``.
"""

import functools
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quizzes.attempts import (
    AttemptRefused,
    effective_deadline,
    grade_if_overdue,
    grade_overdue_attempts,
    quiz_standing,
    save_answer,
    start_attempt,
    submit_attempt,
)
from quizzes.forms import field_name, responses_from_post
from quizzes.models import Attempt, QuizPage
from quizzes.my_quizzes import quiz_standings
from quizzes.paper import InvalidResponse, freeze_paper, public_paper
from quizzes.question_text import with_html
from quizzes.review import review_of

# An autosave carries a few answers (more after reconnecting), never a book.
MAX_AUTOSAVE_ANSWERS = 200


def attempt_url(attempt, route="attempt") -> str:
    return reverse(f"quizzes:{route}", args=[attempt.pk])


def quiz_home(request, quiz):
    """The start page: rules, attempts used and left, the button to start."""
    context = quiz.get_context(request)
    if request.user.is_authenticated:
        grade_overdue_attempts(quiz=quiz, user=request.user)
        context["standing"] = quiz_standing(quiz, request.user)
    return TemplateResponse(request, "quizzes/quiz_page.html", context)


@require_POST
def start_quiz(request, quiz_id):
    """The start button's target: the live quiz by id, without the page tree.

    Routing through the tree costs two queries per level and a hall presses
    start all at once, so the button posts here. Wagtail's privacy settings
    still hold: a restricted quiz sends the visitor to its page, which asks
    for the login or password the way Wagtail does.
    """
    try:
        quiz = QuizPage.objects.live().get(pk=quiz_id)
    except QuizPage.DoesNotExist:
        raise Http404 from None
    if any(not r.accept_request(request) for r in quiz.get_view_restrictions()):
        return redirect(quiz.get_url(request))
    return start(request, quiz)


def start(request, quiz):
    """Starts (or continues) the participant's attempt and opens it."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.get_url(request))
    try:
        attempt = start_attempt(quiz=quiz, user=request.user)
    except AttemptRefused as refused:
        messages.error(request, refused.message)
        return redirect(quiz.get_url(request))
    return redirect(attempt_url(attempt))


# Every attempt view reads the quiz's settings (closing time, review, title)
# but none reads its question pool: the attempt has its own frozen paper.
WITH_QUIZ = Attempt.objects.select_related("quiz").defer("quiz__questions")
# Saving answers and submitting read only the attempt and the quiz's closing
# time; building the whole quiz page cost autosave, the busiest request of an
# event, a third of its CPU.
FOR_ANSWERING = Attempt.objects.select_related("quiz").only(
    "quiz", "user", "number", "status", "deadline", "paper", "quiz__closes_at"
)


def attempt_view(attempts=WITH_QUIZ):
    """Views of one attempt: logged in only (a session that expired mid-quiz is
    sent to log in, or told so in JSON), and only the requester's own attempt,
    read from ``attempts``."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, attempt_id):
            if not request.user.is_authenticated:
                if request.content_type == "application/json":
                    message = _(
                        "You have been logged out. Log in again; your answers are kept."
                    )
                    return JsonResponse({"error": message, "login": True}, status=403)
                return redirect_to_login(request.get_full_path())
            return view(request, _own_attempt(request, attempts, attempt_id))

        return wrapper

    return decorate


def _own_attempt(request, attempts, attempt_id) -> Attempt:
    """The logged-in participant's attempt, graded first if its time is up.

    Another participant's attempt id is a 404, the same as an unknown one.
    """
    try:
        attempt = attempts.get(pk=attempt_id, user=request.user)
    except Attempt.DoesNotExist:
        raise Http404 from None
    return grade_if_overdue(attempt)


def _page_context(request, attempt, **extra):
    context = attempt.quiz.get_context(request)
    context.update(attempt=attempt, **extra)
    return context


@attempt_view()
def attempt_page(request, attempt):
    """All questions on one page; without JavaScript the form posts here."""
    if not attempt.is_open:
        return redirect(attempt_url(attempt, "result"))
    if request.method == "POST":
        responses = responses_from_post(attempt.paper, request.POST)
        if "submit" in request.POST:
            unanswered = [q for q in attempt.paper if responses.get(q["key"]) is None]
            if unanswered and "confirmed" not in request.POST:
                _save_all(request, attempt, responses)
                return _render_attempt(request, attempt, confirm_unanswered=unanswered)
            submit_attempt(attempt=attempt, responses=responses)
            return redirect(attempt_url(attempt, "result"))
        if _save_all(request, attempt, responses):
            messages.success(request, _("Your answers are saved."))
        return redirect(attempt_url(attempt))
    return _render_attempt(request, attempt)


def _save_all(request, attempt, responses) -> bool:
    try:
        for key, response in responses.items():
            save_answer(attempt=attempt, question_key=key, response=response)
    except AttemptRefused as refused:
        messages.error(request, refused.message)
        return False
    return True


def _questions_for_page(paper, saved):
    """The public view of each question, numbered, with the saved response.

    Texts come as HTML ready to show (``html``, see ``with_html``).
    """
    questions = []
    for number, question in enumerate(with_html(public_paper(paper)), start=1):
        answer = saved.get(question["key"])
        questions.append(
            {
                **question,
                "number": number,
                "field": field_name(question["key"]),
                "response": answer.response if answer else None,
                "revision": answer.revision if answer else 0,
            }
        )
    return questions


def _render_attempt(request, attempt, confirm_unanswered=()):
    saved = {a.question_key: a for a in attempt.answers.all()}
    questions = _questions_for_page(attempt.paper, saved)
    unanswered_keys = {question["key"] for question in confirm_unanswered}
    context = _page_context(
        request,
        attempt,
        questions=questions,
        answered=sum(1 for q in questions if q["response"] is not None),
        server_now=timezone.now(),
        deadline=effective_deadline(attempt.deadline, attempt.quiz.closes_at),
        confirm_unanswered=[q for q in questions if q["key"] in unanswered_keys],
        save_url=attempt_url(attempt, "autosave"),
        submit_url=attempt_url(attempt, "submit"),
    )
    return TemplateResponse(request, "quizzes/attempt.html", context)


@require_POST
@attempt_view(FOR_ANSWERING)
def autosave(request, attempt):
    """Saves the answers the page sends as they are given (JSON in, JSON out).

    Body: ``{"answers": [{"question": key, "response": ..., "revision": n}]}``.
    The page queues answers while offline and sends the queue in one request.
    """
    try:
        answers = json.loads(request.body)["answers"]
        if not isinstance(answers, list) or len(answers) > MAX_AUTOSAVE_ANSWERS:
            raise ValueError
        # All or nothing: a batch with one unreadable answer saves none of them.
        with transaction.atomic():
            saved = [
                {
                    "question": item["question"],
                    "revision": save_answer(
                        attempt=attempt,
                        question_key=str(item["question"]),
                        response=item.get("response"),
                        revision=_revision(item.get("revision", 0)),
                    ),
                }
                for item in answers
            ]
    except AttemptRefused as refused:
        return JsonResponse({"error": str(refused.message), "closed": True}, status=409)
    except (ValueError, KeyError, TypeError, InvalidResponse):
        return JsonResponse({"error": _("The answer could not be read.")}, status=400)
    deadline = effective_deadline(attempt.deadline, attempt.quiz.closes_at)
    return JsonResponse({"saved": saved, "deadline": deadline and deadline.isoformat()})


MAX_REVISION = 2**31 - 1  # the database column's range


def _revision(value) -> int:
    """The page's per-question counter, or ValueError for anything else."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not 0 <= value <= MAX_REVISION
    ):
        raise ValueError("revision out of range")
    return value


@require_POST
@attempt_view(FOR_ANSWERING)
def submit(request, attempt):
    """The confirmed submit from the page's dialog; grades what is saved."""
    submit_attempt(attempt=attempt)
    return redirect(attempt_url(attempt, "result"))


@attempt_view()
def result(request, attempt):
    if attempt.is_open:
        return redirect(attempt_url(attempt))
    standing = quiz_standing(attempt.quiz, request.user)
    context = _page_context(
        request,
        attempt,
        review=review_of(attempt, has_open_attempt=standing.open_attempt is not None),
        standing=standing,
    )
    return TemplateResponse(request, "quizzes/result.html", context)


@login_required
def my_quizzes(request):
    """Every quiz the participant has attempted: grades, open attempts, what is left."""
    grade_overdue_attempts(user=request.user)
    return TemplateResponse(
        request, "quizzes/my_quizzes.html", {"standings": quiz_standings(request.user)}
    )


def preview(request, quiz):
    """The editor's preview: the paper as a participant would get it, unsaved."""
    paper = freeze_paper(
        quiz.questions,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
        draw=quiz.draw_count,
    )
    context = quiz.get_context(request)
    context.update(
        attempt=None,
        is_preview=True,
        questions=_questions_for_page(paper, {}),
        answered=0,
    )
    return TemplateResponse(request, "quizzes/attempt.html", context)
