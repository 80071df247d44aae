"""An event at full size for the reports: participants, a pre-test and a post-test of
20 distinct questions, and a graded attempt per participant and test, written in bulk.

Shared by the reports' benchmark (``bench/reports.py``) and the full-size query
count test (``test_query_counts_full_size.py``): what is measured or counted is
reading the data, so it is written the fastest way, without the quiz engine.
Every participant is enrolled and has a graded pre-test attempt; about 90% are
checked in and about 95% have a post-test attempt, each attempt with a credit per
question (one frozen paper per test, answers differing per participant).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils import timezone

from lms.accounts.models import User
from lms.core.reference import KELURAHAN_BY_KECAMATAN, InstitutionType
from lms.events.models import CheckIn, Enrolment, EventPage
from quizzes.models import Answer, Attempt, QuizPage
from quizzes.paper import freeze_paper
from tests.factories import question_blocks

QUESTIONS = 20
KELURAHAN = [name for names in KELURAHAN_BY_KECAMATAN.values() for name in names]


@dataclass(frozen=True)
class BigEvent:
    event: EventPage
    pre_test: QuizPage
    post_test: QuizPage
    participants: list[User]


def fill_event(
    event: EventPage, *, participants: int, first: int = 1, seed: int = 2026
) -> BigEvent:
    """Adds the two tests to ``event`` and ``participants`` people who took them.

    Participants are numbered from ``first``, which keeps usernames and phone
    numbers apart when one database holds several such events.
    """
    rng = random.Random(seed)
    pre_test, post_test = (_add_test(event, kind, title) for kind, title in _TESTS)
    users = _participants(rng, range(first, first + participants))
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
    return BigEvent(event, pre_test, post_test, users)


_TESTS = (("pre_test", "Pre-test"), ("post_test", "Post-test"))


def _questions(prefix: str) -> list[dict]:
    """20 distinct questions (the item analysis tells questions apart by their text)."""
    blocks = (question_blocks() * 4)[:QUESTIONS]
    for number, block in enumerate(blocks, start=1):
        block["value"]["text"] = f"<p>{prefix} {number}: {block['value']['text'][3:]}"
    return blocks


def _add_test(event: EventPage, kind: str, title: str) -> QuizPage:
    quiz = QuizPage(title=title, kind=kind, pass_mark=60, questions=_questions(title))
    event.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


def _participants(rng: random.Random, numbers: range) -> list[User]:
    kinds = [value for value, _label in InstitutionType.choices]
    return User.objects.bulk_create(
        User(
            username=f"laporan{n:06d}",
            full_name=f"Peserta Laporan {n:06d}",
            phone=f"+628139{n:06d}",
            institution_type=rng.choice(kinds),
            kelurahan=rng.choice(KELURAHAN),
            password="!",
        )
        for n in numbers
    )


def _responses(question: dict) -> tuple:
    """(right, wrong) responses: a choice question's first right and last wrong
    option; no response to the other types (their credit is set directly)."""
    options = question.get("options")
    if not options:
        return None, None
    ranked = sorted(options, key=lambda o: Fraction(o["credit"]) <= 0)
    right, wrong = ranked[0]["key"], ranked[-1]["key"]
    if question["type"] == "multiple_choice":
        return [right], [wrong]
    return right, wrong


def _attempts(quiz: QuizPage, users, rng, *, skill_boost: float) -> None:
    """One graded attempt per user, graded before it is written: each question is
    answered right with the user's chance, so the attempt's score is known."""
    paper = freeze_paper(
        quiz.questions, shuffle_questions=False, shuffle_options=False, draw=None
    )
    now = timezone.now()
    skills = {u.pk: min(0.95, rng.uniform(0.2, 0.8) + skill_boost) for u in users}
    rights = {u.pk: [rng.random() < skills[u.pk] for _ in paper] for u in users}
    attempts = []
    for user in users:
        score = Decimal(sum(rights[user.pk]))
        percent = (score * 100 / len(paper)).quantize(Decimal("0.01"))
        attempts.append(
            Attempt(
                quiz=quiz,
                user=user,
                number=1,
                status=Attempt.Status.SUBMITTED,
                started_at=now - datetime.timedelta(minutes=30),
                submitted_at=now - datetime.timedelta(minutes=10),
                pass_mark=quiz.pass_mark,
                paper=paper,
                score=score,
                max_score=Decimal(len(paper)),
                percent=percent,
                passed=percent >= quiz.pass_mark,
            )
        )
    responses = [_responses(question) for question in paper]
    Answer.objects.bulk_create(
        (
            Answer(
                attempt=attempt,
                question_key=question["key"],
                response=response[0 if right else 1],
                saved_at=attempt.submitted_at,
                credit=Decimal(1 if right else 0),
                points=Decimal(1 if right else 0),
            )
            for attempt in Attempt.objects.bulk_create(attempts)
            for question, response, right in zip(
                paper, responses, rights[attempt.user_id], strict=True
            )
        ),
        batch_size=2000,
    )
