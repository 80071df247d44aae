"""The event evaluation, tried as its users would, in a real browser.

The demo participant ``peserta``, on a phone, opens the demo event (Sawah Besar,
2023), follows "Isi evaluasi kegiatan", answers every question, sees the thanks,
and cannot answer a second time, even by sending the form again from the
browser's history. The organiser, on a laptop, opens the report from the event's
hub and finds the chart and the new answers in it. docs/reports.md,
"Evaluation", describes the pages; ``UPDATE_DOC_IMAGES=1`` writes its two
pictures.
"""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from lms.accounts.models import User
from lms.demo import DEMO_PASSWORD
from lms.demo.events import demo_event
from lms.events.models import EvaluationPage, EvaluationResponse
from tests.browser.conftest import assert_accessible, log_in_to_admin, save_doc_image

COMMENT = "Mohon materi JAKI diberi waktu lebih panjang."


def _in_indonesian(text):
    """``text`` as the app says it in Indonesian, the browser's language."""
    with translation.override("id"):
        return gettext(text)


def _said(text):
    return re.compile(re.escape(_in_indonesian(text)))


def _log_in(page, site):
    page.goto(f"{site}{reverse('login')}")
    form = page.locator("form:has(input[name=username])")
    form.locator("input[name=username]").fill("peserta")
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    form.locator("[type=submit]").click()
    page.wait_for_url(f"{site}/beranda-saya/")


def _answers(page) -> list[int]:
    """Chooses a level in every agreement question (4, then 5, then 4…); returns them."""
    chosen = []
    groups = page.locator("fieldset")
    for number in range(groups.count()):
        level = 4 + number % 2
        groups.nth(number).locator(f"input[type=radio][value='{level}']").check()
        chosen.append(level)
    page.locator("textarea").fill(COMMENT)
    return chosen


def _participant_answers_once(page, site, screenshot, evaluation):
    event = evaluation.event
    _log_in(page, site)
    page.goto(f"{site}{event.url}")
    page.get_by_role("link", name=_said("Fill in the event evaluation")).click()
    page.wait_for_url(f"{site}{evaluation.url}")
    expect(page.get_by_role("heading", level=1)).to_have_text(evaluation.title)
    expect(page.get_by_text(_said("Your answers are anonymous"))).to_be_visible()
    assert_accessible(page)
    # The picture shows the first question, as a participant scrolls to it.
    first = page.locator("fieldset").first
    first.evaluate("group => group.scrollIntoView()")
    page.evaluate("window.scrollBy(0, -180)")
    first.locator("input[type=radio][value='4']").check()
    save_doc_image(page, "evaluation-form")

    chosen = _answers(page)
    screenshot(page, "evaluation-answered")
    page.get_by_role("button", name=_said("Send the evaluation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        _said("Thank you for your evaluation")
    )
    screenshot(page, "evaluation-thanks")
    peserta = User.objects.get(username="peserta")
    (stored,) = EvaluationResponse.objects.filter(page=evaluation, user=peserta)
    assert stored.form_data[next(iter(stored.form_data))] == chosen[0]
    assert COMMENT in stored.form_data.values()

    # The form again from the browser's history, sent again: nothing changes.
    page.go_back()
    page.wait_for_url(f"{site}{evaluation.url}")
    # Chromium shows the form from its cache, or asks the server, which thanks again.
    if page.locator("form textarea").count():
        _answers(page)
        page.get_by_role("button", name=_said("Send the evaluation")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        _said("You have already filled in the evaluation, thank you")
    )
    assert EvaluationResponse.objects.filter(page=evaluation, user=peserta).count() == 1
    page.goto(f"{site}{event.url}")
    expect(page.get_by_text(_said("Evaluation filled in"))).to_be_visible()
    expect(
        page.get_by_role("link", name=_said("Fill in the event evaluation"))
    ).to_have_count(0)


def _organiser_reads_the_report(page, site, screenshot, evaluation):
    event = evaluation.event
    log_in_to_admin(page, site, "penyelenggara", DEMO_PASSWORD)
    page.goto(f"{site}{reverse('lms_event_admin:event', args=[event.pk])}")
    page.get_by_role("link", name=_in_indonesian("Evaluation"), exact=True).click()
    page.wait_for_url(f"{site}{reverse('lms_event_admin:evaluation', args=[event.pk])}")
    responses = EvaluationResponse.objects.filter(page=evaluation).count()
    enrolled = event.enrolments.count()
    assert re.search(rf"\b{responses}\b[^.]*\b{enrolled}\b", page.inner_text("main"))
    chart = page.locator("figure svg[role=img]")
    expect(chart).to_have_count(1)
    expect(chart.locator("g.row")).to_have_count(
        page.locator("#evaluation-ratings ~ div table tbody tr").count()
    )
    expect(page.get_by_text(COMMENT)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "evaluation-report")
    save_doc_image(page, "report-evaluation")


def test_a_participant_evaluates_the_event_and_the_organiser_reads_it(
    demo_site, phone_page, laptop_page, screenshot
):
    evaluation = EvaluationPage.objects.child_of(demo_event()).get()
    _participant_answers_once(phone_page, demo_site, screenshot, evaluation)
    _organiser_reads_the_report(laptop_page, demo_site, screenshot, evaluation)
