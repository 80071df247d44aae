"""QR codes as inline SVG, for pages and PDFs alike (segno: pure Python)."""

import segno


def qr_svg_data_uri(text: str, *, scale: int = 8) -> str:
    """A ``data:`` URI of ``text`` as a QR code, dark on white with a quiet zone.

    Error correction "M" survives a crease in a printed slip or glare on a hall
    screen while keeping the code small enough for a phone camera at a distance.
    """
    return segno.make(text, error="m", micro=False).svg_data_uri(scale=scale)
