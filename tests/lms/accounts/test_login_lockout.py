"""The login lockout: one count per account, one per address, and ways out."""

import datetime
import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse

from lms.accounts import login_throttle
from lms.accounts.models import AttemptCounter
from tests.factories import ParticipantFactory

PHONE_SPELLINGS = ["081234567801", "0812-3456-7801", "+62 812 3456 7801"]


@pytest.fixture
def bambang(db):
    return ParticipantFactory(
        username="bambang", phone="+6281234567801", email="bambang@example.org"
    )


@pytest.fixture
def checks(monkeypatch):
    """How many passwords were actually checked (the slow hash, in production)."""
    counted = []
    verify = MD5PasswordHasher.verify

    def counting_verify(self, password, encoded):
        counted.append(password)
        return verify(self, password, encoded)

    monkeypatch.setattr(MD5PasswordHasher, "verify", counting_verify)
    return counted


def log_in(client, login, password="salah", address="192.0.2.10", **headers):
    return client.post(
        reverse("login"),
        {"username": login, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def error_of(response) -> str:
    return " ".join(re.findall(r'<a href="#id_username">([^<]*)</a>', response.text))


def move_window_back(scope, minutes):
    """As if the counts were started ``minutes`` earlier than they were."""
    for counter in AttemptCounter.objects.filter(scope=scope):
        counter.window_start -= datetime.timedelta(minutes=minutes)
        counter.save()


def test_username_and_phone_share_one_count(client, bambang, password, in_english):
    for login in ["bambang"] * 5 + PHONE_SPELLINGS + ["bambang", "+6281234567801"]:
        log_in(client, login)  # 10 wrong passwords, named five ways
    response = log_in(client, "bambang", password)
    assert not logged_in(client)
    assert "Too many wrong passwords for this account. Wait 15 minutes" in (
        error_of(response)
    )


def test_a_locked_account_checks_no_more_passwords(client, bambang, password, checks):
    for _ in range(10):
        log_in(client, "0812-3456-7801")
    assert len(checks) == 10
    log_in(client, "bambang", password)
    log_in(client, "bambang")
    assert len(checks) == 10
    assert not logged_in(client)


def test_the_tenth_wrong_password_already_says_locked(client, bambang, in_english):
    for _ in range(9):
        assert "do not match" in error_of(log_in(client, "bambang"))
    assert "Too many wrong passwords" in error_of(log_in(client, "bambang"))


def test_the_message_says_how_long_is_left(client, bambang, in_english):
    for _ in range(10):
        log_in(client, "bambang")
    move_window_back(login_throttle.ACCOUNT.scope, 10)
    assert "Wait 5 minutes" in error_of(log_in(client, "bambang"))
    move_window_back(login_throttle.ACCOUNT.scope, 4.5)
    assert "Wait 1 minute and" in error_of(log_in(client, "bambang"))


def test_after_the_wait_the_owner_logs_in(client, bambang, password):
    for _ in range(10):
        log_in(client, "bambang")
    move_window_back(login_throttle.ACCOUNT.scope, 15)
    log_in(client, "bambang", password)
    assert logged_in(client)


def test_the_last_try_starts_the_wait_afresh(client, bambang, password):
    """At most ten guesses in any 15 minutes: nine early, the tenth late, then
    a full 15 minutes from the tenth, not from the first."""
    for _ in range(9):
        log_in(client, "bambang")
    move_window_back(login_throttle.ACCOUNT.scope, 14)
    log_in(client, "bambang")
    move_window_back(login_throttle.ACCOUNT.scope, 14)
    log_in(client, "bambang", password)
    assert not logged_in(client)


def test_logins_that_match_no_account_cost_the_same(client, db, checks, in_english):
    """Probing for accounts is limited like guessing, counted per number however
    it is typed, and the answers read the same as for a real account."""
    for n in range(10):
        log_in(client, PHONE_SPELLINGS[n % 3].replace("7801", "7999"))
    assert len(checks) == 0  # no account, no password: a decoy hash
    response = log_in(client, "0812 3456 7999")
    assert "Too many wrong passwords for this account. Wait 15 minutes" in (
        error_of(response)
    )


def test_one_address_cannot_sweep_many_accounts(client, db, password, in_english):
    victims = ParticipantFactory.create_batch(12)
    for victim in victims[:10]:
        for _ in range(10):
            log_in(client, victim.username, address="198.51.100.7")
    # The address used its 100 failures: even a right password waits.
    response = log_in(client, victims[11].username, password, address="198.51.100.7")
    assert not logged_in(client)
    assert "Too many failed logins from this network. Wait 15 minutes" in (
        error_of(response)
    )
    assert login_throttle.locked_until(victims[11]) is None
    # Anyone else logs in as usual.
    log_in(client, victims[11].username, password, address="198.51.100.8")
    assert logged_in(client)


def test_successful_logins_do_not_use_up_the_address(client, db, password):
    """A hall behind one public address logs in all day."""
    users = ParticipantFactory.create_batch(3)
    for _ in range(40):
        for user in users:
            log_in(client, user.username, password, address="198.51.100.7")
            client.post(reverse("logout"))
    log_in(client, users[0].username, password, address="198.51.100.7")
    assert logged_in(client)


def test_behind_nginx_the_address_limit_counts_each_client(
    client, db, password, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    user = ParticipantFactory()
    for n in range(100):
        log_in(
            client, f"nobody{n}", address="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6"
        )
    via_nginx = {"address": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6"}
    log_in(client, user.username, password, **via_nginx)
    assert not logged_in(client)
    another_client = {"address": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    log_in(client, user.username, password, **another_client)
    assert logged_in(client)


def test_the_admin_login_says_the_account_is_locked(client, bambang, in_english):
    for _ in range(10):
        log_in(client, "bambang")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "0812-3456-7801", "password": "whatever"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert "Too many wrong passwords for this account. Wait 15 minutes" in (
        response.text
    )


def test_resetting_the_password_ends_the_lockout(client, bambang):
    for _ in range(10):
        log_in(client, "bambang")
    client.post(reverse("password_reset"), {"email": "bambang@example.org"})
    link = re.search(r"http://testserver(\S+/atur-ulang/\S+/)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Menteng-Baru-2025", "new_password2": "Menteng-Baru-2025"},
    )
    assert login_throttle.locked_until(bambang) is None
    log_in(client, "bambang", "Menteng-Baru-2025")
    assert logged_in(client)
