"""What "Beranda saya" shows a participant: their events, studies and tests, in one place.

For each event: every completion step, done or not, with where to go next. Then
the modules they started and have not finished, and the event tests still to take.
The number of queries depends on how many events the participant is in (a few),
never on how many other participants those events have.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from lms.catalogue import summarise_rows
from lms.completion_text import Step, completion_steps
from lms.event_progress import EventTests, ParticipantStanding, participant_standings
from lms.models import EventPage, LessonPage, LessonProgress, ModulePage, Pact
from lms.progress import ModuleProgress
from quizzes.models import QuizPage
from quizzes.my_quizzes import quiz_standings


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
    event: EventPage
    standing: ParticipantStanding
    steps: list[StepView]
    tests: EventTests


@dataclass(frozen=True)
class ModuleInProgress:
    module: ModulePage
    progress: ModuleProgress


@dataclass(frozen=True)
class Dashboard:
    events: list[EventCard]
    modules: list[ModuleInProgress]
    tests_to_take: list[QuizPage] = field(default_factory=list)


def participant_dashboard(user, *, now=None) -> Dashboard:
    now = now or timezone.now()
    events = list(
        EventPage.objects.live()
        .filter(enrolments__user=user)
        .order_by("-starts_at")
        .prefetch_related(
            Prefetch(
                "modules", queryset=ModulePage.objects.only("pk", "title", "path")
            ),
            Prefetch("pacts", queryset=Pact.objects.only("pk", "title")),
        )
    )
    standings_by_quiz = {quiz.pk: standing for quiz, standing in quiz_standings(user)}
    cards, tests_to_take = [], []
    for event in events:
        card = event_card(event, user=user)
        cards.append(card)
        for quiz in (*card.tests.pre_tests, *card.tests.post_tests):
            taken = standings_by_quiz.get(quiz.pk)
            done = taken is not None and (
                taken.passed
                if quiz.kind == QuizPage.Kind.POST_TEST
                else taken.grade is not None
            )
            if quiz.is_open(now) and not done:
                tests_to_take.append(quiz)
    return Dashboard(
        events=cards, modules=_modules_in_progress(user), tests_to_take=tests_to_take
    )


def event_card(event: EventPage, *, user) -> EventCard:
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
        elif step.code == "post_test":
            links = tuple(Link(quiz.title, quiz.url) for quiz in tests.post_tests)
        elif step.code == "pre_test":
            links = tuple(Link(quiz.title, quiz.url) for quiz in tests.pre_tests)
        views.append(StepView(step=step, links=links))
    return views


def _modules_in_progress(user) -> list[ModuleInProgress]:
    """Modules with at least one lesson opened and not every lesson finished."""
    rows = {row.lesson_id: row for row in LessonProgress.objects.filter(user=user)}
    if not rows:
        return []
    lesson_paths = LessonPage.objects.filter(pk__in=rows).values_list("path", flat=True)
    module_paths = {path[: -LessonPage.steplen] for path in lesson_paths}
    modules = list(
        ModulePage.objects.live()
        .public()
        .filter(path__in=module_paths)
        .order_by("path")
    )
    lessons_by_module: dict[str, list[int]] = {}
    for lesson_id, path in (
        LessonPage.objects.live()
        .public()
        .filter(path__regex=r"^(" + "|".join(module_paths) + r")")
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
