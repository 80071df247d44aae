"""Edges a review of the quiz engine found, each once a real bug: closing a quiz
with attempts open, the grace period against the review, a pass mark edited
after grading, control characters, odd revisions, half-saved batches."""

import datetime
import json

import pytest
from django.utils import timezone

from quizzes.attempts import (
    GRACE,
    AttemptRefused,
    save_answer,
    start_attempt,
    submit_attempt,
)
from quizzes.models import Answer, Attempt
from quizzes.review import review_of

pytestmark = pytest.mark.django_db


def _autosave_body(key, response, revision):
    return json.dumps(
        {"answers": [{"question": key, "response": response, "revision": revision}]}
    )


def _start(client, quiz):
    assert client.post(quiz.url + "mulai/").status_code == 302
    return Attempt.objects.filter(quiz=quiz).latest("number")


def _short(attempt):
    return next(q for q in attempt.paper if q["type"] == "short_answer")


# --- 1. autosave: odd "revision" values are 500s, not a clear 400 ----------------


@pytest.mark.parametrize("revision", ["-1", "1e400", str(2**70)])
def test_odd_revision_in_autosave_gets_a_clear_error_not_a_500(
    client, participant, quiz, revision
):
    client.raise_request_exception = False
    client.force_login(participant)
    attempt = _start(client, quiz)
    key = _short(attempt)["key"]
    body = f'{{"answers": [{{"question": "{key}", "response": "kpu", "revision": {revision}}}]}}'  # noqa: E501
    reply = client.post(
        f"/kuis/percobaan/{attempt.pk}/simpan/", body, content_type="application/json"
    )
    assert reply.status_code == 400, reply.status_code


# --- 2. a batch with one bad answer is refused, yet the good ones are stored ----


def test_a_refused_autosave_batch_changes_nothing(taker, quiz):
    attempt = _start(taker, quiz)
    good = _short(attempt)
    single = next(q for q in attempt.paper if q["type"] == "single_choice")
    body = json.dumps(
        {
            "answers": [
                {"question": good["key"], "response": "kpu", "revision": 1},
                {"question": single["key"], "response": "not-an-option", "revision": 1},
            ]
        }
    )
    reply = taker.post(
        f"/kuis/percobaan/{attempt.pk}/simpan/", body, content_type="application/json"
    )
    assert reply.status_code == 400
    assert not Answer.objects.exists()  # promise 9: bad input changes nothing


# --- 3. closing the quiz does not close attempts started before -----------------


def test_closing_the_quiz_stops_open_attempts_from_taking_answers(quiz, participant):
    """closes_at's help text: "Open attempts are submitted automatically at this time"."""
    # No time limit and no closing time: the attempt gets no deadline.
    attempt = start_attempt(quiz=quiz, user=participant)
    assert attempt.deadline is None
    now = timezone.now()
    quiz.closes_at = now - datetime.timedelta(minutes=5)
    quiz.review_timing = "after_close"
    quiz.save_revision().publish()
    attempt.refresh_from_db()
    # An hour after the quiz closed, the attempt still takes answers.
    with pytest.raises(AttemptRefused):
        save_answer(
            attempt=attempt,
            question_key=_short(attempt)["key"],
            response="kpu",
            now=now + datetime.timedelta(hours=1),
        )


def test_after_close_review_is_not_shown_while_the_same_user_can_still_answer(
    quiz, participant
):
    """Attempt 1 submitted, attempt 2 open with no deadline; the organiser closes
    the quiz. Attempt 1's review (right answers) shows, attempt 2 still answers."""
    quiz.review_timing = "never"  # nothing shown while the quiz runs
    quiz.save_revision().publish()
    first = start_attempt(quiz=quiz, user=participant)
    submit_attempt(attempt=first)
    second = start_attempt(quiz=quiz, user=participant)  # no close, no limit
    # The organiser closes the quiz and lets everyone see the answers after it.
    quiz.closes_at = timezone.now()
    quiz.review_timing = "after_close"
    quiz.review_content = "feedback"
    quiz.save_revision().publish()
    first.refresh_from_db()
    later = timezone.now() + datetime.timedelta(minutes=5)
    review = review_of(Attempt.objects.get(pk=first.pk), now=later)
    can_answer = True
    try:
        save_answer(
            attempt=second,
            question_key=second.paper[0]["key"],
            response=None,
            now=later,
        )
    except AttemptRefused:
        can_answer = False
    assert not (review.available and review.show_correctness and can_answer)


