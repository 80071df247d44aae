"""A newcomer's day at the demo's event of the day, as `make run` serves it.

The demo is seeded as `make run` seeds it, on a live server whose port is not
8000. A newcomer on a small Android phone registers with the event's code; the
organiser (``penyelenggara``) opens the hall screen from the hub, and the
newcomer follows the address decoded from a picture of its QR code, is checked
in, accepts the pact and the pledge and passes the post-test with the answers
of its question specs. With no organiser action, the certificate is on
"Beranda saya"; a stranger opens the address decoded from the QR code printed
on its PDF and sees that it is valid.

Every address a QR code carries is opened as decoded: SITE_URL must lead back
to the server that is running. `make run` gives the settings its PORT
(``lms/settings/dev.py``, tested in ``tests/lms/core/test_settings.py``); here the
port is known only once the live server runs, so SITE_URL is set to its
address before seeding, as that mechanism would.

Screenshots go to tests/browser/screenshots/ (labels prefixed "newcomer-").
"""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.core.reference import InstitutionType
from lms.demo import DEMO_PASSWORD
from lms.demo.content.event import PACT, PLEDGE
from lms.demo.content.event_of_the_day import EVENT
from lms.demo.content.tests import POST_TEST
from lms.demo.event_of_the_day import event_of_the_day
from lms.events.models import Enrolment
from quizzes.models import Attempt, QuizPage
from tests.browser.conftest import PHONE, log_in_to_admin
from tests.browser.test_event_journey import _said
from tests.lms.demo.test_demo_quizzes import right_response
from tests.pdfs import decode_qr_codes, decode_qr_images

NEWCOMER = {
    "full_name": "Siti Aminah Lubis",
    "phone": "0812-5550-7788",
    "position": "Ketua PKK RW 002",
    "rw": "002",
    "kelurahan": "Kebon Kosong",
    "password": "kebon-kosong-rw2",
}


@pytest.fixture
def site(django_db_serialized_rollback, live_server, settings, request):
    """The seeded demo on a live server, SITE_URL being that server's address.

    Serialized rollback is asked for here, before the database is set up: asked
    for only through ``demo_site`` below, it would come too late, and a test
    that ran before would have flushed the root page away.
    """
    assert urlsplit(live_server.url).port != 8000
    settings.SITE_URL = live_server.url
    return request.getfixturevalue("demo_site")


def _shot(screenshot, page, label):
    screenshot(page, f"newcomer-{label}")


def _registers(phone, site, screenshot):
    """Types the code from the poster on the join page and fills in the short form."""
    phone.goto(f"{site}{reverse('join_event')}")
    phone.locator("#id_code").fill(EVENT["registration_code"].lower())
    phone.locator("#id_full_name").fill(NEWCOMER["full_name"])
    phone.locator("#id_phone").fill(NEWCOMER["phone"])
    phone.locator("#id_institution_type").select_option(InstitutionType.PKK)
    phone.locator("#id_position").fill(NEWCOMER["position"])
    phone.locator("#id_rw").fill(NEWCOMER["rw"])
    phone.locator("#id_kelurahan").select_option(NEWCOMER["kelurahan"])
    phone.locator("#id_password").fill(NEWCOMER["password"])
    phone.get_by_role("button", name=_said("Register and join")).click()
    event = event_of_the_day()
    phone.wait_for_url(f"{site}{event.url}")
    expect(phone.get_by_role("heading", level=1)).to_have_text(EVENT["title"])
    _shot(screenshot, phone, "registered")
    user = User.objects.get(full_name=NEWCOMER["full_name"])
    assert Enrolment.objects.get(event=event, user=user).source == "code"
    return event, user


