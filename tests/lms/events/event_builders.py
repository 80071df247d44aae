"""Small builders for event tests: an event with its rules, and what participants did.

Rows are made directly (an attempt already graded, a lesson already finished) so
the tests about completion read as the facts they check, without replaying the
quiz engine, which has its own tests.
"""

import datetime

from django.utils import timezone

from lms.events.models import (
    CheckIn,
    Enrolment,
    EventIndexPage,
    EventPage,
    PactAcceptance,
)
from lms.learning.models import LessonProgress
from quizzes.models import Attempt, QuizPage
from tests.factories import EventIndexPageFactory, EventPageFactory, QuizPageFactory


def make_event(home_page, *, modules=(), pacts=(), **fields) -> EventPage:
    """A live event under the one event index, with its modules and pacts set."""
    index = EventIndexPage.objects.first() or EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, **fields)
    if modules or pacts:
        event.modules.set(modules)
        event.pacts.set(pacts)
        event.save()
    return event


def make_test(event: EventPage, kind: str, **fields) -> QuizPage:
    """A pre-test or post-test of ``event`` (pass mark 60, two attempts)."""
    return QuizPageFactory(parent=event, kind=kind, **fields)


def enrol(event: EventPage, *users) -> None:
    for user in users:
        Enrolment.objects.create(event=event, user=user, source=Enrolment.Source.CODE)


def check_in(event: EventPage, user, **fields) -> CheckIn:
    return CheckIn.objects.create(
        event=event, user=user, method=CheckIn.Method.QR, **fields
    )


def accept(event: EventPage, user, pact) -> PactAcceptance:
    return PactAcceptance.objects.create(
        event=event,
        user=user,
        pact=pact,
        version=pact.versions.latest(),
        typed_name=user.full_name,
        method=PactAcceptance.Method.ONLINE,
    )


def finish(user, lessons) -> None:
    now = timezone.now()
    for lesson in lessons:
        LessonProgress.objects.create(
            user=user, lesson=lesson, last_viewed_at=now, completed_at=now
        )


def attempt(quiz: QuizPage, user, *, percent=None, number=1) -> Attempt:
    """A graded attempt at ``percent``, or one still in progress (``percent=None``)."""
    started = timezone.now() - datetime.timedelta(minutes=30)
    graded = percent is not None
    return Attempt.objects.create(
        quiz=quiz,
        user=user,
        number=number,
        started_at=started,
        pass_mark=quiz.pass_mark,
        status=Attempt.Status.SUBMITTED if graded else Attempt.Status.IN_PROGRESS,
        submitted_at=started + datetime.timedelta(minutes=20) if graded else None,
        percent=percent,
        passed=percent >= quiz.pass_mark if graded else None,
    )
