"""Short constructors for lesson body blocks, so the content files read like text.

Each returns one ``{"type": ..., "value": ...}`` item of a lesson's body in the
form ``LessonBodyBlock`` accepts. Images and documents are named by a key of
the module's ``IMAGES``/``DOCUMENTS``; the seeder swaps in the stored ids.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class ImageRef:
    key: str


@dataclass(frozen=True)
class DocumentRef:
    key: str


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def callout(kind: str, title: str, body: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "title": title, "body": body}}


def quote(text: str, attribution: str, role: str = "") -> dict:
    return {
        "type": "quote",
        "value": {"text": text, "attribution": attribution, "role": role},
    }


def image(key: str, alt_text: str, caption: str = "", credit: str = "") -> dict:
    return {
        "type": "image",
        "value": {
            "image": {
                "image": ImageRef(key),
                "decorative": False,
                "alt_text": alt_text,
            },
            "caption": caption,
            "credit": credit,
        },
    }


def video(url: str, title: str, duration: str = "", caption: str = "") -> dict:
    return {
        "type": "video",
        "value": {"url": url, "title": title, "duration": duration, "caption": caption},
    }


def document(key: str, title: str = "", description: str = "") -> dict:
    return {
        "type": "document",
        "value": {
            "document": DocumentRef(key),
            "title": title,
            "description": description,
        },
    }


def table(
    caption: str, rows: list[list[str]], first_col_is_header: bool = False
) -> dict:
    return {
        "type": "table",
        "value": {
            "data": rows,
            "first_row_is_table_header": True,
            "first_col_is_header": first_col_is_header,
            "table_caption": caption,
        },
    }


def timeline(title: str, stages: list[tuple]) -> dict:
    """``stages``: (start, end or None, title, description) with ISO dates."""
    return {
        "type": "timeline",
        "value": {
            "title": title,
            "stages": [
                {"start": start, "end": end, "title": name, "description": text}
                for start, end, name, text in stages
            ],
        },
    }


def steps(title: str, items: list[tuple[str, str]]) -> dict:
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [{"title": name, "body": body} for name, body in items],
        },
    }


def channel(name: str, purpose: str, contacts: list[tuple[str, str, str]]) -> dict:
    """``contacts``: (kind, number or address, label)."""
    return {
        "type": "complaint_channel",
        "value": {
            "name": name,
            "logo": None,
            "purpose": purpose,
            "contacts": [
                {"kind": kind, "value": value, "label": label}
                for kind, value, label in contacts
            ],
        },
    }


def faq(title: str, items: list[tuple[str, str]]) -> dict:
    return {
        "type": "faq",
        "value": {
            "title": title,
            "items": [{"question": q, "answer": a} for q, a in items],
        },
    }


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal(iso: str) -> str:
    """'2024-02-14' -> '14 Februari 2024'."""
    day = datetime.date.fromisoformat(iso)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def period(start: str, end: str | None) -> str:
    return tanggal(start) if not end else f"{tanggal(start)} – {tanggal(end)}"
