"""What an organiser reads about an import: problem codes and their English text.

Problems are stable codes with parameters so that tests and code can match on
the code while the text is translated (``%(name)s`` placeholders; the
Indonesian catalogue fills them in). The text is lazy: it is looked up in the
language of the request that shows it, not the one that found the problem.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    # The file as a whole.
    "empty_file": _("The file is empty."),
    "empty_sheet": _("The sheet '%(sheet)s', the one that shows when the workbook opens, is empty. Put the participant list there."),
    "too_large": _("The file is %(size_mb)s MB; the limit is %(limit_mb)s MB. Split the list into smaller files."),
    "too_large_unpacked": _("The workbook unpacks to more than %(limit_mb)s MB. Save only the participant list in a new workbook."),
    "not_a_table": _("This is not a CSV or Excel file. Save the participant list as .xlsx or .csv and upload that."),
    "not_a_table_kind": _("This is a %(kind)s file, not a CSV or Excel file. Save the participant list as .xlsx or .csv and upload that."),
    "old_excel": _("This is an old Excel file (.xls) or a password-protected workbook. Save it in Excel as Excel Workbook (.xlsx) or CSV and upload that."),
    "unreadable_xlsx": _("This Excel file could not be opened; it may be damaged. Save it again in Excel as .xlsx or CSV and upload that."),
    "bad_encoding": _("The characters in this file could not be read. Save it as 'CSV UTF-8' and upload that."),
    "bad_csv": _("Line %(line)s of the CSV file could not be read. Look for a quotation mark that is never closed."),
    "too_many_rows": _("The file has more than %(limit)s participant rows. Split it into files of at most %(limit)s rows."),
    "no_header": _("No header row was found. The first row should name the columns, for example: Nama, No HP, Lembaga, Jabatan, RT, RW, Kecamatan, Kelurahan."),
    "missing_columns": _("The header row (row %(line)s) has no column for %(columns)s."),
    "duplicate_column": _("The columns '%(first)s' and '%(second)s' in the header row mean the same thing. Keep only one."),
    "no_participants": _("The file has a header row but no participant rows."),
    "rows_have_errors": _("Rows with errors: %(count)s. Correct them, or choose to skip them; nothing was imported."),
    "import_conflict": _("Someone changed these accounts while the list was being imported. Nothing was imported; try again."),
    # One row.
    "name_missing": _("Row %(line)s: the full name is empty."),
    "name_too_long": _("Row %(line)s: the full name is longer than %(limit)s characters."),
    "phone_missing": _("Row %(line)s: the phone number is empty."),
    "phone_invalid": _("Row %(line)s: phone '%(value)s' is not an Indonesian phone number."),
    "phone_scientific": _("Row %(line)s: phone '%(value)s' was shortened by Excel. Format the phone column as Text and type the number again."),
    "phone_duplicate": _("Row %(line)s: the same phone as row %(first_line)s."),
    "phone_of_staff": _("Row %(line)s: phone '%(value)s' belongs to a staff, speaker or organiser account, which an import never changes. Remove the row or correct the number."),
    "phone_of_inactive": _("Row %(line)s: phone '%(value)s' belongs to a deactivated account. Reactivate it under Users first, or remove the row."),
    "institution_unknown": _("Row %(line)s: institution '%(value)s' is not one of %(choices)s."),
    "position_too_long": _("Row %(line)s: the position is longer than %(limit)s characters."),
    "rt_invalid": _("Row %(line)s: RT '%(value)s' should be a number from 1 to 999."),
    "rw_invalid": _("Row %(line)s: RW '%(value)s' should be a number from 1 to 999."),
    "rt_rw_invalid": _("Row %(line)s: RT/RW '%(value)s' should be written like 005/002."),
    "kecamatan_unknown": _("Row %(line)s: kecamatan '%(value)s' is not a kecamatan of Jakarta Pusat."),
    "kelurahan_unknown": _("Row %(line)s: kelurahan '%(value)s' is not a kelurahan of Jakarta Pusat."),
    "kelurahan_mismatch": _("Row %(line)s: kelurahan '%(value)s' is not in kecamatan '%(kecamatan)s'; it is in %(actual)s."),
}  # fmt: skip


@dataclass(frozen=True)
class RowError:
    """One problem with one row: a stable ``code`` and the values its message needs."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return MESSAGES[self.code] % self.params


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; ``message`` says why, translated."""

    def __init__(self, code: str, params: dict[str, object] | None = None):
        self.code = code
        self.params = params or {}
        super().__init__(code, self.params)

    @property
    def message(self) -> str:
        return MESSAGES[self.code] % self.params

    def __str__(self) -> str:
        return self.message