# --- 4. the grace window overlaps the after-close review -------------------------


def test_after_close_review_waits_for_the_grace_period(quiz, participant):
    """With closes_at as deadline, answers are taken until closes_at + GRACE, but the
    review with right answers is available from closes_at: for GRACE seconds both."""
    closes = timezone.now() + datetime.timedelta(hours=1)
    quiz.closes_at = closes
    quiz.review_timing = "after_close"
    quiz.review_content = "feedback"
    quiz.save_revision().publish()
    first = start_attempt(quiz=quiz, user=participant)
    submit_attempt(attempt=first)
    second = start_attempt(quiz=quiz, user=participant)
    moment = closes + GRACE / 2
    review = review_of(Attempt.objects.get(pk=first.pk), now=moment)
    save_answer(  # accepted: within grace
        attempt=second, question_key=_short(second)["key"], response="kpu", now=moment
    )
    assert not review.available


# --- 5. a question key that is not in the paper is reported as "closed" -------------


def test_unknown_question_key_is_a_400_not_closed(taker, quiz):
    attempt = _start(taker, quiz)
    reply = taker.post(
        f"/kuis/percobaan/{attempt.pk}/simpan/",
        _autosave_body("nope", "a", 1),
        content_type="application/json",
    )
    # 409 + "closed": true makes the page believe time is up and stop saving.
    assert not reply.json().get("closed"), reply.json()


# --- 6. a NUL character in a typed answer (PostgreSQL: jsonb refuses \u0000) ------


def test_nul_character_in_a_short_answer_is_a_clear_error_not_a_500(
    client, participant, quiz
):
    client.raise_request_exception = False
    client.force_login(participant)
    attempt = _start(client, quiz)
    reply = client.post(
        f"/kuis/percobaan/{attempt.pk}/simpan/",
        _autosave_body(_short(attempt)["key"], "kpu\u0000", 1),
        content_type="application/json",
    )
    assert reply.status_code in (200, 400), reply.status_code


def test_nul_character_in_the_plain_form_is_not_a_500(client, participant, quiz):
    client.raise_request_exception = False
    client.force_login(participant)
    attempt = _start(client, quiz)
    reply = client.post(
        f"/kuis/percobaan/{attempt.pk}/",
        {f"q-{_short(attempt)['key']}": "kpu\x00", "save": "1"},
    )
    assert reply.status_code == 302, reply.status_code


# --- 7. the pass mark is read from the live quiz, not frozen with the attempt -----


def test_editing_the_pass_mark_does_not_change_a_graded_attempts_result(
    taker, quiz, participant
):
    quiz.pass_mark = 0
    quiz.save_revision().publish()
    attempt = _start(taker, quiz)
    taker.post(f"/kuis/percobaan/{attempt.pk}/kirim/")
    attempt.refresh_from_db()
    assert attempt.passed  # 0% >= 0%
    before = taker.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    mine_before = taker.get("/kuis/saya/").content.decode()
    quiz.pass_mark = 90
    quiz.save_revision().publish()
    after = taker.get(f"/kuis/percobaan/{attempt.pk}/hasil/").content.decode()
    mine_after = taker.get("/kuis/saya/").content.decode()
    assert 'class="tag tag--green"' in mine_before

    # promise 1: later edits never change a graded attempt or its review
    def verdict(html):
        return html.split('result-summary__verdict">', 1)[1].split("</p>", 1)[0]

    # "My quizzes" flips the attempt from Passed to Not passed.
    assert 'class="tag tag--green"' in mine_after
    # The result page now says "Passed ... pass mark 90%" for a 0% attempt.
    assert verdict(after) == verdict(before), (verdict(before), verdict(after))
