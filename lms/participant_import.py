"""Participant lists from organisers' spreadsheets: read, check, preview.

Organisers upload whatever their office made: Excel workbooks, Excel's semicolon
CSV, Windows-1252 text, headers in Indonesian or English in any order. Reading
and checking are pure functions so that a preview can show every problem, row by
row, before anything is written (DESIGN, promise 9), and so that the rules can
be tested exhaustively without a database.

- ``read_table``: bytes in, rows of text out, or ``ImportFileError`` for a file
  that cannot be a participant list at all (empty, a PDF, too big, ...).
- ``parse_participants``: rows in, an ``ImportPreview`` out: one ``RowResult``
  per non-blank row, each with the cleaned ``ParticipantRow`` or its errors.

Problems are stable codes with parameters; ``MESSAGES`` holds the English text
as ``%(name)s`` templates, ready for gettext.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import openpyxl

from lms.phone import normalize_phone
from lms.reference import KELURAHAN_BY_KECAMATAN, InstitutionType, Kecamatan

MAX_FILE_BYTES = 5 * 1024 * 1024
# A workbook is a ZIP of XML; this bounds what it may unpack to (a zip bomb).
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_DATA_ROWS = 10_000
# Office sheets often carry a title ("DAFTAR PESERTA ...") above the header.
HEADER_SEARCH_ROWS = 10
MAX_TEXT_LENGTH = 150  # User.full_name and User.position

MESSAGES: dict[str, str] = {
    # The file as a whole.
    "empty_file": "The file is empty.",
    "empty_sheet": "The sheet '%(sheet)s', the one that shows when the workbook opens, is empty. Put the participant list there.",
    "too_large": "The file is %(size_mb)s MB; the limit is %(limit_mb)s MB. Split the list into smaller files.",
    "too_large_unpacked": "The workbook unpacks to more than %(limit_mb)s MB. Save only the participant list in a new workbook.",
    "not_a_table": "This is not a CSV or Excel file. Save the participant list as .xlsx or .csv and upload that.",
    "not_a_table_kind": "This is a %(kind)s file, not a CSV or Excel file. Save the participant list as .xlsx or .csv and upload that.",
    "old_excel": "This is an old Excel file (.xls) or a password-protected workbook. Save it in Excel as Excel Workbook (.xlsx) or CSV and upload that.",
    "unreadable_xlsx": "This Excel file could not be opened; it may be damaged. Save it again in Excel as .xlsx or CSV and upload that.",
    "bad_encoding": "The characters in this file could not be read. Save it as 'CSV UTF-8' and upload that.",
    "bad_csv": "Line %(line)s of the CSV file could not be read. Look for a quotation mark that is never closed.",
    "too_many_rows": "The file has more than %(limit)s participant rows. Split it into files of at most %(limit)s rows.",
    "no_header": "No header row was found. The first row should name the columns, for example: Nama, No HP, Lembaga, Jabatan, RT, RW, Kecamatan, Kelurahan.",
    "missing_columns": "The header row (row %(line)s) has no column for %(columns)s.",
    "duplicate_column": "The columns '%(first)s' and '%(second)s' in the header row mean the same thing. Keep only one.",
    "no_participants": "The file has a header row but no participant rows.",
    "rows_have_errors": "%(count)s rows have errors. Correct them, or choose to skip them; nothing was imported.",
    # One row.
    "name_missing": "Row %(line)s: the full name is empty.",
    "name_too_long": "Row %(line)s: the full name is longer than %(limit)s characters.",
    "phone_missing": "Row %(line)s: the phone number is empty.",
    "phone_invalid": "Row %(line)s: phone '%(value)s' is not an Indonesian phone number.",
    "phone_scientific": "Row %(line)s: phone '%(value)s' was shortened by Excel. Format the phone column as Text and type the number again.",
    "phone_duplicate": "Row %(line)s: the same phone as row %(first_line)s.",
    "institution_unknown": "Row %(line)s: institution '%(value)s' is not one of %(choices)s.",
    "position_too_long": "Row %(line)s: the position is longer than %(limit)s characters.",
    "rt_invalid": "Row %(line)s: RT '%(value)s' should be a number from 1 to 999.",
    "rw_invalid": "Row %(line)s: RW '%(value)s' should be a number from 1 to 999.",
    "rt_rw_invalid": "Row %(line)s: RT/RW '%(value)s' should be written like 005/002.",
    "kecamatan_unknown": "Row %(line)s: kecamatan '%(value)s' is not a kecamatan of Jakarta Pusat.",
    "kelurahan_unknown": "Row %(line)s: kelurahan '%(value)s' is not a kelurahan of Jakarta Pusat.",
    "kelurahan_mismatch": "Row %(line)s: kelurahan '%(value)s' is not in kecamatan '%(kecamatan)s'; it is in %(actual)s.",
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
    """The file as a whole cannot be imported; ``str()`` is the English message."""

    def __init__(self, code: str, params: dict[str, object] | None = None):
        self.code = code
        self.params = params or {}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return MESSAGES[self.code] % self.params


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
        to skip the rest. All-or-nothing otherwise (DESIGN, promise 9)."""
        if self.invalid_count and not skip_invalid:
            raise ImportFileError("rows_have_errors", {"count": self.invalid_count})
        return [row.data for row in self.rows if row.data is not None]


