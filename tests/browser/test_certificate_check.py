"""Checking a certificate's PDF on the public verification page, on a phone.

Someone handed a certificate (a kelurahan office, an employer) scans its QR
code and uploads the PDF they were given. Whatever the file, the verdict is
what they came for: it must be on the screen, and focused, the moment the page
comes back, not a screen and a half below the certificate's green "valid".
"""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.factories import EventIndexPageFactory, EventPageFactory, HomePageFactory
from tests.lms.certificates.stubs import altered_bytes, make_certificate


@pytest.fixture
def certificate(live_server, django_db_serialized_rollback):
    """A valid certificate with its stored PDF, served by the live server."""
    index = EventIndexPageFactory(parent=HomePageFactory())
    return make_certificate(event=EventPageFactory(parent=index))


def test_an_altered_pdf_is_refused_on_the_first_screen(
    live_server, certificate, phone_page, screenshot, tmp_path
):
    altered = tmp_path / "sertifikat.pdf"
    altered.write_bytes(altered_bytes(certificate))

    page = phone_page
    page.goto(
        live_server.url
        + reverse("certificate_verify", args=[certificate.verification_code])
    )
    form = page.locator("form[enctype='multipart/form-data']")
    form.locator("input[type=file]").set_input_files(altered)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    screenshot(page, "certificate-altered-pdf")

    # The first message in the page, red, in the phone's language, and focused.
    verdict = page.locator("main .notice").first
    expect(verdict).to_have_class("notice notice--error notice--main")
    with translation.override("id"):
        title = gettext("This file is not the certificate that was issued.")
    expect(verdict).to_contain_text(title)
    expect(verdict).to_be_focused()
    expect(verdict).to_be_in_viewport(ratio=1)
