from lms.events.models.attendance import CheckIn
from lms.events.models.events import Enrolment, EventIndexPage, EventPage
from lms.events.models.pacts import Pact, PactAcceptance, PactVersion

__all__ = [
    "CheckIn",
    "Enrolment",
    "EventIndexPage",
    "EventPage",
    "Pact",
    "PactAcceptance",
    "PactVersion",
]
