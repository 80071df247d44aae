"""Events with enrolled participants, shared by the attendance tests."""

import datetime

from django.utils import timezone

from lms.events.models import EventIndexPage
from tests.factories import (
    EnrolmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ParticipantFactory,
)

WIB = datetime.timezone(datetime.timedelta(hours=7))


def make_event(home, *, starts_at=None, hours=4, **fields):
    """An event under the site's "Kegiatan" (made on first need below ``home``);
    by default under way: it started an hour ago."""
    index = EventIndexPage.objects.first() or EventIndexPageFactory(parent=home)
    starts_at = starts_at or timezone.now() - datetime.timedelta(hours=1)
    return EventPageFactory(
        parent=index,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        **fields,
    )


def enrol_participants(event, count, **user_fields):
    """``count`` new participants enrolled in ``event``."""
    people = ParticipantFactory.create_batch(count, **user_fields)
    for person in people:
        EnrolmentFactory(event=event, user=person)
    return people
