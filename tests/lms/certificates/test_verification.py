"""The public verification page: states, what it reveals, file checks, rate limit."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lms.certificates import verification
from lms.certificates.models import Certificate
from tests.factories import EventIndexPageFactory, EventPageFactory, ParticipantFactory
from tests.lms.certificates.stubs import (
    altered_bytes,
    issued_bytes,
    make_certificate,
)
from tests.pdfs import decode_qr_codes


@pytest.fixture(autouse=True)
def english(client, settings):
    """Pages in their English source text (Bahasa Indonesia is the default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Peningkatan Kapasitas LMK")


@pytest.fixture
def certificate(event):
    user = ParticipantFactory(
        full_name="R.A. Siti Nur'aini",
        username="siti.nuraini",
        phone="+6281234567890",
        kelurahan="Karang Anyar",
    )
    return make_certificate(event=event, user=user, kelurahan="Karang Anyar")


def verify_url(certificate):
    return reverse("certificate_verify", args=[certificate.verification_code])


def upload(client, certificate, data: bytes, name="sertifikat.pdf"):
    return client.post(
        verify_url(certificate),
        {"file": SimpleUploadedFile(name, data, content_type="application/pdf")},
    )


def test_valid_certificate_shows_the_printed_facts_without_login(client, certificate):
    response = client.get(verify_url(certificate))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This certificate is valid." in html
    assert "R.A. Siti Nur&#x27;aini" in html
    assert "Peningkatan Kapasitas LMK" in html
    assert certificate.number in html
    assert certificate.sha256 in html


def test_page_reveals_nothing_personal_beyond_the_allowed_fields(client, certificate):
    certificate.snapshot["score"] = "skor-91"
    certificate.save()
    html = client.get(verify_url(certificate)).content.decode()
    for private in ("siti.nuraini", "81234567890", "Karang Anyar", "skor-91"):
        assert private not in html
    assert "Ketua RT" not in html


def test_page_is_never_cached_or_indexed(client, certificate):
    response = client.get(verify_url(certificate))
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.text


PRIVATE_NOTE = "Catatan-rahasia-7f3a: Pak Budi salah ketik NIK"


def test_revoked_certificate_shows_the_date_and_public_reason(client, certificate):
    certificate.revoked_at = timezone.make_aware(datetime.datetime(2023, 10, 2, 9))
    certificate.revoke_public_reason = Certificate.PublicReason.ISSUED_IN_ERROR
    certificate.save()
    html = client.get(verify_url(certificate)).content.decode()
    assert "This certificate was revoked." in html
    assert "2 October 2023" in html
    assert "Reason: Issued in error" in html
    assert "This certificate is valid." not in html


@pytest.mark.parametrize("replaced", [False, True], ids=["revoked", "replaced"])
def test_the_organisers_note_never_shows_publicly(client, certificate, event, replaced):
    certificate.revoked_at = timezone.now()
    certificate.revoke_public_reason = Certificate.PublicReason.NAME_MISSPELT
    certificate.revoke_note = PRIVATE_NOTE
    certificate.save()
    if replaced:
        newer = make_certificate(event=event, user=certificate.user, sequence=2)
        newer.replaces = certificate
        newer.save()
    looked_up = client.get(verify_url(certificate)).content.decode()
    assert ("replaced by a newer version" in looked_up) is replaced
    checked = upload(client, certificate, issued_bytes(certificate)).content.decode()
    for page in (looked_up, checked):
        assert "Name misspelt" in page
        assert "Catatan-rahasia-7f3a" not in page and "NIK" not in page


def test_replaced_certificate_says_so_and_hides_the_new_code(
    client, certificate, event
):
    certificate.revoked_at = timezone.now()
    certificate.revoke_public_reason = Certificate.PublicReason.REPLACED
    certificate.save()
    newer = make_certificate(event=event, user=certificate.user, sequence=2)
    newer.replaces = certificate
    newer.save()
    html = client.get(verify_url(certificate)).content.decode()
    assert "replaced by a newer version" in html
    assert "Reason: Replaced by a new certificate" in html
    assert newer.verification_code not in html
    assert "This certificate is valid." in client.get(verify_url(newer)).text


@pytest.mark.parametrize("code", ["tidak-ada", "A" * 43, "%3Cscript%3Ealert(1)%3C"])
def test_unknown_code_is_a_plain_not_found(client, certificate, code):
    response = client.get(f"/v/{code}/")
    assert response.status_code == 404
    assert "Certificate not found" in response.text
    assert "<script>alert" not in response.text
    assert certificate.number not in response.text


def main_messages(response) -> list:
    """The notices and the heading in the main content, in page order."""
    main = BeautifulSoup(response.text, "html.parser").find("main")
    return main.find_all(
        lambda tag: tag.name == "h1" or "notice" in tag.get("class", [])
    )


def test_uploaded_issued_file_matches(client, certificate):
    response = upload(client, certificate, issued_bytes(certificate))
    assert response.status_code == 200
    first = main_messages(response)[0]
    assert "notice--success" in first["class"]
    assert "This file is the certificate that was issued." in first.text
    assert "not the certificate" not in response.text


def test_an_altered_file_is_the_first_message_red_and_focused(client, certificate):
    response = upload(client, certificate, altered_bytes(certificate))
    messages = main_messages(response)
    first = messages[0]
    assert "notice--error" in first["class"]
    assert "This file is not the certificate that was issued." in first.text
    # The record itself is still valid, and the verdict says so.
    assert "The certificate record itself is valid" in first.text
    assert first.has_attr("autofocus")
    assert first["tabindex"] == "-1"
    # Above the heading and the green "valid", which still follow it.
    assert [m.name for m in messages[:2]] == ["div", "h1"]
    assert "This certificate is valid." in messages[2].text
    assert BeautifulSoup(response.text, "html.parser").title.text.startswith("Error:")
    assert "This file is the certificate that was issued." not in response.text


def test_an_altered_copy_of_a_revoked_certificate_says_nothing_of_validity(
    client, certificate
):
    certificate.revoked_at = timezone.now()
    certificate.save()
    first = main_messages(upload(client, certificate, altered_bytes(certificate)))[0]
    assert "This file is not the certificate that was issued." in first.text
    assert "valid" not in first.text


def test_the_issued_file_of_a_revoked_certificate_is_no_green_light(
    client, certificate
):
    certificate.revoked_at = timezone.now()
    certificate.save()
    first = main_messages(upload(client, certificate, issued_bytes(certificate)))[0]
    assert "notice--warning" in first["class"]
    assert "but it is no longer valid" in first.text


def test_without_an_upload_nothing_claims_focus(client, certificate):
    html = client.get(verify_url(certificate)).text
    assert "autofocus" not in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"<html><script>alert(1)</script></html>", "This file is not a PDF."),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024), "The file is too big (at most 10 MB)."),
    ],
)
def test_bad_uploads_get_a_clear_message(client, certificate, data, message):
    response = upload(client, certificate, data)
    assert response.status_code == 200
    assert message in response.text
    assert "There is a problem" in response.text
    assert "notice--main" not in response.text


def test_upload_without_a_file_asks_for_one(client, certificate):
    response = client.post(verify_url(certificate), {})
    assert "Choose the certificate&#x27;s PDF file." in response.text


def test_lookups_past_the_limit_get_429(client, certificate, monkeypatch):
    # One fixed window for the whole test: a slow run must not cross into the next.
    monkeypatch.setattr(verification, "time", SimpleNamespace(time=lambda: 1.8e9))
    for _ in range(verification.LOOKUPS_PER_WINDOW):
        assert client.get(verify_url(certificate)).status_code == 200
    response = client.get(verify_url(certificate))
    assert response.status_code == 429
    assert "Wait one minute" in response.text
    # Unknown codes count too, so the limit cannot be dodged by guessing.
    assert client.get("/v/tebakan/").status_code == 429
    # Another address is not affected.
    assert (
        client.get(verify_url(certificate), REMOTE_ADDR="10.0.0.9").status_code == 200
    )


def test_decode_qr_codes_reads_the_verification_url(certificate):
    with certificate.pdf.open("rb") as stored:
        codes = decode_qr_codes(stored.read())
    assert codes == [certificate.snapshot["verification_url"]]
