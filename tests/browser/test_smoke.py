"""Smoke tests: what a participant and an organiser see first, in a real browser.

Each test checks things a person would notice (the wrong language, a page
wider than the phone, a login that does not stick). Screenshots go to
tests/browser/screenshots/ before the checks, so a failing test leaves a
picture of what it saw.
"""

import re

from django.urls import reverse
from playwright.sync_api import expect

from lms.demo import DEMO_PASSWORD

INDONESIAN = re.compile(r"^id")


def test_home_page_on_a_phone(demo_site, phone_page, screenshot):
    """Most participants open the site on a cheap Android phone, in Indonesian."""
    page = phone_page
    page.goto(f"{demo_site}/")
    screenshot(page, "home")

    expect(page.locator("html")).to_have_attribute("lang", INDONESIAN)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_count(1)
    expect(heading).to_be_visible()
    expect(page.get_by_role("banner").get_by_role("link", name="Masuk")).to_be_visible()

    # Sideways scrolling on a phone means something is too wide for the screen.
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 360, f"the page is {scroll_width}px wide on a 360px phone"


def test_organiser_logs_into_wagtail_admin_in_indonesian(
    demo_site, laptop_page, screenshot
):
    """Organisers work in the Wagtail admin, which must speak Indonesian.

    The labels are Wagtail's own translations (wagtail/admin/locale/id_ID):
    "Dashboard" is "Dasbor", "Pages" is "Halaman", "Search" is "Pencarian" and
    "Log out" is "Keluar".
    """
    page = laptop_page
    page.goto(f"{demo_site}/admin/login/")
    page.locator("input[name=username]").fill("penyelenggara")
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has(input[name=username]) [type=submit]").click()
    page.wait_for_url(f"{demo_site}/admin/")
    screenshot(page, "dashboard")

    expect(page.locator("html")).to_have_attribute("lang", INDONESIAN)
    expect(page).to_have_title(re.compile(r"^Dasbor\b"))
    expect(page.get_by_text("Halaman", exact=True)).to_be_visible()
    expect(page.get_by_text("Pages", exact=True)).to_have_count(0)
    expect(page.get_by_placeholder("Pencarian")).to_be_visible()
    # The dashboard greets the organiser by their full name.
    expect(page.get_by_text("Dewi Anggraini Lestari", exact=True)).to_be_visible()

    # The account menu at the foot of Wagtail's sidebar holds "Log out".
    page.locator(".sidebar-footer__account").click()
    screenshot(page, "account-menu")
    expect(page.get_by_text("Keluar", exact=True)).to_be_visible()
    expect(page.get_by_text("Log out", exact=True)).to_have_count(0)


def test_participant_logs_in_with_phone_number(demo_site, phone_page, screenshot):
    """Participants know their phone number, typed any way, not a username."""
    page = phone_page
    page.goto(f"{demo_site}{reverse('login')}")
    form = page.locator("form:has(input[name=username])")
    form.locator("input[name=username]").fill("0812-3456-7801")
    form.locator("input[name=password]").fill(DEMO_PASSWORD)
    screenshot(page, "login")
    form.locator("[type=submit]").click()
    page.wait_for_url(f"{demo_site}/beranda-saya/")  # "Beranda saya" after login

    header = page.get_by_role("banner")
    expect(header.get_by_role("link", name="Masuk")).to_have_count(0)
    # On a phone the header folds the account into a menu; open it like a
    # person would, by tapping it.
    header.locator("summary").tap()
    screenshot(page, "logged-in")
    name = header.get_by_text("Bambang Sutrisno").filter(visible=True)
    expect(name.first).to_be_visible()
    expect(header.get_by_role("button", name="Keluar")).to_be_visible()
