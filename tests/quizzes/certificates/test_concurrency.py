"""Gap-free, unique certificate numbers under real concurrency, on PostgreSQL.

Each thread has its own database connection, so the counter row's lock is
what keeps numbers apart. SQLite serialises every write, so racing there
proves nothing; these tests skip on it and say so.
"""

import pytest
from django.db import connection

from quizzes.certificates import rendering
from quizzes.certificates.issuing import issue_certificate, reissue_certificate
from quizzes.models import Certificate, CertificateCounter
from tests.factories import ParticipantFactory
from tests.lms.event_builders import make_event, make_test
from tests.quizzes.certificates.issuing_setup import fake_pdf, qualify
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
