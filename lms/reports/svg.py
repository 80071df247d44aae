"""Building SVG safely: a chart is an ElementTree, never a string with holes.

Chart labels come from what people typed (kelurahan names, question titles), so
text reaches the SVG only as element text or attribute values, which ElementTree
escapes; the markup is marked safe only after it is serialised (docs/reports.md,
"Charts"). Characters that XML cannot carry (control characters) are dropped
first, so a stray one in a name cannot make a page's SVG unreadable.
"""

import itertools
import re
import xml.etree.ElementTree as ET

from django.utils.safestring import SafeString, mark_safe

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

_NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
# Charts without a given prefix are numbered, so two on one page never share ids.
_chart_numbers = itertools.count(1)


def xml_text(value: object) -> str:
    """``value`` as text XML can hold: control characters are dropped."""
    return _NOT_IN_XML.sub("", str(value))


def _coordinate(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _attributes(attributes: dict[str, object]) -> dict[str, str]:
    """Python keyword names as SVG attribute names: ``text_anchor`` is ``text-anchor``,
    ``class_`` is ``class``; numbers are rounded to two decimals; ``None`` is left out."""
    result = {}
    for name, value in attributes.items():
        if value is None:
            continue
        key = name.rstrip("_").replace("_", "-")
        if isinstance(value, int | float):
            result[key] = _coordinate(value)
        else:
            result[key] = xml_text(value)
    return result


def element(parent: ET.Element, tag: str, **attributes: object) -> ET.Element:
    """A child element of ``parent``."""
    return ET.SubElement(parent, tag, _attributes(attributes))


def text(
    parent: ET.Element, x: float, y: float, content: str, **attributes: object
) -> ET.Element:
    """A ``<text>`` at (``x``, ``y``), its content escaped when serialised."""
    node = element(parent, "text", x=x, y=y, **attributes)
    node.text = xml_text(content)
    return node


def text_lines(
    parent: ET.Element,
    x: float,
    y: float,
    lines: list[str],
    *,
    line_height: float,
    **attributes: object,
) -> ET.Element:
    """A ``<text>`` of several lines, the first with its baseline at ``y``."""
    node = element(parent, "text", x=x, y=y, **attributes)
    for index, line in enumerate(lines):
        span = element(node, "tspan", x=x, dy=line_height if index else 0)
        span.text = xml_text(line)
    return node


def tooltip(parent: ET.Element, content: str) -> ET.Element:
    """A ``<title>`` child: the full text of a shortened label, shown on hover."""
    node = ET.SubElement(parent, "title")
    node.text = xml_text(content)
    return node


def _checked_prefix(id_prefix: str | None) -> str:
    if id_prefix is None:
        return f"chart{next(_chart_numbers)}"
    if not _ID_PREFIX.match(id_prefix):
        raise ValueError(
            f"An id prefix is a letter followed by letters, digits, - or _: {id_prefix!r}"
        )
    return id_prefix


class SvgChart:
    """The root of one chart, named by its ``<title>`` and described by its ``<desc>``.

    ``role="img"`` makes assistive technology read the title and the description
    (the chart's text alternative) instead of the drawing's loose words. Every id
    starts with ``id_prefix`` (a number by default), so charts on one page never
    share one and each chart's references stay its own.
    """

    def __init__(
        self,
        *,
        width: float,
        title: str,
        description: str,
        id_prefix: str | None = None,
        **attributes: object,
    ):
        self.width = width
        self.id_prefix = _checked_prefix(id_prefix)
        self.root = ET.Element(
            "svg",
            _attributes(
                {
                    "xmlns": SVG_NAMESPACE,
                    "width": "100%",
                    "role": "img",
                    "aria_labelledby": f"{self.id('title')} {self.id('desc')}",
                    **attributes,
                }
            ),
        )
        element(self.root, "title", id=self.id("title")).text = xml_text(title)
        element(self.root, "desc", id=self.id("desc")).text = xml_text(description)

    def id(self, name: str) -> str:
        """This chart's id for ``name``."""
        return f"{self.id_prefix}-{name}"

    def render(self, *, height: float) -> SafeString:
        """The serialised SVG, ``height`` units tall; safe because ElementTree escaped it."""
        self.root.set("viewBox", f"0 0 {_coordinate(self.width)} {_coordinate(height)}")
        return mark_safe(ET.tostring(self.root, encoding="unicode"))  # noqa: S308
