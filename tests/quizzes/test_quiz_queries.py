"""Every request of a quiz costs the same number of queries for a 6-question
quiz as for a 24-question one, and stays within its budget."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import Attempt
from tests.factories import QuizPageFactory, question_blocks

pytestmark = pytest.mark.django_db

# Counted on SQLite with the test settings. Every request reads the session and
# the user. The quiz page routes through the page tree; start skips it (the
# live quiz by id, its privacy, the user's lock, the attempts, enrolment);
# autosave reads the attempt, locks it and writes (a first answer inserts
# inside a savepoint); submit grades every answer in one update; pages also
# build the site's header (navigation, admin link).
BUDGETS = {
    "quiz page": 22,
    "start": 14,
    "attempt page": 10,
    "first autosave": 10,
    "autosave": 7,
    "submit": 12,
    "result": 12,
}


def measure(client, method, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code in (200, 302), response.content[:300]
    return len(queries), response


def autosave_body(*questions):
    """One answer per question, of the shape its type takes."""

    def answer(q):
        if q["type"] == "single_choice":
            return q["options"][0]["key"]
        if q["type"] == "multiple_choice":
            return [q["options"][0]["key"]]
        if q["type"] == "true_false":
            return True
        if q["type"] == "matching":
            return dict(q["pairs"])
        return "5"

    return json.dumps(
        {"answers": [{"question": q["key"], "response": answer(q)} for q in questions]}
    )


def flow_queries(client, quiz):
    counts = {}
    counts["quiz page"], page = measure(client, "get", quiz.url)
    # Wherever the page's start button posts.
    start_url = re.search(r'<form method="post" action="([^"]+)"', page.text)[1]
    counts["start"], _ = measure(client, "post", start_url)
    attempt = Attempt.objects.filter(quiz=quiz).latest("pk")
    base = f"/kuis/percobaan/{attempt.pk}/"
    json_post = {"content_type": "application/json"}
    counts["first autosave"], _ = measure(
        client,
        "post",
        base + "simpan/",
        data=autosave_body(attempt.paper[0]),
        **json_post,
    )
    counts["autosave"], _ = measure(
        client,
        "post",
        base + "simpan/",
        data=autosave_body(attempt.paper[0]),
        **json_post,
    )
    # Every question answered, so grading and the review cover the whole paper.
    saved = client.post(
        base + "simpan/", data=autosave_body(*attempt.paper), **json_post
    )
    assert saved.status_code == 200, saved.content
    counts["attempt page"], _ = measure(client, "get", base)
    counts["submit"], _ = measure(client, "post", base + "kirim/")
    counts["result"], _ = measure(client, "get", base + "hasil/")
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


def test_each_quiz_request_keeps_its_budget(client, participant, learning):
    client.force_login(participant)
    flow_queries(client, QuizPageFactory(parent=learning.module, slug="pemanasan"))
    large = QuizPageFactory(
        parent=learning.module, slug="besar", questions=question_blocks() * 4
    )
    counts = flow_queries(client, large)
    over = {k: (n, BUDGETS[k]) for k, n in counts.items() if n > BUDGETS[k]}
    assert not over, f"queries over budget (counted, budget): {over}"
