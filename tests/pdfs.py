"""Reading generated PDFs back in tests, as a person or a screen reader would."""

import io
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader


def pdf_pages_text(pdf: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    """All the text of a PDF, pages joined by newlines."""
    return "\n".join(pdf_pages_text(pdf))


def decode_qr_codes(pdf: bytes, *, resolution: int = 150) -> list[str]:
    """The texts of every QR code in a PDF, page by page, as a phone camera reads them.

    Renders the pages with ``pdftoppm`` (poppler-utils) and decodes them with
    ``zbarimg`` (zbar-tools); both are installed by ``.ci/system-packages``.
    """
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(resolution), source, Path(folder) / "page"],
            check=True,
        )
        return decode_qr_images(sorted(Path(folder).glob("page*.png")))


def decode_qr_images(images: list[Path]) -> list[str]:
    """The texts of every QR code in the image files (PNG), with ``zbarimg``."""
    # zbarimg exits with 4 when an image holds no code at all: not an error here.
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", *images],
        capture_output=True,
        text=True,
    )
    if found.returncode not in (0, 4):
        raise RuntimeError(f"zbarimg failed: {found.stderr.strip()}")
    return [line for line in found.stdout.splitlines() if line]
