"""Taking a quiz through HTTP: start, autosave, submit, result, and every
way a participant (or someone else) could try to get round the rules."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from quizzes.attempts import GRACE, grade_overdue_attempts
from quizzes.models import Answer, Attempt
from tests.factories import ParticipantFactory, QuizPageFactory, question_blocks

pytestmark = pytest.mark.django_db


def url(quiz, route=""):
    return quiz.url + route


def attempt_path(route="", number=1):
    """An attempt's URL (the newest attempt with that number)."""
    attempt = Attempt.objects.filter(number=number).latest("pk")
    return f"/kuis/percobaan/{attempt.pk}/{route}"


def start(client, quiz):
    response = client.post(url(quiz, "mulai/"))
    assert response.status_code == 302, response.content[:500]
    return Attempt.objects.filter(quiz=quiz).latest("number")


def right_response(question):
    kind = question["type"]
    if kind == "single_choice":
        return next(o["key"] for o in question["options"] if o["credit"] == "1")
    if kind == "multiple_choice":
        return [o["key"] for o in question["options"] if not o["credit"].startswith("-")
                and o["credit"] != "0"]  # fmt: skip
    if kind == "true_false":
        return question["correct"]
    if kind == "short_answer":
        return "kpu"
    if kind == "numeric":
        return "5"
    return dict(question["pairs"])


def autosave(client, quiz, attempt, question, response, revision=1):
    return client.post(
        attempt_path("simpan/", attempt.number),
        json.dumps({"answers": [{"question": question["key"], "response": response,
                                 "revision": revision}]}),
        content_type="application/json",
    )  # fmt: skip


def test_full_marks_for_all_right_answers(taker, quiz):
    attempt = start(taker, quiz)
    for question in attempt.paper:
        assert (
            autosave(
                taker, quiz, attempt, question, right_response(question)
            ).status_code
            == 200
        )
    response = taker.post(attempt_path("kirim/"))
    assert response.url == attempt_path("hasil/")
    attempt.refresh_from_db()
    assert (attempt.score, attempt.max_score, attempt.percent) == (6, 6, 100)
    assert attempt.passed and attempt.submitted_by == "participant"
    assert "100%" in taker.get(response.url).content.decode()


def test_the_paper_is_frozen_at_start(taker, quiz):
    attempt = start(taker, quiz)
    quiz.questions = [(b.block_type, b.value) for b in quiz.questions][:1]
    quiz.save_revision().publish()
    assert len(Attempt.objects.get(pk=attempt.pk).paper) == 6
    page = taker.get(attempt_path("")).content.decode()
    assert page.count('class="question"') == 6


def test_no_answer_or_credit_reaches_the_browser_before_review(taker, quiz):
    attempt = start(taker, quiz)
    html = taker.get(attempt_path("")).content.decode()
    reply = autosave(taker, quiz, attempt, attempt.paper[0], None).content.decode()
    start_page = taker.get(quiz.url).content.decode()
    for text in (html, reply, start_page):
        assert "credit" not in text and "Lihat materi tahapan pemilu" not in text
        for question in attempt.paper:
            for pair_choice in question.get("pairs", {}).values():
                # the matching answers appear as options, never tied to their item
                assert f'"{pair_choice}"' not in text.replace(
                    f'value="{pair_choice}"', ""
                )
    # Option keys are random per attempt, so their order gives nothing away.
    assert all(
        re.fullmatch(r"[0-9a-f]{8}", o["key"]) for o in attempt.paper[0]["options"]
    )


def test_review_shows_only_what_the_policy_allows(taker, quiz):
    quiz.review_content = "score"
    quiz.save_revision().publish()
    start(taker, quiz)
    taker.post(attempt_path("kirim/"))
    html = taker.get(attempt_path("hasil/")).content.decode()
    assert "0%" in html
    assert "14 Februari 2024" not in html  # no options, no right answers


def test_review_after_close_waits_for_the_closing_time(taker, quiz):
    quiz.closes_at = timezone.now() + datetime.timedelta(hours=1)
    quiz.review_timing = "after_close"
    quiz.save_revision().publish()
    start(taker, quiz)
    taker.post(attempt_path("kirim/"))
    html = taker.get(attempt_path("hasil/")).content.decode()
    assert "result-summary" not in html and "review-list" not in html


def test_a_double_submit_grades_once(taker, quiz):
    attempt = start(taker, quiz)
    autosave(taker, quiz, attempt, attempt.paper[0], right_response(attempt.paper[0]))
    taker.post(attempt_path("kirim/"))
    first = Attempt.objects.get(pk=attempt.pk)
    taker.post(attempt_path("kirim/"))
    second = Attempt.objects.get(pk=attempt.pk)
    assert (first.submitted_at, first.score) == (second.submitted_at, second.score)
    assert Attempt.objects.count() == 1


