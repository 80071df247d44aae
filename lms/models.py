"""Where Django finds the ``lms`` app's models: each domain keeps its own.

Django loads ``<app>.models`` when the app registry starts; the models live in
``lms/<domain>/models`` (docs/architecture.md, "Where things live"), all in the
one ``lms`` app, so their tables and migrations stay where they were. Code
imports a model from its domain, never from here.
"""

from lms.accounts.models import Organisation, User
from lms.certificates.models import (
    Certificate,
    CertificateCounter,
    CertificateLogo,
    CertificateSignatory,
    CertificateTemplate,
    PrintJob,
)
from lms.events.models import (
    CheckIn,
    Enrolment,
    EvaluationField,
    EvaluationPage,
    EvaluationResponse,
    EventIndexPage,
    EventPage,
    Pact,
    PactAcceptance,
    PactVersion,
)
from lms.learning.models import (
    LessonPage,
    LessonPageTag,
    LessonProgress,
    ModuleIndexPage,
    ModulePage,
    ModulePageTag,
    Speaker,
)

__all__ = [
    "Certificate",
    "CertificateCounter",
    "CertificateLogo",
    "CertificateSignatory",
    "CertificateTemplate",
    "CheckIn",
    "Enrolment",
    "EvaluationField",
    "EvaluationPage",
    "EvaluationResponse",
    "EventIndexPage",
    "EventPage",
    "LessonPage",
    "LessonPageTag",
    "LessonProgress",
    "ModuleIndexPage",
    "ModulePage",
    "ModulePageTag",
    "Organisation",
    "Pact",
    "PactAcceptance",
    "PactVersion",
    "PrintJob",
    "Speaker",
    "User",
]
