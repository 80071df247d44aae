"""What checking a participant list produces: cleaned rows, their problems, and
the preview an organiser decides on. Plain data, no database."""

from dataclasses import dataclass

from lms.events.participant_import.messages import ImportFileError, RowError


@dataclass(frozen=True)
class ParticipantRow:
    """A participant as the ``User`` model stores them; "" where the file is blank."""

    full_name: str
    phone: str  # "+62...", the key a re-import updates by
    institution_type: str = ""  # an InstitutionType value
    position: str = ""
    rt: str = ""  # three digits, "005"
    rw: str = ""
    kecamatan: str = ""  # a Kecamatan value
    kelurahan: str = ""  # its name as in KELURAHAN_BY_KECAMATAN


@dataclass(frozen=True)
class RowResult:
    """One non-blank row: ``line`` is its row number in the organiser's file."""

    line: int
    data: ParticipantRow | None
    errors: list[RowError]
    # The recognised cells as written (field name -> text), for the preview table.
    raw: dict[str, str]

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportPreview:
    """Everything an organiser needs to decide whether to import."""

    rows: list[RowResult]
    header_line: int
    # Field name -> the header as written in the file.
    columns: dict[str, str]
    # Headers that match no field (e.g. "No", "Email"); their cells are not read.
    ignored_columns: list[str]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def valid_count(self) -> int:
        return sum(1 for row in self.rows if row.is_valid)

    @property
    def invalid_count(self) -> int:
        return self.total - self.valid_count

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]

    def participants_to_import(self, *, skip_invalid: bool) -> list[ParticipantRow]:
        """The rows to write: all of them, or the valid ones if the organiser said
        to skip the rest. All-or-nothing otherwise (promise 9, docs/architecture.md)."""
        if self.invalid_count and not skip_invalid:
            raise ImportFileError("rows_have_errors", {"count": self.invalid_count})
        return [row.data for row in self.rows if row.data is not None]