def test_answers_after_submitting_are_refused(taker, quiz):
    attempt = start(taker, quiz)
    taker.post(attempt_path("kirim/"))
    reply = autosave(
        taker, quiz, attempt, attempt.paper[0], right_response(attempt.paper[0])
    )
    assert reply.status_code == 409 and reply.json()["closed"]
    assert Attempt.objects.get(pk=attempt.pk).score == 0


def test_late_answers_are_refused_and_the_attempt_is_graded_from_what_was_saved(
    taker, quiz
):
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    attempt = start(taker, quiz)
    autosave(taker, quiz, attempt, attempt.paper[0], right_response(attempt.paper[0]))
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - GRACE - datetime.timedelta(seconds=1)
    )
    reply = autosave(
        taker, quiz, attempt, attempt.paper[1], right_response(attempt.paper[1])
    )
    assert reply.status_code in (404, 409)
    attempt.refresh_from_db()
    assert not attempt.is_open and attempt.submitted_by == "deadline"
    assert attempt.score == 1  # the answer saved in time


def test_an_answer_within_the_grace_period_counts(taker, quiz):
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    attempt = start(taker, quiz)
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=2)
    )
    assert autosave(taker, quiz, attempt, attempt.paper[0], None).status_code == 200


def test_an_abandoned_attempt_is_graded_by_the_periodic_job(quiz, participant):
    from quizzes.attempts import save_answer, start_attempt

    quiz.time_limit_minutes = 5
    attempt = start_attempt(quiz=quiz, user=participant)
    question = attempt.paper[0]
    save_answer(
        attempt=attempt, question_key=question["key"], response=right_response(question)
    )
    later = attempt.deadline + GRACE + datetime.timedelta(seconds=1)
    assert grade_overdue_attempts(now=later) == 1
    attempt.refresh_from_db()
    assert attempt.score == 1 and attempt.submitted_at == attempt.deadline


def test_another_participants_attempt_is_not_found(taker, quiz):
    start(taker, quiz)
    other = Client()
    other.force_login(ParticipantFactory())
    for route in ("", "hasil/"):
        assert other.get(attempt_path(route)).status_code == 404
    assert other.post(attempt_path("kirim/")).status_code == 404
    reply = other.post(attempt_path("simpan/"), "{}", content_type="application/json")
    assert reply.status_code == 404


def test_the_attempt_limit_holds(taker, quiz):
    for _ in range(quiz.max_attempts):
        start(taker, quiz)
        taker.post(attempt_path("kirim/", Attempt.objects.latest("number").number))
    response = taker.post(url(quiz, "mulai/"), follow=True)
    assert Attempt.objects.count() == quiz.max_attempts
    assert (
        "Kesempatan Anda mengerjakan kuis ini sudah habis" in response.content.decode()
    )


def test_starting_twice_resumes_the_open_attempt(taker, quiz):
    first = start(taker, quiz)
    assert start(taker, quiz).pk == first.pk


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "{}",
        '{"answers": "x"}',
        '{"answers": [{"question": "nope", "response": "a"}]}',
        '{"answers": [{"question": "%(key)s", "response": "not-an-option"}]}',
        '{"answers": [{"question": "%(key)s", "response": "%(big)s"}]}',
        '{"answers": [{"question": "%(key)s", "response": {"x": 1}}]}',
        '{"answers": [{"question": "%(key)s", "revision": "abc"}]}',
    ],
)
def test_malformed_autosaves_get_a_clear_error_and_change_nothing(taker, quiz, body):
    attempt = start(taker, quiz)
    key = attempt.paper[0]["key"]
    reply = taker.post(
        attempt_path("simpan/"),
        body % {"key": key, "big": "x" * 600} if "%(" in body else body,
        content_type="application/json",
    )
    assert reply.status_code in (400, 409), reply.content
    assert "error" in reply.json()
    assert not Answer.objects.exists()


def test_an_older_save_arriving_late_does_not_overwrite_a_newer_one(taker, quiz):
    attempt = start(taker, quiz)
    question = next(q for q in attempt.paper if q["type"] == "short_answer")
    autosave(taker, quiz, attempt, question, "KPU", revision=5)
    autosave(taker, quiz, attempt, question, "Bawaslu", revision=3)
    assert Answer.objects.get().response == "KPU"


def test_every_form_is_csrf_protected(participant, quiz):
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert client.post(url(quiz, "mulai/")).status_code == 403
    assert not Attempt.objects.exists()


