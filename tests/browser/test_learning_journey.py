"""The learning content journey, as the people who use it would go through it.

A speaker writes a lesson in the Wagtail admin and sends it for approval, the
organiser approves it, and a participant finds it on a phone (module page, tag
page, search), reads it and marks it done. Screenshots go to
tests/browser/screenshots/ (prefixed "learning-"), and the best of them to
docs/img/ as documentation.

Strings added with the learning feature may not be translated yet, so the
checks on them accept the Indonesian or the English source text. Wagtail's
own strings are checked in Indonesian (wagtail/admin/locale/id_ID and our
supplement in lms/locale_wagtail).
"""

import re

from django.urls import reverse
from playwright.sync_api import expect

from lms.demo import DEMO_PASSWORD
from lms.learning.models import LessonPage, ModulePage
from tests.browser.conftest import log_in_to_admin, save_doc_image

LESSON_TITLE = "Menata TPS Cempaka untuk pemilih lansia"
SEARCH_WORD = "Cempaka"
LESSON_SUMMARY = "Cara menyiapkan TPS yang ramah bagi pemilih lanjut usia."
LESSON_TAG = "tes browser"
LESSON_TAG_SLUG = "tes-browser"
HEADING_TEXT = "Sebelum hari pemungutan suara"

MARK_DONE = re.compile("Tandai materi ini selesai|Mark this lesson as done")
MARKED_DONE = re.compile("ditandai selesai|Lesson marked as done")
PROGRESS_WORDS = re.compile(r"\b1 (dari|of) \d+ (materi|lessons?)")


def _settle(page):
    """Waits for transitions to end: Wagtail's messages and dialogs fade in."""
    # Repeating animations (the help menu's badge pings for 25 s) do not count.
    # A function, not an expression: Playwright polls an expression with eval(),
    # which the Content-Security-Policy refuses.
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect.getTiming().iterations > 1)"
    )


def _shot(screenshot, page, label):
    """A full-page screenshot in tests/browser/screenshots/, once still."""
    _settle(page)
    screenshot(page, f"learning-{label}")


def _document(page, name):
    _settle(page)
    save_doc_image(page, name)


def _page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def _assert_fits_phone(page):
    width = _page_width(page)
    assert width <= 360, f"{page.url} is {width}px wide on a 360px phone"


def _insert_block(page, stream, icon):
    """Adds a block at the end of the body through Wagtail's block picker.

    The picker's options are chosen by their icon: the block labels are
    being translated, the icons (set in lms.learning.blocks) are not.
    """
    blocks = stream.locator(":scope > [data-streamfield-child]")
    count = blocks.count()
    add_buttons = stream.locator(
        ":scope > div:not([data-streamfield-child]) > .c-sf-add-button"
    )
    add_buttons.last.click()
    option = page.get_by_role("option").filter(
        has=page.locator(f"use[href='#icon-{icon}']")
    )
    option.click()
    expect(blocks).to_have_count(count + 1)
    # The new block, held by position: `.last` would follow later additions.
    return blocks.nth(count)


def _type_rich_text(page, container, text, bold=None):
    """Types into the Draftail editor inside ``container``, like a person would."""
    editor = container.locator(".public-DraftEditor-content").first
    editor.click()
    page.keyboard.type(text)
    if bold:
        page.keyboard.type(" ")
        page.keyboard.press("Control+b")
        page.keyboard.type(bold)
        page.keyboard.press("Control+b")
        page.keyboard.type(".")


