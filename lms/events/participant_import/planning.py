"""What confirming an import would do to each row, decided against the database.

The preview shows every row as a new account, an update (and of what), no
change, or an error; saving plans again inside its transaction, so the preview
and the import follow one set of rules and what is written is decided on the
accounts as they are at that moment. A re-import matches accounts by the
normalised phone, which is why running the same file twice changes nothing.
"""

from dataclasses import dataclass, field, replace

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.accounts.participant_accounts import with_protection
from lms.core.reference import KELURAHAN_BY_KECAMATAN
from lms.events.models import Enrolment, EventPage
from lms.events.participant_import.messages import RowError
from lms.events.participant_import.preview import (
    ImportPreview,
    ParticipantRow,
    RowResult,
)

# The profile an import writes; blank cells never erase what an account holds.
PROFILE_FIELDS = (
    "full_name",
    "institution_type",
    "position",
    "rt",
    "rw",
    "kecamatan",
    "kelurahan",
)


class RowStatus(models.TextChoices):
    NEW = "new", _("New account")
    UPDATE = "update", _("Update")
    UNCHANGED = "unchanged", _("No change")
    ERROR = "error", _("Error")


@dataclass(frozen=True)
class PlannedRow:
    """One row of the file and what confirming does with it."""

    result: RowResult
    status: RowStatus
    account: User | None = None  # the existing account it updates
    changes: dict[str, str] = field(default_factory=dict)
    enrolled: bool = False  # already enrolled in the event

    @property
    def changed_labels(self) -> list[str]:
        """The changed fields as the organiser knows them ("position", "RT")."""
        return [str(User._meta.get_field(name).verbose_name) for name in self.changes]


@dataclass(frozen=True)
class ImportPlan:
    """The preview with account problems merged into its rows, and a status for each."""

    preview: ImportPreview
    rows: list[PlannedRow]

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def new_count(self) -> int:
        return self.count(RowStatus.NEW)

    @property
    def update_count(self) -> int:
        return self.count(RowStatus.UPDATE)

    @property
    def unchanged_count(self) -> int:
        return self.count(RowStatus.UNCHANGED)

    @property
    def error_count(self) -> int:
        return self.preview.invalid_count

    @property
    def to_enrol_count(self) -> int:
        return sum(
            1 for row in self.rows if row.status != RowStatus.ERROR and not row.enrolled
        )

    def rows_to_write(self, *, skip_invalid: bool) -> list[PlannedRow]:
        """The rows to write; refuses (``ImportFileError``) while any row has an
        error, unless the organiser chose to skip those rows."""
        self.preview.participants_to_import(skip_invalid=skip_invalid)
        return [row for row in self.rows if row.status != RowStatus.ERROR]


def plan_import(
    *, event: EventPage, preview: ImportPreview, lock: bool = False
) -> ImportPlan:
    """Matches the valid rows to accounts by phone, in one query for the whole file.

    ``lock`` holds the matched accounts until the transaction ends (saving
    passes it, so no one changes an account between planning and writing).
    """
    phones = [row.data.phone for row in preview.rows if row.data is not None]
    accounts = with_protection(User.objects.filter(phone__in=phones)).annotate(
        is_enrolled=Exists(Enrolment.objects.filter(event=event, user=OuterRef("pk")))
    )
    if lock:
        accounts = accounts.select_for_update()
    by_phone = {account.phone: account for account in accounts}
    planned = [
        _plan_row(row, by_phone.get(row.data.phone if row.data else None))
        for row in preview.rows
    ]
    merged = replace(preview, rows=[row.result for row in planned])
    return ImportPlan(preview=merged, rows=planned)


def _plan_row(row: RowResult, account: User | None) -> PlannedRow:
    if row.data is None:
        return PlannedRow(result=row, status=RowStatus.ERROR)
    if account is None:
        return PlannedRow(result=row, status=RowStatus.NEW)
    refusal = None
    if account.is_protected:
        refusal = "phone_of_staff"
    elif not account.is_active:
        refusal = "phone_of_inactive"
    if refusal:
        params = {"line": row.line, "value": row.raw.get("phone", "")}
        refused = replace(row, data=None, errors=[RowError(refusal, params)])
        return PlannedRow(result=refused, status=RowStatus.ERROR)
    changes = profile_changes(account, row.data)
    return PlannedRow(
        result=row,
        status=RowStatus.UPDATE if changes else RowStatus.UNCHANGED,
        account=account,
        changes=changes,
        enrolled=account.is_enrolled,
    )


def profile_changes(account: User, participant: ParticipantRow) -> dict[str, str]:
    """The fields of ``account`` that the row changes, with their new values.

    A blank cell keeps what the account holds (a list without a position
    column must not erase positions). Kecamatan and kelurahan go together: a
    new kecamatan drops a kelurahan that is not in it.
    """
    wanted = {
        name: getattr(participant, name)
        for name in PROFILE_FIELDS
        if getattr(participant, name)
    }
    if participant.kecamatan and not participant.kelurahan:
        in_kecamatan = KELURAHAN_BY_KECAMATAN.get(participant.kecamatan, ())
        if account.kelurahan not in in_kecamatan:
            wanted["kelurahan"] = ""
    return {
        name: value for name, value in wanted.items() if getattr(account, name) != value
    }
