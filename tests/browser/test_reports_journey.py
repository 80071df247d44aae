"""The organiser's reports, tried as their readers would, in a real browser.

The organiser, on a laptop, opens the demo event's hub (Sawah Besar, 2023),
follows "Hasil", filters it by a kelurahan through Wagtail's filter menu,
downloads the XLSX and finds the same people in it; then reads the learning
gain's three charts and the post-test's item analysis. A KPUD speaker opens
the item analysis and the results of KPUD's quiz from its "…" menu, and is
turned away from the quizzes of others (promise 10, docs/architecture.md).
docs/reports.md describes the pages.

What the pages say is matched in the browser's language (``_said``), as in
test_event_journey.py. Screenshots go to tests/browser/screenshots/ (labels
prefixed "report-"), and four of them to docs/img/ for docs/reports.md
(``UPDATE_DOC_IMAGES=1``).
"""

import random
import re
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from playwright.sync_api import expect

from lms.accounts.models import User
from lms.demo import DEMO_PASSWORD
from lms.demo.content import election, supervision
from lms.demo.content.tests import POST_TEST
from lms.demo.events import demo_event, demo_event_test
from quizzes.models import QuizPage
from tests.browser.conftest import assert_accessible, log_in_to_admin, save_doc_image
from tests.lms.events.event_builders import attempt

# Eight of the demo event's participants live here, with every kind of result.
KELURAHAN = "Pasar Baru"


def _in_indonesian(text):
    """``text`` as the app says it in Indonesian, the browser's language."""
    with translation.override("id"):
        return gettext(text)


def _said(text):
    """A pattern for ``text`` as the app says it in Indonesian."""
    return re.compile(re.escape(_in_indonesian(text)))


def _shot(screenshot, page, label):
    screenshot(page, f"report-{label}")


def _column(table, heading):
    """The texts of the column headed ``heading``, top to bottom."""
    headings = [text.strip() for text in table.locator("thead th").all_inner_texts()]
    number = headings.index(heading) + 1
    cells = table.locator(f"tbody tr td:nth-child({number})")
    return [text.strip() for text in cells.all_inner_texts()]


def _header_menu_link(page, item):
    """Opens the "…" menu beside the page title in the admin header; its link ``item``."""
    page.get_by_role("button", name=_in_indonesian("Actions"), exact=True).click()
    return page.get_by_role("link", name=_said(item))


# The organiser --------------------------------------------------------------------


