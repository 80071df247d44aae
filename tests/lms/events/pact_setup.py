"""Events that ask for pacts, for the pact tests (service, participant page, admin)."""

from lms.events.models import EventIndexPage
from tests.factories import (
    EnrolmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ParticipantFactory,
)


def event_requiring(home_page, *pacts, participants=()):
    """A published event that requires ``pacts``, with ``participants`` enrolled."""
    index = EventIndexPage.objects.first() or EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index)
    event.pacts.set(pacts)
    event.save()
    for user in participants:
        EnrolmentFactory(event=event, user=user)
    return event


def enrol_many(event, count):
    """``count`` new participants enrolled in ``event``."""
    users = ParticipantFactory.create_batch(count)
    for user in users:
        EnrolmentFactory(event=event, user=user)
    return users