def _speaker_writes_lesson(page, site, screenshot, module):
    """`kpud` adds a lesson under their module with several blocks, previews it
    and sends it to the organisers' approval workflow."""
    log_in_to_admin(page, site, "kpud", DEMO_PASSWORD)

    # Through the page explorer: the sidebar's "Halaman" opens the speaker's
    # shelf, its module leads to the module's pages.
    page.get_by_role("button", name="Halaman").click()
    page.get_by_role("link", name=module.title, exact=True).click()
    page.wait_for_url(f"{site}/admin/pages/{module.pk}/")
    _shot(screenshot, page, "speaker-module")
    page.get_by_role("link", name="Tambahkan halaman turunan").first.click()
    # A module holds lessons and quizzes, so Wagtail asks which; with only
    # one kind allowed it would open the lesson form at once.
    lesson_form = f"{site}/admin/pages/add/lms/lessonpage/{module.pk}/"
    page.wait_for_url(
        re.compile(
            rf"^({re.escape(lesson_form)}"
            rf"|{re.escape(site)}/admin/pages/{module.pk}/add_subpage/)$"
        )
    )
    if page.url != lesson_form:
        _shot(screenshot, page, "speaker-page-type")
        page.get_by_role("link", name=re.compile(r"^(Materi|Lesson)$")).click()
        page.wait_for_url(lesson_form)

    page.locator("#id_title").fill(LESSON_TITLE)
    page.locator("#id_summary").fill(LESSON_SUMMARY)
    page.locator("#id_estimated_minutes").fill("7")

    stream = page.locator("#body-root > [data-streamfield-stream-container]")

    heading = _insert_block(page, stream, "title")
    heading.locator("input[name$='-value-text']").fill(HEADING_TEXT)

    paragraph = _insert_block(page, stream, "pilcrow")
    _type_rich_text(
        page,
        paragraph,
        "Pastikan jalur masuk TPS datar dan tidak licin.",
        bold="Sediakan kursi tunggu",
    )

    callout = _insert_block(page, stream, "warning")
    callout.locator("select[name$='-value-kind']").select_option("tip")
    callout.locator("input[name$='-value-title']").fill("Tips petugas")
    _type_rich_text(page, callout, "Dahulukan pemilih lansia dan disabilitas.")

    steps = _insert_block(page, stream, "list-ol")
    steps.locator("input[name$='-value-title']").first.fill("Menyiapkan TPS")
    steps.locator("input[name$='-steps-0-value-title']").fill("Periksa jalur masuk")
    steps.locator("textarea[name$='-steps-0-value-body']").fill(
        "Tidak ada tangga atau selokan terbuka."
    )

    faq = _insert_block(page, stream, "help")
    faq.locator("input[name$='-items-0-value-question']").fill(
        "Bolehkah pendamping masuk ke bilik suara?"
    )
    _type_rich_text(
        page, faq, "Boleh, bagi pemilih disabilitas, dengan surat pernyataan."
    )

    page.locator(".tagit-new input").fill(LESSON_TAG)
    page.keyboard.press("Enter")
    expect(page.locator(".tagit-choice")).to_contain_text(LESSON_TAG)

    # Show the body's first blocks. Typing in a field can leave Wagtail's
    # editor area scrolled sideways (its collapsed minimap sits off-screen to
    # the right of an overflow-x: hidden <main>), which cuts the form off.
    heading.evaluate(
        "block => { block.closest('main').scrollLeft = 0;"
        " block.scrollIntoView({block: 'start', behavior: 'instant'}); }"
    )
    _document(page, "speaker-editor")
    _shot(screenshot, page, "speaker-editor")

    # The preview panel renders the unsaved form as the participant will see it.
    page.get_by_role("button", name="Tampilkan/sembunyikan pratinjau").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", name=HEADING_TEXT)).to_be_visible(
        timeout=15_000
    )
    expect(preview.get_by_role("heading", name=LESSON_TITLE)).to_be_visible()
    _document(page, "speaker-preview")
    _shot(screenshot, page, "speaker-preview")
    page.get_by_role("button", name="Tampilkan/sembunyikan pratinjau").click()

    # Speakers cannot publish: the footer's menu offers the approval workflow.
    page.locator("footer .w-dropdown__toggle").click()
    submit = page.get_by_role("button", name="Pengajuan ke Persetujuan Penyelenggara")
    expect(page.get_by_role("button", name="Publikasikan")).to_have_count(0)
    submit.click()
    expect(page.locator(".messages")).to_contain_text(
        f"Halaman '{LESSON_TITLE}' telah dibuat dan dikirim untuk dimoderasi."
    )
    _document(page, "speaker-submit")
    _shot(screenshot, page, "speaker-submitted")

    lesson = LessonPage.objects.get(title=LESSON_TITLE)
    assert not lesson.live
    assert lesson.get_parent().pk == module.pk
    return lesson


def _speaker_cannot_edit_other_shelf(page, site, screenshot):
    """`kpud` cannot open a Bawaslu page's editor, even by its address."""
    bawaslu_module = ModulePage.objects.filter(
        organisation__short_name__startswith="Bawaslu"
    ).first()
    assert bawaslu_module is not None, "seed_demo made no Bawaslu module"
    page.goto(f"{site}/admin/pages/{bawaslu_module.pk}/edit/")
    expect(page).to_have_url(f"{site}/admin/")
    expect(page.locator(".messages")).to_contain_text(
        "Maaf, Anda tidak memiliki izin untuk mengakses area ini."
    )
    _shot(screenshot, page, "speaker-no-permission")


