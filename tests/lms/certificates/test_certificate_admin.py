"""The organiser's certificate register: issuing in bulk and by hand, revoking, re-issuing."""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.certificates import rendering
from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate
from tests.factories import ParticipantFactory
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_render,
    post_test,
    qualify,
)
from tests.lms.events.event_builders import enrol, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, organiser):
    """An organiser's browser, reading the admin in its source language."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(organiser)
    return client


def url(name, event, *args):
    return reverse(f"lms_event_admin:{name}", args=[event.pk, *args])


def issued(event, post_test, user=None) -> Certificate:
    user = user or ParticipantFactory()
    qualify(event, post_test, user)
    return issue_certificate(
        user=user, event=event, method=Certificate.Method.AUTOMATIC
    )


@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_are_turned_away(
    client, request, fake_render, event, post_test, role
):
    certificate = issued(event, post_test)
    client.force_login(request.getfixturevalue(role))
    for name, args in [
        ("certificates", ()),
        ("certificate_revoke", (certificate.pk,)),
        ("certificate_reissue", (certificate.pk,)),
        ("certificate_admin_download", (certificate.pk,)),
    ]:
        response = client.get(url(name, event, *args))
        assert response.status_code == 302, name
    for name in ("certificates_issue_all", "certificates_issue"):
        assert client.post(url(name, event)).status_code == 302
    response = client.post(
        url("certificate_revoke", event, certificate.pk),
        {"public_reason": "issued_in_error"},
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_valid and Certificate.objects.count() == 1


def test_the_hub_links_to_the_register(admin, event):
    html = admin.get(reverse("lms_event_admin:event", args=[event.pk])).content
    assert url("certificates", event).encode() in html


def test_the_register_lists_numbers_names_and_status(
    admin, fake_render, event, post_test, organiser
):
    from lms.certificates.revoking import reissue_certificate, revoke_certificate

    kept = issued(event, post_test, ParticipantFactory(full_name="Ani Lestari"))
    revoked = issued(event, post_test, ParticipantFactory(full_name="Budi Hartono"))
    revoke_certificate(
        certificate=revoked,
        by=organiser,
        public_reason=Certificate.PublicReason.ISSUED_IN_ERROR,
        note="Tidak hadir",
    )
    old = issued(event, post_test, ParticipantFactory(full_name="Citra Dewi"))
    new = reissue_certificate(certificate=old, by=organiser, reason="Nama salah")
    html = admin.get(url("certificates", event)).content.decode()
    for certificate in (kept, revoked, old, new):
        assert certificate.number in html
    assert "Ani Lestari" in html and "Budi Hartono" in html
    assert "Issued in error (Tidak hadir)" in html
    assert f"Replaced by {new.number}" in html
    assert html.count('w-status--primary">Valid<') == 2
    assert "Revoked" in html


def test_bulk_issue_gives_everyone_who_completed_one(
    admin, fake_render, event, post_test
):
    done = ParticipantFactory.create_batch(2)
    for person in done:
        qualify(event, post_test, person)
    enrol(event, ParticipantFactory())  # not complete
    html = admin.get(url("certificates", event)).content.decode()
    assert "2 participants have completed the event" in html
    response = admin.post(url("certificates_issue_all", event), {"reason": ""})
    assert response.status_code == 302
    assert sorted(Certificate.objects.values_list("user_id", flat=True)) == sorted(
        p.pk for p in done
    )
    assert Certificate.objects.filter(method=Certificate.Method.MANUAL).count() == 2
    html = admin.get(response.url).content.decode()
    assert "2 certificates issued." in html
    # Pressing it again (a double click) issues nothing more.
    admin.post(url("certificates_issue_all", event), {"reason": ""})
    assert Certificate.objects.count() == 2


def test_bulk_issue_needs_post_and_a_sensible_note(
    admin, fake_render, event, post_test
):
    qualify(event, post_test, ParticipantFactory())
    assert admin.get(url("certificates_issue_all", event)).status_code == 405
    response = admin.post(url("certificates_issue_all", event), {"reason": "x" * 301})
    assert response.status_code == 400
    assert not Certificate.objects.exists()


def test_issuing_by_hand_needs_a_reason_when_not_complete(
    admin, fake_render, event, post_test, organiser
):
    person = ParticipantFactory(full_name="Dedi Kurniawan")
    enrol(event, person)
    response = admin.post(
        url("certificates_issue", event), {"participant": person.pk, "reason": ""}
    )
    assert response.status_code == 400
    assert "has not met the requirements yet" in response.content.decode()
    assert not Certificate.objects.exists()
    response = admin.post(
        url("certificates_issue", event),
        {"participant": person.pk, "reason": "<b>Hadir</b>, tes di kertas"},
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get()
    assert certificate.issued_by == organiser
    assert certificate.issue_reason == "<b>Hadir</b>, tes di kertas"
    html = admin.get(url("certificates", event)).content.decode()
    assert "&lt;b&gt;Hadir&lt;/b&gt;" in html and "<b>Hadir</b>" not in html


@pytest.mark.parametrize("participant_value", ["", "abc", "999999"])
def test_issuing_by_hand_refuses_bad_or_foreign_participants(
    admin, fake_render, event, post_test, participant_value
):
    response = admin.post(
        url("certificates_issue", event),
        {"participant": participant_value, "reason": "Hadir"},
    )
    assert response.status_code == 400
    assert not Certificate.objects.exists()


def test_issuing_by_hand_refuses_someone_from_another_event(
    admin, fake_render, home_page, event, post_test
):
    stranger = ParticipantFactory()
    enrol(make_event(home_page), stranger)
    response = admin.post(
        url("certificates_issue", event), {"participant": stranger.pk, "reason": "x"}
    )
    assert response.status_code == 400
    assert not Certificate.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"public_reason": "", "note": "Tidak hadir"}, "Choose the public reason."),
        (
            {"public_reason": "dia-tidak-suka", "note": "Tidak hadir"},
            "Choose the public reason from the list.",
        ),
        (
            {"public_reason": "issued_in_error", "note": "x" * 301},
            "at most 300 characters",
        ),
    ],
    ids=["missing reason", "unknown reason", "note too long"],
)
def test_revoking_refuses_bad_input_and_changes_nothing(
    admin, fake_render, event, post_test, data, error
):
    certificate = issued(event, post_test)
    response = admin.post(url("certificate_revoke", event, certificate.pk), data)
    assert response.status_code == 400
    assert error in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid
    assert certificate.revoke_public_reason == certificate.revoke_note == ""


def test_revoking_from_the_admin_records_both_reasons(
    admin, fake_render, event, post_test
):
    certificate = issued(event, post_test)
    page = admin.get(url("certificate_revoke", event, certificate.pk)).content.decode()
    assert certificate.number in page
    assert 'name="public_reason"' in page and "Name misspelt" in page
    response = admin.post(
        url("certificate_revoke", event, certificate.pk),
        {"public_reason": "name_misspelt", "note": "  Ketik  ulang  "},
    )
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert not certificate.is_valid
    assert certificate.revoke_public_reason == Certificate.PublicReason.NAME_MISSPELT
    assert certificate.revoke_note == "Ketik ulang"
    # A second submit (another tab) is refused and changes nothing.
    again = admin.post(
        url("certificate_revoke", event, certificate.pk),
        {"public_reason": "issued_in_error", "note": "Lagi"},
    )
    assert again.status_code == 400
    assert (
        "already revoked" in again.content.decode()
        or "was revoked" in again.content.decode()
    )
    certificate.refresh_from_db()
    assert certificate.revoke_public_reason == Certificate.PublicReason.NAME_MISSPELT
    assert certificate.revoke_note == "Ketik ulang"


def test_reissuing_from_the_admin(admin, fake_render, event, post_test):
    person = ParticipantFactory(full_name="Eka Saputra")
    old = issued(event, post_test, person)
    person.full_name = "Eka Saputri"
    person.save()
    response = admin.post(
        url("certificate_reissue", event, old.pk), {"reason": "Nama salah ketik"}
    )
    assert response.status_code == 302
    new = Certificate.objects.valid().get()
    assert new.replaces == old and new.snapshot["name"] == "Eka Saputri"
    assert new.number == f"{old.number}-R2"


def test_another_events_certificate_is_not_found(
    admin, fake_render, home_page, event, post_test
):
    other = make_event(home_page)
    certificate = issued(event, post_test)
    for name in (
        "certificate_revoke",
        "certificate_reissue",
        "certificate_admin_download",
    ):
        assert admin.get(url(name, other, certificate.pk)).status_code == 404
    response = admin.post(
        url("certificate_revoke", other, certificate.pk),
        {"public_reason": "issued_in_error"},
    )
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_organisers_download_any_version(
    admin, fake_render, event, post_test, organiser
):
    from lms.certificates.revoking import revoke_certificate

    certificate = issued(event, post_test)
    revoke_certificate(
        certificate=certificate,
        by=organiser,
        public_reason=Certificate.PublicReason.ISSUED_IN_ERROR,
    )
    response = admin.get(url("certificate_admin_download", event, certificate.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == certificate.pdf.read()


def test_register_queries_do_not_grow_with_participants(
    admin, fake_render, event, post_test
):
    def page_queries():
        with CaptureQueriesContext(connection) as queries:
            assert admin.get(url("certificates", event)).status_code == 200
        return len(queries)

    issued(event, post_test)
    enrol(event, ParticipantFactory())
    few = page_queries()
    for _ in range(4):
        issued(event, post_test)
        enrol(event, ParticipantFactory())
    assert page_queries() <= few


def test_a_failed_render_by_hand_is_reported_and_listed_as_being_prepared(
    admin, monkeypatch, event, post_test
):
    person = ParticipantFactory(full_name="Dedi Kurniawan")
    qualify(event, post_test, person)

    def broken(**kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(rendering, "render_certificate_pdf", broken)
    response = admin.post(
        url("certificates_issue", event), {"participant": person.pk}, follow=True
    )
    html = response.content.decode()
    assert "The certificate of Dedi Kurniawan could not be made" in html
    assert "Being prepared" in html
    assert not Certificate.objects.get().is_rendered