def test_without_javascript_the_form_saves_and_asks_before_submitting_unanswered(
    taker, quiz
):
    attempt = start(taker, quiz)
    single = next(q for q in attempt.paper if q["type"] == "single_choice")
    field = f"q-{single['key']}"
    taker.post(attempt_path(""), {field: right_response(single), "save": "1"})
    assert Answer.objects.get(question_key=single["key"]).response == right_response(
        single
    )
    confirm = taker.post(
        attempt_path(""), {field: right_response(single), "submit": "1"}
    )
    assert (
        confirm.status_code == 200 and "confirm-unanswered" in confirm.content.decode()
    )
    assert Attempt.objects.get().is_open
    done = taker.post(
        attempt_path(""),
        {field: right_response(single), "submit": "1", "confirmed": "1"},
    )
    assert done.status_code == 302
    assert Attempt.objects.get().score == 1


def test_anonymous_visitors_are_asked_to_log_in(client, quiz):
    assert "masuk" in client.get(quiz.url).content.decode().lower()
    response = client.post(url(quiz, "mulai/"))
    assert response.status_code == 302 and "/akun/masuk/" in response.url
    assert client.get("/kuis/percobaan/1/").status_code == 302


def test_a_closed_quiz_cannot_be_started(taker, quiz):
    quiz.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    quiz.save_revision().publish()
    taker.post(url(quiz, "mulai/"))
    assert not Attempt.objects.exists()


def test_my_quizzes_lists_grades_and_open_attempts(taker, quiz):
    start(taker, quiz)
    html = taker.get("/kuis/saya/").content.decode()
    assert quiz.title in html


def test_a_plain_form_save_wins_over_an_earlier_autosave(taker, quiz):
    attempt = start(taker, quiz)
    question = next(q for q in attempt.paper if q["type"] == "short_answer")
    autosave(taker, quiz, attempt, question, "lama", revision=3)
    taker.post(attempt_path(), {f"q-{question['key']}": "baru", "save": "1"})
    answer = Answer.objects.get(question_key=question["key"])
    assert (answer.response, answer.revision) == ("baru", 4)


def test_the_no_javascript_confirmation_stores_no_empty_answers(taker, quiz):
    start(taker, quiz)
    taker.post(attempt_path(), {"submit": "1"})
    assert not Answer.objects.exists()


def test_an_expired_session_is_sent_to_log_in_not_told_not_found(
    client, participant, quiz
):
    client.force_login(participant)
    attempt = start(client, quiz)
    client.logout()
    for route in ("", "hasil/"):
        response = client.get(attempt_path(route))
        assert response.status_code == 302 and "/akun/masuk/" in response.url
    assert "/akun/masuk/" in client.post(attempt_path("kirim/")).url
    reply = client.post(
        attempt_path("simpan/"),
        json.dumps({"answers": []}),
        content_type="application/json",
    )
    assert reply.status_code == 403 and reply.json()["login"]
    assert Attempt.objects.get(pk=attempt.pk).is_open


def test_an_answer_after_a_submit_in_another_tab_says_so(taker, quiz):
    attempt = start(taker, quiz)
    taker.post(attempt_path("kirim/"))
    reply = autosave(taker, quiz, attempt, attempt.paper[0], None)
    assert reply.status_code == 409
    assert "sudah dikirim" in reply.json()["error"]


def test_each_answer_keeps_its_own_credit_and_points(taker, learning):
    """The review reads every answer's stored grade: right, half right and wrong
    answers of one attempt each keep theirs."""
    blocks = question_blocks()
    blocks[1]["value"]["points"] = "4"
    quiz = QuizPageFactory(parent=learning.module, slug="berbobot", questions=blocks)
    attempt = start(taker, quiz)
    single, multiple, true_false = attempt.paper[:3]
    half_right = [o["key"] for o in multiple["options"] if o["credit"] == "1/2"][:1]
    autosave(taker, quiz, attempt, single, right_response(single))
    autosave(taker, quiz, attempt, multiple, half_right)
    autosave(taker, quiz, attempt, true_false, not true_false["correct"])
    taker.post(attempt_path("kirim/"))
    stored = {
        a.question_key: (a.credit, a.points)
        for a in Answer.objects.filter(attempt=attempt)
    }
    assert stored == {
        single["key"]: (1, 1),
        multiple["key"]: (Decimal("0.5"), 2),
        true_false["key"]: (0, 0),
    }


def test_the_start_button_keeps_wagtails_privacy_and_drafts(taker, quiz):
    """The button posts by quiz id, past the page tree: a password-protected
    quiz still sends the visitor to its page, and an unpublished one is a 404."""
    start_url = reverse("quizzes:start", args=[quiz.pk])
    assert f'action="{start_url}"' in taker.get(quiz.url).content.decode()
    restriction = PageViewRestriction.objects.create(
        page=quiz, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    response = taker.post(start_url)
    assert response.status_code == 302 and response.url == quiz.url
    restriction.delete()
    quiz.unpublish()
    assert taker.post(start_url).status_code == 404
    assert not Attempt.objects.filter(quiz=quiz).exists()
