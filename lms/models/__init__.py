from .attendance import CheckIn
from .events import Enrolment, EventIndexPage, EventPage
from .lessons import LessonPage, LessonPageTag
from .modules import ModuleIndexPage, ModulePage, ModulePageTag
from .organisations import Organisation
from .pacts import Pact, PactAcceptance, PactVersion
from .progress import LessonProgress
from .speakers import Speaker
from .users import User

__all__ = [
    "CheckIn",
    "Pact",
    "PactAcceptance",
    "PactVersion",
    "Enrolment",
    "EventIndexPage",
    "EventPage",
    "LessonPage",
    "LessonPageTag",
    "LessonProgress",
    "ModuleIndexPage",
    "ModulePage",
    "ModulePageTag",
    "Organisation",
    "Speaker",
    "User",
]
