"""An event day, tried as new users would, in a real browser.

The organiser, on a laptop, creates the event in the Wagtail page editor
(picking its pacts in the settings tab), imports a participant list and
opens the hall screen. A newcomer, on a small Android phone, registers with
the event code, is refused with a photo of an old QR code, checks in with the
code on the screen, accepts the pact and the pledge, passes the post-test and
sees on "Beranda saya" that the event is complete; the organiser's hub says
so too.

What the pages say is matched against the app's own words in the browser's
language (``_said``), so the test holds while the Indonesian catalogue is
being filled in. Timing: the event started an hour ago, so check-in is open;
tokens are computed with lms.events.attendance's functions rather than waited for.

Screenshots go to tests/browser/screenshots/ (labels prefixed "event-"), and
four of them to docs/img/ for docs/events.md (``UPDATE_DOC_IMAGES=1``).
"""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from lms.accounts.models import User
from lms.core.reference import InstitutionType, Kecamatan
from lms.events.attendance import current_token, token_for_window, window_number
from lms.events.models import CheckIn, Enrolment, EventPage, PactAcceptance
from quizzes.models import Attempt, QuizPage
from tests.browser.conftest import log_in_to_admin, save_doc_image
from tests.factories import (
    TEST_PASSWORD,
    EventIndexPageFactory,
    HomePageFactory,
    OrganisationFactory,
    OrganiserFactory,
    PactFactory,
    QuizPageFactory,
    question_blocks,
)

EVENT_TITLE = "Peningkatan Kapasitas Lembaga Kemasyarakatan Sawah Besar"
VENUE = "Aula Kantor Kecamatan Sawah Besar"
CODE = "SWB27A"
ORGANISATION = "Bagian Pemerintahan Setko Jakarta Pusat"
PACT_TITLE = "Pakta Integritas"
PLEDGE_TITLE = "Ikrar Netralitas ASN"
POST_TEST_TITLE = "Post-test Pemilu 2024"

# The newcomer who registers on their phone in the hall.
NEWCOMER = {
    "full_name": "Rina Marlina",
    "phone": "0812-7788-9900",
    "position": "Sekretaris RW 005",
    "rt": "003",
    "rw": "005",
    "kelurahan": "Kartini",
    "password": "kartini-rw-005",
}

# What the organiser's spreadsheet holds: Indonesian headers, as exported.
PARTICIPANT_CSV = (
    "Nama,No HP,Lembaga,Jabatan,RT,RW,Kecamatan,Kelurahan\n"
    "Slamet Riyadi,0813-1111-2222,RT,Ketua RT 001,1,5,Sawah Besar,Kartini\n"
    "Wulan Sari,0857-3333-4444,PKK,Ketua PKK,,5,Sawah Besar,Kartini\n"
)

IMPORTED = ("Slamet Riyadi", "Wulan Sari")

PHONE_WIDTH = 360


def _said(text):
    """A pattern for ``text`` as the app says it in Indonesian (the browser's language).

    Catalogue entries come and go while the translation is being finished;
    the server and this test read the same catalogue, so they agree.
    """
    with translation.override("id"):
        return re.compile(re.escape(gettext(text)))


@pytest.fixture
def event_site(live_server, django_db_serialized_rollback, settings):
    """A live server with the home page, an empty "Kegiatan", an organiser and two pacts.

    Serialized rollback brings back what migrations made (the root page, the
    role groups and their page permissions) after the previous test's flush.
    """
    # Wagtail's editor autosaves every 500 ms; the live server's threads share
    # one in-memory SQLite connection, so an autosave overlapping the publish
    # fails with "database table is locked". Autosave is not this journey.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    # The address the hall screen prints and encodes: not the live server's,
    # as in production behind a proxy; phones open its path on the server.
    settings.SITE_URL = "https://sikap.example"
    home = HomePageFactory()
    index = EventIndexPageFactory(parent=home, title="Kegiatan", slug="kegiatan")
    organisation = OrganisationFactory(
        name=ORGANISATION, short_name="Bagian Pemerintahan"
    )
    OrganiserFactory(
        username="dewi.lestari", full_name="Dewi Lestari", organisation=organisation
    )
    PactFactory(
        title=PACT_TITLE,
        body="<p>Saya tidak akan menerima imbalan dalam bentuk apa pun.</p>",
    )
    PactFactory(
        title=PLEDGE_TITLE,
        kind="pledge",
        body="<p>Kami, Aparatur Sipil Negara, menjaga netralitas.</p>",
    )
    return live_server.url, index


