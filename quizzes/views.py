"""What a participant does with a quiz: start, answer, submit, see the result.

``QuizPage`` routes each URL here. Views translate between HTTP and
``quizzes.attempts``; the rules live there and in ``quizzes.grading``.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.attempts import (
    AttemptRefused,
    grade_overdue_attempts,
    quiz_standing,
    save_answer,
    start_attempt,
    submit_attempt,
)
from quizzes.forms import field_name, responses_from_post
from quizzes.models import Attempt
from quizzes.my_quizzes import quiz_standings
from quizzes.paper import InvalidResponse, freeze_paper, public_paper
from quizzes.review import review_of

# An autosave carries a few answers (more after reconnecting), never a book.
MAX_AUTOSAVE_ANSWERS = 200


def quiz_home(request, quiz):
    """The start page: rules, attempts used and left, the button to start."""
    context = quiz.get_context(request)
    if request.user.is_authenticated:
        grade_overdue_attempts(quiz=quiz, user=request.user)
        context["standing"] = quiz_standing(quiz, request.user)
    return TemplateResponse(request, "quizzes/quiz_page.html", context)


def start(request, quiz):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(quiz.get_url(request))
    try:
        attempt = start_attempt(quiz=quiz, user=request.user)
    except AttemptRefused as refused:
        messages.error(request, refused.message)
        return redirect(quiz.get_url(request))
    return redirect(attempt_url(quiz, attempt, request))


def attempt_url(quiz, attempt, request, route="attempt") -> str:
    return quiz.get_url(request) + quiz.reverse_subpage(route, args=[attempt.number])


def _own_attempt(request, quiz, number) -> Attempt:
    """The logged-in participant's attempt; anyone else's number is a 404."""
    if not request.user.is_authenticated:
        raise Http404
    grade_overdue_attempts(quiz=quiz, user=request.user)
    return get_object_or_404(Attempt, quiz=quiz, user=request.user, number=number)


def attempt_page(request, quiz, number):
    """All questions on one page; without JavaScript the form posts here."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    attempt = _own_attempt(request, quiz, number)
    if not attempt.is_open:
        return redirect(attempt_url(quiz, attempt, request, "result"))
    if request.method == "POST":
        responses = responses_from_post(attempt.paper, request.POST)
        if "submit" in request.POST:
            unanswered = [q for q in attempt.paper if responses.get(q["key"]) is None]
            if unanswered and "confirmed" not in request.POST:
                _save_all(request, attempt, responses)
                return _render_attempt(
                    request, quiz, attempt, confirm_unanswered=unanswered
                )
            submit_attempt(attempt=attempt, responses=responses)
            return redirect(attempt_url(quiz, attempt, request, "result"))
        if _save_all(request, attempt, responses):
            messages.success(request, _("Your answers are saved."))
        return redirect(attempt_url(quiz, attempt, request))
    return _render_attempt(request, quiz, attempt)


def _save_all(request, attempt, responses) -> bool:
    try:
        for key, response in responses.items():
            save_answer(attempt=attempt, question_key=key, response=response)
    except AttemptRefused as refused:
        messages.error(request, refused.message)
        return False
    return True


def _render_attempt(request, quiz, attempt, confirm_unanswered=()):
    saved = {a.question_key: a for a in attempt.answers.all()}
    questions = [
        {
            **question,
            "number": index,
            "field": field_name(question["key"]),
            "response": saved[question["key"]].response
            if question["key"] in saved
            else None,
            "revision": saved[question["key"]].revision
            if question["key"] in saved
            else 0,
        }
        for index, question in enumerate(public_paper(attempt.paper), start=1)
    ]
    context = quiz.get_context(request)
    context.update(
        attempt=attempt,
        questions=questions,
        answered=sum(1 for q in questions if q["response"] is not None),
        server_now=timezone.now(),
        confirm_unanswered=[q for q in questions if q["key"] in {u["key"] for u in confirm_unanswered}],
        save_url=attempt_url(quiz, attempt, request, "autosave"),
        submit_url=attempt_url(quiz, attempt, request, "submit"),
    )  # fmt: skip
    return TemplateResponse(request, "quizzes/attempt.html", context)


def autosave(request, quiz, number):
    """Saves the answers the page sends as they are given (JSON in, JSON out).

    Body: ``{"answers": [{"question": key, "response": ..., "revision": n}]}``.
    The page queues answers while offline and sends the queue in one request.
    """
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    attempt = _own_attempt(request, quiz, number)
    try:
        answers = json.loads(request.body)["answers"]
        if not isinstance(answers, list) or len(answers) > MAX_AUTOSAVE_ANSWERS:
            raise ValueError
        saved = []
        for item in answers:
            answer = save_answer(
                attempt=attempt,
                question_key=str(item["question"]),
                response=item.get("response"),
                revision=int(item.get("revision", 0)),
            )
            saved.append({"question": answer.question_key, "revision": answer.revision})
    except AttemptRefused as refused:
        return JsonResponse({"error": str(refused.message), "closed": True}, status=409)
    except (ValueError, KeyError, TypeError, InvalidResponse):
        return JsonResponse({"error": _("The answer could not be read.")}, status=400)
    return JsonResponse({"saved": saved, "deadline": _iso(attempt.deadline)})


def _iso(moment):
    return moment.isoformat() if moment else None


def submit(request, quiz, number):
    """The confirmed submit (the page's dialog, or the no-JavaScript confirm step)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    attempt = _own_attempt(request, quiz, number)
    # The page saved every answer before asking to submit; grade what is saved.
    submit_attempt(attempt=attempt)
    return redirect(attempt_url(quiz, attempt, request, "result"))


def result(request, quiz, number):
    attempt = _own_attempt(request, quiz, number)
    if attempt.is_open:
        return redirect(attempt_url(quiz, attempt, request))
    context = quiz.get_context(request)
    context.update(
        attempt=attempt,
        review=review_of(attempt),
        standing=quiz_standing(quiz, request.user),
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
        questions=[
            {
                **q,
                "number": i,
                "field": field_name(q["key"]),
                "response": None,
                "revision": 0,
            }
            for i, q in enumerate(public_paper(paper), start=1)
        ],
        answered=0,
    )
    return TemplateResponse(request, "quizzes/attempt.html", context)
