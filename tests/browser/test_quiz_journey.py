"""The quiz journey on a participant's phone, over hall Wi-Fi that drops.

`peserta` takes a timed practice quiz (one question of every type, from
tests.factories.question_blocks) in a demo module: answers are saved as they
are given and acknowledged on screen, survive a reload, wait on the phone
while the connection is gone and reach the server when it returns; the
submit dialog lists what is unanswered; the result page shows the score and
the review. The same quiz works without JavaScript, and the countdown follows
the server's deadline, not the phone's clock.

Screenshots go to tests/browser/screenshots/ (labels prefixed "quiz-"), and
three of them to docs/img/ as documentation.

Strings added with the quiz engine may not be translated yet, so the checks
on them accept the Indonesian or the English source text; where a check does
not need words it uses the page's data- hooks.
"""

import datetime
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from lms.demo import DEMO_PASSWORD
from lms.learning.models import ModulePage
from quizzes.models import Answer, Attempt
from tests.browser.conftest import PHONE, save_doc_image
from tests.factories import QuizPageFactory, question_blocks

QUIZ_TITLE = "Kuis Tahapan Pemilu 2024"

SAVED = re.compile("Semua jawaban tersimpan|All answers saved")
OFFLINE = re.compile("Tidak ada koneksi|No connection")
ANSWERS_SAVED_NOTICE = re.compile("Jawaban Anda tersimpan|Your answers are saved")
PASSED = re.compile("^(Lulus|Passed)$")
NOT_PASSED = re.compile("^(Tidak lulus|Belum lulus|Not passed)$")
TRUE = re.compile("^(Benar|True)$")
SUBMIT = re.compile("^(Kirim|Submit)$")
SUBMIT_SAVED_ONLY = re.compile("tersimpan saja|saved answers only")
FIVE_MINUTES = re.compile("5 menit|5 minutes")
ONE_MINUTE = re.compile("1 menit|1 minute")

# An attempt's pages are by attempt id, outside the page tree (quizzes/urls.py).
ATTEMPT_URL = re.compile(r"/kuis/percobaan/\d+/$")
RESULT_URL = re.compile(r"/kuis/percobaan/\d+/hasil/$")

# The answers the journey gives: all right, the matching question left out.
RIGHT_OPTION = "14 Februari 2024"
RIGHT_CHOICES = ("Presiden", "DPR")


def _make_quiz(**fields):
    """A timed practice quiz with one question of each type in a demo module."""
    module = (
        ModulePage.objects.live()
        .filter(organisation__short_name__startswith="KPUD")
        .first()
    )
    assert module is not None, "seed_demo published no KPUD module"
    values = {
        "title": QUIZ_TITLE,
        "slug": "kuis-uji-jaringan-putus",
        "time_limit_minutes": 30,
        "max_attempts": 2,
        "review_content": "feedback",
        "questions": question_blocks(),
        **fields,
    }
    return QuizPageFactory(parent=module, **values)


def _path(page_model):
    return page_model.get_url_parts()[2]


def _log_in(page, site):
    page.goto(f"{site}{reverse('login')}")
    form = page.locator("form:has(input[name=username])")
    form.locator("input[name=username]").fill("peserta")
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    form.locator("[type=submit]").click()
    page.wait_for_url(f"{site}/beranda-saya/")


def _start(page, site, quiz):
    """Opens the quiz's page and presses the start button; returns the attempt."""
    page.goto(f"{site}{_path(quiz)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(QUIZ_TITLE)
    page.locator("form[action$='/mulai/'] button[type=submit]").click()
    page.wait_for_url(ATTEMPT_URL)
    return Attempt.objects.get(quiz=quiz, user__username="peserta")


def _question(page, kind):
    return page.locator(f"fieldset[data-question][data-type={kind}]")


def _paper_question(attempt, kind):
    return next(q for q in attempt.paper if q["type"] == kind)


def _option_key(question, text):
    return next(o["key"] for o in question["options"] if text in o["text"])


def _saved_answers(attempt):
    """The server's answers, by question type (answers left empty excluded)."""
    kinds = {q["key"]: q["type"] for q in attempt.paper}
    return {
        kinds[answer.question_key]: answer
        for answer in Answer.objects.filter(attempt=attempt)
        if answer.response is not None
    }


def _pending(page):
    """The answers this phone keeps for the server (localStorage), by key."""
    return page.evaluate(
        """() => {
            const form = document.querySelector('#attempt-form[data-attempt]');
            const raw = localStorage.getItem(form.dataset.storageKey);
            return raw ? JSON.parse(raw).pending : {};
        }"""
    )


def _wait_until_saved(page):
    """Waits for the visible acknowledgement with nothing left to send."""
    page.wait_for_function(
        """() => {
            const form = document.querySelector('#attempt-form[data-attempt]');
            const status = document.querySelector('[data-save-status]');
            return localStorage.getItem(form.dataset.storageKey) === null
                && status.dataset.state === 'saved';
        }"""
    )
    expect(page.locator("[data-save-status]")).to_have_text(SAVED)


def _shot(screenshot, page, label):
    screenshot(page, f"quiz-{label}")


def _document(page, name):
    save_doc_image(page, name)


def _show(locator):
    """Scrolls a question to the top of the screen, under the sticky bar."""
    locator.evaluate("e => e.scrollIntoView({block: 'start', behavior: 'instant'})")


def _assert_fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url} is {width}px wide on a 360px phone"