def _shot(screenshot, page, label):
    screenshot(page, f"event-{label}")


def _assert_fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a 360px phone"


def _admin_time(moment):
    """A time as the admin's date-time field takes it, in the organiser's time zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


# The organiser -----------------------------------------------------------------


def _organiser_creates_event(page, site, screenshot, index, starts_at, ends_at):
    """Adds the event under "Kegiatan" in the page editor and publishes it."""
    page.goto(f"{site}/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Tambahkan halaman turunan").first.click()
    # "Kegiatan" holds only events, so Wagtail opens the event form at once.
    page.wait_for_url(f"{site}/admin/pages/add/lms/eventpage/{index.pk}/")

    page.locator("#id_title").fill(EVENT_TITLE)
    for field, moment in (("starts_at", starts_at), ("ends_at", ends_at)):
        page.locator(f"#id_{field}").fill(_admin_time(moment))
        page.keyboard.press("Escape")  # closes the date picker
    page.locator("#id_venue").fill(VENUE)
    page.locator("#id_kecamatan").select_option(Kecamatan.SAWAH_BESAR)
    page.locator("#id_kelurahan").select_option("Pasar Baru")

    chooser = page.locator("#id_organiser-chooser")
    chooser.locator(".unchosen [data-chooser-action-choose]").click()
    page.get_by_role("dialog").get_by_role("link", name=ORGANISATION).click()
    expect(chooser.locator("[data-chooser-title]")).to_have_text(ORGANISATION)
    expect(page.get_by_role("dialog")).to_have_count(0)
    _shot(screenshot, page, "organiser-editor")

    # The settings tab: the code on the poster, and the texts to accept.
    page.get_by_role("tab", name="Pengaturan").click()
    page.locator("#id_registration_code").fill(CODE)
    page.get_by_label(PACT_TITLE).check()
    page.get_by_label(PLEDGE_TITLE).check()
    _shot(screenshot, page, "organiser-settings")

    page.locator("footer .w-dropdown__toggle").click()
    page.locator("footer button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text(EVENT_TITLE)
    _shot(screenshot, page, "organiser-published")

    event = EventPage.objects.get(title=EVENT_TITLE)
    assert event.live
    assert event.get_parent().pk == index.pk
    assert event.registration_code == CODE
    assert event.venue == VENUE
    assert event.organiser.name == ORGANISATION
    assert abs(event.starts_at - starts_at) < datetime.timedelta(minutes=1)
    assert {p.title for p in event.pacts.all()} == {PACT_TITLE, PLEDGE_TITLE}
    return event


def _organiser_opens_hub(page, site, event):
    """From the admin menu's "Events" list to the event's hub."""
    events_url = reverse("lms_event_admin:events")
    page.locator(f"aside a[href='{events_url}']").click()
    page.wait_for_url(f"{site}{events_url}")
    page.get_by_role("link", name=EVENT_TITLE).click()
    page.wait_for_url(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    expect(page.locator("body")).to_contain_text(CODE)


def _organiser_imports_participants(page, site, screenshot, event):
    """Upload, preview, confirm: the list's two people get accounts and places."""
    page.goto(
        f"{site}{reverse('lms_event_admin:participants_upload', args=[event.pk])}"
    )
    page.locator("input[type=file]").set_input_files(
        files=[
            {
                "name": "daftar-peserta.csv",
                "mimeType": "text/csv",
                "buffer": PARTICIPANT_CSV.encode(),
            }
        ]
    )
    page.locator("form.participants-upload button[type=submit]").click()
    page.wait_for_url(re.compile(r"/peserta/periksa/\?token="))
    rows = page.locator("table.participants-rows tbody tr")
    expect(rows).to_have_count(len(IMPORTED))
    for name in IMPORTED:
        expect(rows.filter(has_text=name)).to_contain_text(_said("New account"))
    # Nothing is saved before the organiser confirms.
    assert not User.objects.filter(full_name__in=IMPORTED).exists()
    _shot(screenshot, page, "import-preview")

    page.locator("form.participants-confirm button[type=submit]").click()
    page.wait_for_url(re.compile(r"/peserta/hasil/\?token="))
    _shot(screenshot, page, "import-result")
    enrolled = Enrolment.objects.filter(event=event, user__full_name__in=IMPORTED)
    assert sorted(enrolled.values_list("user__full_name", flat=True)) == sorted(
        IMPORTED
    )
    assert {e.source for e in enrolled} == {Enrolment.Source.IMPORT}


