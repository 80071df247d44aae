"""Turning imported texts into what the engine stores: safe HTML or plain text.

Every piece of HTML from a file passes ``lms.core.sanitize.clean_html``; plain
fields lose any markup (we never guess that ``<b>`` in a typed answer was
meant as bold) and have their whitespace collapsed, as the quiz shows them
on one line.
"""

import html
import re
from html.parser import HTMLParser

from django.utils.translation import gettext as _

from lms.core.sanitize import clean_html
from quizzes.qbank.errors import QbankError

# Sanitising deeply nested HTML grows faster than its length; no real
# question text comes near this.
MAX_TEXT_CHARS = 10_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCK_START = re.compile(r"^\s*<(p|ul|ol|h[2-4]|blockquote|table|pre|hr)\b", re.I)


def _check_length(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        raise QbankError(
            _("A text is longer than %(limit)s characters.") % {"limit": MAX_TEXT_CHARS}
        )
    return text


def plain(text: str) -> str:
    """One line of plain text: control characters gone, whitespace collapsed."""
    _check_length(text)
    return " ".join(_CONTROL.sub("", text).split())


def safe_html(text: str) -> str:
    """Sanitised HTML, wrapped in a paragraph when it is bare inline content, so
    that the same text read twice (export, then import) comes out the same."""
    # Line breaks in HTML source are only spaces; as spaces, a text survives
    # formats (GIFT) where a blank line ends the question.
    text = re.sub(r"\s*\n\s*", " ", _CONTROL.sub("", _check_length(text)))
    cleaned = clean_html(text).strip()
    if cleaned and not _BLOCK_START.match(cleaned):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def plain_to_html(text: str) -> str:
    """Plain text as HTML: escaped, paragraphs at blank lines, line breaks kept."""
    paragraphs = [
        p.strip() for p in re.split(r"\n\s*\n", _check_length(text)) if p.strip()
    ]
    lines = (
        "<br>".join(html.escape(line.strip(), quote=False) for line in p.splitlines())
        for p in paragraphs
    )
    return "".join(f"<p>{paragraph}</p>" for paragraph in lines)


# Bounded spans: a line full of unmatched asterisks costs linear time, not quadratic.
_STRONG = re.compile(r"\*\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![*\w])")


def markdown_to_html(text: str) -> str:
    """The part of Markdown question authors use (bold, italic, paragraphs),
    without a Markdown library: anything else stays as literal text."""
    converted = plain_to_html(text)
    converted = _STRONG.sub(r"<strong>\1</strong>", converted)
    return safe_html(_EMPHASIS.sub(r"<em>\1</em>", converted))


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "p", "li", "div"):
            self.parts.append(" ")


def html_to_text(text: str) -> str:
    """The words of an HTML fragment as plain text (tags dropped, entities read)."""
    _check_length(text)
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    return plain("".join(collector.parts))
