"""The event summary's learning gain: the event's figures, the same by group, and
the charts of the learning gain page (docs/reports.md, "Learning gain").

The statistics are ``lms.reports.gain``'s and the charts ``lms.reports.charts``';
this only feeds them the results rows. The fields match what the learning gain
page's template reads (``summary``, ``distribution``, ``groups``).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lms.reports.charts import bar_chart, score_distribution
from lms.reports.gain import (
    GainSummary,
    GroupGain,
    ScorePair,
    gain_by_group,
    summarise_gain,
)
from lms.reports.results import ResultRow
from lms.reports.summary_groups import GROUPINGS


@dataclass(frozen=True)
class GainTable:
    """One grouping's gains and its bar chart of the mean gain."""

    slug: str
    title: str
    gains: list[GroupGain]
    chart: SafeString


@dataclass(frozen=True)
class GainSection:
    summary: GainSummary
    distribution: SafeString
    groups: tuple[GainTable, ...]


def gain_section(rows: Sequence[ResultRow]) -> GainSection:
    """The event's gain, the scores before and after, and one table per grouping."""
    pairs = [ScorePair(r.participant.pk, r.pre_test, r.post_test) for r in rows]
    who = {r.participant.pk: r.participant for r in rows}
    groups = []
    for grouping in GROUPINGS:
        title = str(grouping.title)
        gains = gain_by_group(pairs, lambda pk, g=grouping: g.group_of(who[pk]))
        chart = bar_chart(
            [(gain.label, gain.summary.mean_gain) for gain in gains],
            title=_("Mean gain, %(grouping)s") % {"grouping": title.lower()},
            value_label=_("Mean gain (points)"),
            id_prefix=f"gain-{grouping.slug}",
        )
        groups.append(GainTable(grouping.slug, title, gains, chart))
    return GainSection(
        summary=summarise_gain(pairs),
        distribution=score_distribution(
            [r.pre_test for r in rows if r.pre_test is not None],
            [r.post_test for r in rows if r.post_test is not None],
            title=_("Scores before and after"),
            id_prefix="scores",
        ),
        groups=tuple(groups),
    )
