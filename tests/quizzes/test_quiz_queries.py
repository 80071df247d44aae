"""Starting, autosaving one answer and submitting cost the same number of
queries for a 6-question quiz as for a 24-question one."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Attempt
from tests.factories import QuizPageFactory, question_blocks

pytestmark = pytest.mark.django_db


def measure(client, method, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code in (200, 302), response.content[:300]
    return len(queries)


def flow_queries(client, quiz):
    counts = {"start": measure(client, "post", quiz.url + "mulai/")}
    attempt = Attempt.objects.filter(quiz=quiz).latest("pk")
    base = f"/kuis/percobaan/{attempt.pk}/"
    question = attempt.paper[0]
    response = question["options"][0]["key"]  # the first question is a single choice
    body = json.dumps(
        {"answers": [{"question": question["key"], "response": response}]}
    )
    counts["first autosave"] = measure(
        client, "post", base + "simpan/", data=body, content_type="application/json"
    )
    counts["autosave"] = measure(
        client, "post", base + "simpan/", data=body, content_type="application/json"
    )
    counts["attempt page"] = measure(client, "get", base)
    counts["submit"] = measure(client, "post", base + "kirim/")
    counts["result"] = measure(client, "get", base + "hasil/")
    return counts


def test_quiz_requests_do_not_grow_with_the_number_of_questions(
    client, participant, learning
):
    client.force_login(participant)
    small = QuizPageFactory(parent=learning.module, slug="kecil")
    large = QuizPageFactory(
        parent=learning.module, slug="besar", questions=question_blocks() * 4
    )
    flow_queries(client, QuizPageFactory(parent=learning.module, slug="pemanasan"))
    assert flow_queries(client, small) == flow_queries(client, large)


def test_autosave_budget(client, participant, quiz):
    """Autosave is the busiest request of an event: session, user, attempt, lock,
    write, and the savepoint pair of its transaction."""
    client.force_login(participant)
    counts = flow_queries(client, quiz)
    assert counts["autosave"] <= 7
    # Start goes through the page tree (two queries a level) and locks the user.
    assert counts["start"] <= 24
    assert counts["submit"] <= 10
    assert counts["result"] <= 12
