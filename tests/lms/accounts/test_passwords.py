"""Passwords are stored with Argon2id; older hashes upgrade at the next login.

The suite hashes with MD5 for speed (``lms.settings.test``); these tests put
back the real list from ``lms.settings.base``.
"""

import pytest
from django.contrib.auth.hashers import get_hasher, make_password
from django.test import override_settings
from django.urls import reverse

from lms.events import login_slips
from lms.events.login_slips import ONE_TIME_PBKDF2_ITERATIONS, issue_login_slips
from lms.settings import base
from tests.factories import (
    EnrolmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ParticipantFactory,
)

REAL_HASHERS = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)
# What production stored before Argon2 became the default.
PBKDF2_FIRST = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)


def hashed_with(user) -> str:
    """The algorithm of the user's stored hash, as the database holds it now."""
    user.refresh_from_db()
    return user.password.split("$", 1)[0]


@REAL_HASHERS
def test_new_passwords_are_argon2id_with_the_documented_cost():
    encoded = make_password("Sawah-Besar-2024!")
    assert get_hasher().algorithm == "argon2"
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


@pytest.mark.parametrize("login", ["bambang", "0812-3456-7801"])
def test_a_pbkdf2_password_becomes_argon2_at_the_next_login(client, db, login):
    with PBKDF2_FIRST:
        user = ParticipantFactory(
            username="bambang", phone="+6281234567801", password="Gambir-2023!"
        )
    assert hashed_with(user) == "pbkdf2_sha256"

    with REAL_HASHERS:
        client.post(reverse("login"), {"username": login, "password": "wrong"})
        assert hashed_with(user) == "pbkdf2_sha256"  # only a right password upgrades
        response = client.post(
            reverse("login"), {"username": login, "password": "Gambir-2023!"}
        )
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)
        assert hashed_with(user) == "argon2"
        assert user.check_password("Gambir-2023!")


@pytest.fixture
def slip_holder(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    return event, EnrolmentFactory(event=event, user__phone="+6281234567890").user


@pytest.fixture
def known_slip_password(monkeypatch):
    monkeypatch.setattr(login_slips, "new_one_time_password", lambda: "pqrstuvw")
    return "pqrstuvw"


def test_a_slip_printed_before_argon2_upgrades_at_its_first_login(
    client, organiser, slip_holder, known_slip_password
):
    event, user = slip_holder
    with PBKDF2_FIRST:
        issue_login_slips(users=[user], event=event, by=organiser)
    user.refresh_from_db()
    assert user.password.startswith(f"pbkdf2_sha256${ONE_TIME_PBKDF2_ITERATIONS}$")

    with REAL_HASHERS:
        response = client.post(
            reverse("login"),
            {"username": "0812-3456-7890", "password": known_slip_password},
        )
        assert response.status_code == 302
        assert hashed_with(user) == "argon2"


@REAL_HASHERS
def test_new_slips_hold_argon2_hashes_that_log_in(
    client, organiser, slip_holder, known_slip_password
):
    event, user = slip_holder
    issue_login_slips(users=[user], event=event, by=organiser)
    assert hashed_with(user) == "argon2"
    client.post(
        reverse("login"), {"username": user.username, "password": known_slip_password}
    )
    assert client.session["_auth_user_id"] == str(user.pk)
