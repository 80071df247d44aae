"""A certificate "being prepared" (numbered, its PDF not stored yet), as every
reader sees it: the participant's pages, downloads, verification, the register
and printing. And the same pages once it is ready."""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.certificates import issuing, saving
from lms.certificates.models import Certificate
from lms.certificates.printing import certificates_for_print
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.views import attempt_url
from tests.factories import question_blocks
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_render,
    post_test,
    qualify,
    take_and_pass,
)
from tests.lms.certificates.test_background_issuing import (  # noqa: F401
    queued,
    run,
)
from tests.lms.events.event_builders import check_in, enrol, make_test

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]
PREPARING = "Your certificate is being prepared."


@pytest.fixture
def pending(fake_render, event, post_test, participant) -> Certificate:
    qualify(event, post_test, participant)
    return issuing._take_number(
        user=participant,
        event=event,
        quiz=None,
        method=Certificate.Method.AUTOMATIC,
        by=None,
        reason="",
    )


def test_my_home_says_being_prepared_then_offers_the_download(
    client, pending, participant
):
    client.force_login(participant)
    html = client.get(reverse("dashboard")).content.decode()
    assert PREPARING in html and "Reload this page" in html
    download = reverse("certificate_download", args=[pending.pk])
    assert download not in html
    saving.render_certificate(certificate=pending)
    html = client.get(reverse("dashboard")).content.decode()
    assert PREPARING not in html and download in html


def test_my_home_says_being_prepared_before_the_task_has_run(
    client, fake_render, event, post_test, participant
):
    """Complete, and no certificate row yet: the task is still queued."""
    qualify(event, post_test, participant)
    client.force_login(participant)
    assert PREPARING in client.get(reverse("dashboard")).content.decode()


def test_downloading_a_pending_one_says_being_prepared(client, pending, participant):
    client.force_login(participant)
    response = client.get(
        reverse("certificate_download", args=[pending.pk]), follow=True
    )
    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    assert PREPARING in response.content.decode()


def test_the_organisers_download_of_a_pending_one_says_so(client, pending, organiser):
    client.force_login(organiser)
    event_id = pending.event_id
    register = reverse("lms_event_admin:certificates", args=[event_id])
    html = client.get(register).content.decode()
    assert "Being prepared" in html
    download = reverse(
        "lms_event_admin:certificate_admin_download", args=[event_id, pending.pk]
    )
    assert download not in html
    response = client.get(download)
    assert response.status_code == 302 and response["Location"] == register


def test_verification_of_a_pending_one_says_being_prepared_not_valid(client, pending):
    url = reverse("certificate_verify", args=[pending.verification_code])
    html = client.get(url).content.decode()
    assert "This certificate is being prepared." in html
    assert "This certificate is valid." not in html and "SHA-256" not in html
    saving.render_certificate(certificate=pending)
    html = client.get(url).content.decode()
    assert "This certificate is valid." in html and pending.sha256 in html


def test_printing_leaves_out_pending_ones(pending, event):
    assert certificates_for_print(event=event, order="name") == []
    saving.render_certificate(certificate=pending)
    assert certificates_for_print(event=event, order="name") == [pending]


def result_page(client, attempt) -> str:
    response = client.get(attempt_url(attempt, "result"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_result_page_says_being_prepared_then_offers_the_download(
    client, queued, fake_render, event, post_test, participant
):
    enrol(event, participant)
    check_in(event, participant)
    client.force_login(participant)
    graded = take_and_pass(post_test, participant)
    assert PREPARING in result_page(client, graded)
    certificate_id = run(queued[0])
    html = result_page(client, graded)
    assert PREPARING not in html
    assert reverse("certificate_download", args=[certificate_id]) in html


def test_the_result_page_of_a_fail_mentions_no_certificate(
    client, queued, event, post_test, participant
):
    enrol(event, participant)
    check_in(event, participant)
    client.force_login(participant)
    graded = submit_attempt(attempt=start_attempt(quiz=post_test, user=participant))
    html = result_page(client, graded)
    assert PREPARING not in html and "Download your certificate" not in html


def test_result_page_queries_do_not_grow_with_the_questions(
    client, queued, fake_render, event, participant
):
    enrol(event, participant)
    check_in(event, participant)
    client.force_login(participant)
    counts = []
    for size, slug in ((2, "short"), (6, "long")):
        quiz = make_test(
            event, "post_test", slug=slug, questions=(question_blocks() * 2)[:size]
        )
        graded = take_and_pass(quiz, participant)
        result_page(client, graded)  # warms what the first request caches
        with CaptureQueriesContext(connection) as queries:
            assert PREPARING in result_page(client, graded)
        counts.append(len(queries))
    assert counts[0] == counts[1]
