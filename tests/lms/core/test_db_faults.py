"""A lost database answers 503 "try again" with Retry-After, never a 500.

The database goes away in two places: while a view works (the middleware
answers) and before, when a middleware loads the session (``handler500``
answers). ``database_down`` makes queries fail as they do when PostgreSQL
restarts; the last test closes a real connection underneath Django.
"""

import functools
import json
from contextlib import contextmanager

import psycopg
import pytest
from django.db import OperationalError, connection, connections
from django.urls import reverse
from django_tasks_db.management.commands import db_worker

from lms.core.db_faults import RETRY_AFTER_SECONDS, server_error
from lms.management.commands import task_worker
from lms.settings import base
from quizzes.models import Answer, Attempt

# The session and its user load; everything after that fails.
SESSION_TABLES = ("django_session", '"lms_user"')


@contextmanager
def database_down(*, spare=()):
    """Every query fails as on a restarted server, except those naming ``spare``."""

    def refuse(execute, sql, params, many, context):
        if any(table in sql for table in spare):
            return execute(sql, params, many, context)
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def taker(client, participant):
    client.force_login(participant)
    return client


@pytest.fixture(params=["in-the-view", "before-the-view"])
def outage(request, taker):
    """Where the database goes away: while the view works, or when the session loads.

    A fault in a view is answered by the middleware and is no crash; one in a
    middleware reaches Django's error handling (and the test client would raise
    it) before ``handler500`` answers.
    """
    if request.param == "in-the-view":
        return functools.partial(database_down, spare=SESSION_TABLES)
    taker.raise_request_exception = False
    return database_down


@pytest.fixture
def attempt(taker, quiz):
    taker.post(quiz.url + "mulai/")
    return Attempt.objects.get(quiz=quiz)


def autosave(client, attempt):
    question = attempt.paper[0]
    body = {"answers": [{"question": question["key"], "response": None, "revision": 1}]}
    return client.post(
        f"/kuis/percobaan/{attempt.pk}/simpan/",
        json.dumps(body),
        content_type="application/json",
        headers={"Accept": "application/json"},
    )


def assert_retryable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_autosave_answers_503_in_json_and_saves_nothing(taker, attempt, outage):
    with outage():
        response = autosave(taker, attempt)
    assert_retryable(response)
    assert response.json()["retry"] is True
    assert not Answer.objects.filter(attempt=attempt).exists()
    assert autosave(taker, attempt).status_code == 200  # and works once it is back


def test_submit_answers_503_and_leaves_the_attempt_open(taker, attempt, outage):
    with outage():
        response = taker.post(f"/kuis/percobaan/{attempt.pk}/kirim/")
    assert_retryable(response)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_pages_show_a_friendly_try_again_page(taker, in_english, outage):
    with outage():
        response = taker.get(reverse("dashboard"))
    assert_retryable(response)
    page = response.content.decode()
    assert "The service is busy" in page
    assert f'href="{reverse("dashboard")}"' in page  # "Try again" reloads it
    assert "site-header" in page  # the site's own look


def test_the_page_is_indonesian_unless_english_was_chosen(taker):
    with database_down(spare=SESSION_TABLES):
        response = taker.get(reverse("dashboard"))
    assert_retryable(response)
    assert '<html lang="id">' in response.content.decode()


def test_other_errors_are_still_server_errors(rf):
    try:
        raise ValueError("a bug, not a fault")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="connecting to and closing a server connection needs PostgreSQL: "
    "run with DATABASE_URL=postgres://…",
)


def test_reused_connections_are_checked_before_each_request():
    """Persistent connections would otherwise serve a request on a dead one first."""
    database = base.DATABASES["default"]
    assert database["CONN_MAX_AGE"] > 0
    assert database["CONN_HEALTH_CHECKS"] is True


@needs_postgresql
def test_an_unreachable_server_is_given_up_on_within_seconds():
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 5


@needs_postgresql
# serialized_rollback, as every transactional test here: the flush after a plain
# one would take the migrations' data with it and break the next such test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_killed_underneath_fails_one_request_only(client, home_page):
    # The home page: Wagtail finds its site and page in the database on every
    # request (the login page of a logged-out visitor may need no query at all).
    assert client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    settings = connection.get_connection_params()
    with psycopg.connect(**settings, autocommit=True) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    try:
        assert_retryable(client.get("/"))
        assert client.get("/").status_code == 200
    finally:
        connection.close()  # never hand a dead connection to the next test


# --- The background worker ---------------------------------------------------------


def test_the_worker_waits_out_a_database_restart_instead_of_exiting(monkeypatch):
    """db_worker exits on the first database error; task_worker waits and goes on."""
    runs = []

    def db_worker_handle(self, *args, **options):
        runs.append(options)
        if len(runs) == 1:
            raise OperationalError(
                "terminating connection due to administrator command"
            )
        return "stopped"

    monkeypatch.setattr(db_worker.Command, "handle", db_worker_handle)
    monkeypatch.setattr(task_worker, "wait_for_database", lambda: runs.append("waited"))
    result = task_worker.Command().handle(queue_name="default")
    assert result == "stopped"
    assert runs == [{"queue_name": "default"}, "waited", {"queue_name": "default"}]


def test_waiting_for_the_database_backs_off_until_it_answers(monkeypatch):
    answers = iter([OperationalError("connection refused")] * 3 + [None])

    def ensure_connection(self):
        answer = next(answers)
        if answer is not None:
            raise answer

    monkeypatch.setattr(
        type(connections["default"]), "ensure_connection", ensure_connection
    )
    monkeypatch.setattr(connections, "close_all", lambda: None)
    waits = []
    task_worker.wait_for_database(sleep=waits.append)
    assert waits == [1, 2, 4, 8]
