"""The two ways the event summary breaks participants down: by institution type and
by kelurahan (docs/reports.md, "Event summary (PDF)").

The attendance tables and the learning gain tables use the same groupings, in the
same order as ``lms.reports.gain.gain_by_group`` sorts them, so a group sits on
the same line of both.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User


@dataclass(frozen=True)
class Grouping:
    """A way to group participants; ``group_of`` gives None for "no known group"."""

    slug: str
    title: str
    group_of: Callable[[User], str | None]


def _institution(participant: User) -> str | None:
    return participant.get_institution_type_display() or None


def _kelurahan(participant: User) -> str | None:
    return participant.kelurahan or None


GROUPINGS = (
    Grouping("institution", _("By institution"), _institution),
    Grouping("kelurahan", _("By kelurahan"), _kelurahan),
)


def group_order(name: str | None) -> tuple:
    """Sort key of ``gain_by_group``: by name regardless of case, the unknown group last."""
    return (name is None, (name or "").casefold(), name or "")
