"""Labelled points on two axes: e.g. each question's difficulty against its
discrimination, with guide lines where the usual thresholds lie."""

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from lms.reports.chart_style import AXIS, FONT_SIZE, LINE_HEIGHT, MARGIN, WIDTH
from lms.reports.charts.frame import (
    TICK_LENGTH,
    no_data_chart,
    start_chart,
    x_axis_label,
    x_axis_ticks,
    y_axis_label,
    y_axis_ticks,
)
from lms.reports.charts.scatter_marks import Guide, Spot, draw_marks
from lms.reports.label_placement import Box
from lms.reports.scales import LinearScale, decimals_of, format_number, ticks_within
from lms.reports.svg import element
from lms.reports.text_layout import text_width

Point = tuple[str, float, float | None]


def _description(
    points: list[Point],
    guides: list[Guide],
    *,
    x_label: str,
    y_label: str,
    decimal_places: int,
) -> str:
    def number(value: float) -> str:
        return format_number(value, decimal_places)

    parts = [
        gettext("%(label)s: not enough data") % {"label": label}
        if y is None
        else gettext("%(label)s: %(x_label)s %(x)s, %(y_label)s %(y)s")
        % {
            "label": label,
            "x_label": x_label,
            "x": number(x),
            "y_label": y_label,
            "y": number(y),
        }
        for label, x, y in points
    ]
    description = "; ".join(parts) + "."
    if guides:
        axis_names = {"x": x_label, "y": y_label}
        lines = ", ".join(
            f"{axis_names[guide.axis]} = {number(guide.value)} ({guide.label})"
            for guide in guides
        )
        description += " " + gettext("Guide lines: %(guides)s.") % {"guides": lines}
    return description


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return min(max(value, bounds[0]), bounds[1])


def scatter(
    points: list[Point],
    *,
    title: str,
    x_label: str,
    y_label: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    guides: tuple[Guide, ...] | list[Guide] = (),
    decimal_places: int = 2,
    id_prefix: str | None = None,
) -> SafeString:
    """Each point drawn and labelled where its x and y put it.

    Points without a y (too few answers to tell) are not drawn; the description
    lists them as "not enough data". Points on one spot share a marker and a
    label ("S3, S7"). Points outside the ranges sit on the plot's edge; the
    description gives their true values.
    """
    if all(y is None for _, _, y in points):
        return no_data_chart(title=title, id_prefix=id_prefix)
    guides = list(guides)
    description = _description(
        points, guides, x_label=x_label, y_label=y_label, decimal_places=decimal_places
    )
    chart, top = start_chart(title=title, description=description, id_prefix=id_prefix)

    y_ticks = ticks_within(*y_range, max_ticks=6)
    y_tick_labels = [format_number(value, decimals_of(y_ticks)) for value in y_ticks]
    left = (
        MARGIN
        + 1.6 * FONT_SIZE
        + max(text_width(label, FONT_SIZE) for label in y_tick_labels)
        + TICK_LENGTH
        + 2
    )
    right = WIDTH - MARGIN - FONT_SIZE
    plot = Box(left, top + LINE_HEIGHT / 2, right, top + LINE_HEIGHT / 2 + right - left)
    x_scale = LinearScale(*x_range, plot.left, plot.right)
    y_scale = LinearScale(*y_range, plot.bottom, plot.top)

    y_axis_ticks(
        chart.root,
        [
            (y_scale(value), label)
            for value, label in zip(y_ticks, y_tick_labels, strict=True)
        ],
        left=plot.left,
        right=plot.right,
    )
    x_ticks = ticks_within(*x_range, max_ticks=int((right - left) // (3 * FONT_SIZE)))
    ticks_bottom = x_axis_ticks(
        chart.root,
        [
            (x_scale(value), format_number(value, decimals_of(x_ticks)))
            for value in x_ticks
        ],
        top=plot.top,
        bottom=plot.bottom,
    )
    element(
        chart.root,
        "rect",
        x=plot.left,
        y=plot.top,
        width=plot.right - plot.left,
        height=plot.bottom - plot.top,
        fill="none",
        stroke=AXIS,
    )

    # Points on one spot (two questions everyone answered right) share a marker.
    spots: dict[Spot, list[str]] = {}
    for label, x, y in points:
        if y is not None:
            spot = (
                round(x_scale(_clamp(x, x_range)), 1),
                round(y_scale(_clamp(y, y_range)), 1),
            )
            spots.setdefault(spot, []).append(label)
    draw_marks(chart.root, spots, guides, plot=plot, x_scale=x_scale, y_scale=y_scale)

    bottom = x_axis_label(
        chart.root, x_label, centre=(plot.left + plot.right) / 2, top=ticks_bottom
    )
    y_axis_label(
        chart.root,
        y_label,
        centre=(plot.top + plot.bottom) / 2,
        length=plot.bottom - plot.top,
    )
    return chart.render(height=bottom + MARGIN)
