"""Checking the rows of a participant list: table of text in, preview out.

A pure function over plain data, so that a preview can show every problem, row
by row, before anything is written (promise 9, docs/architecture.md), and so that the rules
can be tested exhaustively without a database. Headers may be Indonesian or
English, in any order and case; cells are cleaned the way organisers' sheets
need (Excel's lost leading zeros, "Kec. Gambir", "005/002").
"""

import re
import unicodedata
from collections.abc import Callable, Sequence

from lms.accounts.phone import normalize_phone
from lms.core.reference import KELURAHAN_BY_KECAMATAN, InstitutionType, Kecamatan
from lms.events.participant_import.messages import ImportFileError, RowError
from lms.events.participant_import.preview import (
    ImportPreview,
    ParticipantRow,
    RowResult,
)
from lms.events.participant_import.reading import (
    CONTROL_CHARACTERS,
    HEADER_SEARCH_ROWS,
    MAX_DATA_ROWS,
    read_table,
)

MAX_TEXT_LENGTH = 150  # User.full_name and User.position


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
_INVISIBLE.update(dict.fromkeys(CONTROL_CHARACTERS, " "))
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
