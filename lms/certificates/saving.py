"""Saving one certificate version: the numbered row with its snapshot, then its PDF.

What issuing and re-issuing share once the number is decided. The row is
saved inside the caller's transaction, its PDF still to come ("being
prepared"); the PDF is then rendered with no lock held and stored with its
SHA-256, and every download serves those bytes (promise 7,
docs/architecture.md). A render that fails leaves the numbered row pending,
and rendering it again completes it: the number is never lost nor reused.
See ``docs/certificates.md``.
"""

import hashlib
import secrets
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from lms.accounts.models import User
from lms.certificates import rendering
from lms.certificates.models import Certificate, CertificateTemplate
from lms.certificates.snapshot import build_snapshot
from lms.events.models import EventPage
from quizzes.models import QuizPage


def template_for(event: EventPage | None) -> CertificateTemplate:
    """The event's chosen template, or the site's default one."""
    if event is not None and event.certificate_template_id:
        return event.certificate_template
    return rendering.default_template()


def _numbered(
    *,
    user: User,
    event: EventPage | None,
    quiz: QuizPage | None,
    template: CertificateTemplate,
    series: str,
    sequence: int,
    version: int,
    number: str,
    score: Decimal | None,
    **fields,
) -> Certificate:
    """Saves one certificate version with its number and snapshot, its PDF still to come.

    Inside the caller's transaction, which holds the lock that makes the number
    safe; :func:`render_certificate` adds the file once that lock is released.
    """
    now = timezone.now()
    code = secrets.token_urlsafe(24)  # 192 random bits, 32 characters
    snapshot = build_snapshot(
        user=user,
        event=event,
        quiz=quiz,
        score=score,
        number=number,
        verification_code=code,
        issued_on=timezone.localdate(now),
    )
    return Certificate.objects.create(
        series=series,
        sequence=sequence,
        version=version,
        number=number,
        event=event,
        quiz=quiz,
        user=user,
        template=template,
        snapshot=snapshot,
        verification_code=code,
        issued_at=now,
        **fields,
    )


def render_certificate(*, certificate: Certificate) -> Certificate:
    """Renders a pending certificate and stores its PDF and SHA-256, exactly once.

    Runs outside the counter's lock, so a slow render holds up nobody else's
    number. Two renders of one certificate may race (the task and an organiser):
    the row is completed only while it is still pending, and the loser removes
    its file and returns the stored one, so every download serves the same
    bytes (promise 7). A render that fails leaves the row pending, its number
    kept, for the retry (``docs/certificates.md``).
    """
    if certificate.is_rendered:
        return certificate
    template = certificate.template or template_for(certificate.event)
    pdf = rendering.render_certificate_pdf(
        snapshot=certificate.snapshot, template=template
    )
    sha256 = hashlib.sha256(pdf).hexdigest()
    series = certificate.series.replace(":", "-")
    name = f"{series}-{certificate.sequence:05d}-v{certificate.version}.pdf"
    certificate.pdf.save(name, ContentFile(pdf), save=False)
    now = timezone.now()
    try:
        stored = Certificate.objects.filter(
            pk=certificate.pk, rendered_at__isnull=True
        ).update(pdf=certificate.pdf.name, sha256=sha256, rendered_at=now)
    except Exception:
        certificate.pdf.storage.delete(certificate.pdf.name)
        raise
    if not stored:  # rendered meanwhile by someone else: theirs is the certificate
        certificate.pdf.storage.delete(certificate.pdf.name)
        return Certificate.objects.get(pk=certificate.pk)
    certificate.sha256 = sha256
    certificate.rendered_at = now
    return certificate
