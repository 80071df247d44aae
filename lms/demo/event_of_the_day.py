"""The event of the day (``lms.demo.content.event_of_the_day``), moved to ``day``.

Written after the other steps and only through ``ensure_event`` and
``ensure_event_tests``, so it touches nothing but its own page and its two
tests: on the same day a second run changes nothing; on a later day the page
gets a new revision with the new dates, and the Sawah Besar event of 2023, its
participants and their certificates stay exactly as they were. Whatever people
did at an earlier day's event (check-ins, pacts, attempts, certificates) is
kept, as everywhere in the product.
"""

import datetime

from lms.events.models import EventIndexPage, EventPage

from .content import event as historical
from .content import event_of_the_day as content
from .events import demo_pacts, ensure_event, ensure_event_tests


def seed_event_of_the_day(*, day: datetime.date) -> str:
    """Creates the event of the day, or moves it to ``day`` (a date in Jakarta)."""
    event = ensure_event(
        {**content.EVENT, **content.open_hours(day)},
        content.AGENDA,
        index=EventIndexPage.objects.get(slug=historical.INDEX["slug"]),
        pacts=demo_pacts(),
    )
    ensure_event_tests(event)
    return (
        f"event of the day '{event.title}' on {day.isoformat()} "
        f"(code {event.registration_code}), check-in open all day"
    )


def event_of_the_day() -> EventPage:
    return EventPage.objects.get(slug=content.EVENT["slug"])
