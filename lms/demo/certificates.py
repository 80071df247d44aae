"""Certificates for the demo event's participants who completed it.

Issued through the real service, so the demo's files are what organisers would
print; issuing again returns the certificates already issued.
"""

from lms.accounts.models import User
from lms.certificates.issuing import issue_for_qualified
from lms.certificates.models import Certificate
from lms.certificates.rendering import default_template

from .events import demo_event


def seed_certificates() -> str:
    """The default template, and a certificate for each participant who completed."""
    template = default_template()
    event = demo_event()
    result = issue_for_qualified(
        event=event, by=User.objects.get(username="penyelenggara")
    )
    total = Certificate.objects.valid().filter(event=event).count()
    return (
        f"template '{template.name}'; {total} certificates for the demo event, "
        f"{len(result.issued)} new"
    )
