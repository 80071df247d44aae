"""Certificates as PDF: a snapshot of what is printed plus a template, in, bytes out.

Every certificate, one or three hundred, goes through :func:`render_certificates_pdf`:
one HTML document with one page per certificate, laid out in a single WeasyPrint
pass (``lms.core.pdf.render_pdf``, whose fetcher reads only static files, media
files through the storage API and ``data:`` URIs). Bulk printing is fast because fonts, images and styles are loaded
once per document instead of once per certificate; a single certificate is simply
a document of one page, so both look exactly the same.

Issuing renders one certificate at a time, hundreds in a row after a post-test,
so a render does only what changes between certificates: the stylesheets (the
shared files and each template's page size and font, as text) are handed to
``render_pdf``, which parses each once per thread and again only when its file
or text changes, and the QR code is a tiny PNG rather than an SVG path that
WeasyPrint would draw segment by segment (``docs/benchmarks.md``).

Everything from the snapshot or the template is escaped: a name typed as HTML is
printed as the characters typed.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from lms.certificates.models import CertificateSignatory, CertificateTemplate
from lms.core.pdf import media_uri, render_pdf
from lms.core.qr import qr_png_data_uri

# The words a template's body may use, and where each comes from in the snapshot.
PLACEHOLDERS = (
    "name",
    "institution",
    "position",
    "event",
    "dates",
    "venue",
    "hours",
    "score",
    "number",
    "issue_date",
)
# Printed in bold inside the body: what the certificate is about, at a glance.
EMPHASISED = {"name", "event"}
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

# Width × height in millimetres, portrait.
PAPER_MM = {
    CertificateTemplate.PaperSize.A4: (210.0, 297.0),
    CertificateTemplate.PaperSize.F4: (215.0, 330.0),
    CertificateTemplate.PaperSize.LETTER: (215.9, 279.4),
}
# Each choice with installed fallbacks that carry the same diacritics.
FONT_STACKS = {
    CertificateTemplate.Font.LIBERATION_SERIF: '"Liberation Serif", "DejaVu Serif", serif',
    CertificateTemplate.Font.LIBERATION_SANS: '"Liberation Sans", "DejaVu Sans", sans-serif',
    CertificateTemplate.Font.DEJAVU_SERIF: '"DejaVu Serif", "Liberation Serif", serif',
    CertificateTemplate.Font.DEJAVU_SANS: '"DejaVu Sans", "Liberation Sans", sans-serif',
}
# Average width of a character of a bold name, in ems, per font (measured on
# Indonesian names; DejaVu is the wider family). Used to shrink long names.
NAME_CHAR_EM = {
    CertificateTemplate.Font.LIBERATION_SERIF: 0.52,
    CertificateTemplate.Font.LIBERATION_SANS: 0.56,
    CertificateTemplate.Font.DEJAVU_SERIF: 0.64,
    CertificateTemplate.Font.DEJAVU_SANS: 0.64,
}
NAME_MAX_PT, NAME_ONE_LINE_MIN_PT, NAME_MIN_PT = 32.0, 22.0, 11.0
# The name's column: the page less the border and the margins on each side.
NAME_SIDE_MARGIN_MM = 38.0
MM_PER_PT = 25.4 / 72

# Under static/, in cascade order; each template's page size and font come after.
STYLESHEETS = ("css/pdf.css", "css/certificate.css")

# The place printed before the issue date, beside the signatures.
PLACE = "Jakarta"

DEFAULT_TEMPLATE_NAME = "Sertifikat Pemerintah Kota (bawaan)"
DEFAULT_BODY = (
    "atas partisipasinya sebagai Peserta dalam kegiatan {event} yang "
    "diselenggarakan pada {dates} di {venue} selama {hours} JP."
)
DEFAULT_SIGNATORY = {
    "name": "Ishran Prasetyawan",
    "position": "Kepala Bagian Pemerintahan Kota Administrasi Jakarta Pusat",
}


def unknown_placeholders(text: str) -> list[str]:
    """The ``{words}`` in ``text`` that are not placeholders, in order, once each."""
    found = [m.group(1) for m in PLACEHOLDER.finditer(text)]
    return list(dict.fromkeys(word for word in found if word not in PLACEHOLDERS))


def placeholder_values(snapshot: dict) -> dict[str, str]:
    """What each placeholder prints for one certificate.

    The snapshot keeps position and institution as one printed line ("Ketua RT
    005 · RT"); ``{position}`` is its first part, for wordings that name it alone.
    """
    institution = str(snapshot.get("institution", ""))
    return {
        "name": str(snapshot.get("name", "")),
        "institution": institution,
        "position": institution.split(" · ")[0],
        "event": str(snapshot.get("event_title", "")),
        "dates": str(snapshot.get("event_dates", "")),
        "venue": str(snapshot.get("venue", "")),
        "hours": str(snapshot.get("hours_jp", "")),
        "score": str(snapshot.get("score", "")),
        "number": str(snapshot.get("number", "")),
        "issue_date": str(snapshot.get("issue_date", "")),
    }


def fill_body(body: str, values: dict[str, str]) -> SafeString:
    """The template's body as HTML paragraphs with placeholders filled, all escaped.

    Unknown ``{words}`` stay as typed (the admin refuses them on save; a template
    saved before that check still prints rather than failing to issue).
    """

    def substitute(match: re.Match) -> str:
        word = match.group(1)
        if word not in values:
            return match.group(0)
        if word in EMPHASISED:
            return format_html("<strong>{}</strong>", values[word])
        return escape(values[word])

    # Escape the wording first, then insert escaped values: the braces survive
    # escaping, and nothing a participant typed is ever read as markup.
    html = PLACEHOLDER.sub(substitute, escape(body.strip()))
    return mark_safe(linebreaks(html, autoescape=False))


def page_size_mm(template: CertificateTemplate) -> tuple[float, float]:
    """The paper's width and height as printed, after orientation."""
    width, height = PAPER_MM.get(template.paper_size, PAPER_MM["A4"])
    if template.orientation == CertificateTemplate.Orientation.LANDSCAPE:
        return height, width
    return width, height


def name_font_size(name: str, *, width_mm: float, font: str) -> float:
    """A font size (pt) at which ``name`` fits the name's column in one or two lines.

    Short names print large on one line; longer ones shrink until they fit one
    line at a still-large size, and only then break onto a second line. The
    estimate uses the font's average character width with a safety margin, so
    the result never needs measuring by the layout engine.
    """
    char_em = NAME_CHAR_EM.get(font, max(NAME_CHAR_EM.values()))
    per_char_mm_at_1pt = char_em * MM_PER_PT * 1.08
    length = max(len(name), 1)
    one_line = width_mm / (per_char_mm_at_1pt * length)
    if one_line >= NAME_ONE_LINE_MIN_PT:
        return round(min(one_line, NAME_MAX_PT), 1)
    # Two lines never break exactly in the middle: keep a fifth in reserve.
    two_lines = 2 * 0.8 * width_mm / (per_char_mm_at_1pt * length)
    return round(max(min(two_lines, NAME_ONE_LINE_MIN_PT), NAME_MIN_PT), 1)


def _image_uri(image) -> str:
    """The original file of a Wagtail image, read through its storage, never a path.

    Media may live in a bucket (docs/deployment.md); the content hash makes an
    image replaced under the same name print as replaced.
    """
    return media_uri(image.file.name, version=image.file_hash)


@dataclass(frozen=True)
class _Design:
    """What a template contributes to every page it prints, loaded once per document."""

    page_name: str
    orientation: str
    css: str
    title: str
    body: str
    font: str
    width_mm: float
    background: str
    logos: list[str]
    signatories: list[dict]


def _design(template: CertificateTemplate, index: int) -> _Design:
    width, height = page_size_mm(template)
    page_name = f"certificate-{index}"
    font_stack = FONT_STACKS.get(
        template.font, FONT_STACKS[CertificateTemplate.Font.LIBERATION_SERIF]
    )
    # Built from numbers and constants only, so it can go into <style> unescaped.
    css = (
        f"@page {page_name} {{ size: {width}mm {height}mm; margin: 0; }}\n"
        f".{page_name} {{ page: {page_name}; width: {width}mm; height: {height}mm;"
        f" font-family: {font_stack}; }}\n"
    )
    # .all() also reads a template's unsaved logos and signatories (the admin's
    # preview of a form that has not been saved yet).
    logos = [_image_uri(logo.image) for logo in template.logos.all() if logo.image]
    signatories = [_signatory(s) for s in template.signatories.all()[:3]]
    return _Design(
        page_name=page_name,
        orientation=template.orientation,
        css=css,
        title=template.title,
        body=template.body,
        font=template.font,
        width_mm=width,
        background=_image_uri(template.background) if template.background else "",
        logos=logos[:3],
        signatories=signatories,
    )


def _signatory(signatory: CertificateSignatory) -> dict:
    return {
        "name": signatory.name,
        "position": signatory.position,
        "nip": signatory.nip,
        "signature": _image_uri(signatory.signature) if signatory.signature else "",
    }


def _page(snapshot: dict, design: _Design) -> dict:
    values = placeholder_values(snapshot)
    url = str(snapshot.get("verification_url", ""))
    return {
        "design": design,
        "name": values["name"],
        # A string: a float in a template would follow the locale ("27,5").
        "name_size": "{:.1f}pt".format(
            name_font_size(
                values["name"],
                width_mm=design.width_mm - 2 * NAME_SIDE_MARGIN_MM,
                font=design.font,
            )
        ),
        "institution": values["institution"],
        "number": values["number"],
        "issue_date": values["issue_date"],
        "body": fill_body(design.body, values),
        "verification_url": url,
        "qr": qr_png_data_uri(url) if url else "",
    }


def render_certificates_pdf(
    *, items: Iterable[tuple[dict, CertificateTemplate]]
) -> bytes:
    """One PDF with a page per ``(snapshot, template)`` pair, in the order given.

    For bulk printing: one layout pass for the whole batch. Each template is
    read once (a pair may reuse the same template object or another instance of
    the same saved template); pages of different sizes may share the document.
    """
    designs: dict[object, _Design] = {}
    pages = []
    for snapshot, template in items:
        key = template.pk if template.pk is not None else id(template)
        if key not in designs:
            designs[key] = _design(template, len(designs))
        pages.append(_page(snapshot, designs[key]))
    # Labels print in the site's language, whoever's request or task renders them:
    # a certificate does not change with the language of the person issuing it.
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf(
            "quizzes/certificates/certificates.html",
            {"pages": pages, "place": PLACE},
            stylesheets=STYLESHEETS,
            css="".join(d.css for d in designs.values()),
        )


def render_certificate_pdf(*, snapshot: dict, template: CertificateTemplate) -> bytes:
    """The PDF of one certificate: what issuing stores and its hash covers."""
    return render_certificates_pdf(items=[(snapshot, template)])


@transaction.atomic
def default_template() -> CertificateTemplate:
    """The template of events that choose none; the built-in one if none is marked.

    The built-in default follows the style of Indonesian government certificates
    and its wording is Bahasa Indonesia. It is ordinary data: organisers edit its
    signatory, logos and wording in the admin like any other template.
    """
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is not None:
        return template
    template, created = CertificateTemplate.objects.get_or_create(
        name=DEFAULT_TEMPLATE_NAME,
        defaults={"is_default": True, "body": DEFAULT_BODY},
    )
    if created:
        template.signatories.add(CertificateSignatory(**DEFAULT_SIGNATORY))
        template.save()
    elif not template.is_default:
        template.is_default = True
        template.save(update_fields=["is_default"])
    return template
