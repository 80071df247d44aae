"""Gap-free, unique certificate numbers under real concurrency, on PostgreSQL.

Each thread has its own database connection, so the counter row's lock is
what keeps numbers apart. SQLite serialises every write, so racing there
proves nothing; these tests skip on it and say so.
"""

import threading

import pytest
from django.db import connection, connections

from lms.certificates import rendering
from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate, CertificateCounter
from lms.certificates.revoking import reissue_certificate
from lms.certificates.tasks import issue_certificate_task
from tests.factories import ParticipantFactory
from tests.lms.certificates.issuing_setup import fake_pdf, qualify
from tests.lms.events.event_builders import make_event, make_test
from tests.quizzes.test_concurrency import race

pytestmark = [
    # serialized_rollback: the flush after each test would take the migrations'
    # data (root page, role groups) with it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency needs row locks: run with DATABASE_URL=postgres://…",
    ),
]


@pytest.fixture(autouse=True)
def fake_render(monkeypatch):
    monkeypatch.setattr(rendering, "render_certificate_pdf", fake_pdf)


@pytest.fixture
def setup(home_page):
    event = make_event(home_page, require_check_in=True, require_post_test=True)
    post_test = make_test(event, "post_test", slug="post-test")
    rendering.default_template()  # made once, not raced for
    return event, post_test


def test_concurrent_issues_get_unique_gap_free_numbers(setup):
    event, post_test = setup
    people = ParticipantFactory.create_batch(8)
    for person in people:
        qualify(event, post_test, person)
    queue = list(people)

    def issue_next():
        return issue_certificate(
            user=queue.pop(), event=event, method=Certificate.Method.AUTOMATIC
        )

    results, errors = race(issue_next, times=8)
    assert not errors
    sequences = sorted(c.sequence for c in Certificate.objects.all())
    assert sequences == list(range(1, 9))
    assert len({c.number for c in Certificate.objects.all()}) == 8
    assert CertificateCounter.objects.get().last_sequence == 8
    assert len(results) == 8


def test_concurrent_issues_for_one_participant_make_one_certificate(setup):
    event, post_test = setup
    person = ParticipantFactory()
    qualify(event, post_test, person)
    results, errors = race(
        lambda: issue_certificate(
            user=person, event=event, method=Certificate.Method.AUTOMATIC
        ),
        times=4,
    )
    assert not errors
    assert len({c.pk for c in results}) == 1
    assert Certificate.objects.count() == 1
    assert CertificateCounter.objects.get().last_sequence == 1


def test_concurrent_reissues_make_one_new_version(setup, organiser):
    event, post_test = setup
    person = ParticipantFactory()
    qualify(event, post_test, person)
    old = issue_certificate(
        user=person, event=event, method=Certificate.Method.AUTOMATIC
    )
    results, errors = race(
        lambda: reissue_certificate(certificate=old, by=organiser, reason="Nama"),
        times=3,
    )
    assert len(results) == 1 and len(errors) == 2
    assert Certificate.objects.count() == 2
    assert Certificate.objects.valid().get().version == 2


def test_a_render_in_progress_does_not_hold_the_counter(setup, monkeypatch):
    """While one certificate renders, another of the same event takes its number."""
    event, post_test = setup
    slow, quick = ParticipantFactory.create_batch(2)
    for person in (slow, quick):
        qualify(event, post_test, person)
    rendering_started, release = threading.Event(), threading.Event()

    def blocking(*, snapshot, template):
        if snapshot["name"] == slow.full_name:
            rendering_started.set()
            release.wait(30)
        return fake_pdf(snapshot=snapshot, template=template)

    monkeypatch.setattr(rendering, "render_certificate_pdf", blocking)
    issued = {}

    def issue_slow():
        try:
            issued["slow"] = issue_certificate(
                user=slow, event=event, method=Certificate.Method.AUTOMATIC
            )
        finally:
            connections.close_all()

    thread = threading.Thread(target=issue_slow)
    thread.start()
    try:
        assert rendering_started.wait(30)
        with connection.cursor() as cursor:  # fail fast instead of queueing
            cursor.execute("SET lock_timeout = '2s'")
        quick_one = issue_certificate(
            user=quick, event=event, method=Certificate.Method.AUTOMATIC
        )
        assert not Certificate.objects.get(user=slow).is_rendered  # still rendering
    finally:
        release.set()
        thread.join(30)
    assert (quick_one.sequence, quick_one.is_rendered) == (2, True)
    assert (issued["slow"].sequence, issued["slow"].is_rendered) == (1, True)


def test_the_task_and_an_organiser_at_once_make_one_certificate(setup, organiser):
    event, post_test = setup
    person = ParticipantFactory()
    qualify(event, post_test, person)
    actions = [
        lambda: issue_certificate_task.call(person.pk, event_id=event.pk),
        lambda: (
            issue_certificate(
                user=person, event=event, method=Certificate.Method.MANUAL, by=organiser
            ).pk
        ),
    ]
    results, errors = race(lambda: actions.pop()(), times=2)
    assert not errors
    assert len(set(results)) == 1
    certificate = Certificate.objects.get()
    assert certificate.is_rendered and certificate.pk == results[0]
    assert CertificateCounter.objects.get().last_sequence == 1
