"""Questions with pictures and long matching options, on a 360 px phone.

A picture in a question, an option or the feedback fits the screen and
loads; a matching question whose options are longer than the screen is wide
keeps to the screen, and the option chosen can be read in full.

Screenshots: tests/browser/screenshots/test_*-quiz-*.png.
"""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from quizzes.attempts import start_attempt
from tests.browser.conftest import PHONE
from tests.conftest import LearningTree
from tests.factories import HomePageFactory, ParticipantFactory, QuizPageFactory
from tests.quizzes.picture_setup import (
    FEEDBACK_ALT,
    OPTION_ALT,
    STEM_ALT,
    picture,
    picture_question,
)

PHONE_WIDTH = PHONE["viewport"]["width"]
LONG_MATCH = (
    "Mengawasi seluruh tahapan penyelenggaraan pemilu, menerima laporan dugaan "
    "pelanggaran, dan menyelesaikan sengketa proses pemilu di tingkat kota"
)
SHORT_MATCH = "Mengesahkan APBD"
MATCHING = {
    "type": "matching",
    "value": {
        "text": "<p>Pasangkan lembaga dengan tugasnya.</p>",
        "points": "2",
        "feedback": "",
        "pairs": [
            {"prompt": "Bawaslu Kota Jakarta Pusat", "answer": LONG_MATCH},
            {"prompt": "KPU Kota Jakarta Pusat",
             "answer": "Menyelenggarakan pemungutan dan penghitungan suara"},
        ],
        "distractors": [SHORT_MATCH],
    },
}  # fmt: skip


@pytest.fixture
def attempt_url(live_server, django_db_serialized_rollback):
    """The attempt page of a participant, already logged in, at a quiz with a
    picture question and a matching question (serialized rollback brings back
    the root page migrations made, after the previous test's flush)."""
    tree = LearningTree(HomePageFactory())
    quiz = QuizPageFactory(
        parent=tree.module,
        questions=[picture_question(picture()), MATCHING],
        shuffle_options=False,
        review_content="feedback",
    )
    participant = ParticipantFactory()
    attempt = start_attempt(quiz=quiz, user=participant)
    return participant, f"{live_server.url}/kuis/percobaan/{attempt.pk}/"


def _open_as(page, user, url):
    """Opens ``url`` in a session of ``user``, with uploaded pictures served.

    The live server, like production, does not serve media (nginx does);
    the browser gets each file from the test's media folder instead.
    """
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": url}]
    )
    page.route(
        "**/media/**",
        lambda route: route.fulfill(
            path=settings.MEDIA_ROOT / route.request.url.split("/media/", 1)[1]
        ),
    )
    page.goto(url)


def _assert_fits_phone(page):
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width}px wide on a 360px phone"


def _assert_picture_shown(page, alt):
    """The picture is loaded (not a broken icon) and inside the screen's width."""
    img = page.get_by_role("img", name=alt)
    img.scroll_into_view_if_needed()
    expect(img).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=img.element_handle()
    )
    box = img.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, box


def test_pictures_in_a_question_fit_a_phone_while_answering_and_in_review(
    attempt_url, phone_page, screenshot
):
    participant, url = attempt_url
    page = phone_page
    _open_as(page, participant, url)
    for alt in (STEM_ALT, OPTION_ALT):
        _assert_picture_shown(page, alt)
    _assert_fits_phone(page)
    screenshot(page, "quiz-picture-attempt")

    page.get_by_role("radio", name=f"{OPTION_ALT} Presiden").check()
    page.locator("[data-submit-button]").click()
    page.locator("[data-confirm-form] button[type=submit]").click()
    page.wait_for_url(f"{url}hasil/")
    for alt in (STEM_ALT, OPTION_ALT, FEEDBACK_ALT):
        _assert_picture_shown(page, alt)
    _assert_fits_phone(page)
    screenshot(page, "quiz-picture-review")


def test_a_long_matching_option_stays_on_screen_and_reads_in_full(
    attempt_url, phone_page, screenshot
):
    participant, url = attempt_url
    page = phone_page
    # No connection: the choice stays on the phone, and after a reload
    # quiz.js puts it back into the select (without the server's help).
    page.route("**/simpan/", lambda route: route.abort())
    _open_as(page, participant, url)
    row = page.locator(".matching__row").filter(has_text="Bawaslu Kota Jakarta Pusat")
    row.get_by_role("combobox").select_option(label=LONG_MATCH)
    chosen = row.locator("[data-matching-chosen]")
    expect(chosen).to_have_text(LONG_MATCH)
    page.reload()

    select = row.get_by_role("combobox")
    expect(select).to_have_value(re.compile(".+"))
    select.scroll_into_view_if_needed()
    for box in (select.bounding_box(), row.bounding_box()):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH, box
    _assert_fits_phone(page)
    # A closed select shows one line; the full choice is written under it.
    expect(chosen).to_be_visible()
    expect(chosen).to_have_text(LONG_MATCH)
    screenshot(page, "quiz-matching-long-option")

    # A short choice fits the select itself and is not repeated.
    short = page.locator(".matching__row").filter(has_text="KPU Kota Jakarta Pusat")
    short.get_by_role("combobox").select_option(label=SHORT_MATCH)
    expect(short.locator("[data-matching-chosen]")).to_be_hidden()