# ---------------------------------------------------------------------------
# Reading a file into rows of text


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The rows of an XLSX workbook's active sheet, or of a CSV file, as text.

    The format is told by the content, not the name: the name only sharpens a
    message. Row ``i`` of the result is row ``i + 1`` in Excel (or record
    ``i + 1`` of the CSV); blank rows are kept so numbers stay right, except at
    the end. Raises ``ImportFileError`` for anything that is not a table.
    """
    if not data:
        raise ImportFileError("empty_file")
    if len(data) > MAX_FILE_BYTES:
        size_mb = f"{len(data) / (1024 * 1024):.1f}"
        raise ImportFileError(
            "too_large",
            {"size_mb": size_mb, "limit_mb": MAX_FILE_BYTES // (1024 * 1024)},
        )
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls, or an encrypted .xlsx
        raise ImportFileError("old_excel")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ImportFileError("not_a_table_kind", {"kind": kind})
    if filename.lower().endswith((".xlsx", ".xlsm")) and not _is_text(data):
        raise ImportFileError("unreadable_xlsx")
    return _read_csv(data)


_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"PK\x05\x06", "ZIP"),  # an empty archive
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"\x1f\x8b", "gzip"),
)
_CONTROLS = dict.fromkeys(
    [c for c in range(32) if chr(c) not in "\t\n\r"] + list(range(0x7F, 0xA0))
)


class _TableBuilder:
    """Collects rows, drops trailing blank ones, and stops at the row limit early
    (so a huge file costs no more than the limit)."""

    def __init__(self):
        self.rows: list[list[str]] = []
        self._pending_blank: list[list[str]] = []
        self._filled = 0

    def add(self, row: list[str]) -> None:
        if not any(cell.strip() for cell in row):
            self._pending_blank.append(row)
            return
        self._filled += 1
        # The header, then the data. (A title above the header takes a data row's
        # place here; parse_participants counts exactly.)
        if self._filled > MAX_DATA_ROWS + 1:
            raise ImportFileError("too_many_rows", {"limit": MAX_DATA_ROWS})
        self.rows.extend(self._pending_blank)
        self._pending_blank.clear()
        self.rows.append(row)


def _read_xlsx(data: bytes) -> list[list[str]]:
    # Any exception here comes from parsing an untrusted archive in zipfile or
    # openpyxl, whose failure modes are many and undocumented: every one means
    # "not a workbook we can read", and the organiser needs exactly that message.
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception as exc:
        raise ImportFileError("not_a_table") from exc
    if "[Content_Types].xml" not in names or not any(
        name.startswith("xl/") for name in names
    ):
        kind = "OpenDocument" if "mimetype" in names else "ZIP"
        raise ImportFileError("not_a_table_kind", {"kind": kind})
    if unpacked > MAX_UNPACKED_BYTES:
        limit_mb = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise ImportFileError("too_large_unpacked", {"limit_mb": limit_mb})
    builder = _TableBuilder()
    try:
        # read_only streams the sheet; data_only gives formulas' cached values.
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
        try:
            sheet = workbook.active
            if not hasattr(sheet, "iter_rows"):  # a chart sheet is active
                sheet = workbook.worksheets[0]
            # Some writers record a wrong sheet size; read every cell present.
            sheet.reset_dimensions()
            for values in sheet.iter_rows(values_only=True):
                builder.add([_cell_text(value) for value in values])
        finally:
            workbook.close()
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError("unreadable_xlsx") from exc
    if not builder.rows:
        raise ImportFileError("empty_sheet", {"sheet": sheet.title})
    return builder.rows


def _cell_text(value: object) -> str:
    """A cell as the organiser sees it, without Excel's number formatting.

    Whole numbers lose any ".0" and never become scientific notation: a phone
    typed into a number cell (6281234567890, shown as 6.28123E+12) is stored
    exactly in the workbook, so its digits come back intact. A typed 0812...
    loses its leading 0 as a number; reading the phone puts it back.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)  # int, non-whole float (shortest repr), timedelta


