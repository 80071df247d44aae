"""Joining an event, and what an event page shows a participant about theirs."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.events.models import Enrolment, EventPage


class EnrolmentRefused(Exception):
    """A code that opens no event, with a message for the participant."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def event_for_code(code: str) -> EventPage:
    """The published event whose registration code is ``code`` (any case, spaces ignored)."""
    normalised = "".join((code or "").split()).upper()
    event = EventPage.objects.live().filter(registration_code=normalised).first()
    if event is None:
        raise EnrolmentRefused(
            _("No event has this code. Check it with the organiser.")
        )
    return event


@transaction.atomic
def enrol(*, event: EventPage, user: User, source: str) -> tuple[Enrolment, bool]:
    """Puts ``user`` in ``event``; enrolling twice is harmless. Returns (enrolment, new)."""
    try:
        with transaction.atomic():
            return Enrolment.objects.get_or_create(
                event=event, user=user, defaults={"source": source}
            )
    except IntegrityError:  # the same participant's other tab got there first
        return Enrolment.objects.get(event=event, user=user), False


PARTICIPANT_FIELDS = (
    "pk",
    "username",
    "full_name",
    "institution_type",
    "position",
    "rt",
    "rw",
    "kecamatan",
    "kelurahan",
)


def enrolled_participants(event: EventPage):
    """The event's participants in name order, with the fields organisers' tables show
    (the hub, the results report)."""
    return (
        User.objects.filter(enrolments__event=event)
        .order_by("full_name", "pk")
        .only(*PARTICIPANT_FIELDS)
    )


def event_context(event: EventPage, *, user) -> dict:
    """The event page's tests, enrolment count, and the visitor's own standing."""
    from lms.events.dashboard import event_card
    from lms.events.standings import EventTests

    enrolment = (
        Enrolment.objects.filter(event=event, user=user).first()
        if user.is_authenticated
        else None
    )
    card = event_card(event, user=user) if enrolment else None
    tests = card.tests if card else EventTests.of(event)
    return {
        "pre_tests": tests.pre_tests,
        "post_tests": tests.post_tests,
        "enrolment": enrolment,
        "card": card,
        "enrolled_count": event.enrolments.count(),
        "sessions": [block.value for block in event.agenda],
    }
