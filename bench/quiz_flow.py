"""The quiz engine's figures: one participant completing a quiz, start to result."""

import json
import re
import statistics
import time

from django.test import Client
from django.utils.text import slugify

from bench.harness import benchmark, median_ms
from lms.accounts.models import User
from lms.learning.models import ModulePage
from quizzes.models import Attempt, QuizPage
from tests.factories import question_blocks


def _quiz(questions: int) -> QuizPage:
    """A quiz with ``questions`` questions (the six types, repeated) under a demo module."""
    module = ModulePage.objects.live().first()
    blocks = (question_blocks() * (questions // 6 + 1))[:questions]
    quiz = QuizPage(
        title=f"Kuis tolok ukur {questions}",
        slug=slugify(f"kuis tolok ukur {questions}"),
        max_attempts=0,
        questions=blocks,
    )
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


def _start_url(client, quiz) -> str:
    """Wherever the quiz page's start button posts, as a phone would."""
    page = client.get(quiz.url).content.decode()
    return re.search(r'<form method="post" action="([^"]+)"', page)[1]


def _complete_quiz(client, quiz, user, start_url):
    """Start, the attempt page, one autosave per answer, submit, the result."""
    attempt_url = client.post(start_url).url
    assert client.get(attempt_url).status_code == 200
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
    """Start, the attempt page, 20 autosaves (one per answer, as the page sends
    them), submit, result.

    Server time through Django's test client: routing, middleware, templates
    and the database included; the network and the browser are not.
    """
    quiz = _quiz(20)
    user = User.objects.get(username="peserta")
    client = Client()
    client.force_login(user)
    start_url = _start_url(client, quiz)
    return median_ms(
        lambda: _complete_quiz(client, quiz, user, start_url), repeat=10, warmup=2
    )


@benchmark("quiz_flow_10q_ms", unit="ms", target=60)
def quiz_flow_10q() -> float:
    """A completed 10-question quiz: start, attempt page, 10 autosaves, submit, result.

    CPU milliseconds of this process through Django's test client (the
    database server's own work is not counted), median of 15 after 3: CPU
    time holds still on a busy machine, where wall time does not.
    """
    quiz = _quiz(10)
    user = User.objects.get(username="peserta")
    client = Client()
    client.force_login(user)
    start_url = _start_url(client, quiz)
    samples = []
    for n in range(18):
        began = time.process_time()
        _complete_quiz(client, quiz, user, start_url)
        if n >= 3:
            samples.append((time.process_time() - began) * 1000)
    return round(statistics.median(samples), 1)
