"""Promise 4 under real concurrency: two connections at once, on PostgreSQL.

SQLite serialises every write, so racing there proves nothing; these tests
skip on it and say so. CI runs them on PostgreSQL.
"""

import threading

import pytest
from django.db import connection, connections, transaction

from quizzes.attempts import AttemptRefused, save_answer, start_attempt, submit_attempt
from quizzes.models import Answer, Attempt
from tests.factories import ParticipantFactory

pytestmark = [
    # serialized_rollback: the flush after each test would take the migrations'
    # data (root page, role groups) with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency needs row locks: run with DATABASE_URL=postgres://…",
    ),
]


def race(action, times=2):
    """Runs ``action`` in ``times`` threads released together; returns results."""
    barrier = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


def test_two_concurrent_submits_grade_once(quiz, participant):
    attempt = start_attempt(quiz=quiz, user=participant)
    results, errors = race(lambda: submit_attempt(attempt=attempt), times=4)
    assert not errors
    graded = {(a.submitted_at, a.score) for a in results}
    assert len(graded) == 1
    assert Attempt.objects.get().status == Attempt.Status.SUBMITTED


def test_concurrent_starts_make_one_attempt(quiz, participant):
    results, errors = race(lambda: start_attempt(quiz=quiz, user=participant), times=4)
    assert not errors
    assert len({attempt.pk for attempt in results}) == 1
    assert Attempt.objects.count() == 1


def test_the_attempt_limit_holds_under_concurrent_starts(quiz, participant):
    quiz.max_attempts = 1
    quiz.save()
    submit_attempt(attempt=start_attempt(quiz=quiz, user=participant))
    results, errors = race(lambda: start_attempt(quiz=quiz, user=participant), times=4)
    assert not results
    assert len(errors) == 4 and all(isinstance(e, AttemptRefused) for e in errors)
    assert Attempt.objects.count() == 1


def test_an_autosave_in_progress_does_not_block_another_attempts_autosave(
    quiz, participant
):
    """Autosave locks its attempt's row only: a hall's 300 attempts at one quiz
    save side by side. Locking the joined quiz row as well would queue every
    participant's autosave on that one row (the second save here would wait
    for the first transaction and hit the lock timeout)."""
    mine = start_attempt(quiz=quiz, user=participant)
    theirs = start_attempt(quiz=quiz, user=ParticipantFactory())

    def first_question_answered(attempt):
        question = next(q for q in attempt.paper if q["type"] == "single_choice")
        return {
            "question_key": question["key"],
            "response": question["options"][0]["key"],
        }

    first_holds_its_lock = threading.Event()
    second_is_done = threading.Event()
    errors = []

    def first_autosave():
        try:
            with transaction.atomic():
                save_answer(attempt=mine, **first_question_answered(mine))
                first_holds_its_lock.set()
                second_is_done.wait(timeout=10)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            first_holds_its_lock.set()
            connections.close_all()

    thread = threading.Thread(target=first_autosave)
    thread.start()
    try:
        assert first_holds_its_lock.wait(timeout=10)
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '2s'")
            save_answer(attempt=theirs, **first_question_answered(theirs))
    finally:
        second_is_done.set()
        thread.join(timeout=30)
    assert not errors
    assert Answer.objects.count() == 2