def _filters_results_by_kelurahan(page, site, screenshot, event):
    """From the hub to "Hasil", then the kelurahan filter as a user sets it."""
    page.goto(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    page.get_by_role("link", name=_in_indonesian("Results"), exact=True).click()
    page.wait_for_url(f"{site}{reverse('lms_event_admin:results', args=[event.pk])}")
    table = page.locator("#listing-results table")
    expect(table.locator("tbody tr")).to_have_count(event.enrolments.count())

    page.get_by_role("button", name=_said("Show filters")).click()
    filters = page.locator("#filters-drilldown")
    filters.get_by_role("button", name=_in_indonesian("Kelurahan"), exact=True).click()
    filters.get_by_label(_in_indonesian("Kelurahan"), exact=True).select_option(
        KELURAHAN
    )
    _shot(screenshot, page, "results-filter")

    living_there = User.objects.filter(enrolments__event=event, kelurahan=KELURAHAN)
    expected = sorted(
        living_there.values_list("full_name", flat=True), key=str.casefold
    )
    # The table is swapped in without reloading the page once the filter is set.
    expect(table.locator("tbody tr")).to_have_count(len(expected))
    page.keyboard.press("Escape")
    names = _column(table, _in_indonesian("Name"))
    assert names == expected
    assert set(_column(table, _in_indonesian("Kelurahan"))) == {KELURAHAN}
    assert_accessible(page)
    save_doc_image(page, "report-results")
    _shot(screenshot, page, "results")
    return names


def _downloads_the_xlsx(page, names):
    """The "…" menu's XLSX holds the filtered table's people, in its order."""
    with page.expect_download() as download:
        _header_menu_link(page, "Download XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    # openpyxl goes by the file name's extension, which Playwright's copy lacks.
    with open(download.value.path(), "rb") as xlsx:
        sheet = load_workbook(xlsx, read_only=True).active
        headings, *rows = sheet.iter_rows(values_only=True)
    name = headings.index(_in_indonesian("Name"))
    kelurahan = headings.index(_in_indonesian("Kelurahan"))
    assert [row[name] for row in rows] == names
    assert {row[kelurahan] for row in rows} == {KELURAHAN}


def _sees_the_gain(page, site, screenshot, event):
    """Three charts, each named by its title for screen readers."""
    page.goto(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    page.get_by_role("link", name=_said("Learning gain")).click()
    page.wait_for_url(
        f"{site}{reverse('lms_event_admin:learning_gain', args=[event.pk])}"
    )
    titles = [
        _in_indonesian("Scores before and after"),
        *(
            _in_indonesian("Mean gain, %(grouping)s")
            % {"grouping": _in_indonesian(grouping).lower()}
            for grouping in ("By institution", "By kelurahan")
        ),
    ]
    charts = page.locator("svg[role=img]")
    expect(charts).to_have_count(len(titles))
    for chart, title in zip(charts.all(), titles, strict=True):
        expect(chart).to_be_visible()
        expect(chart).to_have_accessible_name(re.compile(f"^{re.escape(title)}"))
    assert_accessible(page)
    charts.first.scroll_into_view_if_needed()
    save_doc_image(page, "report-gain")
    _shot(screenshot, page, "gain")


def _reads_the_post_tests_items(page, site, screenshot, post_test):
    """Organisers see every quiz's item analysis, here from the post-test's menu."""
    page.goto(f"{site}{reverse('wagtailadmin_pages:edit', args=[post_test.pk])}")
    _header_menu_link(page, "Item analysis").click()
    page.wait_for_url(f"{site}{reverse('lms_reports:quiz_items', args=[post_test.pk])}")
    expect(page.locator(".item-analysis__meta")).to_contain_text(post_test.title)
    chart = page.get_by_role(
        "img", name=_said("Difficulty and discrimination of each question")
    )
    expect(chart).to_be_visible()
    assert_accessible(page)
    chart.scroll_into_view_if_needed()
    save_doc_image(page, "report-items")
    _shot(screenshot, page, "items")


def test_organiser_filters_downloads_and_reads_the_reports(
    demo_site, laptop_page, screenshot
):
    """Results filtered and downloaded alike, the gain's charts, an item analysis."""
    page, event = laptop_page, demo_event()
    log_in_to_admin(page, demo_site, "penyelenggara", DEMO_PASSWORD)
    names = _filters_results_by_kelurahan(page, demo_site, screenshot, event)
    _downloads_the_xlsx(page, names)
    _sees_the_gain(page, demo_site, screenshot, event)
    _reads_the_post_tests_items(page, demo_site, screenshot, demo_event_test(POST_TEST))


# The speaker ------------------------------------------------------------------------


def _some_participants_practise(quiz):
    """Twelve of the demo event's participants hand in ``quiz``, four of them
    twice, so its results have rows: the demo's attempts are at the event's tests."""
    rng = random.Random(2026)
    people = User.objects.filter(enrolments__event=demo_event()).order_by("username")
    for number, user in enumerate(people[:12]):
        for try_ in range(1, 3 if number % 3 == 0 else 2):
            percent = Decimal(rng.randrange(30, 101, 5))
            attempt(quiz, user, percent=percent, number=try_)


def _reads_the_results_of(page, site, screenshot, quiz):
    """From the quiz's menu to its results, best first, as a speaker reads them."""
    page.goto(f"{site}{reverse('wagtailadmin_pages:edit', args=[quiz.pk])}")
    _header_menu_link(page, "Quiz results").click()
    page.wait_for_url(f"{site}{reverse('lms_reports:quiz_results', args=[quiz.pk])}")
    table = page.locator("#listing-results .report-table table")
    expect(table.locator("tbody tr")).to_have_count(12)
    for ordering in ("grade", "-grade"):  # a second click puts the highest first
        table.get_by_role("link", name=_said("Score")).click()
        expect(page).to_have_url(re.compile(f"ordering={ordering}$"))
        page.wait_for_load_state()
    scores = [
        float(score.replace(",", "."))
        for score in _column(table, _in_indonesian("Score"))
    ]
    assert scores == sorted(scores, reverse=True)
    assert_accessible(page)
    save_doc_image(page, "report-quiz-results")
    _shot(screenshot, page, "quiz-results")


def test_speaker_sees_the_reports_of_their_own_quizzes_only(
    demo_site, laptop_page, screenshot
):
    """KPUD's quiz's item analysis and results open from its menu; Bawaslu's and the
    event's are refused, whichever address is typed."""
    page = laptop_page
    own = QuizPage.objects.get(slug=election.QUIZ["slug"])
    _some_participants_practise(own)
    log_in_to_admin(page, demo_site, "kpud", DEMO_PASSWORD)
    page.goto(f"{demo_site}{reverse('wagtailadmin_pages:edit', args=[own.pk])}")
    _header_menu_link(page, "Item analysis").click()
    page.wait_for_url(f"{demo_site}{reverse('lms_reports:quiz_items', args=[own.pk])}")
    expect(page.locator(".item-analysis__meta")).to_contain_text(own.title)
    _shot(screenshot, page, "items-own")
    _reads_the_results_of(page, demo_site, screenshot, own)

    for others in (
        QuizPage.objects.get(slug=supervision.QUIZ["slug"]),
        demo_event_test(POST_TEST),
    ):
        for report in ("lms_reports:quiz_items", "lms_reports:quiz_results"):
            page.goto(f"{demo_site}{reverse(report, args=[others.pk])}")
            page.wait_for_url(f"{demo_site}{reverse('wagtailadmin_home')}")
            expect(page.locator(".messages")).to_contain_text(
                _said("Sorry, you do not have permission to access this area.")
            )
            expect(page.locator("main")).not_to_contain_text(others.title)
    _shot(screenshot, page, "items-refused")
