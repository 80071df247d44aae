"""Organisers find why a certificate was revoked in the Records listing
(lms/reports/registers.py): the public reason and their private note, on
screen, in the spreadsheet and on the inspect page."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.certificates.models import Certificate
from tests.factories import ParticipantFactory
from tests.lms.certificates.stubs import make_certificate
from tests.lms.events.event_builders import make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

NOTE = "Diganti karena NIK keliru"


@pytest.fixture
def revoked(home_page):
    certificate = make_certificate(
        event=make_event(home_page), user=ParticipantFactory()
    )
    certificate.revoked_at = timezone.now()
    certificate.revoke_public_reason = Certificate.PublicReason.NAME_MISSPELT
    certificate.revoke_note = NOTE
    certificate.save()
    return certificate


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def test_the_listing_and_inspect_page_show_both_reasons(organiser_client, revoked):
    listing = organiser_client.get(reverse("lms_records_certificates:index"))
    inspect = organiser_client.get(
        reverse("lms_records_certificates:inspect", args=[revoked.pk])
    )
    for page in (listing.content.decode(), inspect.content.decode()):
        assert "Name misspelt" in page and NOTE in page


def test_the_spreadsheet_has_both_reasons_in_words(organiser_client, revoked):
    response = organiser_client.get(
        reverse("lms_records_certificates:index") + "?export=csv"
    )
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    header, row = csv.reader(io.StringIO(text))
    columns = dict(zip(header, row, strict=True))
    assert columns["Public reason for revoking"] == "Name misspelt"
    assert columns["Organisers' note on revoking"] == NOTE