def _organiser_approves(page, site, screenshot, lesson):
    """`penyelenggara` finds the lesson on the dashboard and approves it."""
    log_in_to_admin(page, site, "penyelenggara", DEMO_PASSWORD)
    panel = page.locator("section", has_text="Menunggu tinjauan anda")
    row = panel.locator("tr", has_text=LESSON_TITLE)
    expect(row).to_be_visible()
    expect(row).to_contain_text("Ahmad Fauzi Rahman")  # who submitted it
    _shot(screenshot, page, "organiser-dashboard")

    row.get_by_role("button", name="Tindakan").click()
    page.get_by_role("button", name="Setujui dengan komentar").click()
    dialog = page.get_by_role("dialog").filter(has=page.locator("#id_comment"))
    dialog.get_by_label("Komentar").fill("Sudah sesuai, terima kasih. Terbit.")
    _document(page, "organiser-approve")
    _shot(screenshot, page, "organiser-approve")
    dialog.get_by_role("button", name="Setujui dengan komentar").click()

    page.wait_for_url(f"{site}/admin/")
    expect(page.get_by_text(LESSON_TITLE)).to_have_count(0)
    lesson.refresh_from_db()
    assert lesson.live, "the approved lesson is not published"
    state = lesson.workflow_states.get()
    assert state.status == "approved"
    comments = [task.comment for task in state.task_states.all()]
    assert comments == ["Sudah sesuai, terima kasih. Terbit."]


def _participant_logs_in(page, site):
    page.goto(f"{site}{reverse('login')}")
    form = page.locator("form:has(input[name=username])")
    form.get_by_label(
        re.compile("Nama pengguna atau nomor HP|Username or phone number")
    ).fill("peserta")
    form.get_by_label(re.compile("Kata sandi|Password")).fill(DEMO_PASSWORD)
    form.get_by_role("button", name=re.compile("^(Masuk|Log in)$")).click()
    page.wait_for_url(f"{site}/beranda-saya/")


