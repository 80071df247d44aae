"""Where each participant of an event stands: the facts read in bulk, then judged.

``lms/events/completion.py`` decides completion from plain data; this module reads that
data for many participants at once (a fixed number of queries, however many
participants an event has) so the organiser's hub, the dashboard and certificate
issuing all judge from the same facts.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Q

from lms.events.completion import (
    CompletionRules,
    Outcome,
    ParticipantRecord,
    evaluate_completion,
)
from lms.events.models import CheckIn, EventPage, Pact, PactAcceptance
from lms.learning.models import LessonPage, LessonProgress, ModulePage
from quizzes.attempts import standing_from
from quizzes.models import Attempt, QuizPage


@dataclass(frozen=True)
class EventTests:
    """An event's live pre-tests and post-tests (child quiz pages)."""

    pre_tests: tuple[QuizPage, ...]
    post_tests: tuple[QuizPage, ...]

    @classmethod
    def of(cls, event: EventPage) -> "EventTests":
        tests = list(
            QuizPage.objects.live()
            .child_of(event)
            .defer_streamfields()
            .order_by("path")
        )
        return cls(
            pre_tests=tuple(t for t in tests if t.kind == QuizPage.Kind.PRE_TEST),
            post_tests=tuple(t for t in tests if t.kind == QuizPage.Kind.POST_TEST),
        )


def completion_rules(event: EventPage, tests: EventTests) -> CompletionRules:
    """The event's settings as completion rules.

    "Must pass the post-test" means nothing for an event without a live
    post-test page; it is then not counted rather than making everyone
    incomplete. For the same reason only published modules are required: a
    module taken offline cannot be finished.

    The ids are queried from the other side of the relation on purpose: on an
    event whose ``modules`` or ``pacts`` were prefetched (the dashboard does),
    modelcluster's manager loses its filter once a queryset is derived from
    it, and ``event.modules.values_list(...)`` returns every module.
    """
    return CompletionRules(
        require_check_in=event.require_check_in,
        required_module_ids=(
            ModulePage.objects.live().filter(events=event).values_list("pk", flat=True)
            if event.require_modules
            else ()
        ),
        required_pact_ids=Pact.objects.filter(events=event).values_list(
            "pk", flat=True
        ),
        require_post_test=event.require_post_test and bool(tests.post_tests),
    )


@dataclass(frozen=True)
class ParticipantStanding:
    """One participant's facts for one event and the verdict on them."""

    record: ParticipantRecord
    outcome: Outcome
    checked_in_at: datetime | None
    # The best pre-test and post-test grades that count (percent, each by its
    # quiz's grading method), for the organiser's table and the learning gain.
    pre_test_grade: Decimal | None
    post_test_grade: Decimal | None
    # Attempts handed in at the event's tests, pre and post together.
    submitted_attempts: int


def participant_standings(
    event: EventPage, user_ids: Iterable[int], *, tests: EventTests | None = None
) -> tuple[CompletionRules, dict[int, ParticipantStanding]]:
    """Each of ``user_ids``'s standing in ``event``, in a constant number of queries."""
    user_ids = list(user_ids)
    tests = tests or EventTests.of(event)
    rules = completion_rules(event, tests)
    check_ins = dict(
        CheckIn.objects.filter(event=event, user_id__in=user_ids).values_list(
            "user_id", "checked_in_at"
        )
    )
    accepted = defaultdict(set)
    for user_id, pact_id in PactAcceptance.objects.filter(
        event=event, user_id__in=user_ids
    ).values_list("user_id", "pact_id"):
        accepted[user_id].add(pact_id)
    modules_done = _completed_modules(rules.required_module_ids, user_ids)
    attempts = defaultdict(list)
    for attempt in Attempt.objects.filter(
        quiz__in=[*tests.pre_tests, *tests.post_tests], user_id__in=user_ids
    ).defer("paper"):
        attempts[attempt.user_id, attempt.quiz_id].append(attempt)

    standings = {}
    for user_id in user_ids:
        pre = [
            standing_from(quiz, attempts[user_id, quiz.pk])
            for quiz in tests.pre_tests
            if attempts[user_id, quiz.pk]
        ]
        post = [
            standing_from(quiz, attempts[user_id, quiz.pk])
            for quiz in tests.post_tests
            if attempts[user_id, quiz.pk]
        ]
        post_attempted = any(s.grade is not None for s in post)
        record = ParticipantRecord(
            checked_in=user_id in check_ins,
            pre_test_taken=any(s.grade is not None for s in pre),
            completed_module_ids=modules_done[user_id],
            accepted_pact_ids=accepted[user_id],
            post_test_attempted=post_attempted,
            post_test_passed=any(s.passed for s in post),
        )
        standings[user_id] = ParticipantStanding(
            record=record,
            outcome=evaluate_completion(rules, record),
            checked_in_at=check_ins.get(user_id),
            pre_test_grade=_best_grade(pre),
            post_test_grade=_best_grade(post),
            submitted_attempts=sum(
                1 for s in (*pre, *post) for a in s.attempts if not a.is_open
            ),
        )
    return rules, standings


def _best_grade(standings) -> Decimal | None:
    """The best grade among an event's tests of one kind (usually there is one)."""
    return max((s.grade for s in standings if s.grade is not None), default=None)


def _completed_modules(module_ids, user_ids) -> dict[int, set[int]]:
    """For each user, the required modules whose published lessons they all finished.

    The lessons counted are those the module page lists (live and public), so
    "finished" here agrees with the module's own progress bar. A module with no
    such lessons cannot be finished, so it stays missing rather than completing
    everyone by default.
    """
    done = defaultdict(set)
    if not module_ids:
        return done
    modules = list(ModulePage.objects.filter(pk__in=module_ids).only("pk", "path"))
    if not modules:
        return done
    under_a_module = reduce(or_, (Q(path__startswith=m.path) for m in modules))
    lessons_by_module = defaultdict(set)
    for lesson_id, path in (
        LessonPage.objects.live()
        .public()
        .filter(under_a_module)
        .values_list("pk", "path")
    ):
        for module in modules:
            if path.startswith(module.path):
                lessons_by_module[module.pk].add(lesson_id)
    finished = defaultdict(set)
    for user_id, lesson_id in (
        LessonProgress.objects.completed()
        .filter(
            user_id__in=user_ids, lesson_id__in=set().union(*lessons_by_module.values())
        )
        .values_list("user_id", "lesson_id")
    ):
        finished[user_id].add(lesson_id)
    for user_id in user_ids:
        for module_id, lessons in lessons_by_module.items():
            if lessons <= finished[user_id]:
                done[user_id].add(module_id)
    return done
