from lms.events.models.attendance import CheckIn
from lms.events.models.evaluation import (
    EvaluationField,
    EvaluationPage,
    EvaluationResponse,
)
from lms.events.models.events import Enrolment, EventIndexPage, EventPage
from lms.events.models.pacts import Pact, PactAcceptance, PactVersion

__all__ = [
    "CheckIn",
    "Enrolment",
    "EvaluationField",
    "EvaluationPage",
    "EvaluationResponse",
    "EventIndexPage",
    "EventPage",
    "Pact",
    "PactAcceptance",
    "PactVersion",
]
