"""Issued certificates for tests, made without the issuing and rendering services.

Printing and verification only need what issuing leaves behind: a Certificate
row with a stored PDF and its SHA-256. A tiny template of our own stands in for
the real certificate design, so these tests do not depend on how it looks.
"""

import hashlib
import secrets
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.test.utils import override_settings
from django.utils import timezone

from lms.certificates.models import Certificate
from lms.core.pdf import render_pdf
from lms.core.qr import qr_svg_data_uri
from tests.factories import ParticipantFactory

TEMPLATES_DIR = Path(__file__).parent / "templates"


def render_stub_pdf(snapshot: dict) -> bytes:
    """A one-page PDF printing the snapshot's name, number, event and QR code."""
    engine = {**settings.TEMPLATES[0], "DIRS": [TEMPLATES_DIR]}
    with override_settings(TEMPLATES=[engine]):
        return render_pdf(
            "tests/certificate_stub.html",
            {"snapshot": snapshot, "qr": qr_svg_data_uri(snapshot["verification_url"])},
        )


def make_certificate(
    *, event, user=None, name=None, kelurahan="Kartini", sequence=1, pdf=None
) -> Certificate:
    """A valid, stored certificate of ``event`` (``pdf`` bytes, or a stub rendering)."""
    user = user or ParticipantFactory(kelurahan=kelurahan)
    code = secrets.token_urlsafe(32)
    number = f"{sequence:03d}/SERT/UJI{event.pk}/IX/2023"
    snapshot = {
        "name": name or user.full_name,
        "institution": "Ketua RT 001 · RT",
        "kelurahan": kelurahan,
        "event_title": event.title,
        "event_dates": "Rabu, 27 September 2023",
        "venue": "Aula Kantor Kecamatan Sawah Besar",
        "hours_jp": 4,
        "score": "87",
        "number": number,
        "issue_date": "27 September 2023",
        "verification_url": f"{settings.SITE_URL}/v/{code}/",
    }
    data = pdf if pdf is not None else render_stub_pdf(snapshot)
    certificate = Certificate(
        series=f"event-{event.pk}",
        sequence=sequence,
        number=number,
        event=event,
        user=user,
        snapshot=snapshot,
        sha256=hashlib.sha256(data).hexdigest(),
        verification_code=code,
        method=Certificate.Method.MANUAL,
        rendered_at=timezone.now(),
    )
    certificate.pdf.save(f"{code[:16]}.pdf", ContentFile(data), save=False)
    certificate.save()
    return certificate


def issued_bytes(certificate: Certificate) -> bytes:
    """The stored PDF, as the participant downloaded it."""
    with certificate.pdf.open("rb") as stored:
        return stored.read()


def altered_bytes(certificate: Certificate) -> bytes:
    """The issued PDF with one bit of one byte flipped: looks the same, is not."""
    data = bytearray(issued_bytes(certificate))
    data[len(data) // 2] ^= 0x01
    return bytes(data)
