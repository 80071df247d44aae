"""Colours, type and size of the report charts, copied from ``static/css/site.css``.

Literal values, not CSS variables: a chart must look the same inline on a page,
saved as a file, printed and inside a PDF, and neither PDFs nor stand-alone SVG
files read the site's stylesheet. Series differ by pattern as well as colour
and every colour is named in words in a legend, so a chart survives
black-and-white printing (docs/reports.md, "Charts").
"""

NAVY = "#12386b"  # --color-brand
NAVY_DARKEST = "#081d3b"  # --color-brand-darker
GOLD = "#f2b134"  # --color-accent: fills only, never text on white
TEXT = "#1a1f26"  # --color-text
TEXT_SECONDARY = "#4a5563"  # --color-text-secondary
GRID = "#c9d0d9"  # --color-border: decorative
AXIS = "#6b7785"  # --color-border-strong: lines that carry meaning
WHITE = "#ffffff"

FONT_FAMILY = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", '
    '"Helvetica Neue", Arial, sans-serif'
)

# A 360-unit-wide drawing fills a phone's column at about 0.9 px a unit, so
# 15-unit text reads at 13-14 px there. The drawing grows with its column up to
# MAX_WIDTH, where the text is the size of the page's body text.
WIDTH = 360
MAX_WIDTH = "30rem"
FONT_SIZE = 15
LABEL_SIZE = 13  # labels among a plot's points, where room is short
TITLE_SIZE = 17
LINE_HEIGHT = 1.25 * FONT_SIZE
# From the middle of a line of text to its baseline, and from a baseline to the
# bottom of the letters, in ems: for placing text without font metrics.
HALF_CAP = 0.35
DESCENT = 0.3
MARGIN = 10


def root_attributes() -> dict[str, object]:
    """What every chart's ``<svg>`` carries: its type, and its largest width."""
    return {
        "class_": "report-chart",
        "style": f"max-width: {MAX_WIDTH}; height: auto",
        "font_family": FONT_FAMILY,
        "font_size": FONT_SIZE,
        "fill": TEXT,
    }
