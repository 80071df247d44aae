"""The scan page a participant's phone opens from the hall screen's QR code."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lms.events.attendance import (
    SCAN_GRACE,
    current_token,
    token_for_window,
    window_number,
)
from lms.events.models import CheckIn
from tests.factories import CheckInFactory, EnrolmentFactory
from tests.lms.events.attendance_setup import make_event


@pytest.fixture
def event(home_page):
    return make_event(home_page, title="Peningkatan Kapasitas LMK Sawah Besar")


@pytest.fixture
def enrolled(event, participant):
    EnrolmentFactory(event=event, user=participant)
    return participant


@pytest.fixture
def english(client):
    """Pages in their source language, whatever the Indonesian catalogue holds."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def phone(english, enrolled):
    english.force_login(enrolled)
    return english


def scan_url(event, token=None):
    token = token or current_token(event_id=event.pk)
    return reverse("event_check_in", args=[event.pk, token])


def old_token(event):
    """The code the screen showed a minute ago: what a photo sent to a friend holds."""
    return token_for_window(event_id=event.pk, window=window_number(timezone.now()) - 2)


def test_the_scan_page_asks_before_checking_in(phone, event, enrolled):
    response = phone.get(scan_url(event))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check me in" in html
    assert 'id="check-in-button"' in html
    assert enrolled.full_name in html
    assert not CheckIn.objects.exists()  # a link preview checks nobody in


def test_pressing_the_button_checks_in_and_says_when(phone, event, enrolled):
    url = scan_url(event)
    response = phone.post(url)
    assert response.status_code == 302 and response.url == url
    record = CheckIn.objects.get(event=event, user=enrolled)
    assert record.method == CheckIn.Method.QR
    html = phone.get(url).content.decode()
    assert "You are checked in" in html
    assert timezone.localtime(record.checked_in_at).strftime("%H.%M") in html
    assert f'href="{event.url}"' in html


def test_a_double_tap_checks_in_once_and_keeps_the_first_time(phone, event, enrolled):
    url = scan_url(event)
    phone.post(url)
    first = CheckIn.objects.get().checked_in_at
    response = phone.post(url, follow=True)
    assert CheckIn.objects.get().checked_in_at == first
    assert "already checked in" in response.content.decode()


def test_scanning_again_later_says_since_when(phone, event, enrolled):
    record = CheckInFactory(event=event, user=enrolled)
    html = phone.get(scan_url(event, old_token(event))).content.decode()
    assert "You are checked in" in html
    assert timezone.localtime(record.checked_in_at).strftime("%H.%M") in html


def test_an_old_qr_code_is_refused(phone, event):
    url = scan_url(event, old_token(event))
    html = phone.get(url).content.decode()
    assert "This QR code has expired" in html
    assert "Scan the one on the screen again" in html
    assert 'data-check-in-refused="expired"' in html
    assert "Check me in" not in html
    response = phone.post(url)
    assert "This QR code has expired" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_another_events_code_is_refused(phone, event, home_page):
    other = make_event(home_page)
    url = scan_url(event, current_token(event_id=other.pk))
    phone.post(url)
    assert "This QR code has expired" in phone.get(url).content.decode()
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    "forged", ["AAAAAA", "<script>alert(1)<", "%3Cb%3Ex", "X" * 2000]
)
def test_forged_codes_are_refused_and_not_echoed(phone, event, forged):
    url = f"/kegiatan-saya/{event.pk}/hadir/{forged}/"
    response = phone.post(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This QR code has expired" in html
    assert "<script>alert" not in html
    assert not CheckIn.objects.exists()


def test_someone_not_enrolled_is_sent_to_join_without_the_code(
    english, event, participant
):
    english.force_login(participant)
    response = english.post(scan_url(event))
    html = response.content.decode()
    assert "You are not enrolled in this event" in html
    assert f'href="{reverse("join_event")}"' in html
    assert event.registration_code not in html
    assert not CheckIn.objects.exists()


def test_before_check_in_opens_the_page_says_when_it_opens(
    phone,
    home_page,
    enrolled,
):
    starts_at = timezone.now() + datetime.timedelta(days=3)
    later = make_event(home_page, starts_at=starts_at)
    EnrolmentFactory(event=later, user=enrolled)
    response = phone.post(scan_url(later))
    opens = timezone.localtime(starts_at - datetime.timedelta(hours=2))
    assert "Check-in opens at " + opens.strftime("%H.%M") in response.content.decode()
    assert not CheckIn.objects.exists()


def test_after_the_event_scanning_is_closed(phone, home_page, enrolled):
    past = make_event(home_page, starts_at=timezone.now() - datetime.timedelta(days=1))
    EnrolmentFactory(event=past, user=enrolled)
    response = phone.post(scan_url(past))
    assert "Check-in for this event has closed" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_unknown_and_unpublished_events_are_not_found(phone, event):
    assert phone.get("/kegiatan-saya/999999/hadir/AAAAAA/").status_code == 404
    event.unpublish()
    assert phone.get(scan_url(event)).status_code == 404


def test_logged_out_scanners_log_in_and_come_back(english, event, enrolled):
    url = scan_url(event)
    response = english.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"
    assert not CheckIn.objects.exists()


def test_the_scanned_code_stays_good_while_logging_in(english, event, enrolled):
    """Typing a one-time password and a new one takes longer than a minute."""
    url = scan_url(event)
    english.get(url)  # logged out: off to the login page, the scan remembered
    english.force_login(enrolled)
    later = timezone.now() + SCAN_GRACE - datetime.timedelta(minutes=1)
    with mock.patch("lms.events.views.check_in.timezone") as clock:
        clock.now.return_value = later
        assert "Check me in" in english.get(url).content.decode()
        english.post(url)
    assert CheckIn.objects.get(user=enrolled).checked_in_at == later


def test_the_scan_grace_runs_out(english, event, enrolled):
    url = scan_url(event)
    english.get(url)
    english.force_login(enrolled)
    later = timezone.now() + SCAN_GRACE + datetime.timedelta(minutes=1)
    with mock.patch("lms.events.views.check_in.timezone") as clock:
        clock.now.return_value = later
        english.post(url)
    assert not CheckIn.objects.exists()


def test_a_cross_site_post_is_refused(event, enrolled):
    client = Client(enforce_csrf_checks=True)
    client.force_login(enrolled)
    assert client.post(scan_url(event)).status_code == 403
    assert not CheckIn.objects.exists()


def test_the_scan_page_is_made_for_phones(phone, event):
    html = phone.get(scan_url(event)).content.decode()
    assert 'name="viewport" content="width=device-width' in html
    assert "button--full" in html
