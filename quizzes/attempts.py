"""Starting, answering and submitting attempts: the writes of the quiz engine.

Each function is one transaction. The rules they keep are promises 1-4
in docs/architecture.md: the paper is frozen at start (``paper.freeze_paper``), the server's
deadline decides what is late, every answer is saved as it is given, and a
submit is idempotent (a second submit, a second tab or a replayed request
finds the attempt already graded and changes nothing).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quizzes import grading
from quizzes.hosts import may_take
from quizzes.models import Answer, Attempt, QuizPage
from quizzes.paper import (
    InvalidResponse,
    clean_response,
    freeze_paper,
    grading_response,
    question_from_paper,
)
from quizzes.signals import attempt_graded

# Answers that arrive this long after the deadline still count: the request
# was on its way when the countdown reached zero.
GRACE = datetime.timedelta(seconds=10)


class AttemptRefused(Exception):
    """An action the rules do not allow, with a message for the participant."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def attempts_left(quiz: QuizPage, used: int) -> int | None:
    """How many more attempts are allowed; None when there is no limit."""
    return None if quiz.max_attempts == 0 else max(quiz.max_attempts - used, 0)


@transaction.atomic
def start_attempt(
    *, quiz: QuizPage, user, now: datetime.datetime | None = None, rng=None
) -> Attempt:
    """The participant's open attempt at ``quiz``, or a new one with a frozen paper.

    The participant's row is locked first, so two starts at once (a double
    tap, two tabs) are served one after the other: the second finds the first
    attempt open and returns it, and the attempt limit holds. ``rng`` makes
    the paper's draw and shuffle reproducible (demo data, tests).
    """
    now = now or timezone.now()
    list(
        get_user_model()
        .objects.select_for_update()
        .filter(pk=user.pk)
        .values_list("pk")
    )
    grade_overdue_attempts(quiz=quiz, user=user, now=now)
    attempts = Attempt.objects.filter(quiz=quiz, user=user)
    # One query for both the open attempt and the count; papers are not needed.
    existing = list(attempts.defer("paper"))
    open_attempt = next((a for a in existing if a.is_open), None)
    if open_attempt is not None:
        return open_attempt
    if not quiz.is_open(now):
        raise AttemptRefused(_("This quiz is not open now."))
    if not may_take(quiz, user):
        raise AttemptRefused(
            _("Only participants enrolled in this event can take its tests.")
        )
    if not len(quiz.questions):
        raise AttemptRefused(_("This quiz has no questions yet."))
    used = len(existing)
    if attempts_left(quiz, used) == 0:
        raise AttemptRefused(_("You have used all your attempts at this quiz."))
    deadlines = [quiz.closes_at] if quiz.closes_at else []
    if quiz.time_limit_minutes:
        deadlines.append(now + datetime.timedelta(minutes=quiz.time_limit_minutes))
    paper = freeze_paper(
        quiz.questions,
        shuffle_questions=quiz.shuffle_questions,
        shuffle_options=quiz.shuffle_options,
        draw=quiz.draw_count,
        rng=rng,
    )
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                quiz=quiz,
                user=user,
                number=used + 1,
                started_at=now,
                deadline=min(deadlines) if deadlines else None,
                pass_mark=quiz.pass_mark,
                paper=paper,
            )
    except IntegrityError:  # a concurrent start won (databases without row locks)
        return attempts.in_progress().get()


def effective_deadline(deadline, closes_at):
    """The earlier of the attempt's own deadline and the quiz's closing time.

    Read from the quiz each time: an organiser who closes a quiz (or moves its
    closing time forward) closes the attempts already open, too.
    """
    moments = [moment for moment in (deadline, closes_at) if moment is not None]
    return min(moments) if moments else None


def _accepts_answers(attempt: Attempt, now: datetime.datetime) -> bool:
    deadline = effective_deadline(attempt.deadline, attempt.quiz.closes_at)
    return attempt.is_open and (deadline is None or now <= deadline + GRACE)