def _assert_answered(page, numbers, total=6):
    """The navigator marks exactly ``numbers`` answered, and the count agrees."""
    expect(page.locator("[data-answered-count]")).to_have_text(str(len(numbers)))
    links = page.locator("a[data-navigator-for]")
    expect(links).to_have_count(total)
    for number in range(1, total + 1):
        link = links.nth(number - 1)
        if number in numbers:
            expect(link).to_have_class(re.compile(r"\bis-answered\b"))
        else:
            expect(link).not_to_have_class(re.compile(r"\bis-answered\b"))


def _seconds(text):
    """'29:58' or '1:02:03' as seconds."""
    seconds = 0
    for part in text.strip().split(":"):
        seconds = seconds * 60 + int(part)
    return seconds


def test_participant_takes_a_quiz_on_a_connection_that_drops(
    demo_site, phone_page, screenshot
):
    """Promise 3 (docs/architecture.md), end to end: nothing acknowledged is lost.

    Answers are saved as they are given and acknowledged on screen; a reload
    shows them all; offline, they wait on the phone and are sent when the
    connection returns, also across a reload; the submit dialog lists what
    is left unanswered and submits once; the result shows score and review.
    """
    page = phone_page
    quiz = _make_quiz()
    _log_in(page, demo_site)

    page.goto(f"{demo_site}{_path(quiz)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(QUIZ_TITLE)
    _shot(screenshot, page, "start")
    _assert_fits_phone(page)
    attempt = _start(page, demo_site, quiz)
    expect(page.locator("fieldset[data-question]")).to_have_count(6)
    _assert_answered(page, [])
    _shot(screenshot, page, "attempt")
    _assert_fits_phone(page)

    # Half the questions, as taps on the phone.
    single = _question(page, "single_choice")
    multiple = _question(page, "multiple_choice")
    true_false = _question(page, "true_false")
    single.get_by_label(RIGHT_OPTION).check()
    for text in RIGHT_CHOICES:
        multiple.get_by_label(text, exact=True).check()
    true_false.get_by_label(TRUE).check()
    _assert_answered(page, [1, 2, 3])
    _wait_until_saved(page)
    status = page.locator("[data-save-status]")
    expect(status).to_have_text(re.compile(r"\d\d[.:]\d\d"))  # saved at a time
    _show(multiple)
    _document(page, "quiz-attempt")
    _shot(screenshot, page, "answered-half")

    saved = _saved_answers(attempt)
    assert set(saved) == {"single_choice", "multiple_choice", "true_false"}
    paper_single = _paper_question(attempt, "single_choice")
    paper_multiple = _paper_question(attempt, "multiple_choice")
    assert saved["single_choice"].response == _option_key(paper_single, RIGHT_OPTION)
    assert saved["multiple_choice"].response == sorted(
        _option_key(paper_multiple, f"<p>{text}</p>") for text in RIGHT_CHOICES
    )
    assert saved["true_false"].response is True
    # Two taps on the checkboxes: two revisions, the later one kept.
    assert saved["multiple_choice"].revision == 2

    # A reload shows every answer as given.
    page.reload()
    expect(single.get_by_label(RIGHT_OPTION)).to_be_checked()
    for text in RIGHT_CHOICES:
        expect(multiple.get_by_label(text, exact=True)).to_be_checked()
    expect(multiple.get_by_label("DPRD kota")).not_to_be_checked()
    expect(true_false.get_by_label(TRUE)).to_be_checked()
    _assert_answered(page, [1, 2, 3])
    expect(status).to_have_text(SAVED)
    _shot(screenshot, page, "reloaded")

    # The hall's Wi-Fi drops: answers wait on the phone, and the page says so.
    page.context.set_offline(True)
    short = _question(page, "short_answer").locator("input[type=text]")
    numeric = _question(page, "numeric").locator("input[type=text]")
    short.fill("kpu")
    numeric.fill("5")
    numeric.blur()
    expect(status).to_have_text(OFFLINE)
    expect(status).to_have_attribute("data-state", "offline")
    page.wait_for_function(
        """() => {
            const form = document.querySelector('#attempt-form[data-attempt]');
            const raw = localStorage.getItem(form.dataset.storageKey);
            return raw && Object.keys(JSON.parse(raw).pending).length === 2;
        }"""
    )
    waiting = _pending(page)
    paper_short = _paper_question(attempt, "short_answer")
    paper_numeric = _paper_question(attempt, "numeric")
    assert waiting[paper_short["key"]]["response"] == "kpu"
    assert waiting[paper_numeric["key"]]["response"] == "5"
    _assert_answered(page, [1, 2, 3, 4, 5])
    assert set(_saved_answers(attempt)) == {
        "single_choice",
        "multiple_choice",
        "true_false",
    }
    _show(_question(page, "short_answer"))
    _document(page, "quiz-offline")
    _shot(screenshot, page, "offline")
    _assert_fits_phone(page)

    # The connection returns: the waiting answers are sent by themselves.
    page.context.set_offline(False)
    _wait_until_saved(page)
    saved = _saved_answers(attempt)
    assert saved["short_answer"].response == "kpu"
    assert saved["numeric"].response == "5"
    _shot(screenshot, page, "back-online")

    # An answer whose save fails, then a reload: the phone still has it and
    # sends it (the server's page shows the older "kpu").
    page.route("**/simpan/", lambda route: route.abort())
    short.fill("KPU")
    short.press("Enter")
    expect(status).to_have_text(OFFLINE)
    assert _pending(page)[paper_short["key"]]["response"] == "KPU"
    page.unroute("**/simpan/")
    page.reload()
    expect(short).to_have_value("KPU")
    _wait_until_saved(page)
    answer = _saved_answers(attempt)["short_answer"]
    assert (answer.response, answer.revision) == ("KPU", 2)

    # Submit: the dialog lists the one question left, as a link to it.
    page.locator("[data-submit-button]").click()
    dialog = page.locator("dialog[data-confirm-dialog]")
    expect(dialog).to_be_visible()
    expect(dialog.locator("[data-confirm-all]")).to_be_hidden()
    expect(dialog.locator("[data-confirm-unsent]")).to_be_hidden()
    missing = dialog.locator("[data-confirm-list] a")
    expect(missing).to_have_count(1)
    expect(missing).to_have_text(re.compile(r"^(Soal|Pertanyaan|Question) 6$"))
    _shot(screenshot, page, "submit-dialog")

    missing.click()
    expect(dialog).to_be_hidden()
    matching = _question(page, "matching")
    expect(matching.locator("select").first).to_be_focused()

    page.locator("[data-submit-button]").click()
    expect(dialog).to_be_visible()
    confirm = dialog.locator("[data-confirm-form] button[type=submit]")
    expect(confirm).to_have_text(SUBMIT)

    # A double tap posts once. The request is held to count it, so the taps
    # are the button's own click() (Playwright's would wait for the page to
    # load), and the button is looked at between and after them.
    held = []
    page.route("**/kirim/", lambda route: held.append(route))
    disabled = confirm.evaluate(
        "button => { button.click(); const first = button.disabled;"
        " button.click(); return [first, button.disabled]; }"
    )
    assert disabled == [True, True], "the submit button stays enabled"
    while not held:
        page.wait_for_timeout(50)
    assert len(held) == 1, "the dialog posted the submit twice"
    held[0].continue_()
    page.wait_for_url(RESULT_URL)
    page.unroute("**/kirim/")

    # The result: five of six right, passed, and the review with feedback.
    summary = page.locator(".result-summary")
    expect(summary).to_have_class(re.compile(r"\bresult-summary--passed\b"))
    expect(summary.locator(".result-summary__score")).to_have_text(
        "83,33%"
    )  # Indonesian decimal comma
    expect(summary.locator(".result-summary__verdict strong")).to_have_text(PASSED)
    reviews = page.locator(".review-list > li")
    expect(reviews).to_have_count(6)
    expect(page.locator(".review--correct")).to_have_count(5)
    expect(page.locator(".review--unanswered")).to_have_count(1)
    first = reviews.first
    expect(first.locator(".review__option.is-chosen.is-right")).to_contain_text(
        RIGHT_OPTION
    )
    expect(first.locator(".review__feedback")).to_contain_text(
        "Lihat materi tahapan pemilu."
    )
    _document(page, "quiz-result")
    _shot(screenshot, page, "result")
    _assert_fits_phone(page)

    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.submitted_by == Attempt.SubmittedBy.PARTICIPANT
    assert attempt.score == 5
    # The phone forgets the attempt once it is submitted.
    assert page.evaluate("Object.keys(localStorage)") == []


def test_submit_waits_for_answers_still_on_the_phone(demo_site, phone_page, screenshot):
    """Offline, "Submit" says which answers are not sent yet and offers to
    submit only what the server has; when the connection returns they are
    sent and the dialog goes back to a plain "Submit"."""
    page = phone_page
    quiz = _make_quiz(time_limit_minutes=None)
    _log_in(page, demo_site)
    attempt = _start(page, demo_site, quiz)
    expect(page.locator("[data-countdown]")).to_have_count(0)

    _question(page, "single_choice").get_by_label(RIGHT_OPTION).check()
    _wait_until_saved(page)

    page.context.set_offline(True)
    _question(page, "true_false").get_by_label(TRUE).check()
    page.locator("[data-submit-button]").click()
    dialog = page.locator("dialog[data-confirm-dialog]")
    expect(dialog).to_be_visible()
    unsent = dialog.locator("[data-confirm-unsent]")
    expect(unsent).to_be_visible()
    confirm = dialog.locator("[data-confirm-form] button[type=submit]")
    expect(confirm).to_have_text(SUBMIT_SAVED_ONLY)
    # Four questions are left, counted from what the phone holds.
    expect(dialog.locator("[data-confirm-list] a")).to_have_count(4)
    _shot(screenshot, page, "submit-offline")
    assert set(_saved_answers(attempt)) == {"single_choice"}

    page.context.set_offline(False)
    expect(unsent).to_be_hidden()
    expect(confirm).to_have_text(SUBMIT)
    assert set(_saved_answers(attempt)) == {"single_choice", "true_false"}
    _shot(screenshot, page, "submit-back-online")

    dialog.locator("[data-confirm-cancel]").click()
    expect(dialog).to_be_hidden()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_quiz_works_without_javascript(demo_site, browser, screenshot):
    """With JavaScript off (an old phone, a script that failed to load) the
    form saves and submits by itself, with the server's confirmation step."""
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        quiz = _make_quiz()
        _log_in(page, demo_site)
        attempt = _start(page, demo_site, quiz)
        # The timer cannot count down; it says when time is up instead.
        deadline = timezone.localtime(attempt.deadline).strftime("%H.%M")
        expect(page.locator("[data-countdown]")).to_contain_text(deadline)

        _question(page, "single_choice").get_by_label(RIGHT_OPTION).check()
        _question(page, "true_false").get_by_label(TRUE).check()
        page.locator("[data-save-button]").click()
        page.wait_for_url(ATTEMPT_URL)
        expect(page.locator(".messages")).to_contain_text(ANSWERS_SAVED_NOTICE)
        expect(
            _question(page, "single_choice").get_by_label(RIGHT_OPTION)
        ).to_be_checked()
        expect(page.locator("[data-answered-count]")).to_have_text("2")
        _shot(screenshot, page, "no-js-saved")
        assert set(_saved_answers(attempt)) == {"single_choice", "true_false"}

        _question(page, "short_answer").locator("input[type=text]").fill("KPU")
        page.locator("[data-submit-button]").click()
        notice = page.locator("#confirm-unanswered")
        expect(notice).to_be_visible()
        expect(notice.get_by_role("link")).to_have_count(3)
        _shot(screenshot, page, "no-js-confirm")
        attempt.refresh_from_db()
        assert attempt.status == Attempt.Status.IN_PROGRESS
        # Submitting asked first, and kept the answer typed meanwhile.
        assert _saved_answers(attempt)["short_answer"].response == "KPU"

        notice.locator("button[name=submit]").click()
        page.wait_for_url(RESULT_URL)
        summary = page.locator(".result-summary")
        expect(summary.locator(".result-summary__score")).to_have_text("50%")
        expect(summary.locator(".result-summary__verdict strong")).to_have_text(
            NOT_PASSED
        )
        expect(page.locator(".review-list > li")).to_have_count(6)
        _shot(screenshot, page, "no-js-result")
        attempt.refresh_from_db()
        assert attempt.status == Attempt.Status.SUBMITTED
        assert attempt.score == 3
    finally:
        context.close()


def test_countdown_follows_the_server_deadline(demo_site, phone_page, screenshot):
    """The countdown shows the server's deadline minus the server's time,
    counting down every second."""
    page = phone_page
    quiz = _make_quiz()
    _log_in(page, demo_site)
    attempt = _start(page, demo_site, quiz)

    countdown = page.locator("[data-countdown]")
    expect(countdown).to_have_text(re.compile(r"^\d\d:\d\d$"))
    shown = countdown.text_content()
    expect(countdown).not_to_have_text(shown, timeout=3000)
    shown = _seconds(countdown.text_content())
    expected = (attempt.deadline - timezone.now()).total_seconds()
    assert abs(shown - expected) <= 3, f"shows {shown} s, the server has {expected} s"
    assert 28 * 60 < shown <= 30 * 60
    _shot(screenshot, page, "countdown")


def test_countdown_ignores_a_wrong_phone_clock_and_submits_at_zero(
    demo_site, phone_page, screenshot
):
    """A phone whose clock is hours off still counts the server's 30 minutes;
    screen readers hear 5 minutes and 1 minute left, the last minute looks
    urgent, and at zero the page sends its answers and submits."""
    page = phone_page
    quiz = _make_quiz()
    page.clock.install(time=datetime.datetime(2023, 9, 27, 8, 0))
    _log_in(page, demo_site)
    attempt = _start(page, demo_site, quiz)

    countdown = page.locator("[data-countdown]")
    timer = page.locator(".attempt__timer")
    announcer = page.locator("[data-time-announcer]")
    expect(countdown).to_have_text(re.compile(r"^(30:00|29:5\d)$"))

    _question(page, "single_choice").get_by_label(RIGHT_OPTION).check()
    _wait_until_saved(page)

    page.clock.fast_forward("25:00")
    expect(countdown).to_have_text(re.compile(r"^0[45]:\d\d$"))
    expect(announcer).to_have_text(FIVE_MINUTES)
    expect(timer).to_have_class(re.compile(r"\bis-low\b"))

    page.clock.fast_forward("04:30")
    expect(countdown).to_have_text(re.compile(r"^00:[0-5]\d$"))
    expect(announcer).to_have_text(ONE_MINUTE)
    expect(timer).to_have_class(re.compile(r"\bis-urgent\b"))
    _shot(screenshot, page, "last-minute")

    page.clock.fast_forward("01:00")
    page.wait_for_url(RESULT_URL)
    expect(page.locator(".result-summary")).to_be_visible()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score == 1


def test_a_busy_server_gets_the_answer_and_the_submit_again(
    demo_site, phone_page, screenshot
):
    """While the database restarts the server answers 503 "try again"
    (lms/core/db_faults.py): the phone keeps the answer, says it waits for the
    connection rather than showing an error, and sends it again; a submit that
    meets a 503 is sent again by itself and graded once."""
    page = phone_page
    quiz = _make_quiz(time_limit_minutes=None)
    page.clock.install()
    _log_in(page, demo_site)
    attempt = _start(page, demo_site, quiz)

    sent = {"simpan": 0, "kirim": 0}

    def busy_once(route):
        name = route.request.url.rstrip("/").rsplit("/", 1)[-1]
        sent[name] += 1
        if sent[name] == 1:
            route.fulfill(
                status=503, headers={"Retry-After": "5"}, json={"retry": True}
            )
        else:
            route.continue_()

    page.route("**/simpan/", busy_once)
    page.route("**/kirim/", busy_once)
    status = page.locator("[data-save-status]")

    _question(page, "single_choice").get_by_label(RIGHT_OPTION).check()
    expect(status).to_have_attribute("data-state", "offline")
    expect(status).to_have_text(OFFLINE)
    assert _saved_answers(attempt) == {}
    assert list(_pending(page).values())[0]["response"] is not None
    _shot(screenshot, page, "server-busy")
    page.clock.fast_forward("00:15")
    _wait_until_saved(page)
    assert sent["simpan"] == 2
    paper_single = _paper_question(attempt, "single_choice")
    assert _saved_answers(attempt)["single_choice"].response == _option_key(
        paper_single, RIGHT_OPTION
    )

    page.locator("[data-submit-button]").click()
    dialog = page.locator("dialog[data-confirm-dialog]")
    dialog.locator("[data-confirm-form] button[type=submit]").click()
    expect(dialog).to_be_hidden()
    expect(status).to_have_text(OFFLINE)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS
    page.clock.fast_forward("00:15")
    page.wait_for_url(RESULT_URL)
    assert sent["kirim"] == 2
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.score == 1
    assert page.evaluate("Object.keys(localStorage)") == []
