"""Reading an uploaded file into rows of text, whatever program made it.

Organisers upload whatever their office made: Excel workbooks, Excel's
semicolon CSV, Windows-1252 text, UTF-16 "Unicode Text". The format is told by
the content, never trusted from the name, and anything that cannot be a table
(a PDF, a photo, an old .xls, a zip bomb) is refused with a message that says
what to do instead.
"""

import csv
import datetime as dt
import io
import re
import zipfile

import openpyxl

from lms.events.participant_import.messages import ImportFileError

MAX_FILE_BYTES = 5 * 1024 * 1024
# A workbook is a ZIP of XML; this bounds what it may unpack to (a zip bomb).
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_DATA_ROWS = 10_000
# Office sheets often carry a title ("DAFTAR PESERTA ...") above the header.
HEADER_SEARCH_ROWS = 10


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The rows of an XLSX workbook's active sheet, or of a CSV file, as text.

    The format is told by the content, not the name: the name only sharpens a
    message. Row ``i`` of the result is row ``i + 1`` in Excel (or record
    ``i + 1`` of the CSV); blank rows are kept so numbers stay right, except at
    the end. Raises ``ImportFileError`` for anything that is not a table.
    """
    if not data:
        raise ImportFileError("empty_file")
    check_file_size(len(data))
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


def check_file_size(size: int) -> None:
    """Refuses a file over the limit; an upload view calls it before reading one."""
    if size > MAX_FILE_BYTES:
        size_mb = f"{size / (1024 * 1024):.1f}"
        raise ImportFileError(
            "too_large",
            {"size_mb": size_mb, "limit_mb": MAX_FILE_BYTES // (1024 * 1024)},
        )


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
CONTROL_CHARACTERS = dict.fromkeys(
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
    controls = len(text) - len(text.translate(CONTROL_CHARACTERS))
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
