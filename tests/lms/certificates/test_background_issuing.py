"""Automatic issuing runs as a background task: queued with the step, exactly once.

The dummy backend keeps queued tasks without running them, so these tests can
see what the step itself does (queue, and nothing more) and then run the task
as a worker would, as often as they like.
"""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import pytest
from django.db import transaction
from django.test.utils import override_settings
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from lms.certificates import rendering
from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate, CertificateCounter
from lms.certificates.tasks import RETRY_DELAYS, issue_certificate_task
from quizzes.attempts import start_attempt, submit_attempt
from tests.factories import ParticipantFactory
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_pdf,
    post_test,
    take_and_pass,
)
from tests.lms.events.event_builders import check_in, enrol

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def renders(monkeypatch):
    """The fake renderer, counting its calls."""
    calls = []

    def counting(**kwargs):
        calls.append(kwargs["snapshot"]["number"])
        return fake_pdf(**kwargs)

    monkeypatch.setattr(rendering, "render_certificate_pdf", counting)
    return calls


class Queue:
    """The certificate tasks queued so far (Wagtail queues its own tasks too)."""

    def __init__(self, backend):
        self.backend = backend

    def _mine(self):
        return [
            result
            for result in self.backend.results
            if result.task.name == "issue_certificate_task"
        ]

    def __getitem__(self, index):
        return self._mine()[index]

    def __iter__(self):
        return iter(self._mine())


@pytest.fixture
def queued():
    """Tasks are queued and kept, not run, as with a worker that is not running."""
    with override_settings(TASKS=DUMMY):
        default_task_backend.clear()
        yield Queue(default_task_backend)


def run(result):
    """Runs a queued task's body as the worker would."""
    return result.task.call(*result.args, **result.kwargs)


@pytest.fixture
def ready(event, post_test):
    """A participant who needs only to pass the post-test."""
    person = ParticipantFactory()
    enrol(event, person)
    check_in(event, person)
    return person


def test_submitting_queues_the_task_and_renders_nothing(
    queued, renders, ready, event, post_test
):
    assert take_and_pass(post_test, ready).passed
    assert renders == [] and not Certificate.objects.exists()
    assert [(r.task.name, r.args, r.kwargs) for r in queued] == [
        (
            "issue_certificate_task",
            [ready.pk],
            {"event_id": None, "quiz_id": post_test.pk},
        )
    ]
    certificate = Certificate.objects.get(pk=run(queued[0]))
    assert (certificate.user, certificate.event) == (ready, event)
    assert certificate.method == Certificate.Method.AUTOMATIC
    assert certificate.is_rendered and len(renders) == 1


def test_running_the_task_twice_issues_one_certificate(
    queued, renders, ready, post_test
):
    take_and_pass(post_test, ready)
    first = run(queued[0])
    assert run(queued[0]) == first
    assert Certificate.objects.count() == 1 and len(renders) == 1
    assert CertificateCounter.objects.get().last_sequence == 1


def test_an_organiser_issuing_first_leaves_the_task_nothing_to_do(
    queued, renders, ready, event, post_test, organiser
):
    take_and_pass(post_test, ready)
    by_hand = issue_certificate(
        user=ready, event=event, method=Certificate.Method.MANUAL, by=organiser
    )
    assert run(queued[0]) == by_hand.pk
    assert Certificate.objects.count() == 1 and len(renders) == 1


def test_a_failed_render_is_retried_with_the_same_number(
    queued, monkeypatch, renders, ready, event, post_test
):
    other = ParticipantFactory()
    enrol(event, other)
    check_in(event, other)
    take_and_pass(post_test, ready)

    def broken(**kwargs):
        raise RuntimeError("renderer crashed")

    with monkeypatch.context() as patch:
        patch.setattr(rendering, "render_certificate_pdf", broken)
        with pytest.raises(RuntimeError):
            run(queued[0])
    pending = Certificate.objects.get()
    assert pending.sequence == 1 and not pending.is_rendered
    take_and_pass(post_test, other)  # not held up by the pending one
    assert Certificate.objects.get(pk=run(queued[-1])).sequence == 2
    retried = Certificate.objects.get(pk=run(queued[0]))
    assert (retried.pk, retried.sequence, retried.is_rendered) == (pending.pk, 1, True)
    assert sorted(renders) == sorted(c.number for c in Certificate.objects.all())


def test_a_failed_post_test_issues_nothing(queued, renders, ready, post_test):
    started = start_attempt(quiz=post_test, user=ready)
    submit_attempt(attempt=started, responses={})  # all wrong
    assert run(queued[0]) is None
    assert not Certificate.objects.exists() and renders == []


@override_settings(TASKS=DATABASE)
def test_the_task_row_commits_or_rolls_back_with_the_grade(renders, ready, post_test):
    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        take_and_pass(post_test, ready)
        assert DBTaskResult.objects.count() == 1
        raise Abandoned
    assert not DBTaskResult.objects.exists()
    take_and_pass(post_test, ready)
    row = DBTaskResult.objects.get()
    assert row.task_path.endswith("issue_certificate_task")
    assert row.args_kwargs["args"] == [ready.pk] and renders == []


@override_settings(TASKS=DATABASE)
def test_a_failing_task_queues_its_retry_for_later(monkeypatch, ready, post_test):
    def broken(**kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(rendering, "render_certificate_pdf", broken)
    take_and_pass(post_test, ready)
    with pytest.raises(RuntimeError):
        issue_certificate_task.call(ready.pk, quiz_id=post_test.pk)
    retry = DBTaskResult.objects.order_by("enqueued_at").last()
    assert retry.args_kwargs["kwargs"]["tries"] == 1 and retry.run_after is not None
    # After the last try it stops queueing: the pending row waits for the sweep.
    before = DBTaskResult.objects.count()
    with pytest.raises(RuntimeError):
        issue_certificate_task.call(
            ready.pk, quiz_id=post_test.pk, tries=len(RETRY_DELAYS)
        )
    assert DBTaskResult.objects.count() == before