def _is_text(data: bytes) -> bool:
    try:
        return not _looks_binary(_decode(data))
    except ImportFileError:
        return False


def _decode(data: bytes) -> str:
    """UTF-8 (Excel's "CSV UTF-8" adds a BOM), UTF-16 (Excel's "Unicode Text"),
    else Windows-1252, which is what Excel's plain "CSV" writes on Windows."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    # Latin-1 decodes any bytes: mostly control characters means not text.
    if _looks_binary(data.decode("latin-1")):
        raise ImportFileError("not_a_table")
    raise ImportFileError("bad_encoding")


def _looks_binary(text: str) -> bool:
    controls = len(text) - len(text.translate(_CONTROLS))
    return "\x00" in text or controls > len(text) // 100


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data).rstrip("\x1a")  # DOS end-of-file mark
    if _looks_binary(text):
        raise ImportFileError("not_a_table")
    if text.lstrip().startswith("<"):
        kind = "XML" if text.lstrip().startswith("<?xml") else "HTML"
        raise ImportFileError("not_a_table_kind", {"kind": kind})
    delimiter, sep_line = _detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    builder = _TableBuilder()
    try:
        for record in reader:
            if sep_line and reader.line_num == 1:
                record = []  # Excel's "sep=;" line: a row, but not data
            builder.add(record)
    except csv.Error as exc:
        raise ImportFileError("bad_csv", {"line": reader.line_num}) from exc
    if not builder.rows:
        raise ImportFileError("empty_file")
    return builder.rows


def _detect_delimiter(text: str) -> tuple[str, bool]:
    """The delimiter that splits the first lines into the most fields, and whether
    line 1 is Excel's "sep=X" hint. (csv.Sniffer guesses badly on a few short
    lines and raises when unsure; counting fields is predictable, and quoted
    commas in a semicolon file do not count.)"""
    lines = text.splitlines()
    if lines and _SEP_LINE.fullmatch(lines[0].strip()):
        return lines[0].strip()[4], True
    sample = [line for line in lines[:100] if line.strip()][:HEADER_SEARCH_ROWS]
    best, best_splits = ",", 0
    for delimiter in (",", ";", "\t"):  # ties go to the earlier one
        try:
            splits = sum(
                len(row) - 1 for row in csv.reader(sample, delimiter=delimiter)
            )
        except csv.Error:  # e.g. a field over csv's size limit; reading says where
            splits = 0
        if splits > best_splits:
            best, best_splits = delimiter, splits
    return best, False


_SEP_LINE = re.compile(r"sep=[,;\t|]")


# ---------------------------------------------------------------------------
# Checking rows


def _key(text: str) -> str:
    """What a header or a choice means: letters and digits only, any case."""
    return _NOT_ALNUM.sub("", text.casefold())


_NOT_ALNUM = re.compile(r"[\W_]+")

_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("nama", "nama lengkap", "nama peserta", "nama lengkap peserta",
                  "full name", "name", "participant", "participant name", "peserta"),
    "phone": ("no hp", "nomor hp", "no hp/wa", "nomor hp/wa", "no wa", "nomor wa", "hp",
              "wa", "whatsapp", "handphone", "no handphone", "nomor handphone",
              "telepon", "no telepon", "nomor telepon", "telp", "no telp", "ponsel",
              "nomor ponsel", "phone", "phone number", "mobile", "mobile phone"),
    "institution_type": ("lembaga", "jenis lembaga", "asal lembaga", "unsur",
                         "kelembagaan", "institution", "institution type"),
    "position": ("jabatan", "jabatan di lembaga", "position"),
    "rt": ("rt", "no rt", "nomor rt"),
    "rw": ("rw", "no rw", "nomor rw"),
    "rt_rw": ("rt/rw", "rt rw"),  # "005/002" in one cell, as on letters
    "kecamatan": ("kecamatan", "kec", "district"),
    "kelurahan": ("kelurahan", "kel", "village"),
}  # fmt: skip
_FIELD_BY_HEADER = {
    _key(alias): name for name, aliases in _HEADER_ALIASES.items() for alias in aliases
}
_REQUIRED = {"full_name": "Nama", "phone": "No HP"}

_INSTITUTION_BY_KEY = {_key(choice.value): choice.value for choice in InstitutionType}
_INSTITUTION_BY_KEY.update(
    {_key(label): value for value, label in InstitutionType.choices if isinstance(label, str)}
)  # fmt: skip
# "Other" is translated, so its label is lazy; its spellings are listed here.
_INSTITUTION_BY_KEY.update(dict.fromkeys(["other", "lainnya", "lainlain"], "other"))
_INSTITUTION_CHOICES = "RT, RW, LMK, FKDM, PKK, Karang Taruna, ASN, Lainnya"

_KECAMATAN_BY_KEY = {_key(k.value): k.value for k in Kecamatan}
_KECAMATAN_BY_KEY.update({_key(k.label): k.value for k in Kecamatan})
_KECAMATAN_LABEL = {k.value: k.label for k in Kecamatan}
# Kelurahan names are unique across Jakarta Pusat, so a name tells its kecamatan.
_KELURAHAN_BY_KEY = {
    _key(name): (name, Kecamatan(kecamatan).value)
    for kecamatan, names in KELURAHAN_BY_KECAMATAN.items()
    for name in names
}

_PLACEHOLDERS = {"", "-", "--", "\u2013", "\u2014"}  # "not applicable" in forms
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"))
_INVISIBLE.update(dict.fromkeys(_CONTROLS, " "))
_SCIENTIFIC = re.compile(r"[0-9](?:[.,][0-9]*)?[eE]\+?[0-9]+")
_WHOLE_WITH_ZERO_DECIMALS = re.compile(r"([0-9]+)\.0+")
_RT_OR_RW = re.compile(r"(?:r[tw][.:]?\s*)?([0-9]{1,3})", re.IGNORECASE)
_RT_RW_PAIR = re.compile(
    r"(?:rt[.:]?\s*)?([0-9]{1,3})\s*[/\\\-.,\s]\s*(?:rw[.:]?\s*)?([0-9]{1,3})",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    """Trimmed, single-spaced, NFC text without invisible characters."""
    text = " ".join(text.translate(_INVISIBLE).split())
    if text in _PLACEHOLDERS:
        return ""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _shown(text: str) -> str:
    """A value quoted in a message, cut short so the message stays readable."""
    return text if len(text) <= 40 else text[:39] + "\u2026"


def parse_participants(table: Sequence[Sequence[str]]) -> ImportPreview:
    """Checks every row of ``table`` (as ``read_table`` returns it).

    The header is the first row, among the first few non-blank ones, that names
    a name and a phone column; rows above it (titles) are ignored. Rows whose
    recognised cells are all empty are skipped (templates often number their rows
    in advance), but line numbers still count them. A phone already used by an
    earlier row makes the later row an error. Raises ``ImportFileError`` only for
    the file as a whole: no usable header, no participants, too many rows.
    """
    header_index, columns = _find_header(table)
    header = table[header_index]
    positions = {name: index for index, name in columns.items()}
    ignored = [
        header[i].strip()
        for i in range(len(header))
        if i not in columns and _clean(header[i])
    ]
    rows: list[RowResult] = []
    first_line_by_phone: dict[str, int] = {}
    for index in range(header_index + 1, len(table)):
        row = table[index]
        raw = {
            name: row[position].strip()
            for name, position in positions.items()
            if position < len(row)
        }
        if not any(raw.values()):
            continue
        if len(rows) == MAX_DATA_ROWS:
            raise ImportFileError("too_many_rows", {"limit": MAX_DATA_ROWS})
        rows.append(_check_row(index + 1, raw, first_line_by_phone))
    if not rows:
        raise ImportFileError("no_participants")
    return ImportPreview(
        rows=rows,
        header_line=header_index + 1,
        columns={name: header[index].strip() for index, name in columns.items()},
        ignored_columns=ignored,
    )


def _find_header(table: Sequence[Sequence[str]]) -> tuple[int, dict[int, str]]:
    """The header's index and its recognised columns (position -> field)."""
    best: tuple[int, dict[int, str]] | None = None
    seen = 0
    for index, row in enumerate(table):
        if seen == HEADER_SEARCH_ROWS:
            break
        if not any(cell.strip() for cell in row):
            continue
        seen += 1
        columns = {
            position: _FIELD_BY_HEADER[_key(cell)]
            for position, cell in enumerate(row)
            if _key(cell) in _FIELD_BY_HEADER
        }
        found = set(columns.values())
        if found.issuperset(_REQUIRED):
            _refuse_duplicate_columns(row, columns)
            return index, columns
        # A header that lacks a required column, not a data row that happens
        # to hold "RT" as its institution.
        plausible = len(columns) >= 2 or found & set(_REQUIRED)
        if plausible and (best is None or len(columns) > len(best[1])):
            best = (index, columns)
    if best is None:
        raise ImportFileError("no_header")
    found = set(best[1].values())
    missing = ", ".join(f"'{h}'" for n, h in _REQUIRED.items() if n not in found)
    raise ImportFileError("missing_columns", {"line": best[0] + 1, "columns": missing})


