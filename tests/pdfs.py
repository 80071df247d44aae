"""Reading generated PDFs back in tests, as a person or a screen reader would."""

import io

from pypdf import PdfReader


def pdf_pages_text(pdf: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    """All the text of a PDF, pages joined by newlines."""
    return "\n".join(pdf_pages_text(pdf))
