"""The demo event page, its pact texts and its two tests (``lms.demo.content.event``).

The pre-test and post-test are children of the event, where only its enrolled
participants may take them. Demo databases made before events existed hold them
in the KPU module, with attempts: those pages are moved, never recreated, so the
attempts stay with them (promise 6, docs/architecture.md).

``ensure_event`` and ``ensure_event_tests`` also build the event of the day
(``lms.demo.event_of_the_day``): same modules, pacts and tests, another day.
"""

import datetime

from home.models import HomePage
from lms.accounts.models import Organisation
from lms.events.models import EventIndexPage, EventPage, Pact
from lms.events.pacts import record_pact_version
from lms.learning.models import ModulePage
from quizzes.models import QuizPage

from .content import SHELVES
from .content import event as content
from .content.tests import MODULE_SLUG, POST_TEST, PRE_TEST
from .learning import _ensure_order, _ensure_page
from .quizzes import ALWAYS, demo_module

ORGANISER = "Bagian Pemerintahan"


def seed_events() -> str:
    """Creates or corrects the event index, the pacts, the event and its tests."""
    index = _ensure_page(
        HomePage.objects.get(),
        EventIndexPage,
        content.INDEX["slug"],
        {
            "title": content.INDEX["title"],
            "intro": content.INDEX["intro"],
            "show_in_menus": True,
        },
    )
    pacts = [_ensure_pact(spec) for spec in (content.PACT, content.PLEDGE)]
    event = ensure_event(content.EVENT, content.AGENDA, index=index, pacts=pacts)
    for spec in (PRE_TEST, POST_TEST):
        _move_from_module(spec["slug"], event)
    ensure_event_tests(event)
    return (
        f"event '{event.title}' (code {event.registration_code}) with "
        f"{len(content.AGENDA)} agenda items, a pre-test, a post-test and "
        f"{len(pacts)} pact texts"
    )


def ensure_event(
    spec: dict, agenda: tuple, *, index: EventIndexPage, pacts: list[Pact]
) -> EventPage:
    """The published event ``spec`` under ``index``, organised by the city's
    Bagian Pemerintahan, covering the demo modules and asking for ``pacts``."""
    event = _ensure_page(
        index,
        EventPage,
        spec["slug"],
        {
            **{k: v for k, v in spec.items() if k != "slug"},
            "organiser": Organisation.objects.get(short_name=ORGANISER),
            "agenda": [("session", _session(*item)) for item in agenda],
        },
    )
    modules = [demo_module(short_name, c.MODULE["slug"]) for short_name, c in SHELVES]
    if set(event.modules.all()) != set(modules) or set(event.pacts.all()) != set(pacts):
        event.modules.set(modules)
        event.pacts.set(pacts)
        event.save_revision().publish()
    return event


def ensure_event_tests(event: EventPage) -> None:
    """The event's pre-test and post-test, in that order, as ``content.tests`` says."""
    for spec in (PRE_TEST, POST_TEST):
        fields = {**ALWAYS, **{k: v for k, v in spec.items() if k != "slug"}}
        _ensure_page(event, QuizPage, spec["slug"], fields)
    _ensure_order(event, [PRE_TEST["slug"], POST_TEST["slug"]])


def demo_event() -> EventPage:
    return EventPage.objects.get(slug=content.EVENT["slug"])


def demo_event_test(spec: dict) -> QuizPage:
    """The demo event's ``PRE_TEST`` or ``POST_TEST`` page."""
    return QuizPage.objects.child_of(demo_event()).get(slug=spec["slug"])


def demo_pacts() -> list[Pact]:
    """The pact and the pledge that ``seed_events`` wrote."""
    return [
        Pact.objects.get(title=spec["title"]) for spec in (content.PACT, content.PLEDGE)
    ]


def _ensure_pact(spec: dict) -> Pact:
    pact = Pact.objects.filter(title=spec["title"]).first() or Pact(title=spec["title"])
    if pact.pk is None or pact.kind != spec["kind"] or pact.body != spec["body"]:
        pact.kind, pact.body = spec["kind"], spec["body"]
        pact.save()
    record_pact_version(pact=pact, by=None)
    return pact


def _session(starts: str, ends: str, topic: str, speaker: str) -> dict:
    return {
        "starts": datetime.time.fromisoformat(starts),
        "ends": datetime.time.fromisoformat(ends),
        "topic": topic,
        "speaker": speaker,
    }


def _move_from_module(slug: str, event: EventPage) -> None:
    """A test left in the KPU module by an older demo goes to the event, attempts and all."""
    module = ModulePage.objects.filter(slug=MODULE_SLUG).first()
    if module is None:
        return
    old = QuizPage.objects.child_of(module).filter(slug=slug).first()
    if old is not None and not event.get_children().filter(slug=slug).exists():
        old.move(event, pos="last-child")
