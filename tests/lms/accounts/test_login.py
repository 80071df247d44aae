"""Logging in on the public site, by username or by phone number."""

import pytest
from django.urls import reverse

from tests.factories import ParticipantFactory


@pytest.fixture
def bambang(db):
    return ParticipantFactory(username="bambang", phone="+6281234567801")


@pytest.mark.parametrize(
    "login",
    ["bambang", "081234567801", "0812-3456-7801", "+62 812 3456 7801", " bambang "],
)
def test_participant_logs_in_with_username_or_phone(client, bambang, password, login):
    response = client.post(reverse("login"), {"username": login, "password": password})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(bambang.pk)


@pytest.mark.parametrize("login", ["bambang", "081234567801", "nobody", "08999999999"])
def test_wrong_credentials_get_one_plain_message_and_no_session(client, bambang, login):
    response = client.post(reverse("login"), {"username": login, "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "tidak cocok" in response.content.decode()


def test_a_deactivated_account_cannot_log_in(client, bambang, password):
    bambang.is_active = False
    bambang.save()
    client.post(reverse("login"), {"username": "bambang", "password": password})
    assert "_auth_user_id" not in client.session


def test_empty_and_huge_input_is_refused_without_error(client, bambang):
    assert client.post(reverse("login"), {}).status_code == 200
    huge = {"username": "x" * 100_000, "password": "y" * 100_000}
    assert client.post(reverse("login"), huge).status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post_and_ends_the_session(client, bambang):
    client.force_login(bambang)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_logged_in_people_sent_to_login_are_told_why_not_bounced(client, bambang):
    client.force_login(bambang)
    for next_url in ["/admin/", reverse("login")]:
        response = client.get(reverse("login"), {"next": next_url})
        assert response.status_code == 200
    assert "Akun Anda tidak dapat membuka halaman itu" in response.content.decode()


def fail_logins(client, login, times):
    for _ in range(times):
        client.post(reverse("login"), {"username": login, "password": "salah"})


def test_an_account_locks_after_ten_wrong_passwords_however_the_number_is_typed(
    client, bambang, password
):
    bambang.phone = "+6281234567801"
    bambang.save()
    fail_logins(client, "0812-3456-7801", 5)
    fail_logins(client, "+62 812 3456 7801", 5)
    response = client.post(
        reverse("login"), {"username": "081234567801", "password": password}
    )
    assert "_auth_user_id" not in client.session
    assert "Tunggu 15 menit" in response.content.decode()


def test_the_lock_covers_the_admin_login_and_spares_other_accounts(
    client, bambang, password
):
    other = ParticipantFactory(username="siti")
    fail_logins(client, "bambang", 10)
    client.post(
        reverse("wagtailadmin_login"), {"username": "bambang", "password": password}
    )
    assert "_auth_user_id" not in client.session
    client.post(reverse("login"), {"username": "siti", "password": password})
    assert client.session["_auth_user_id"] == str(other.pk)


def test_a_successful_login_resets_the_count(client, bambang, password):
    fail_logins(client, "bambang", 9)
    client.post(reverse("login"), {"username": "bambang", "password": password})
    client.post(reverse("logout"))
    fail_logins(client, "bambang", 9)
    client.post(reverse("login"), {"username": "bambang", "password": password})
    assert client.session["_auth_user_id"] == str(bambang.pk)
