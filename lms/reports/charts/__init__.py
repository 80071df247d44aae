"""Charts for organisers' reports: server-side SVG, printable in black and white,
readable on a phone, with a text alternative (docs/reports.md, "Charts")."""

from lms.reports.charts.bars import bar_chart
from lms.reports.charts.distribution import score_distribution
from lms.reports.charts.scatter import Guide, scatter

__all__ = ["Guide", "bar_chart", "scatter", "score_distribution"]
