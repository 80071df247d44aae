"""What "Beranda saya" shows a participant: their events, studies and tests, in one place.

For each event: every completion step, done or not, with where to go next. Then
the event tests still to take and the modules they started and have not
finished. The number of queries depends on how many events the participant is
in (a few), never on how many other participants those events have.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.events.completion_text import POST_TEST, Step, completion_steps
from lms.events.models import EventPage, Pact
from lms.events.standings import EventTests, ParticipantStanding, participant_standings
from lms.learning.catalogue import summarise_rows
from lms.learning.models import LessonPage, LessonProgress, ModulePage
from lms.learning.progress import ModuleProgress
from quizzes.attempts import QuizStanding
from quizzes.models import QuizPage
from quizzes.my_quizzes import quiz_standings

# What a step's links need of a module: its title and its URL.
_MODULE_FIELDS = ("pk", "title", "path", "url_path", "depth", "locale_id")


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class StepView:
    """A completion step with the links that get it done."""

    step: Step
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class EventCard:
    """One participant's standing in one event, step by step."""

    event: EventPage
    standing: ParticipantStanding
    steps: list[StepView]
    tests: EventTests

    @property
    def score_change(self) -> str | None:
        """ "Your score rose from 45 to 85.", when both results may be shown yet."""
        return score_change_text(
            _shown(self.tests.pre_tests, self.standing.pre_test_grade),
            _shown(self.tests.post_tests, self.standing.post_test_grade),
        )


def _shown(tests, grade):
    """A test grade, unless a test's review policy still hides results (promise 5)."""
    if grade is None or not all(test.review_is_available() for test in tests):
        return None
    return grade


def score_change_text(pre, post) -> str | None:
    """The participant's pre-test and post-test side by side, in words."""
    if pre is None or post is None:
        return None
    scores = {"pre": _percent(pre), "post": _percent(post)}
    if post > pre:
        return _("Your score rose from %(pre)s to %(post)s.") % scores
    if post < pre:
        return _("Your score went from %(pre)s to %(post)s.") % scores
    return _("Your score stayed at %(post)s.") % scores


def _percent(value) -> str:
    """45, or 80,95: at most two decimals, none when they are zeros."""
    value = value.quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        value = value.quantize(Decimal("1"))
    return formats.number_format(value)


@dataclass(frozen=True)
class ModuleInProgress:
    module: ModulePage
    progress: ModuleProgress


@dataclass(frozen=True)
class Dashboard:
    events: list[EventCard]
    tests_to_take: list[QuizPage]
    modules: list[ModuleInProgress]


def participant_dashboard(
    user: User, *, now: datetime.datetime | None = None
) -> Dashboard:
    """Everything "Beranda saya" shows ``user``, newest event first."""
    now = now or timezone.now()
    events = list(
        EventPage.objects.live()
        .filter(enrolments__user=user)
        .order_by("-starts_at")
        .prefetch_related(
            Prefetch("modules", queryset=ModulePage.objects.only(*_MODULE_FIELDS)),
            Prefetch("pacts", queryset=Pact.objects.only("pk", "title")),
        )
    )
    standings_by_quiz = {quiz.pk: standing for quiz, standing in quiz_standings(user)}
    cards = [event_card(event, user=user) for event in events]
    tests_to_take = [
        quiz
        for card in cards
        for quiz in (*card.tests.pre_tests, *card.tests.post_tests)
        if quiz.is_open(now) and _still_to_take(quiz, standings_by_quiz.get(quiz.pk))
    ]
    return Dashboard(
        events=cards, tests_to_take=tests_to_take, modules=_modules_in_progress(user)
    )


def _still_to_take(quiz: QuizPage, standing: QuizStanding | None) -> bool:
    """Not taken yet, in progress, or a post-test not passed with attempts left."""
    if standing is None or standing.open_attempt is not None:
        return True
    if standing.attempts_left == 0:
        return False
    if quiz.kind == QuizPage.Kind.POST_TEST:
        return not standing.passed
    return standing.grade is None


def event_card(event: EventPage, *, user: User) -> EventCard:
    """One participant's standing in one event, with each step and its next links."""
    tests = EventTests.of(event)
    rules, standings = participant_standings(event, [user.pk], tests=tests)
    standing = standings[user.pk]
    return EventCard(
        event=event,
        standing=standing,
        steps=_step_views(event, rules, standing, tests),
        tests=tests,
    )


def _step_views(event, rules, standing, tests) -> list[StepView]:
    modules = {m.pk: m for m in event.modules.all()}
    pacts = {p.pk: p for p in event.pacts.all()}
    steps = completion_steps(
        rules,
        standing.outcome,
        module_titles={pk: m.title for pk, m in modules.items()},
        pact_titles={pk: p.title for pk, p in pacts.items()},
    )
    missing = {item.code: item.params for item in standing.outcome.missing}
    views = []
    for step in steps:
        links: tuple[Link, ...] = ()
        if step.done:
            pass
        elif step.code == "modules":
            links = tuple(
                Link(modules[pk].title, modules[pk].url)
                for pk in missing["modules"]["module_ids"]
            )
        elif step.code == "pact":
            links = tuple(
                Link(pacts[pk].title, reverse("event_pact", args=[event.pk, pk]))
                for pk in missing["pact"]["pact_ids"]
            )
        elif step.code == POST_TEST:
            links = tuple(Link(quiz.title, quiz.url) for quiz in tests.post_tests)
        elif step.code == "pre_test":
            links = tuple(Link(quiz.title, quiz.url) for quiz in tests.pre_tests)
        views.append(StepView(step=step, links=links))
    return views


def _modules_in_progress(user: User) -> list[ModuleInProgress]:
    """Modules with at least one lesson opened and not every lesson finished."""
    rows = {row.lesson_id: row for row in LessonProgress.objects.filter(user=user)}
    lesson_paths = LessonPage.objects.filter(pk__in=rows).values_list("path", flat=True)
    module_paths = {path[: -LessonPage.steplen] for path in lesson_paths}
    if not module_paths:
        return []
    modules = list(
        ModulePage.objects.live()
        .public()
        .filter(path__in=module_paths)
        .order_by("path")
    )
    under_a_module = reduce(or_, (Q(path__startswith=p) for p in module_paths))
    lessons_by_module: dict[str, list[int]] = {}
    for lesson_id, path in (
        LessonPage.objects.live()
        .public()
        .filter(under_a_module)
        .order_by("path")
        .values_list("pk", "path")
    ):
        lessons_by_module.setdefault(path[: -LessonPage.steplen], []).append(lesson_id)
    result = []
    for module in modules:
        progress = summarise_rows(lessons_by_module.get(module.path, []), rows)
        if progress.total and not progress.is_complete:
            result.append(ModuleInProgress(module=module, progress=progress))
    return result
