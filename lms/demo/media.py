"""Pictures and files for the demo lessons, drawn here so the demo needs no downloads.

Images are simple infographics and module covers drawn with Pillow; documents
are small text PDFs written by hand (no PDF library needed for a page of
text). Both are deterministic: the same specification gives the same bytes,
so the seeder can compare SHA-1 hashes (Wagtail's ``file_hash``) and only
replace a file whose drawing changed.
"""

import hashlib
import textwrap
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

COLLECTION_NAME = "Demo"

WIDTH = 1200
INK = "#1f2933"
MUTED = "#52606d"
PAPER = "#ffffff"


@dataclass(frozen=True)
class Cover:
    """A module's cover: its title on the organisation's colour."""

    title: str
    subtitle: str
    organisation: str
    colour: str


@dataclass(frozen=True)
class Chart:
    """An infographic: a title and a column of coloured, labelled boxes.

    ``numbered`` draws the boxes as the steps of a flow (1, 2, 3 with arrows);
    otherwise each box shows its colour as a swatch, like a ballot paper.
    """

    title: str
    subtitle: str
    items: tuple[tuple[str, str, str], ...]  # (colour, label, note)
    footer: str = ""
    numbered: bool = False


@dataclass(frozen=True)
class DemoImage:
    title: str
    filename: str
    drawing: Cover | Chart


@dataclass(frozen=True)
class DemoDocument:
    """A PDF of headings ("h"), paragraphs ("p") and bullets ("li")."""

    title: str
    filename: str
    lines: tuple[tuple[str, str], ...] = field(default_factory=tuple)


# Drawing -------------------------------------------------------------------


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    # Pillow's bundled font: the same glyphs on every machine, so the same bytes.
    return ImageFont.load_default(size=size)


