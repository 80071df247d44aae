"""Organiser reports at the size of a big event: 1,000 participants, a pre-test
and a post-test of 20 questions each, every participant with a graded attempt.

Each figure is one admin page as an organiser loads it (the test client, so
routing, middleware and templates count): the results table (first page of
100 rows), the learning gain with its charts, and the post-test's item analysis
with its scatter chart. Wall-clock and CPU medians are both reported: CPU is the
stable one on this shared machine. The data is bulk-written once (attempts take
one frozen paper per test, with per-participant answers and credits), since
what is measured is reading it.
"""

import datetime
import functools
import random
import statistics
import time
from decimal import Decimal
from fractions import Fraction

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.harness import benchmark
from bench.request_cpu import calibration_ms
from lms.accounts.models import User
from lms.core.reference import KELURAHAN_BY_KECAMATAN, InstitutionType
from lms.events.models import CheckIn, Enrolment, EventPage
from quizzes.models import Answer, Attempt, QuizPage
from quizzes.paper import freeze_paper
from tests.factories import question_blocks

PARTICIPANTS = 1000
QUESTIONS = 20
REPEAT, WARMUP = 7, 2
KELURAHAN = [name for names in KELURAHAN_BY_KECAMATAN.values() for name in names]


def _questions(prefix: str) -> list[dict]:
    """20 distinct questions (the item analysis tells questions apart by their text)."""
    blocks = (question_blocks() * 4)[:QUESTIONS]
    for number, block in enumerate(blocks, start=1):
        block["value"]["text"] = f"<p>{prefix} {number}: {block['value']['text'][3:]}"
    return blocks


def _event() -> tuple[EventPage, QuizPage, QuizPage]:
    demo = EventPage.objects.live().first()
    now = timezone.now()
    event = EventPage(
        title="Laporan tolok ukur",
        slug="laporan-tolok-ukur",
        starts_at=now - datetime.timedelta(hours=4),
        ends_at=now - datetime.timedelta(hours=1),
        venue=demo.venue,
        kecamatan=demo.kecamatan,
        kelurahan=demo.kelurahan,
        organiser=demo.organiser,
        registration_code="LAPORAN1",
        hours_jp=4,
    )
    demo.get_parent().add_child(instance=event)
    tests = []
    for kind, title in (("pre_test", "Pre-test"), ("post_test", "Post-test")):
        quiz = QuizPage(
            title=title, kind=kind, pass_mark=60, questions=_questions(title)
        )
        event.add_child(instance=quiz)
        quiz.save_revision().publish()
        tests.append(quiz)
    return event, *tests


def _participants(rng: random.Random) -> list[User]:
    kinds = [value for value, _label in InstitutionType.choices]
    return User.objects.bulk_create(
        User(
            username=f"laporan{n:04d}",
            full_name=f"Peserta Laporan {n:04d}",
            phone=f"+6281391{n:05d}",
            institution_type=rng.choice(kinds),
            kelurahan=rng.choice(KELURAHAN),
            password="!",
        )
        for n in range(1, PARTICIPANTS + 1)
    )


def _answers(attempt: Attempt, paper: list[dict], skill: float, rng) -> list[Answer]:
    answers = []
    for question in paper:
        right = rng.random() < skill
        options = question.get("options")
        if options:
            ranked = sorted(options, key=lambda o: Fraction(o["credit"]) <= 0)
            response = ranked[0 if right else -1]["key"]
            if question["type"] == "multiple_choice":
                response = [response]
        else:
            response = None
        answers.append(
            Answer(
                attempt=attempt,
                question_key=question["key"],
                response=response,
                saved_at=attempt.submitted_at,
                credit=Decimal(1 if right else 0),
                points=Decimal(1 if right else 0),
            )
        )
    return answers


def _attempts(quiz: QuizPage, users, rng, *, skill_boost: float) -> None:
    paper = freeze_paper(
        quiz.questions, shuffle_questions=False, shuffle_options=False, draw=None
    )
    now = timezone.now()
    skills = {u.pk: min(0.95, rng.uniform(0.2, 0.8) + skill_boost) for u in users}
    attempts = Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            user=user,
            number=1,
            status=Attempt.Status.SUBMITTED,
            started_at=now - datetime.timedelta(minutes=30),
            submitted_at=now - datetime.timedelta(minutes=10),
            pass_mark=quiz.pass_mark,
            paper=paper,
        )
        for user in users
    )
    answers = []
    for attempt in attempts:
        answers += _answers(attempt, paper, skills[attempt.user_id], rng)
    Answer.objects.bulk_create(answers, batch_size=2000)
    credit = {}
    for answer in answers:
        credit[answer.attempt_id] = credit.get(answer.attempt_id, 0) + answer.credit
    for attempt in attempts:
        attempt.score = credit[attempt.pk]
        attempt.max_score = Decimal(QUESTIONS)
        attempt.percent = (credit[attempt.pk] * 100 / QUESTIONS).quantize(
            Decimal("0.01")
        )
        attempt.passed = attempt.percent >= attempt.pass_mark
    Attempt.objects.bulk_update(
        attempts, ["score", "max_score", "percent", "passed"], batch_size=500
    )


@functools.cache
def _measure_all() -> dict[str, float]:
    rng = random.Random(2026)
    event, pre_test, post_test = _event()
    users = _participants(rng)
    Enrolment.objects.bulk_create(
        Enrolment(event=event, user=u, source=Enrolment.Source.IMPORT) for u in users
    )
    CheckIn.objects.bulk_create(
        CheckIn(event=event, user=u, method=CheckIn.Method.QR)
        for u in users
        if rng.random() < 0.9
    )
    _attempts(pre_test, users, rng, skill_boost=0)
    _attempts(
        post_test, [u for u in users if rng.random() < 0.95], rng, skill_boost=0.2
    )

    client = Client()
    client.force_login(User.objects.get(username="penyelenggara"))
    pages = {
        "results": reverse("lms_event_admin:results", args=[event.pk]),
        "gain": reverse("lms_event_admin:learning_gain", args=[event.pk]),
        "items": reverse("lms_reports:quiz_items", args=[post_test.pk]),
    }
    figures = {}
    for name, url in pages.items():
        walls, cpus = [], []
        for round_ in range(WARMUP + REPEAT):
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if round_ >= WARMUP:
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
        figures[f"report_{name}_ms"] = round(statistics.median(walls), 1)
        figures[f"report_{name}_cpu_ms"] = round(statistics.median(cpus), 1)
    return figures


def _register(name: str) -> None:
    benchmark(name, unit="ms", target=1000)(lambda: _measure_all()[name])


# The same fixed loop as bench/request_cpu.py, taken in this run, so that
# figures of different days compare (docs/benchmarks.md, "Reading them").
benchmark("report_calibration_ms", unit="ms", target=1000)(lambda: calibration_ms())


for _page in ("results", "gain", "items"):
    _register(f"report_{_page}_ms")
    _register(f"report_{_page}_cpu_ms")
