"""Where a participant's certificate stands after a test: ready, being prepared, or none.

Issuing runs in the background (``docs/certificates.md``), so for a moment
after the step that earned it a participant may have no certificate row yet,
or a row whose PDF is not stored: both are "being prepared", so the result
page can say so instead of staying silent.
"""

from dataclasses import dataclass

from lms.accounts.models import User
from lms.certificates.eligibility import qualification
from lms.certificates.models import Certificate
from lms.events.models import EventPage
from quizzes.models import QuizPage


@dataclass(frozen=True)
class CertificateStatus:
    """``certificate`` is set once its PDF can be downloaded; until then ``preparing``."""

    certificate: Certificate | None = None
    preparing: bool = False


def certificate_status(*, user: User, quiz: QuizPage) -> CertificateStatus | None:
    """The certificate ``quiz`` leads to for ``user``: its event's, or the quiz's own.

    None when the quiz leads to no certificate or ``user`` has not earned it.
    A few queries, none per question or per participant.
    """
    event = EventPage.objects.filter(path=quiz.path[: -QuizPage.steplen]).first()
    if event is None and not quiz.grants_certificate:
        return None
    certificates = Certificate.objects.valid().filter(user=user)
    if event is not None:
        certificates = certificates.filter(event=event)
    else:
        certificates = certificates.filter(quiz=quiz, event__isnull=True)
    certificate = certificates.only("pk", "rendered_at").first()
    if certificate is not None:
        if certificate.is_rendered:
            return CertificateStatus(certificate=certificate)
        return CertificateStatus(preparing=True)
    earned = qualification(user=user, event=event, quiz=None if event else quiz)
    return CertificateStatus(preparing=True) if earned.qualified else None