def _wrap(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and font.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _text(draw, xy, text, size, fill, width, bold=False, spacing=1.25) -> int:
    """Draws wrapped text from ``xy``; returns the y just below it."""
    font = _font(size)
    x, y = xy
    for line in _wrap(text, font, width):
        draw.text((x, y), line, font=font, fill=fill, stroke_width=1 if bold else 0,
                  stroke_fill=fill)  # fmt: skip
        y += int(size * spacing)
    return y


def _png(image: PillowImage.Image) -> bytes:
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def draw_cover(cover: Cover) -> bytes:
    height = 630
    image = PillowImage.new("RGB", (WIDTH, height), cover.colour)
    draw = ImageDraw.Draw(image)
    # Two quiet circles for shape; the text carries the meaning.
    draw.ellipse((820, -180, 1380, 380), fill=_shade(cover.colour, 0.12))
    draw.ellipse((960, 330, 1340, 710), fill=_shade(cover.colour, 0.22))
    draw.rectangle((80, 96, 200, 106), fill=PAPER)
    y = _text(draw, (80, 140), cover.title, 64, PAPER, 860, bold=True, spacing=1.2)
    _text(draw, (80, y + 24), cover.subtitle, 30, PAPER, 860)
    draw.text((80, height - 90), cover.organisation, font=_font(28), fill=PAPER)
    return _png(image)


def draw_chart(chart: Chart) -> bytes:
    margin, gap, box_height = 64, 20, 104
    top = 64 + 64 * len(_wrap(chart.title, _font(48), WIDTH - 2 * margin))
    top += 40 * len(_wrap(chart.subtitle, _font(28), WIDTH - 2 * margin)) + 32
    height = top + len(chart.items) * (box_height + gap) + (110 if chart.footer else 50)
    image = PillowImage.new("RGB", (WIDTH, height), "#f5f7fa")
    draw = ImageDraw.Draw(image)
    y = _text(draw, (margin, 56), chart.title, 48, INK, WIDTH - 2 * margin, bold=True)
    _text(draw, (margin, y + 8), chart.subtitle, 28, MUTED, WIDTH - 2 * margin)
    y = top
    for number, (colour, label, note) in enumerate(chart.items, start=1):
        draw.rounded_rectangle((margin, y, WIDTH - margin, y + box_height), radius=14,
                               fill=PAPER, outline="#d9e2ec", width=2)  # fmt: skip
        if chart.numbered:
            draw.ellipse((margin + 24, y + 22, margin + 84, y + 82), fill=colour)
            label_font = _font(32)
            text = str(number)
            draw.text((margin + 54 - label_font.getlength(text) / 2, y + 34), text,
                      font=label_font, fill=PAPER)  # fmt: skip
        else:
            draw.rounded_rectangle((margin + 20, y + 16, margin + 92, y + box_height - 16),
                                   radius=6, fill=colour, outline="#9aa5b1", width=1)  # fmt: skip
        x = margin + 120
        draw.text((x, y + 18), label, font=_font(32), fill=INK, stroke_width=1,
                  stroke_fill=INK)  # fmt: skip
        draw.text((x, y + 60), note, font=_font(24), fill=MUTED)
        if chart.numbered and number < len(chart.items):
            cx = margin + 54
            draw.polygon([(cx - 10, y + box_height + 2), (cx + 10, y + box_height + 2),
                          (cx, y + box_height + gap - 2)], fill="#9aa5b1")  # fmt: skip
        y += box_height + gap
    if chart.footer:
        _text(draw, (margin, y + 12), chart.footer, 24, MUTED, WIDTH - 2 * margin)
    return _png(image)


def _shade(colour: str, amount: float) -> str:
    """``colour`` mixed with white by ``amount`` (0 keeps it, 1 is white)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mix = [round(c + (255 - c) * amount) for c in (r, g, b)]
    return "#{:02x}{:02x}{:02x}".format(*mix)


def draw(spec: DemoImage) -> bytes:
    if isinstance(spec.drawing, Cover):
        return draw_cover(spec.drawing)
    return draw_chart(spec.drawing)


# PDF ------------------------------------------------------------------------

_PAGE_WIDTH, _PAGE_HEIGHT, _MARGIN = 595, 842, 56
_STYLES = {  # kind: (font resource, size, leading, wrap width in characters)
    "title": ("F2", 17, 22, 52),
    "h": ("F2", 12.5, 18, 70),
    "p": ("F1", 10.5, 14.5, 86),
    "li": ("F1", 10.5, 14.5, 82),
}


def _pdf_string(text: str) -> str:
    data = text.encode("cp1252", errors="replace").decode("latin-1")
    return (
        "(" + data.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    )


def render_pdf(title: str, lines: tuple[tuple[str, str], ...]) -> bytes:
    """A plain A4 PDF in Helvetica: a title, then headings, paragraphs, bullets."""
    pages: list[list[str]] = [[]]
    y = _PAGE_HEIGHT - _MARGIN
    for kind, text in (("title", title), *lines):
        font, size, leading, chars = _STYLES[kind]
        wrapped = textwrap.wrap(text, chars) or [""]
        if kind == "h":
            y -= 8
        for index, line in enumerate(wrapped):
            if y - leading < _MARGIN:
                pages.append([])
                y = _PAGE_HEIGHT - _MARGIN
            y -= leading
            x = _MARGIN
            if kind == "li":
                x += 14
                if index == 0:
                    pages[-1].append(f"BT /F1 {size} Tf {_MARGIN + 2} {y} Td (-) Tj ET")
            pages[-1].append(
                f"BT /{font} {size} Tf {x} {y} Td {_pdf_string(line)} Tj ET"
            )
        y -= 4

    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",  # the page tree, once the page objects are numbered
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        "/Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        "/Encoding /WinAnsiEncoding >>",
        f"<< /Title {_pdf_string(title)} /Producer (SIKAP demo) >>",
    ]
    kids = []
    for content in pages:
        stream = "\n".join(content).encode("latin-1")
        objects.append(
            f"<< /Length {len(stream)} >>\nstream\n"
            + stream.decode("latin-1")
            + "\nendstream"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"

    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("latin-1")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("latin-1")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode("latin-1")
    return bytes(out)


# Storing ----------------------------------------------------------------------


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _up_to_date(record, digest: str) -> bool:
    return (
        record.file_hash == digest
        and bool(record.file.name)
        and record.file.storage.exists(record.file.name)
    )


def _forget_file(record) -> None:
    """Deletes the superseded file, so redrawing leaves no orphans in media/."""
    if record.file.name and record.file.storage.exists(record.file.name):
        record.file.storage.delete(record.file.name)


def ensure_image(spec: DemoImage, collection: Collection):
    """The image titled ``spec.title`` in the Demo collection, redrawn if it changed."""
    Image = get_image_model()
    data = draw(spec)
    digest = hashlib.sha1(data).hexdigest()  # what Wagtail stores as file_hash
    image = (
        Image.objects.filter(title=spec.title, collection=collection)
        .order_by("pk")
        .first()
    )
    if image is not None and _up_to_date(image, digest):
        return image
    if image is None:
        image = Image(title=spec.title, collection=collection)
    else:
        image.renditions.all().delete()  # they were cut from the old picture
        _forget_file(image)
    image.file = ImageFile(BytesIO(data), name=spec.filename)
    image.file_size, image.file_hash = len(data), digest
    image.save()
    return image


def ensure_document(spec: DemoDocument, collection: Collection):
    """The document titled ``spec.title`` in the Demo collection, rewritten if it changed."""
    Document = get_document_model()
    data = render_pdf(spec.title, spec.lines)
    digest = hashlib.sha1(data).hexdigest()
    document = (
        Document.objects.filter(title=spec.title, collection=collection)
        .order_by("pk")
        .first()
    )
    if document is not None and _up_to_date(document, digest):
        return document
    if document is None:
        document = Document(title=spec.title, collection=collection)
    else:
        _forget_file(document)
    document.file = ContentFile(data, name=spec.filename)
    document.file_size, document.file_hash = len(data), digest
    document.save()
    return document