def _refuse_duplicate_columns(row: Sequence[str], columns: dict[int, str]) -> None:
    """Two columns for one field would make the import pick one silently."""
    first_by_meaning: dict[str, int] = {}
    for position, name in columns.items():
        # "RT/RW" says what "RT" and "RW" say.
        meanings = ("rt", "rw") if name == "rt_rw" else (name,)
        for meaning in meanings:
            if meaning in first_by_meaning:
                first = row[first_by_meaning[meaning]].strip()
                params = {"first": first, "second": row[position].strip()}
                raise ImportFileError("duplicate_column", params)
            first_by_meaning[meaning] = position


# Records one problem of the row being checked: a code and its parameters.
_Report = Callable[..., None]


def _check_row(
    line: int, raw: dict[str, str], first_line_by_phone: dict[str, int]
) -> RowResult:
    errors: list[RowError] = []

    def error(code: str, **params: object) -> None:
        errors.append(RowError(code, {"line": line, **params}))

    full_name = _clean(raw.get("full_name", ""))
    if not full_name:
        error("name_missing")
    elif len(full_name) > MAX_TEXT_LENGTH:
        error("name_too_long", limit=MAX_TEXT_LENGTH)

    phone = _read_phone(raw.get("phone", ""), error)
    if phone is not None:
        if phone in first_line_by_phone:
            error("phone_duplicate", first_line=first_line_by_phone[phone])
        else:
            first_line_by_phone[phone] = line

    institution = _clean(raw.get("institution_type", ""))
    if institution:
        value = _INSTITUTION_BY_KEY.get(_key(institution))
        if value is None:
            error(
                "institution_unknown",
                value=_shown(institution),
                choices=_INSTITUTION_CHOICES,
            )
        institution = value or ""

    position = _clean(raw.get("position", ""))
    if len(position) > MAX_TEXT_LENGTH:
        error("position_too_long", limit=MAX_TEXT_LENGTH)

    rt, rw = _read_rt_rw(raw, error)
    kecamatan, kelurahan = _read_area(raw, error)

    if errors:
        return RowResult(line=line, data=None, errors=errors, raw=raw)
    data = ParticipantRow(
        full_name=full_name,
        phone=phone or "",
        institution_type=institution,
        position=position,
        rt=rt,
        rw=rw,
        kecamatan=kecamatan,
        kelurahan=kelurahan,
    )
    return RowResult(line=line, data=data, errors=[], raw=raw)


