"""The quiz engine's figure: one participant completing a 20-question quiz."""

import json

from django.test import Client
from django.utils.text import slugify

from bench.harness import benchmark, median_ms
from lms.models import ModulePage, User
from quizzes.models import Attempt, QuizPage
from tests.factories import question_blocks


def _twenty_question_quiz() -> QuizPage:
    """A quiz with 20 questions (the six types, repeated) under a demo module."""
    module = ModulePage.objects.live().first()
    blocks = (question_blocks() * 4)[:20]
    quiz = QuizPage(
        title="Kuis tolok ukur",
        slug=slugify("kuis tolok ukur"),
        max_attempts=0,
        questions=blocks,
    )
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


def _responses(paper):
    for question in paper:
        kind = question["type"]
        if kind == "single_choice":
            yield question["key"], question["options"][0]["key"]
        elif kind == "multiple_choice":
            yield question["key"], [question["options"][0]["key"]]
        elif kind == "true_false":
            yield question["key"], True
        elif kind == "matching":
            yield question["key"], dict(question["pairs"])
        else:
            yield question["key"], "5"


@benchmark("quiz_flow_20q", unit="ms", target=150)
def quiz_flow_20q() -> float:
    """Start, 20 autosaves (one per answer, as the page sends them), submit, result.

    Server time through Django's test client: routing, middleware, templates
    and the database included; the network and the browser are not.
    """
    quiz = _twenty_question_quiz()
    user = User.objects.get(username="peserta")
    client = Client()
    client.force_login(user)
    base = quiz.url

    def complete_quiz():
        started = client.post(base + "mulai/")
        attempt_url = started.url
        attempt = Attempt.objects.get(quiz=quiz, user=user, status="in_progress")
        for key, response in _responses(attempt.paper):
            answer = {"question": key, "response": response, "revision": 1}
            saved = client.post(
                attempt_url + "simpan/",
                json.dumps({"answers": [answer]}),
                content_type="application/json",
            )
            assert saved.status_code == 200, saved.content
        client.post(attempt_url + "kirim/")
        assert client.get(attempt_url + "hasil/").status_code == 200

    return median_ms(complete_quiz, repeat=10, warmup=2)
