"""The SQLite demo under a room's worth of requests at once: no "database is locked".

SQLite lets one writer at a time. With Django's default deferred transactions a
request that read first and then writes cannot wait for the writer before it:
SQLite refuses it at once with "database is locked", a 500. The settings
(``lms/settings/base.py``) open every transaction with ``BEGIN IMMEDIATE`` so
writers queue for the lock, and use WAL so readers never wait for them. These
tests send the requests through Django's whole request handling, from threads,
against a real database file: the test suite's own SQLite database lives in
memory, where locking works differently.
"""

import json
import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from quizzes.attempts import start_attempt
from quizzes.models import Answer, Attempt
from tests.factories import ParticipantFactory

pytestmark = [
    # serialized_rollback: the flush after each test would take the migrations'
    # data (root page, role groups) with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="tests the SQLite settings: run without DATABASE_URL",
    ),
]


@pytest.fixture
def database_file(tmp_path):
    """Every connection, in every thread, on a file copy of the test database.

    The in-memory database stays open (closing it would lose it) and comes
    back after the test.
    """
    in_memory = connections["default"]
    in_memory.ensure_connection()
    path = tmp_path / "sikap.sqlite3"
    with sqlite3.connect(path) as copy:
        in_memory.connection.backup(copy)
    copy.close()
    on_file = {**in_memory.settings_dict, "NAME": str(path)}
    connections.settings["default"] = on_file  # what other threads connect with
    connections["default"] = type(in_memory)(on_file, "default")
    yield path
    connections["default"].close()
    connections["default"] = in_memory
    connections.settings["default"] = in_memory.settings_dict


@pytest.fixture
def room_quiz(database_file, request):
    """The quiz with one question of every type, written to the database file."""
    return request.getfixturevalue("quiz")


def all_at_once(requests):
    """Runs each request (a callable returning a response) in its own thread,
    released together; the status codes, and the errors that escaped."""
    barrier = threading.Barrier(len(requests))
    codes, errors = [], []

    def run(send):
        try:
            barrier.wait()
            codes.append(send().status_code)
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(send,)) for send in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return codes, errors


def logged_in(user) -> Client:
    # The handler re-raises a view's exception in tests; a participant gets a 500.
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def autosave_request(client, attempt, question, response):
    body = json.dumps({"answers": [{"question": question["key"], "response": response,
                                    "revision": 1}]})  # fmt: skip
    url = reverse("quizzes:autosave", args=[attempt.pk])
    return lambda: client.post(url, body, content_type="application/json")


def test_the_database_file_is_in_wal_mode_and_waits_for_the_lock(database_file):
    with connection.cursor() as cursor:
        pragmas = [
            cursor.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "busy_timeout")
        ]
    assert pragmas == ["wal", 1, 20_000]  # synchronous 1 is NORMAL


def test_thirty_autosaves_at_once_from_ten_participants_all_save(room_quiz):
    requests = []
    for _ in range(10):
        user = ParticipantFactory()
        client, attempt = logged_in(user), start_attempt(quiz=room_quiz, user=user)
        paper = {question["type"]: question for question in attempt.paper}
        single = paper["single_choice"]
        requests += [
            autosave_request(client, attempt, single, single["options"][0]["key"]),
            autosave_request(client, attempt, paper["true_false"], True),
            autosave_request(client, attempt, paper["short_answer"], "KPU"),
        ]
    codes, errors = all_at_once(requests)
    assert (codes, errors) == ([200] * 30, [])
    assert Answer.objects.count() == 30


def test_twelve_starts_at_once_each_make_an_attempt(room_quiz):
    url = reverse("quizzes:start", args=[room_quiz.pk])
    clients = [logged_in(ParticipantFactory()) for _ in range(12)]
    codes, errors = all_at_once([lambda c=c: c.post(url) for c in clients])
    assert (codes, errors) == ([302] * 12, [])
    assert Attempt.objects.count() == 12
