"""Participants download their own certificates: the stored bytes, from "My home"."""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import hashlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate
from lms.certificates.revoking import revoke_certificate
from tests.factories import ParticipantFactory, QuizPageFactory
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_render,
    post_test,
    qualify,
)
from tests.lms.events.event_builders import attempt

pytestmark = pytest.mark.django_db


def issued(event, post_test, user) -> Certificate:
    qualify(event, post_test, user)
    return issue_certificate(
        user=user, event=event, method=Certificate.Method.AUTOMATIC
    )


def url(certificate):
    return reverse("certificate_download", args=[certificate.pk])


def test_a_participant_downloads_the_stored_bytes(
    client, fake_render, event, post_test, participant
):
    certificate = issued(event, post_test, participant)
    client.force_login(participant)
    response = client.get(url(certificate))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body == certificate.pdf.read()
    assert hashlib.sha256(body).hexdigest() == certificate.sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["ETag"] == f'"{certificate.sha256}"'
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"sertifikat-001-sert-keg{event.pk}-" in disposition
    assert disposition.endswith('.pdf"')


def test_a_client_holding_the_file_gets_not_modified(
    client, fake_render, event, post_test, participant
):
    certificate = issued(event, post_test, participant)
    client.force_login(participant)
    response = client.get(
        url(certificate), HTTP_IF_NONE_MATCH=f'"{certificate.sha256}"'
    )
    assert response.status_code == 304


def test_another_participants_certificate_is_not_found(
    client, fake_render, event, post_test, participant
):
    theirs = issued(event, post_test, ParticipantFactory())
    client.force_login(participant)
    assert client.get(url(theirs)).status_code == 404
    assert client.get(reverse("certificate_download", args=[999999])).status_code == 404


def test_a_revoked_certificate_is_no_longer_downloadable(
    client, fake_render, event, post_test, participant, organiser
):
    certificate = issued(event, post_test, participant)
    revoke_certificate(
        certificate=certificate, by=organiser, public_reason="issued_in_error"
    )
    client.force_login(participant)
    assert client.get(url(certificate)).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, fake_render, event, post_test):
    certificate = issued(event, post_test, ParticipantFactory())
    response = client.get(url(certificate))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_only_get_is_allowed(client, fake_render, event, post_test, participant):
    certificate = issued(event, post_test, participant)
    client.force_login(participant)
    assert client.post(url(certificate)).status_code == 405


def test_the_download_is_one_lookup(
    client, fake_render, event, post_test, participant, django_assert_num_queries
):
    certificate = issued(event, post_test, participant)
    client.force_login(participant)
    client.get(reverse("dashboard"))  # the session is warm
    # The session, the user, the certificate: nothing rendered, nothing more.
    with django_assert_num_queries(3):
        response = client.get(url(certificate))
    assert response.status_code == 200


def test_my_home_lists_valid_certificates_with_links(
    client, fake_render, event, post_test, participant, organiser, in_english
):
    certificate = issued(event, post_test, participant)
    other = issued(event, post_test, ParticipantFactory())
    client.force_login(participant)
    html = client.get(reverse("dashboard")).content.decode()
    assert html.count(url(certificate)) == 2  # the certificates list and the steps
    assert certificate.number in html
    assert url(other) not in html
    assert "Download the certificate (PDF)" in html
    revoke_certificate(
        certificate=certificate, by=organiser, public_reason="issued_in_error"
    )
    html = client.get(reverse("dashboard")).content.decode()
    assert url(certificate) not in html
    assert "When you complete an event, your certificate appears here" in html


def test_a_name_typed_as_html_is_shown_as_text(
    client, fake_render, event, post_test, in_english
):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    event.title = "<script>alert(1)</script> Pelatihan"
    event.save()
    issue_certificate(user=person, event=event, method=Certificate.Method.AUTOMATIC)
    client.force_login(person)
    html = client.get(reverse("dashboard")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Pelatihan" in html


def test_dashboard_queries_do_not_grow_with_the_number_of_certificates(
    client, fake_render, learning, participant, django_assert_max_num_queries
):
    def add_quiz_certificate():
        quiz = QuizPageFactory(parent=learning.module, grants_certificate=True)
        attempt(quiz, participant, percent=80)
        issue_certificate(
            user=participant, quiz=quiz, method=Certificate.Method.AUTOMATIC
        )

    client.force_login(participant)
    add_quiz_certificate()
    with CaptureQueriesContext(connection) as with_one:
        client.get(reverse("dashboard"))
    for _ in range(4):
        add_quiz_certificate()
    with django_assert_max_num_queries(len(with_one)):
        html = client.get(reverse("dashboard")).content.decode()
    assert html.count("/unduh/") == 5
    reads = [q for q in with_one.captured_queries if "quizzes_certificate" in q["sql"]]
    assert len(reads) == 1
