"""One value per row as horizontal bars: e.g. the mean gain per kelurahan."""

from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from lms.reports.chart_style import (
    FONT_SIZE,
    HALF_CAP,
    LINE_HEIGHT,
    MARGIN,
    NAVY,
    NAVY_DARKEST,
    TEXT_SECONDARY,
    WIDTH,
)
from lms.reports.charts.frame import (
    no_data_chart,
    start_chart,
    x_axis_label,
    x_axis_ticks,
)
from lms.reports.scales import LinearScale, decimals_of, format_number, ticks_within
from lms.reports.svg import element, text, text_lines, tooltip
from lms.reports.text_layout import text_width, wrap

LABEL_WIDTH = 130
BAR_HEIGHT = 16
ROW_PADDING = 8
COLUMN_GAP = 8


def _value_text(value: Decimal, decimal_places: int, unit: str) -> str:
    return format_number(value, decimal_places) + unit


def bar_chart(
    rows: list[tuple[str, Decimal | None]],
    *,
    title: str,
    value_label: str,
    unit: str = "",
    decimal_places: int = 1,
    id_prefix: str | None = None,
) -> SafeString:
    """Horizontal bars from a zero line, negative values to its left.

    Each bar's value is written in a column on the right, followed by ``unit``
    as given (``"%"``, or ``" pts"`` with its space). A row whose value is
    ``None`` says "not enough data". Labels wrap onto two lines and are then
    shortened; the full label stays in the row's ``<title>`` and the description.
    """
    known = [value for _, value in rows if value is not None]
    if not known:
        return no_data_chart(title=title, id_prefix=id_prefix)
    no_data = gettext("not enough data")
    shown = [
        (label, no_data if value is None else _value_text(value, decimal_places, unit))
        for label, value in rows
    ]
    rows_text = "; ".join(f"{label}: {value}" for label, value in shown)
    description = f"{value_label}: {rows_text}."
    chart, top = start_chart(title=title, description=description, id_prefix=id_prefix)

    value_column = max(
        text_width(_value_text(value, decimal_places, unit), FONT_SIZE)
        for value in known
    )
    bars_left = MARGIN + LABEL_WIDTH + COLUMN_GAP
    bars_right = WIDTH - MARGIN - value_column - COLUMN_GAP
    low, high = min(0.0, *map(float, known)), max(0.0, *map(float, known))
    if low == high:
        high = 1.0
    tick_values = ticks_within(
        low, high, max_ticks=max(2, int((bars_right - bars_left) // (2.5 * FONT_SIZE)))
    )
    scale = LinearScale(low, high, bars_left, bars_right)
    zero = scale(0)

    label_lines = [
        wrap(label, width=LABEL_WIDTH, font_size=FONT_SIZE, max_lines=2)
        for label, _ in rows
    ]
    heights = [
        max(BAR_HEIGHT, len(lines) * LINE_HEIGHT) + ROW_PADDING for lines in label_lines
    ]
    plot_top = top + ROW_PADDING
    plot_bottom = plot_top + sum(heights)
    decimals = decimals_of(tick_values)
    ticks_bottom = x_axis_ticks(
        chart.root,
        [(scale(value), format_number(value, decimals)) for value in tick_values],
        top=plot_top,
        bottom=plot_bottom,
    )

    row_top = plot_top
    for (label, value), (_, value_text), lines, height in zip(
        rows, shown, label_lines, heights, strict=True
    ):
        middle = row_top + height / 2
        baseline = middle + HALF_CAP * FONT_SIZE
        row = element(chart.root, "g", class_="row")
        tooltip(row, f"{label}: {value_text}")
        text_lines(
            row,
            MARGIN,
            baseline - (len(lines) - 1) * LINE_HEIGHT / 2,
            lines,
            line_height=LINE_HEIGHT,
            class_="row-label",
        )
        if value is None:
            text(
                row,
                bars_left + 4,
                baseline,
                no_data,
                fill=TEXT_SECONDARY,
                font_style="italic",
                class_="no-data",
            )
        else:
            end = scale(value)
            element(
                row,
                "rect",
                x=min(zero, end),
                y=middle - BAR_HEIGHT / 2,
                width=abs(end - zero),
                height=BAR_HEIGHT,
                fill=NAVY,
                class_="bar",
            )
            text(
                row,
                WIDTH - MARGIN,
                baseline,
                value_text,
                text_anchor="end",
                class_="value",
            )
        row_top += height
    element(
        chart.root,
        "line",
        x1=zero,
        x2=zero,
        y1=plot_top,
        y2=plot_bottom,
        stroke=NAVY_DARKEST,
        stroke_width=1.5,
        class_="zero-line",
    )
    bottom = x_axis_label(
        chart.root, value_label, centre=(bars_left + bars_right) / 2, top=ticks_bottom
    )
    return chart.render(height=bottom + MARGIN)