def _organiser_opens_hall_screen(page, site, screenshot, event):
    """From the hub, the projector page in a new tab; returns the path its QR carries.

    The QR code carries SITE_URL, which here is not the live server; its path
    is what a phone opens. The tab is closed afterwards: its polling would
    otherwise race the phone's requests for the live server's one in-memory
    SQLite connection.
    """
    page.goto(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    with page.context.expect_page() as opened:
        page.get_by_role("link", name=_said("Check-in screen for the hall")).click()
    screen = opened.value
    qr = screen.locator("#check-in-qr")
    expect(qr).to_be_visible()
    now = timezone.now()
    scan_url = qr.get_attribute("data-scan-url")
    token = screen.locator("#check-in-token").inner_text()
    # The app's rotating token: this window's, or the one before if the
    # window turned between rendering and reading.
    window = window_number(now)
    assert token in {
        token_for_window(event_id=event.pk, window=w) for w in (window, window - 1)
    }
    assert scan_url == (
        f"https://sikap.example{reverse('event_check_in', args=[event.pk, token])}"
    )
    expect(screen.locator("#check-in-count")).to_have_text(re.compile(r"^0\D+3\D"))
    save_doc_image(screen, "event-check-in-screen")
    _shot(screenshot, screen, "hall-screen")
    screen.close()
    return urlsplit(scan_url).path


def _hall_screen_counts(page, site, event, checked_in):
    """What the hall screen's polling gets now: the count, and the current code."""
    state = page.request.get(
        f"{site}{reverse('lms_event_admin:check_in_screen_state', args=[event.pk])}"
    ).json()
    assert (state["checked_in"], state["enrolled"]) == (checked_in, 3)
    window = window_number(timezone.now())
    assert state["token"] in {
        token_for_window(event_id=event.pk, window=w) for w in (window, window - 1)
    }


# The participant ----------------------------------------------------------------


def _participant_registers(page, site, screenshot, event):
    page.goto(f"{site}{reverse('join_event')}?kode={CODE}")
    expect(page.locator("#id_code")).to_have_value(CODE)
    page.locator("#id_full_name").fill(NEWCOMER["full_name"])
    page.locator("#id_phone").fill(NEWCOMER["phone"])
    page.locator("#id_institution_type").select_option(InstitutionType.RW)
    page.locator("#id_position").fill(NEWCOMER["position"])
    page.locator("#id_rt").fill(NEWCOMER["rt"])
    page.locator("#id_rw").fill(NEWCOMER["rw"])
    page.locator("#id_kelurahan").select_option(NEWCOMER["kelurahan"])
    page.locator("#id_password").fill(NEWCOMER["password"])
    page.evaluate("window.scrollTo(0, 0)")
    save_doc_image(page, "event-join-phone")
    _shot(screenshot, page, "join")
    _assert_fits_phone(page)

    page.get_by_role("button", name=_said("Register and join")).click()
    page.wait_for_url(f"{site}{event.url}")
    expect(page.locator(".messages")).to_contain_text(EVENT_TITLE)
    steps = page.locator(".step-list__item")
    expect(steps).to_have_count(3)  # check in, the texts, the post-test
    expect(page.locator(".step-list__item--done")).to_have_count(0)
    _shot(screenshot, page, "event-page")
    _assert_fits_phone(page)

    user = User.objects.get(full_name=NEWCOMER["full_name"])
    enrolment = Enrolment.objects.get(event=event, user=user)
    assert enrolment.source == Enrolment.Source.CODE
    return user


def _old_code_is_refused(page, site, screenshot, event, user):
    """A photo of the screen from two minutes ago checks nobody in."""
    old = current_token(
        event_id=event.pk, now=timezone.now() - datetime.timedelta(minutes=2)
    )
    page.goto(f"{site}{reverse('event_check_in', args=[event.pk, old])}")
    refused = page.locator("[data-check-in-refused=expired]")
    expect(refused).to_be_visible()
    expect(refused).to_contain_text(
        _said("This QR code has expired. Scan the one on the screen again.")
    )
    expect(page.locator("#check-in-button")).to_have_count(0)
    _shot(screenshot, page, "old-code")
    _assert_fits_phone(page)
    assert not CheckIn.objects.filter(event=event, user=user).exists()


def _participant_checks_in(page, site, screenshot, event, user, path):
    page.goto(f"{site}{path}")
    button = page.locator("#check-in-button")
    expect(button).to_be_visible()
    # Opening the link alone checks nobody in (link previews fetch it too).
    assert not CheckIn.objects.filter(event=event, user=user).exists()
    _shot(screenshot, page, "check-in")
    _assert_fits_phone(page)
    button.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        _said("You are checked in")
    )
    _shot(screenshot, page, "checked-in")
    record = CheckIn.objects.get(event=event, user=user)
    assert record.method == CheckIn.Method.QR


