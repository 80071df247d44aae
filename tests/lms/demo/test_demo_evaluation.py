"""The demo event's evaluation that ``seed_demo`` writes: a published form that asks
about the day and each speaker, and answers from most of those who were there."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from lms.accounts.models import User
from lms.demo.content import evaluation as content
from lms.demo.events import demo_event
from lms.demo.participants import ABSENT
from lms.events.evaluation import has_answered
from lms.events.models import EvaluationPage, EvaluationResponse
from lms.reports.evaluation_data import evaluation_summary


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """Seeds once for this file, rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def evaluation(seeded_once, db) -> EvaluationPage:
    return EvaluationPage.objects.child_of(demo_event()).get()


def test_a_published_evaluation_open_for_good(evaluation):
    assert evaluation.live and evaluation.closes_at is None
    kinds = [(f.field_type, f.per_speaker) for f in evaluation.form_fields.all()]
    assert kinds.count(("likert", False)) >= 3
    assert kinds.count(("likert", True)) == 1
    assert ("multiline", False) in kinds
    assert "Ratna Sari Dewi (Bawaslu Kota Jakarta Pusat)" in evaluation.speakers


def test_most_who_were_there_answered_and_peserta_can_still(evaluation):
    responders = set(
        EvaluationResponse.objects.filter(page=evaluation).values_list(
            "user__username", flat=True
        )
    )
    absent = {f"peserta{n:02d}" for n in ABSENT}
    assert not responders & absent
    assert len(responders) == 30 - len(ABSENT) - len(content.DID_NOT_ANSWER)
    assert not has_answered(evaluation, User.objects.get(username="peserta"))


def test_the_answers_spread_as_a_hall_would_and_comments_differ(evaluation):
    summary = evaluation_summary(demo_event())
    for item in summary.likert:
        assert item.n == summary.responses
        assert sum(1 for count in item.counts if count) >= 2, item.label
    means = {item.question: item.mean for item in summary.likert if not item.speaker}
    assert means[content.QUESTIONS[1][0]] < means[content.QUESTIONS[0][0]]
    (comments,) = summary.texts
    assert len(comments.answers) >= 5
    assert len(set(comments.answers)) == len(comments.answers)
