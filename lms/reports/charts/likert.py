"""Answers on an agreement scale as stacked bars: one bar per question, its
levels side by side from "strongly disagree" on the left to "strongly agree"
on the right, each as its share of the question's answers.

On a phone's width a question's text does not fit beside its bar, so it is
written above it. The disagreeing levels are hatched and the agreeing ones
solid, so the chart reads in black and white too; every level is named in the
legend and each bar's numbers are in its hover title and in the description.
"""

from collections.abc import Sequence
from fractions import Fraction

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from lms.reports.chart_style import (
    AXIS,
    FONT_SIZE,
    GOLD,
    HALF_CAP,
    LINE_HEIGHT,
    MARGIN,
    NAVY,
    TEXT,
    TEXT_SECONDARY,
    WHITE,
    WIDTH,
)
from lms.reports.charts.frame import (
    legend,
    no_data_chart,
    start_chart,
    x_axis_label,
    x_axis_ticks,
)
from lms.reports.scales import LinearScale, format_number
from lms.reports.svg import SvgChart, element, text, text_lines, tooltip
from lms.reports.text_layout import text_width, wrap

# Copied from static/css/site.css, as chart_style's colours are.
RED = "#b42318"  # --color-error
RED_DARK = "#8f1d14"  # --color-tag-red-text
RED_TINT = "#fbd8d4"  # --color-tag-red-bg
GREY_TINT = "#e3e7ec"  # --color-tag-grey-bg

BAR_HEIGHT = 22
ROW_GAP = 12
LABEL_GAP = 4


def _hatching(chart: SvgChart, name: str, *, ground: str, lines: str, d: str) -> str:
    """Diagonal lines of colour ``lines`` on ``ground``, as a fill."""
    pattern = element(
        element(chart.root, "defs"),
        "pattern",
        id=chart.id(name),
        patternUnits="userSpaceOnUse",
        width=6,
        height=6,
    )
    element(pattern, "rect", width=6, height=6, fill=ground)
    element(pattern, "path", d=d, stroke=lines, stroke_width=1.6)
    return f"url(#{chart.id(name)})"


def _level_styles(chart: SvgChart) -> list[tuple[dict, str, str]]:
    """(fill and outline, text colour, text halo) for levels 1 to 5."""
    rising = "M0,6 L6,0 M-1.5,1.5 L1.5,-1.5 M4.5,7.5 L7.5,4.5"
    falling = "M0,0 L6,6 M4.5,-1.5 L7.5,1.5 M-1.5,4.5 L1.5,7.5"
    return [
        (
            {"fill": _hatching(chart, "level1", ground=RED, lines=WHITE, d=rising)},
            WHITE,
            RED,
        ),
        (
            {"fill": _hatching(chart, "level2", ground=RED_TINT, lines=RED, d=falling)},
            RED_DARK,
            RED_TINT,
        ),
        ({"fill": GREY_TINT}, TEXT, GREY_TINT),
        ({"fill": GOLD}, TEXT, GOLD),
        ({"fill": NAVY}, WHITE, NAVY),
    ]


def _row_text(label: str, counts: Sequence[int], levels: Sequence[str]) -> str:
    if not sum(counts):
        return f"{label}: {gettext('not enough data')}."
    answers = ", ".join(
        f"{level} {count}" for level, count in zip(levels, counts, strict=True)
    )
    return f"{label} (n = {sum(counts)}): {answers}."


def likert_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    levels: Sequence[str],
    title: str,
    id_prefix: str | None = None,
) -> SafeString:
    """One stacked bar per ``(label, counts)``, ``counts`` giving how many chose
    each of ``levels`` (five, lowest first). A row nobody answered says "not
    enough data"; a chart without any answer says so instead of drawing axes.
    """
    if not any(sum(counts) for _label, counts in rows):
        return no_data_chart(title=title, id_prefix=id_prefix)
    description = " ".join(_row_text(label, c, levels) for label, c in rows)
    chart, top = start_chart(title=title, description=description, id_prefix=id_prefix)
    styles = _level_styles(chart)
    legend_bottom = legend(
        chart.root,
        [
            (level, {**fill, "stroke": AXIS})
            for level, (fill, _, _) in zip(levels, styles, strict=True)
        ],
        top=top,
    )
    # Room for the axis's "0%" and "100%" centred under the bars' ends.
    left = MARGIN + text_width("0%", FONT_SIZE) / 2
    right = WIDTH - MARGIN - text_width("100%", FONT_SIZE) / 2
    scale = LinearScale(0, 1, left, right)
    row_top = legend_bottom + LINE_HEIGHT / 2
    no_data = gettext("not enough data")
    for label, counts in rows:
        n = sum(counts)
        group = element(chart.root, "g", class_="row")
        tooltip(group, _row_text(label, counts, levels))
        lines = wrap(
            f"{label} (n = {n})",
            width=WIDTH - 2 * MARGIN,
            font_size=FONT_SIZE,
            max_lines=2,
        )
        text_lines(
            group,
            MARGIN,
            row_top + FONT_SIZE,
            lines,
            line_height=LINE_HEIGHT,
            class_="row-label",
        )
        bar_top = row_top + len(lines) * LINE_HEIGHT + LABEL_GAP
        baseline = bar_top + BAR_HEIGHT / 2 + HALF_CAP * FONT_SIZE
        if not n:
            text(group, left, baseline, no_data, fill=TEXT_SECONDARY,
                 font_style="italic", class_="no-data")  # fmt: skip
        start = Fraction(0)
        for level, count, (fill, ink, halo) in zip(levels, counts, styles, strict=True):
            if not count:
                continue
            share = Fraction(count, n)
            x, end = scale(start), scale(start + share)
            segment = element(group, "g", class_="segment")
            percent = format_number(100 * share.numerator / share.denominator, 0)
            tooltip(segment, f"{level}: {count} ({percent}%)")
            element(segment, "rect", x=x, y=bar_top, width=end - x,
                    height=BAR_HEIGHT, stroke=WHITE, stroke_width=1, **fill)  # fmt: skip
            if end - x >= text_width(str(count), FONT_SIZE) + 6:
                text(segment, (x + end) / 2, baseline, str(count), fill=ink,
                     stroke=halo, stroke_width=3, paint_order="stroke",
                     text_anchor="middle", font_weight="bold")  # fmt: skip
            start += share
        row_top = bar_top + BAR_HEIGHT + ROW_GAP
    plot_bottom = row_top - ROW_GAP + 2
    ticks_bottom = x_axis_ticks(
        chart.root,
        [
            (scale(Fraction(percent, 100)), f"{percent}%" if percent % 50 == 0 else "")
            for percent in range(0, 101, 25)
        ],
        top=plot_bottom,
        bottom=plot_bottom,
    )
    bottom = x_axis_label(
        chart.root,
        gettext("Share of the answers"),
        centre=(left + right) / 2,
        top=ticks_bottom,
    )
    return chart.render(height=bottom + MARGIN)
