"""axe-core finds nothing serious on the pages participants use, at 360 px.

Each test opens pages of the demo site on a small Android phone (PHONE in
conftest) and runs axe-core on them (``assert_accessible``): a serious or
critical violation fails the test with its rule and the elements at fault.
Between them the tests visit every page a participant sees: home, login,
module, lesson, quiz intro, attempt and result, event, joining with and
without the poster's code, a pact (with its errors, then accepted), "Beranda
saya" with progress and an event, and certificate verification (valid,
revoked, unknown code). Each test seeds the demo once and walks several
pages, as a participant would.

The event page's agenda and the lesson tables get their own checks, because
they used to break on a phone: the agenda's speaker column was cut off, and
a table that scrolls sideways must be reachable with the keyboard.

Screenshots go to tests/browser/screenshots/ (labels prefixed "a11y-").
"""

import re

from django.urls import reverse
from playwright.sync_api import expect

from lms.accounts.models import User
from lms.certificates.models import Certificate
from lms.certificates.revoking import revoke_certificate
from lms.demo import DEMO_PASSWORD
from lms.demo.event_of_the_day import event_of_the_day
from lms.demo.events import demo_event
from lms.learning.models import LessonPage, ModulePage
from tests.browser.conftest import PHONE, assert_accessible
from tests.factories import LessonPageFactory, QuizPageFactory, question_blocks

PHONE_WIDTH = PHONE["viewport"]["width"]

# A table wider than a phone: it must scroll inside its own region.
WIDE_TABLE = {
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Rekapitulasi suara per TPS",
    "data": [
        ["TPS", "Kelurahan", "DPT", "Hadir", "Sah", "Tidak sah", "Keterangan"],
        ["001", "Pasar Baru", "280", "231", "225", "6", "Lancar"],
        ["002", "Pasar Baru", "275", "219", "214", "5", "Hujan pagi"],
    ],
}
# Stored before TableBlock refused empty header cells: the third is empty.
TABLE_WITH_AN_EMPTY_HEADER = {
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "",
    "data": [["Warna", "Untuk memilih", ""], ["Kuning", "DPR RI", ""]],
}


def _path(page_model):
    return page_model.get_url_parts()[2]


def _assert_fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a 360px phone"


def _log_in_as_participant(page, site, *, then="/beranda-saya/"):
    """``peserta`` logs in through the form of the page ``page`` is on."""
    form = page.locator("form:has(input[name=username])")
    form.locator("input[name=username]").fill("peserta")
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    form.locator("[type=submit]").click()
    page.wait_for_url(f"{site}{then}")


def _assert_on_screen(locator):
    """Visible and within the phone's width: not cut off by a scrolling box."""
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, f"cut off: {box}"


def test_event_page_agenda_reads_on_a_phone(demo_site, phone_page, screenshot):
    """Every session's time, topic and speaker is on screen without scrolling sideways."""
    page = phone_page
    event = demo_event()
    page.goto(f"{demo_site}{_path(event)}")
    agenda = page.locator("section[aria-labelledby=agenda]")
    agenda.scroll_into_view_if_needed()
    screenshot(page, "a11y-event")

    assert_accessible(page)
    _assert_fits_phone(page)
    for block in event.agenda:
        for text in (block.value["topic"], block.value["speaker"]):
            if text:
                _assert_on_screen(agenda.get_by_text(text))


def test_lesson_tables_on_a_phone(demo_site, phone_page, screenshot):
    """A wide table scrolls in a labelled region that the keyboard can scroll;
    an empty header cell stored before the rule is not an empty <th>."""
    module = ModulePage.objects.live().first()
    lesson = LessonPageFactory(
        parent=module,
        slug="tabel-lebar",
        body=[
            {"type": "table", "value": WIDE_TABLE},
            {"type": "table", "value": TABLE_WITH_AN_EMPTY_HEADER},
        ],
    )
    page = phone_page
    page.goto(f"{demo_site}{_path(lesson)}")
    screenshot(page, "a11y-lesson-tables")

    assert_accessible(page, also=("empty-table-header",))
    _assert_fits_phone(page)
    region = page.get_by_role("region", name=WIDE_TABLE["table_caption"])
    assert region.evaluate("r => r.scrollWidth > r.clientWidth"), "should scroll"
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())

    # Every lesson of the demo that holds a table.
    for demo_lesson in LessonPage.objects.live().exclude(pk=lesson.pk):
        if any(block.block_type == "table" for block in demo_lesson.body):
            page.goto(f"{demo_site}{_path(demo_lesson)}")
            assert_accessible(page, also=("empty-table-header",))
            _assert_fits_phone(page)


