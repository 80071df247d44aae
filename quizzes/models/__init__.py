from .attempts import Answer, Attempt
from .certificates import (
    Certificate,
    CertificateCounter,
    CertificateLogo,
    CertificateSignatory,
    CertificateTemplate,
    PrintJob,
)
from .quiz_page import QuizPage

__all__ = [
    "Answer",
    "Attempt",
    "Certificate",
    "CertificateCounter",
    "CertificateLogo",
    "CertificateSignatory",
    "CertificateTemplate",
    "PrintJob",
    "QuizPage",
]