def _participant_accepts(page, site, screenshot, event, user, title, *, mistype):
    """Follows the event page's link to a text, and accepts it.

    With ``mistype``, first with someone else's name, which is refused.
    """
    page.goto(f"{site}{event.url}")
    page.locator(".step-list").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    accept = page.get_by_role("button", name=_said("Accept"), exact=True)
    name = page.get_by_label(_said("Your full name"))
    if mistype:
        # Someone else's name is refused, and the page does not say whose it is.
        page.get_by_label(_said("I have read and agree")).check()
        name.fill("Budi Santoso")
        accept.click()
        # The summary links to the name, which carries the error beside it.
        summary = page.locator(".error-summary")
        expect(summary.locator("a")).to_have_count(1)
        expect(summary.locator("a")).to_have_attribute("href", "#id_typed_name")
        expect(name).to_have_attribute("aria-invalid", "true")
        expect(page.locator("#id_typed_name_error")).to_be_visible()
        expect(page.locator("main")).not_to_contain_text(NEWCOMER["full_name"])
        assert not PactAcceptance.objects.filter(event=event, user=user).exists()
        _shot(screenshot, page, "pact-wrong-name")
    # Capital letters do not matter.
    page.get_by_label(_said("I have read and agree")).check()
    name.fill(NEWCOMER["full_name"].upper())
    _shot(screenshot, page, f"pact-{title}")
    _assert_fits_phone(page)
    accept.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_said("Accepted"))
    acceptance = PactAcceptance.objects.get(event=event, user=user, pact__title=title)
    assert acceptance.method == PactAcceptance.Method.ONLINE
    assert acceptance.version.number == 1


