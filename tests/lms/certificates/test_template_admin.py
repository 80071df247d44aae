"""Certificate templates in the admin: who may edit them, the checks, the preview."""

import io

import pytest
import wagtail_factories
from django.urls import reverse
from pypdf import PdfReader
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from lms.certificates.models import CertificateTemplate
from lms.certificates.rendering import default_template
from lms.certificates.template_admin import SAMPLE_SNAPSHOT
from tests.factories import ParticipantFactory, SpeakerFactory
from tests.pdfs import pdf_text

ADD = "wagtailsnippets_quizzes_certificatetemplate:add"
EDIT = "wagtailsnippets_quizzes_certificatetemplate:edit"
LIST = "wagtailsnippets_quizzes_certificatetemplate:list"
PREVIEW = "wagtailsnippets_quizzes_certificatetemplate:preview"
PREVIEW_NEW = "wagtailsnippets_quizzes_certificatetemplate:preview_new"


def template_form(**changes):
    fields = {
        "name": "Kecamatan Gambir",
        "is_default": "",
        "orientation": "landscape",
        "paper_size": "A4",
        "background": "",
        "title": "SERTIFIKAT",
        "body": "atas partisipasinya dalam {event} pada {dates}.",
        "font": "Liberation Serif",
        "numbering_pattern": "{seq:03d}/SERT/{event_code}/{month_roman}/{year}",
        "logos": inline_formset([]),
        "signatories": inline_formset(
            [
                {
                    "name": "Prasetyo",
                    "position": "Camat Gambir",
                    "nip": "",
                    "signature": "",
                }
            ]
        ),
    }
    return nested_form_data({**fields, **changes})


@pytest.fixture
def admin_client(client, organiser, in_english):
    client.force_login(organiser)
    return client


@pytest.fixture
def saved(db):
    return default_template()


def assert_refused(response):
    """Wagtail refuses with a redirect (to login or the admin home) or a 403."""
    assert response.status_code in (302, 403)
    assert response.get("Content-Type") != "application/pdf"


def test_organisers_find_templates_in_the_admin_menu(admin_client, saved):
    assert "Certificate templates" in admin_client.get("/admin/").content.decode()
    response = admin_client.get(reverse(LIST))
    assert response.status_code == 200
    assert saved.name in response.content.decode()


def test_an_organiser_creates_a_template(admin_client):
    response = admin_client.post(reverse(ADD), template_form())
    assert response.status_code == 302
    template = CertificateTemplate.objects.get(name="Kecamatan Gambir")
    assert [s.name for s in template.signatories.all()] == ["Prasetyo"]


def test_an_organiser_edits_a_template_and_sees_a_preview_button(admin_client, saved):
    page = admin_client.get(reverse(EDIT, args=[saved.pk])).content.decode()
    assert f'formaction="{reverse(PREVIEW, args=[saved.pk])}"' in page
    data = template_form(name=saved.name, title="PIAGAM PENGHARGAAN")
    response = admin_client.post(reverse(EDIT, args=[saved.pk]), data)
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.title == "PIAGAM PENGHARGAAN"


def test_an_unknown_placeholder_is_named_and_nothing_is_saved(admin_client):
    data = template_form(body="diberikan kepada {nama} atas {event} <b>{tempat}</b>")
    response = admin_client.post(reverse(ADD), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Unknown placeholder {nama}" in page
    assert "Unknown placeholder {tempat}" in page
    assert not CertificateTemplate.objects.filter(name="Kecamatan Gambir").exists()


def test_a_bad_numbering_pattern_is_refused(admin_client):
    response = admin_client.post(
        reverse(ADD), template_form(numbering_pattern="{kode}")
    )
    assert response.status_code == 200
    assert "Unknown field {kode}" in response.content.decode()
    assert not CertificateTemplate.objects.filter(name="Kecamatan Gambir").exists()


@pytest.mark.parametrize(
    ("pattern", "named"),
    [
        ("{seq:03d}/SERT/{year}", "{event_code}"),
        ("{seq:03d}/{event_code}/{bulan}", "{bulan}"),
        ("{seq:03d}/{event_code", "{{ and }}"),
    ],
)
def test_numbering_patterns_that_cannot_make_unique_numbers_are_refused(
    admin_client, pattern, named
):
    response = admin_client.post(reverse(ADD), template_form(numbering_pattern=pattern))
    assert response.status_code == 200
    errors = response.content.decode().split('class="error-message"')[1:]
    assert errors and named in errors[0]
    assert not CertificateTemplate.objects.filter(name="Kecamatan Gambir").exists()


def test_the_preview_prints_a_saved_template_on_sample_data(admin_client, saved):
    response = admin_client.get(reverse(PREVIEW, args=[saved.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert SAMPLE_SNAPSHOT["name"] in text
    assert "007/SERT/SAWAH7/IX/2023" in text
    assert "Aula Kantor Kecamatan Sawah Besar" in text


def test_the_preview_prints_the_form_as_filled_in_without_saving(admin_client, saved):
    data = template_form(
        name=saved.name,
        title="PIAGAM",
        numbering_pattern="{event_code}-{year}/{seq:04d}",
    )
    response = admin_client.post(reverse(PREVIEW, args=[saved.pk]), data)
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "PIAGAM" in text and "SAWAH7-2023/0007" in text and "Prasetyo" in text
    saved.refresh_from_db()
    assert saved.title == "SERTIFIKAT"
    assert [s.name for s in saved.signatories.all()] == ["Ishran Prasetyawan"]


def test_the_preview_of_a_new_template_shows_logos_and_signatures(admin_client):
    logo, signature = wagtail_factories.ImageFactory.create_batch(2)
    data = template_form(
        logos=inline_formset([{"image": logo.pk}]),
        signatories=inline_formset(
            [
                {
                    "name": "Prasetyo",
                    "position": "Camat",
                    "nip": "1970",
                    "signature": "",
                },
                {
                    "name": "Ani",
                    "position": "Lurah",
                    "nip": "",
                    "signature": signature.pk,
                },
            ]
        ),
    )
    response = admin_client.post(reverse(PREVIEW_NEW), data)
    assert response["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert len(page.images) >= 2
    assert "NIP. 1970" in page.extract_text()
    assert not CertificateTemplate.objects.filter(name="Kecamatan Gambir").exists()


def test_a_preview_of_an_invalid_form_lists_the_errors(admin_client):
    response = admin_client.post(reverse(PREVIEW_NEW), template_form(body="{nama}"))
    assert response.status_code == 400
    assert "Unknown placeholder {nama}" in response.content.decode()
    assert not CertificateTemplate.objects.exists()


def test_the_preview_of_an_unknown_template_is_not_found(admin_client):
    assert admin_client.get(reverse(PREVIEW, args=[999999])).status_code == 404


@pytest.mark.parametrize("factory", [ParticipantFactory, SpeakerFactory])
def test_participants_and_speakers_are_refused(client, saved, factory):
    client.force_login(factory())
    assert_refused(client.get(reverse(LIST)))
    assert_refused(client.get(reverse(EDIT, args=[saved.pk])))
    assert_refused(client.post(reverse(ADD), template_form(name="Palsu")))
    assert_refused(client.get(reverse(PREVIEW, args=[saved.pk])))
    assert_refused(client.post(reverse(PREVIEW_NEW), template_form(name="Palsu")))
    assert not CertificateTemplate.objects.filter(name="Palsu").exists()