def test_home_login_and_a_quiz_attempt_on_a_phone(demo_site, phone_page, screenshot):
    """The pages of a participant's first visit, up to answering a quiz."""
    page = phone_page
    page.goto(f"{demo_site}/")
    assert_accessible(page)

    page.goto(f"{demo_site}{reverse('login')}")
    assert_accessible(page)
    _log_in_as_participant(page, demo_site)
    assert_accessible(page)

    module = ModulePage.objects.live().first()
    page.goto(f"{demo_site}{_path(module)}")
    assert_accessible(page)

    quiz = QuizPageFactory(
        parent=module, slug="kuis-aksesibilitas", questions=question_blocks()
    )
    page.goto(f"{demo_site}{_path(quiz)}")
    assert_accessible(page)
    page.locator("form[action$='/mulai/'] button[type=submit]").click()
    page.wait_for_url(f"{demo_site}/kuis/percobaan/**")
    screenshot(page, "a11y-quiz-attempt")
    assert_accessible(page)

    # One answer, the rest left blank: the result reviews both kinds.
    page.get_by_label("14 Februari 2024").check()
    page.locator("[data-submit-button]").click()
    dialog = page.locator("dialog[data-confirm-dialog]")
    expect(dialog).to_be_visible()
    assert_accessible(page)
    dialog.locator("[data-confirm-form] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kuis/percobaan/\d+/hasil/$"))
    screenshot(page, "a11y-quiz-result")
    assert_accessible(page)


def test_joining_an_event_and_its_pacts_on_a_phone(demo_site, phone_page, screenshot):
    """From the poster's link to "Beranda saya": joining, the event, a pact
    refused then accepted, a lesson done, and the participant's own page."""
    page = phone_page
    event = event_of_the_day()
    join = reverse("join_event")
    page.goto(f"{demo_site}{join}")
    assert_accessible(page)
    page.goto(f"{demo_site}{join}?kode={event.registration_code}")
    screenshot(page, "a11y-join-anonymous")
    assert_accessible(page)

    # Nothing filled in: the error summary and every field's message.
    page.locator("form:has(input[name=full_name]) [type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)

    page.locator(f"main a[href^='{reverse('login')}']").first.click()
    page.wait_for_url(f"{demo_site}{reverse('login')}?**")
    _log_in_as_participant(
        page, demo_site, then=f"{join}?kode={event.registration_code}"
    )
    screenshot(page, "a11y-join-logged-in")
    assert_accessible(page)
    page.locator("main form [type=submit]").first.click()
    page.wait_for_url(f"{demo_site}{_path(event)}")
    screenshot(page, "a11y-event-enrolled")
    assert_accessible(page)

    pact = event.pacts.first()
    page.goto(f"{demo_site}{reverse('event_pact', args=[event.pk, pact.pk])}")
    assert_accessible(page)
    page.locator("main form [type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    screenshot(page, "a11y-pact-errors")
    assert_accessible(page)
    page.locator("input[name=agreed]").check()
    page.locator("input[name=typed_name]").fill(
        User.objects.get(username="peserta").full_name
    )
    page.locator("main form [type=submit]").click()
    expect(page.locator(".panel--confirmation")).to_be_visible()
    assert_accessible(page)

    lesson = LessonPage.objects.live().descendant_of(event.modules.first()).first()
    page.goto(f"{demo_site}{_path(lesson)}")
    completion = page.locator("form.lesson-completion")
    completion.locator("button[name=done][value='1']").click()
    expect(completion).to_have_class(re.compile(r"\bis-done\b"))
    assert_accessible(page)

    page.goto(f"{demo_site}{reverse('dashboard')}")
    expect(page.locator("main")).to_contain_text(event.title)
    screenshot(page, "a11y-dashboard")
    assert_accessible(page)


def test_certificate_verification_on_a_phone(demo_site, phone_page, screenshot):
    """What someone handed a certificate sees: valid, revoked, or no such code."""
    valid, revoked = Certificate.objects.valid().filter(event=demo_event())[:2]
    revoke_certificate(
        certificate=revoked,
        by=User.objects.get(username="penyelenggara"),
        public_reason=Certificate.PublicReason.ISSUED_IN_ERROR,
    )
    page = phone_page
    for label, code in (
        ("valid", valid.verification_code),
        ("revoked", revoked.verification_code),
        ("unknown", "TIDAKADA0000"),
    ):
        page.goto(f"{demo_site}{reverse('certificate_verify', args=[code])}")
        screenshot(page, f"a11y-verify-{label}")
        assert_accessible(page)