def _decoded_hall_screen(organiser, site, screenshot, event, tmp_path):
    """The organiser opens the hall screen from the hub; its QR code, as a phone reads it."""
    log_in_to_admin(organiser, site, "penyelenggara", DEMO_PASSWORD)
    organiser.goto(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    with organiser.context.expect_page() as opened:
        organiser.get_by_role(
            "link", name=_said("Check-in screen for the hall")
        ).click()
    screen = opened.value
    qr = screen.locator("#check-in-qr")
    expect(qr).to_be_visible()
    _shot(screenshot, screen, "hall-screen")
    qr.screenshot(path=tmp_path / "hall-qr.png")
    # Closed at once: its polling would race the phone for the live server's
    # one SQLite connection.
    screen.close()
    (address,) = decode_qr_images([tmp_path / "hall-qr.png"])
    return address


def _checks_in(phone, screenshot, address):
    phone.goto(address)
    phone.locator("#check-in-button").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(
        _said("You are checked in")
    )
    _shot(screenshot, phone, "checked-in")


def _accepts(phone, site, event, title):
    phone.goto(f"{site}{event.url}")
    phone.locator(".step-list").get_by_role("link", name=title).click()
    phone.get_by_label(_said("I have read and agree")).check()
    phone.get_by_label(_said("Your full name")).fill(NEWCOMER["full_name"])
    phone.get_by_role("button", name=_said("Accept"), exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(_said("Accepted"))


def _answer(question, response):
    """Gives ``response`` (as the browser sends it) to one question of the page."""
    kind = question.get_attribute("data-type")
    if kind in ("single_choice", "true_false"):
        value = str(response).lower() if kind == "true_false" else response
        question.locator(f"input[value='{value}']").check()
    elif kind == "multiple_choice":
        for key in response:
            question.locator(f"input[value='{key}']").check()
    elif kind == "matching":
        for prompt, choice in response.items():
            question.locator(f"select[data-matching-prompt='{prompt}']").select_option(
                choice
            )
    else:
        question.locator("input[type=text]").fill(response)


def _passes_post_test(phone, site, screenshot, event, user):
    phone.goto(f"{site}{event.url}")
    phone.locator(".step-list").get_by_role("link", name=POST_TEST["title"]).click()
    phone.locator("form[action$='/mulai/'] button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/kuis/percobaan/\d+/$"))
    quiz = QuizPage.objects.child_of(event).get(kind="post_test")
    attempt = Attempt.objects.get(quiz=quiz, user=user)
    for question in attempt.paper:
        _answer(
            phone.locator(f"fieldset[data-question='{question['key']}']"),
            right_response(question),
        )
    _shot(screenshot, phone, "post-test")
    phone.locator("[data-submit-button]").click()
    phone.locator(
        "dialog[data-confirm-dialog] [data-confirm-form] button[type=submit]"
    ).click()
    phone.wait_for_url(re.compile(r"/kuis/percobaan/\d+/hasil/$"))
    expect(phone.locator(".result-summary")).to_have_class(
        re.compile(r"\bresult-summary--passed\b")
    )
    _shot(screenshot, phone, "post-test-result")


def _certificate_pdf(phone, site, screenshot):
    """The certificate as downloaded from "Beranda saya"."""
    phone.goto(f"{site}{reverse('dashboard')}")
    card = phone.locator("section[aria-labelledby=my-certificates] article.panel")
    expect(card).to_have_count(1)
    expect(card).to_contain_text(EVENT["title"])
    card.scroll_into_view_if_needed()
    _shot(screenshot, phone, "dashboard")
    download = card.locator("a[download]").get_attribute("href")
    response = phone.request.get(f"{site}{download}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    return response.body()


def test_a_newcomer_completes_the_demo_event_of_the_day(
    site, browser, phone_page, laptop_page, screenshot, tmp_path
):
    phone, organiser = phone_page, laptop_page
    event, user = _registers(phone, site, screenshot)

    address = _decoded_hall_screen(organiser, site, screenshot, event, tmp_path)
    assert address.startswith(f"{site}/kegiatan-saya/{event.pk}/hadir/")
    _checks_in(phone, screenshot, address)
    for pact in (PACT, PLEDGE):
        _accepts(phone, site, event, pact["title"])
    assert not Certificate.objects.filter(user=user).exists()
    _passes_post_test(phone, site, screenshot, event, user)

    (address,) = decode_qr_codes(_certificate_pdf(phone, site, screenshot))
    certificate = Certificate.objects.get(user=user, event=event)
    assert certificate.method == Certificate.Method.AUTOMATIC
    assert address == f"{site}/v/{certificate.verification_code}/"
    stranger = browser.new_context(**PHONE).new_page()
    try:
        stranger.goto(address)
        expect(stranger.locator(".notice--success")).to_contain_text(
            _said("This certificate is valid.")
        )
        expect(stranger.locator("main")).to_contain_text(NEWCOMER["full_name"])
        _shot(screenshot, stranger, "verified")
    finally:
        stranger.context.close()
