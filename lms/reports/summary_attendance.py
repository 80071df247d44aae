"""The event summary's attendance: how many enrolled, came and completed, in all
and by group (docs/reports.md, "Event summary (PDF)").

Counted from the results rows, which judge from the same facts as the event's
hub (``lms.events.standings``), so the summary and the hub never disagree.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.reports.results import ResultRow
from lms.reports.summary_groups import GROUPINGS, group_order


@dataclass(frozen=True)
class AttendanceCounts:
    enrolled: int
    present: int
    complete: int

    @classmethod
    def of(cls, rows: Sequence[ResultRow]) -> "AttendanceCounts":
        return cls(
            enrolled=len(rows),
            present=sum(1 for row in rows if row.checked_in_at is not None),
            complete=sum(1 for row in rows if row.complete),
        )


@dataclass(frozen=True)
class GroupAttendance:
    """One group's counts; ``group`` is None for participants of no known group."""

    group: str | None
    counts: AttendanceCounts

    @property
    def label(self) -> str:
        return _("Unknown") if self.group is None else self.group


@dataclass(frozen=True)
class AttendanceTable:
    slug: str
    title: str
    groups: tuple[GroupAttendance, ...]


@dataclass(frozen=True)
class AttendanceSection:
    counts: AttendanceCounts
    tables: tuple[AttendanceTable, ...]


def attendance_section(rows: Sequence[ResultRow]) -> AttendanceSection:
    """The counts for the whole event, then one table per grouping."""
    tables = []
    for grouping in GROUPINGS:
        members: dict[str | None, list[ResultRow]] = {}
        for row in rows:
            members.setdefault(grouping.group_of(row.participant), []).append(row)
        tables.append(
            AttendanceTable(
                slug=grouping.slug,
                title=str(grouping.title),
                groups=tuple(
                    GroupAttendance(name, AttendanceCounts.of(members[name]))
                    for name in sorted(members, key=group_order)
                ),
            )
        )
    return AttendanceSection(counts=AttendanceCounts.of(rows), tables=tuple(tables))