def _question(attempt: Attempt, key: str) -> dict:
    for question in attempt.paper:
        if question["key"] == key:
            return question
    raise InvalidResponse("not a question of this attempt")


# No savepoint of its own: the autosave view wraps a batch in one transaction.
@transaction.atomic(savepoint=False)
def save_answer(
    *, attempt: Attempt, question_key: str, response, revision: int | None = None,
    now: datetime.datetime | None = None,
) -> int:  # fmt: skip
    """Stores the latest response to one question; returns the revision now stored.

    The page's autosave sends a ``revision`` per question: a lower one than
    stored is an older save that arrived late (a queue flushed after
    reconnecting), acknowledged and ignored. A plain form post (no revision)
    always wins, as the newest thing the participant did. The attempt's row is
    locked while the answer is written, so an answer and a submit never
    interleave: either the answer is in before grading, or it is refused.
    """
    now = now or timezone.now()
    value = clean_response(_question(attempt, question_key), response)
    # One query: [] once the attempt is submitted, else [(deadline, closing time)].
    # Locks the attempt's row only (``of``): without it PostgreSQL would lock
    # the joined quiz row too, and every participant's autosave would queue on it.
    open_deadline = list(
        Attempt.objects.select_for_update(of=("self",))
        .filter(pk=attempt.pk, status=Attempt.Status.IN_PROGRESS)
        .values_list("deadline", "quiz__closes_at")
    )
    if not open_deadline:
        raise AttemptRefused(_("This attempt has been submitted already."))
    deadline = effective_deadline(*open_deadline[0])
    if deadline and now > deadline + GRACE:
        raise AttemptRefused(_("Time is up: this attempt no longer accepts answers."))
    answers = Answer.objects.filter(attempt=attempt, question_key=question_key)
    if revision is None:
        if answers.update(response=value, revision=F("revision") + 1, saved_at=now):
            return answers.values_list("revision", flat=True).get()
        revision = 1
    elif answers.filter(revision__lte=revision).update(
        response=value, revision=revision, saved_at=now
    ):
        return revision
    if value is None and not answers.exists():
        return revision  # nothing to clear: an unanswered question stays without a row
    try:
        with transaction.atomic():
            Answer.objects.create(
                attempt=attempt, question_key=question_key, response=value,
                revision=revision, saved_at=now,
            )  # fmt: skip
        return revision
    except IntegrityError:  # a newer revision is already stored
        return answers.values_list("revision", flat=True).get()


def _store_grades(answers: dict[str, Answer], result) -> None:
    """Every answer's credit and points in one UPDATE, whatever the quiz's size.

    Rows are grouped by value (a quiz has few distinct credits): Django's
    ``bulk_update`` builds a CASE branch per row, which cost a submit 40% of
    its CPU.
    """
    by_credit: dict[Decimal, list[int]] = defaultdict(list)
    by_points: dict[Decimal, list[int]] = defaultdict(list)
    for key, answer in answers.items():
        grade = result.questions.get(key)
        if grade is not None:
            by_credit[grading.round_half_up(grade.credit, 4)].append(answer.pk)
            by_points[grade.points_awarded].append(answer.pk)
    if not by_credit:
        return

    def by_value(field: str, groups: dict[Decimal, list[int]]) -> Case:
        output = Answer._meta.get_field(field)
        return Case(
            *(When(pk__in=pks, then=Value(v, output)) for v, pks in groups.items()),
            output_field=output,
        )

    Answer.objects.filter(
        pk__in=[pk for pks in by_credit.values() for pk in pks]
    ).update(credit=by_value("credit", by_credit), points=by_value("points", by_points))


def _grade(attempt: Attempt, now: datetime.datetime, submitted_by: str) -> None:
    answers = {answer.question_key: answer for answer in attempt.answers.all()}
    questions = [(q["key"], question_from_paper(q)) for q in attempt.paper]
    responses = {
        q["key"]: grading_response(q, answers[q["key"]].response)
        for q in attempt.paper
        if q["key"] in answers
    }
    result = grading.grade_paper(questions, responses, attempt.pass_mark)
    _store_grades(answers, result)
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = now
    attempt.submitted_by = submitted_by
    attempt.score, attempt.max_score = result.score, result.max_score
    attempt.percent, attempt.passed = result.percent, result.passed
    attempt.save(
        update_fields=[
            "status", "submitted_at", "submitted_by", "score", "max_score", "percent", "passed",
        ]
    )  # fmt: skip