def _read_phone(text: str, error: _Report) -> str | None:
    typed = _clean(text)
    if not typed:
        error("phone_missing")
        return None
    if _SCIENTIFIC.fullmatch(typed.replace(" ", "")):
        # Excel's CSV writes what the cell shows: "6.28123E+11" has lost digits.
        error("phone_scientific", value=_shown(typed))
        return None
    compact = typed.lstrip("'")  # Excel's "keep as text" mark, sometimes typed
    whole = _WHOLE_WITH_ZERO_DECIMALS.fullmatch(compact)
    if whole:  # "81234567890.0", from a tool that wrote the number as a float
        compact = whole[1]
    if compact.isascii() and compact.isdigit() and compact.startswith("8"):
        # A mobile number stored as a number lost its leading 0 (0812 -> 812).
        compact = "0" + compact
    phone = normalize_phone(compact)
    if phone is None:
        error("phone_invalid", value=_shown(typed))
    return phone


def _read_rt_rw(raw: dict[str, str], error: _Report) -> tuple[str, str]:
    pair = _clean(raw.get("rt_rw", ""))
    if pair:
        match = _RT_RW_PAIR.fullmatch(pair)
        if match and int(match[1]) and int(match[2]):
            return match[1].zfill(3), match[2].zfill(3)
        error("rt_rw_invalid", value=_shown(pair))
        return "", ""
    numbers = []
    for name in ("rt", "rw"):
        typed = _clean(raw.get(name, ""))
        whole = _WHOLE_WITH_ZERO_DECIMALS.fullmatch(typed)
        match = _RT_OR_RW.fullmatch(whole[1] if whole else typed)
        if typed and not (match and int(match[1])):
            error(f"{name}_invalid", value=_shown(typed))
        numbers.append(match[1].zfill(3) if typed and match else "")
    return numbers[0], numbers[1]


