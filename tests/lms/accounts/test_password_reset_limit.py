"""Password reset emails are limited per client address (``lms/accounts/views.py``)."""

import pytest
from django.core import mail
from django.urls import reverse

from lms.accounts.views import RESET_REQUESTS
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bambang(db):
    return ParticipantFactory(username="bambang", email="bambang@example.org")


def ask_for_reset(client, email, address="192.0.2.10", **headers):
    return client.post(
        reverse("password_reset"), {"email": email}, REMOTE_ADDR=address, **headers
    )


def test_one_address_gets_a_few_reset_emails_then_waits(client, bambang, in_english):
    for _ in range(RESET_REQUESTS.attempts):
        assert ask_for_reset(client, "bambang@example.org").status_code == 302
    assert len(mail.outbox) == RESET_REQUESTS.attempts
    response = ask_for_reset(client, "bambang@example.org")
    assert response.status_code == 200
    assert "Too many reset requests from this network. Wait 15 minutes" in (
        response.text
    )
    assert len(mail.outbox) == RESET_REQUESTS.attempts
    # Another address is not held up.
    assert ask_for_reset(client, "bambang@example.org", "192.0.2.11").status_code == 302
    assert len(mail.outbox) == RESET_REQUESTS.attempts + 1


def test_addresses_without_an_account_use_up_the_limit_too(client, bambang):
    """Otherwise the wait would tell which addresses have an account."""
    for n in range(RESET_REQUESTS.attempts):
        ask_for_reset(client, f"nobody{n}@example.org")
    ask_for_reset(client, "bambang@example.org")
    assert mail.outbox == []


def test_behind_nginx_each_client_has_its_own_limit(client, bambang, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for _ in range(RESET_REQUESTS.attempts):
        ask_for_reset(
            client, "bambang@example.org", "127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6"
        )
    ask_for_reset(
        client, "bambang@example.org", "127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    assert len(mail.outbox) == RESET_REQUESTS.attempts + 1
