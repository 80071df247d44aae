"""The login lockout under real concurrency: 40 guesses at one account at once.

Each thread has its own database connection and comes from its own address,
as a spread-out attack would, so only the account's count can stop them; the
guesses name the account by username and by phone number in three spellings,
which must all be one count (``lms/accounts/login_throttle.py``). The password
check is slowed down to a real hash's pace so that every guess is in flight
at once: a limit read before the check and written after it would let them
all through.

On PostgreSQL the threads really overlap. On SQLite they cannot: the test
database lives in shared-cache memory, whose table locks fail a second writer
at once ("database table is locked") instead of letting it wait, and a file
database runs one write at a time anyway. So the test skips there and says so.
"""

import threading
import time

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import connection
from django.test import RequestFactory

from lms.accounts import login_throttle
from tests.factories import ParticipantFactory
from tests.quizzes.test_concurrency import race

pytestmark = [
    # serialized_rollback: the flush after each test would take the migrations'
    # data (root page, role groups) with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's test database refuses concurrent writers ('database "
        "table is locked'), so guesses cannot overlap: run with "
        "DATABASE_URL=postgres://…",
    ),
]

GUESSERS = 40
LOGINS = ["bambang", "081234567801", "0812-3456-7801", "+62 812 3456 7801"]


@pytest.fixture
def checks(monkeypatch):
    """Every password checked, each taking as long as a real hash (about 30 ms)."""
    counted = []
    lock = threading.Lock()
    verify = MD5PasswordHasher.verify

    def slow_counting_verify(self, password, encoded):
        with lock:
            counted.append(password)
        time.sleep(0.03)
        return verify(self, password, encoded)

    monkeypatch.setattr(MD5PasswordHasher, "verify", slow_counting_verify)
    return counted


def test_forty_parallel_guesses_check_at_most_the_limit(checks, password):
    bambang = ParticipantFactory(username="bambang", phone="+6281234567801")
    guesses = iter(range(GUESSERS))
    next_guess = threading.Lock()

    def guess():
        with next_guess:
            n = next(guesses)
        request = RequestFactory().post("/akun/masuk/", REMOTE_ADDR=f"198.51.100.{n}")
        return authenticate(request, username=LOGINS[n % 4], password="salah")

    results, errors = race(guess, times=GUESSERS)

    assert not errors
    assert results == [None] * GUESSERS
    assert len(checks) == login_throttle.MAX_FAILURES
    # Locked now: the right password is refused without being checked.
    assert authenticate(None, username="bambang", password=password) is None
    assert len(checks) == login_throttle.MAX_FAILURES
    assert login_throttle.locked_until(bambang) is not None