def _participant_learns(page, site, screenshot, module, lesson):
    """`peserta`, on a phone, finds the new lesson three ways and finishes it."""
    _participant_logs_in(page, site)

    page.goto(f"{site}/modul/")
    page.get_by_role("link", name=module.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    lessons = page.get_by_role("region", name=re.compile("^(Materi|Lessons)$")).locator(
        ".lesson-list"
    )
    expect(lessons.get_by_role("link", name=LESSON_TITLE)).to_be_visible()
    expect(lessons).to_contain_text(LESSON_SUMMARY)
    # Nothing done yet: the progress says 0 of all the module's lessons.
    expect(page.locator("progress")).to_have_attribute("value", "0")
    _shot(screenshot, page, "participant-module")
    _assert_fits_phone(page)

    lessons.get_by_role("link", name=LESSON_TITLE).click()
    expect(page).to_have_url(f"{site}{lesson.get_url_parts()[2]}")
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_TITLE)
    expect(page.get_by_role("heading", name=HEADING_TEXT)).to_be_visible()
    expect(page.get_by_role("button", name=MARK_DONE)).to_be_attached()
    _document(page, "participant-lesson")
    _shot(screenshot, page, "participant-lesson")
    _assert_fits_phone(page)

    # The topic link at the foot of the lesson lists what shares the tag.
    page.locator(".topic-list").get_by_role("link", name=LESSON_TAG).click()
    page.wait_for_url(f"{site}/topik/{LESSON_TAG_SLUG}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_TAG)
    expect(page.get_by_role("link", name=LESSON_TITLE)).to_be_visible()
    _shot(screenshot, page, "participant-tag")
    _assert_fits_phone(page)

    # The search box on the "Modul" page finds it by a word of its title.
    page.goto(f"{site}/modul/")
    page.get_by_role("searchbox").fill(SEARCH_WORD)
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(rf"/cari/\?q={SEARCH_WORD}$"))
    results = page.locator(".result-list")
    expect(results.get_by_role("link", name=LESSON_TITLE)).to_be_visible()
    _shot(screenshot, page, "participant-search")
    _assert_fits_phone(page)

    # Reading to the end marks the lesson done without a tap (static/js/lesson.js).
    results.get_by_role("link", name=LESSON_TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LESSON_TITLE)
    page.locator("[data-lesson-end]").scroll_into_view_if_needed()
    completion = page.locator("form.lesson-completion")
    expect(completion.get_by_role("status")).to_have_text(MARKED_DONE)
    expect(completion).to_contain_text(
        re.compile("Anda sudah menyelesaikan materi ini|You have finished this lesson")
    )
    _shot(screenshot, page, "participant-auto-done")

    # Undo it, then do it with the button, as someone on a failing connection
    # would: the background request fails and the button still works.
    completion.get_by_role(
        "button", name=re.compile("Tandai belum selesai|Mark as not done")
    ).click()
    expect(
        page.get_by_text(re.compile("ditandai belum selesai|marked as not done"))
    ).to_be_visible()
    page.route(
        re.compile(r"/materi/\d+/selesai/$"),
        lambda route: (
            route.abort()
            if route.request.resource_type == "fetch"
            else route.continue_()
        ),
    )
    page.get_by_role("button", name=MARK_DONE).click()
    expect(page.get_by_text(MARKED_DONE).first).to_be_visible()
    expect(page.locator(".lesson__header .tag--green")).to_be_visible()
    page.unroute(re.compile(r"/materi/\d+/selesai/$"))
    _shot(screenshot, page, "participant-done")

    page.get_by_role("link", name=module.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(module.title)
    status = page.locator(".module-status")
    expect(status).to_contain_text(PROGRESS_WORDS)
    expect(status.locator("progress")).to_have_attribute("value", "1")
    done_row = page.locator(".lesson-list__item", has_text=LESSON_TITLE)
    expect(done_row).to_have_class(re.compile(r"\bis-done\b"))
    status.evaluate("e => { e.scrollIntoView(); window.scrollBy(0, -16); }")
    _document(page, "participant-module-progress")
    _shot(screenshot, page, "participant-module-progress")
    _assert_fits_phone(page)


def _participant_cannot_enter_admin(page, site, screenshot):
    page.goto(f"{site}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    expect(page.locator("body")).to_contain_text(
        "Anda tidak memiliki izin untuk mengakses halaman admin."
    )
    _shot(screenshot, page, "participant-admin-refused")


def test_speaker_writes_organiser_approves_participant_learns(
    demo_site, laptop_page, phone_page, screenshot, settings
):
    """The issue's "Done when": a speaker's lesson reaches a participant.

    Speakers write on their own organisation's shelf only and cannot publish;
    the organiser approves; the participant finds the lesson on the module
    page, its topic page and in search, finishes it, and sees their progress.
    """
    module = (
        ModulePage.objects.live()
        .filter(organisation__short_name__startswith="KPUD")
        .first()
    )
    assert module is not None, "seed_demo published no KPUD module"
    # Wagtail 8 autosaves the editor every 500 ms. The live server's threads
    # share one in-memory SQLite connection, so an autosave overlapping the
    # preview or the submit fails with "database table is locked". Autosave
    # is not part of this journey; the preview and the submit are.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0

    lesson = _speaker_writes_lesson(laptop_page, demo_site, screenshot, module)
    _speaker_cannot_edit_other_shelf(laptop_page, demo_site, screenshot)

    laptop_page.context.clear_cookies()
    _organiser_approves(laptop_page, demo_site, screenshot, lesson)

    _participant_learns(phone_page, demo_site, screenshot, module, lesson)
    _participant_cannot_enter_admin(phone_page, demo_site, screenshot)


# What a lesson may cost a participant on mobile data, before images.
PAGE_WEIGHT_LIMIT = 100 * 1024
TEXT_RESOURCES = {"document", "stylesheet", "script"}


def test_lesson_pages_load_only_from_our_server_and_stay_light(demo_site, phone_page):
    """Every demo lesson, read by a logged-in participant on a phone, asks
    nothing of another host (no fonts, analytics or video player until "Play"
    is pressed) and its HTML, CSS and JavaScript weigh under 100 KB."""
    page = phone_page
    _participant_logs_in(page, demo_site)
    lessons = list(LessonPage.objects.live().order_by("path"))
    assert lessons, "seed_demo published no lessons"

    for lesson in lessons:
        requests = []

        def record(request, requests=requests):
            requests.append(request)

        page.on("request", record)
        page.goto(f"{demo_site}{lesson.get_url_parts()[2]}")
        expect(page.get_by_role("heading", level=1)).to_have_text(lesson.title)
        # Read to the end, so lazy images load and the page marks itself done.
        page.locator("[data-lesson-end]").scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        page.remove_listener("request", record)

        elsewhere = [r.url for r in requests if not r.url.startswith(f"{demo_site}/")]
        assert not elsewhere, f"{lesson.title}: requests to other hosts {elsewhere}"
        sizes = {
            r.url: len(r.response().body())
            for r in requests
            if r.resource_type in TEXT_RESOURCES and r.response() is not None
        }
        assert page.url in sizes, f"{lesson.title}: the page itself was not counted"
        total = sum(sizes.values())
        assert total < PAGE_WEIGHT_LIMIT, (
            f"{lesson.title}: {total} bytes of HTML, CSS and JS: {sizes}"
        )
