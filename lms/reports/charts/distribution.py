"""Pre-test and post-test scores side by side, in ten bins of ten points."""

from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from lms.reports.chart_style import (
    FONT_SIZE,
    GOLD,
    LINE_HEIGHT,
    MARGIN,
    NAVY,
    NAVY_DARKEST,
    WHITE,
    WIDTH,
)
from lms.reports.charts.frame import (
    TICK_LENGTH,
    legend,
    no_data_chart,
    start_chart,
    x_axis_label,
    x_axis_ticks,
    y_axis_label,
    y_axis_ticks,
)
from lms.reports.scales import LinearScale, count_ticks
from lms.reports.svg import SvgChart, element, tooltip
from lms.reports.text_layout import text_width

PLOT_HEIGHT = 190
BAR_GAP = 2.5


# The last bin also holds a perfect score.
BIN_LABELS = tuple(f"{low}–{low + 9}" for low in range(0, 90, 10)) + ("90–100",)


def score_bins(scores: list[Decimal]) -> list[int]:
    """How many of ``scores`` (0 to 100) fall in each bin of ``BIN_LABELS``."""
    counts = [0] * len(BIN_LABELS)
    for score in scores:
        if not 0 <= score <= 100:
            raise ValueError(f"A score is between 0 and 100, not {score}")
        counts[min(int(score // 10), len(BIN_LABELS) - 1)] += 1
    return counts


def _scored(count: int, score_range: str) -> str:
    return ngettext(
        "%(count)d participant scored %(range)s",
        "%(count)d participants scored %(range)s",
        count,
    ) % {"count": count, "range": score_range}


def _series_description(series: str, counts: list[int]) -> str:
    if not any(counts):
        return gettext("%(series)s: no scores.") % {"series": series}
    parts = [
        _scored(count, score_range)
        for count, score_range in zip(counts, BIN_LABELS, strict=True)
        if count
    ]
    return f"{series}: {', '.join(parts)}."


def _add_hatching(chart: SvgChart) -> str:
    """Navy diagonal lines on white: the pre-test's fill, told apart in grey print."""
    pattern = element(
        element(chart.root, "defs"),
        "pattern",
        id=chart.id("hatch"),
        patternUnits="userSpaceOnUse",
        width=6,
        height=6,
    )
    element(pattern, "rect", width=6, height=6, fill=WHITE)
    element(
        pattern,
        "path",
        d="M0,6 L6,0 M-1.5,1.5 L1.5,-1.5 M4.5,7.5 L7.5,4.5",
        stroke=NAVY,
        stroke_width=1.6,
    )
    return f"url(#{chart.id('hatch')})"


def score_distribution(
    pre: list[Decimal],
    post: list[Decimal],
    *,
    title: str,
    id_prefix: str | None = None,
) -> SafeString:
    """A histogram of pre-test and post-test scores (0 to 100) in ten bins.

    The y axis counts participants in whole numbers; 100 falls in the last bin.
    """
    if not pre and not post:
        return no_data_chart(title=title, id_prefix=id_prefix)
    series = [
        ("pre-test", gettext("Pre-test"), score_bins(pre), len(pre)),
        ("post-test", gettext("Post-test"), score_bins(post), len(post)),
    ]
    description = " ".join(
        _series_description(name, counts) for _, name, counts, _ in series
    )
    chart, top = start_chart(title=title, description=description, id_prefix=id_prefix)
    styles = [
        {"fill": _add_hatching(chart), "stroke": NAVY, "stroke_width": 1.2},
        {"fill": GOLD, "stroke": NAVY_DARKEST, "stroke_width": 1.2},
    ]
    legend_bottom = legend(
        chart.root,
        [
            (f"{name} (n = {size})", style)
            for (_, name, _, size), style in zip(series, styles, strict=True)
        ],
        top=top,
    )
    y_values = count_ticks(max(max(counts) for _, _, counts, _ in series), max_ticks=5)
    plot_top = legend_bottom + LINE_HEIGHT
    plot_bottom = plot_top + PLOT_HEIGHT
    left = (
        MARGIN
        + FONT_SIZE * 1.6
        + text_width(str(y_values[-1]), FONT_SIZE)
        + TICK_LENGTH
        + 2
    )
    right = WIDTH - MARGIN - text_width("100", FONT_SIZE) / 2
    x_scale = LinearScale(0, 100, left, right)
    y_scale = LinearScale(0, y_values[-1], plot_bottom, plot_top)

    y_axis_ticks(
        chart.root,
        [(y_scale(value), str(value)) for value in y_values],
        left=left,
        right=right,
    )
    bar_width = (x_scale(10) - x_scale(0) - 3 * BAR_GAP) / 2
    for index, (key, name, counts, _) in enumerate(series):
        bars = element(chart.root, "g", class_=f"bars {key}")
        for bin_index, (count, score_range) in enumerate(
            zip(counts, BIN_LABELS, strict=True)
        ):
            if not count:
                continue
            bar = element(
                bars,
                "rect",
                x=x_scale(bin_index * 10) + BAR_GAP + index * (bar_width + BAR_GAP),
                y=y_scale(count),
                width=bar_width,
                height=plot_bottom - y_scale(count),
                **styles[index],
            )
            tooltip(bar, f"{name}: {_scored(count, score_range)}")
    element(
        chart.root,
        "line",
        x1=left,
        x2=right,
        y1=plot_bottom,
        y2=plot_bottom,
        stroke=NAVY_DARKEST,
    )
    ticks_bottom = x_axis_ticks(
        chart.root,
        # Every bin edge is marked; every other one is labelled, as a phone's
        # width has no room for eleven numbers side by side.
        [
            (x_scale(value), str(value) if value % 20 == 0 else "")
            for value in range(0, 101, 10)
        ],
        top=plot_bottom,
        bottom=plot_bottom,
    )
    bottom = x_axis_label(
        chart.root,
        gettext("Score (0–100)"),
        centre=(left + right) / 2,
        top=ticks_bottom,
    )
    y_axis_label(
        chart.root,
        gettext("Participants"),
        centre=(plot_top + plot_bottom) / 2,
        length=PLOT_HEIGHT,
    )
    return chart.render(height=bottom + MARGIN)