def _participant_passes_post_test(page, site, screenshot, event, user, quiz):
    page.goto(f"{site}{event.url}")
    page.locator(".step-list").get_by_role("link", name=POST_TEST_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(POST_TEST_TITLE)
    page.locator("form[action$='/mulai/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kuis/percobaan/\d+/$"))
    questions = page.locator("fieldset[data-question]")
    expect(questions).to_have_count(2)
    # Both right: "14 Februari 2024", and "True" for the TPS opening at 07.00.
    page.get_by_label("14 Februari 2024").check()
    true_false = page.locator("fieldset[data-question][data-type=true_false]")
    true_false.get_by_label(_said("True"), exact=True).check()
    _shot(screenshot, page, "post-test")
    page.locator("[data-submit-button]").click()
    dialog = page.locator("dialog[data-confirm-dialog]")
    expect(dialog).to_be_visible()
    dialog.locator("[data-confirm-form] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kuis/percobaan/\d+/hasil/$"))
    expect(page.locator(".result-summary")).to_have_class(
        re.compile(r"\bresult-summary--passed\b")
    )
    _shot(screenshot, page, "post-test-result")
    attempt = Attempt.objects.get(quiz=quiz, user=user)
    assert attempt.passed


def _participant_sees_complete(page, site, screenshot, event):
    page.goto(f"{site}{reverse('dashboard')}")
    card = page.locator("article.panel", has_text=EVENT_TITLE)
    status = card.locator(".event-status--complete")
    expect(status).to_contain_text(_said("Complete."))
    expect(card.locator(".step-list__item--done")).to_have_count(3)
    status.scroll_into_view_if_needed()
    save_doc_image(page, "event-dashboard-complete")
    _shot(screenshot, page, "dashboard")
    _assert_fits_phone(page)


def _organiser_sees_complete(page, site, screenshot, event):
    """The hub counts the newcomer in, checked in and complete; the list's two not yet."""
    page.goto(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    counts = page.locator(".event-hub__counts li strong")
    expect(counts).to_have_text(["3", "1", "1"])  # enrolled, checked in, complete
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(3)
    done = rows.filter(has_text=NEWCOMER["full_name"])
    expect(done.locator(".w-status--primary")).to_have_text(_said("Complete"))
    for name in IMPORTED:
        expect(rows.filter(has_text=name).locator(".w-status--primary")).to_have_count(
            0
        )
    save_doc_image(page, "event-hub")
    _shot(screenshot, page, "hub")


def test_event_day_from_creation_to_completion(
    event_site, laptop_page, phone_page, screenshot
):
    """The issue's "Done when", end to end, by an organiser and a newcomer."""
    site, index = event_site
    organiser, phone = laptop_page, phone_page
    now = timezone.now().replace(second=0, microsecond=0)
    starts_at = now - datetime.timedelta(hours=1)
    ends_at = now + datetime.timedelta(hours=4)

    log_in_to_admin(organiser, site, "dewi.lestari", TEST_PASSWORD)
    event = _organiser_creates_event(
        organiser, site, screenshot, index, starts_at, ends_at
    )
    # Building a quiz in the editor is a journey of its own (the speakers');
    # here the post-test is made directly, under the event just published.
    quiz = QuizPageFactory(
        parent=event,
        title=POST_TEST_TITLE,
        slug="post-test",
        kind=QuizPage.Kind.POST_TEST,
        questions=[
            q for q in question_blocks() if q["type"] in {"single_choice", "true_false"}
        ],
    )
    _organiser_opens_hub(organiser, site, event)
    _organiser_imports_participants(organiser, site, screenshot, event)

    user = _participant_registers(phone, site, screenshot, event)
    _old_code_is_refused(phone, site, screenshot, event, user)
    _hall_screen_counts(organiser, site, event, checked_in=0)
    path = _organiser_opens_hall_screen(organiser, site, screenshot, event)
    _participant_checks_in(phone, site, screenshot, event, user, path)
    _hall_screen_counts(organiser, site, event, checked_in=1)
    for title in (PACT_TITLE, PLEDGE_TITLE):
        _participant_accepts(
            phone, site, screenshot, event, user, title, mistype=title == PACT_TITLE
        )
    _participant_passes_post_test(phone, site, screenshot, event, user, quiz)
    _participant_sees_complete(phone, site, screenshot, event)
    _organiser_sees_complete(organiser, site, screenshot, event)