@transaction.atomic
def submit_attempt(
    *,
    attempt: Attempt,
    responses: dict | None = None,
    now: datetime.datetime | None = None,
) -> Attempt:
    """Grades the attempt from its saved answers, once.

    ``responses`` are answers sent with the submit itself (the form without
    JavaScript sends them all); they are saved first if time allows. A second
    submit returns the graded attempt unchanged.
    """
    now = now or timezone.now()
    attempt = (
        Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    )
    if not attempt.is_open:
        return attempt
    late = not _accepts_answers(attempt, now)
    if responses and not late:
        for key, response in responses.items():
            save_answer(attempt=attempt, question_key=key, response=response, now=now)
    by = Attempt.SubmittedBy.DEADLINE if late else Attempt.SubmittedBy.PARTICIPANT
    deadline = effective_deadline(attempt.deadline, attempt.quiz.closes_at)
    _grade(attempt, deadline if late else now, by)
    attempt_graded.send(sender=Attempt, attempt=attempt)
    return attempt


def grade_if_overdue(attempt: Attempt, now=None) -> Attempt:
    """``attempt``, graded first if it is open and its deadline (plus grace) has passed."""
    now = now or timezone.now()
    deadline = effective_deadline(attempt.deadline, attempt.quiz.closes_at)
    if attempt.is_open and deadline and now > deadline + GRACE:
        return submit_attempt(attempt=attempt, now=now)
    return attempt


def grade_overdue_attempts(*, quiz: QuizPage | None = None, user=None, now=None) -> int:
    """Submits every open attempt whose deadline has passed, from its saved answers.

    Run when anyone looks at an attempt and by ``manage.py grade_overdue_attempts``
    (a periodic job), so an attempt abandoned when the phone died is graded.
    """
    now = now or timezone.now()
    overdue = Attempt.objects.overdue(now)
    if quiz is not None:
        overdue = overdue.filter(quiz=quiz)
    if user is not None:
        overdue = overdue.filter(user=user)
    # Only the ids: submit_attempt reads each attempt again under its row lock.
    # A plain fetch, not a server-side cursor: mostly this finds nothing, and
    # a cursor costs PostgreSQL three round trips to say so.
    count = 0
    for attempt in list(overdue.only("pk")):
        submit_attempt(attempt=attempt, now=now)
        count += 1
    return count


@dataclass(frozen=True)
class QuizStanding:
    """A participant's attempts at one quiz and the grade that counts."""

    attempts: list[Attempt]
    open_attempt: Attempt | None
    attempts_left: int | None
    grade: Decimal | None
    passed: bool


def standing_from(quiz: QuizPage, attempts: list[Attempt]) -> QuizStanding:
    """The standing that ``attempts`` (one participant's, at ``quiz``) add up to."""
    attempts = sorted(attempts, key=lambda attempt: attempt.number)
    submitted = [a for a in attempts if not a.is_open]
    grade = grading.combine_attempts(
        [
            grading.AttemptResult(percent=a.percent, submitted_order=a.number)
            for a in submitted
        ],
        quiz.grading_method,
    )
    return QuizStanding(
        attempts=attempts,
        open_attempt=next((a for a in attempts if a.is_open), None),
        attempts_left=attempts_left(quiz, len(attempts)),
        grade=grade,
        # Each attempt froze the pass mark it was taken under; the latest counts.
        passed=grade is not None and grade >= submitted[-1].pass_mark,
    )


def quiz_standing(quiz: QuizPage, user) -> QuizStanding:
    # Without the papers: a participant's tenth attempt costs what the first did.
    attempts = Attempt.objects.filter(quiz=quiz, user=user).defer("paper")
    return standing_from(quiz, list(attempts))
