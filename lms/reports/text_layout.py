"""Fitting words into a drawing without font metrics.

The server cannot measure text in the reader's font, so widths are estimated
from an average character width that errs on the wide side for the system
sans-serif fonts the site uses (``static/css/site.css``): a label estimated to
fit does fit, and a label that does not is wrapped or shortened, its full text
kept elsewhere (a ``<title>`` and the chart's description).
"""

import textwrap

AVERAGE_CHAR_WIDTH = 0.6  # in ems
ELLIPSIS = "…"


def text_width(text: str, font_size: float) -> float:
    """The estimated width of ``text`` at ``font_size``, in drawing units."""
    return len(text) * font_size * AVERAGE_CHAR_WIDTH


def wrap(text: str, *, width: float, font_size: float, max_lines: int) -> list[str]:
    """``text`` in lines that fit ``width``; past ``max_lines`` the last line ends in "…"."""
    chars = max(2, int(width / (font_size * AVERAGE_CHAR_WIDTH)))
    lines = textwrap.wrap(" ".join(text.split()), chars) or [""]
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: chars - 1].rstrip(" ,;:") + ELLIPSIS
    return kept