def _lookup_with_prefix(table: dict, typed: str, prefixes: tuple[str, ...]):
    """A choice by its key, also when written "Kec. Gambir" or "Kelurahan Cikini"."""
    key = _key(typed)
    if key in table:
        return table[key]
    for prefix in prefixes:
        if key.startswith(prefix) and key[len(prefix) :] in table:
            return table[key[len(prefix) :]]
    return None


def _read_area(raw: dict[str, str], error: _Report) -> tuple[str, str]:
    """Kecamatan and kelurahan; a kelurahan alone tells its kecamatan."""
    typed_kecamatan = _clean(raw.get("kecamatan", ""))
    typed_kelurahan = _clean(raw.get("kelurahan", ""))
    kecamatan = ""
    if typed_kecamatan:
        kecamatan = _lookup_with_prefix(
            _KECAMATAN_BY_KEY, typed_kecamatan, ("kecamatan", "kec")
        )
        if kecamatan is None:
            error("kecamatan_unknown", value=_shown(typed_kecamatan))
            kecamatan = ""
    if not typed_kelurahan:
        return kecamatan, ""
    found = _lookup_with_prefix(
        _KELURAHAN_BY_KEY, typed_kelurahan, ("kelurahan", "kel")
    )
    if found is None:
        error("kelurahan_unknown", value=_shown(typed_kelurahan))
        return kecamatan, ""
    kelurahan, its_kecamatan = found
    if kecamatan and kecamatan != its_kecamatan:
        error(
            "kelurahan_mismatch",
            value=_shown(typed_kelurahan),
            kecamatan=_KECAMATAN_LABEL[kecamatan],
            actual=_KECAMATAN_LABEL[its_kecamatan],
        )
    if typed_kecamatan and not kecamatan:  # unknown kecamatan: reported above
        return "", kelurahan
    return its_kecamatan, kelurahan


def preview_participant_file(data: bytes, filename: str) -> ImportPreview:
    """``read_table`` then ``parse_participants``: what an upload view calls."""
    return parse_participants(read_table(data, filename))
