"""QR codes as inline images, for pages and PDFs alike (segno: pure Python).

Error correction "M" survives a crease in a printed slip or glare on a hall
screen while keeping the code small enough for a phone camera at a distance.
"""

import base64
import io

import segno


def _qr(text: str) -> segno.QRCode:
    return segno.make(text, error="m", micro=False)


def qr_svg_data_uri(text: str, *, scale: int = 8) -> str:
    """A ``data:`` URI of ``text`` as an SVG QR code, dark on white with a quiet zone."""
    return _qr(text).svg_data_uri(scale=scale)


def qr_png_data_uri(text: str, *, scale: int = 4) -> str:
    """A ``data:`` URI of ``text`` as a small 1-bit PNG QR code, ``scale`` pixels a module.

    For PDFs printed in bulk: WeasyPrint embeds an image as it is, while it
    parses and draws an SVG path segment by segment on every render. Show it with
    ``image-rendering: pixelated`` so the modules keep sharp edges. Four pixels
    a module: with one or two, poppler's scaling blurred or uneven modules so
    that the code no longer scanned at some resolutions; at 22 mm wide four
    scan from 110 to 320 dpi and at 600 dpi (``docs/benchmarks.md``).
    """
    png = io.BytesIO()
    _qr(text).save(png, kind="png", scale=scale, border=4)
    return "data:image/png;base64," + base64.b64encode(png.getvalue()).decode("ascii")
