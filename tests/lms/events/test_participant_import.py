"""Participant lists as organisers really make them: every mess gets a clear answer."""

import csv
import datetime as dt
import io
import random
import re
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.events.participant_import import (
    MAX_DATA_ROWS,
    MAX_FILE_BYTES,
    MESSAGES,
    ImportFileError,
    ParticipantRow,
    RowError,
    parse_participants,
    preview_participant_file,
    read_table,
)

HEADER = ["Nama", "No HP", "Lembaga", "Jabatan", "RT", "RW", "Kecamatan", "Kelurahan"]
BUDI = ["Budi Santoso", "0812-3456-7890", "RT", "Ketua RT 005", "5", "2", "Sawah Besar", "Kartini"]  # fmt: skip
BUDI_CLEAN = ParticipantRow(
    full_name="Budi Santoso",
    phone="+6281234567890",
    institution_type="rt",
    position="Ketua RT 005",
    rt="005",
    rw="002",
    kecamatan="sawah_besar",
    kelurahan="Kartini",
)

pytestmark = pytest.mark.usefixtures("in_english")


def csv_bytes(rows, *, delimiter=",", encoding="utf-8", newline="\r\n"):
    """A CSV file as Excel writes it (quotes only where needed)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows, *, title_rows=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Peserta"
    for row in [*title_rows, *rows]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def only_row(preview):
    assert len(preview.rows) == 1
    return preview.rows[0]


def messages(preview):
    return [error.message for error in preview.errors]


def file_error(data, filename="peserta.csv"):
    with pytest.raises(ImportFileError) as caught:
        preview_participant_file(data, filename)
    return caught.value


# --- Reading files ---------------------------------------------------------------


def test_a_plain_csv_reads_as_rows_of_text():
    assert read_table(csv_bytes([HEADER, BUDI]), "peserta.csv") == [HEADER, BUDI]


def test_a_clean_row_becomes_a_participant_as_the_user_model_stores_it():
    preview = preview_participant_file(csv_bytes([HEADER, BUDI]), "peserta.csv")
    row = only_row(preview)
    assert (row.line, row.data, row.errors) == (2, BUDI_CLEAN, [])
    assert (preview.total, preview.valid_count, preview.invalid_count) == (1, 1, 0)
    assert preview.header_line == 1


def test_excel_utf8_csv_with_a_byte_order_mark_finds_its_first_column():
    data = b"\xef\xbb\xbf" + csv_bytes([HEADER, BUDI])
    assert read_table(data, "peserta.csv")[0][0] == "Nama"
    assert only_row(preview_participant_file(data, "peserta.csv")).data == BUDI_CLEAN


def test_excel_semicolon_csv_keeps_commas_inside_names():
    row = ["Budi Santoso, S.Pd", *BUDI[1:]]
    data = csv_bytes([HEADER, row], delimiter=";")
    assert read_table(data, "peserta.csv")[1][0] == "Budi Santoso, S.Pd"
    assert only_row(preview_participant_file(data, "x.csv")).data.full_name == row[0]


def test_excels_sep_hint_line_sets_the_delimiter_and_keeps_row_numbers():
    data = b"sep=;\r\n" + csv_bytes([HEADER, BUDI], delimiter=";")
    preview = preview_participant_file(data, "peserta.csv")
    assert (preview.header_line, only_row(preview).line) == (2, 3)
    assert only_row(preview).data == BUDI_CLEAN


def test_tab_separated_text_reads_like_csv():
    data = csv_bytes([HEADER, BUDI], delimiter="\t", newline="\n")
    assert only_row(preview_participant_file(data, "peserta.txt")).data == BUDI_CLEAN


def test_excel_unicode_text_utf16_reads():
    text = "\r\n".join("\t".join(row) for row in [HEADER, ["José", *BUDI[1:]]])
    data = text.encode("utf-16")  # with its byte order mark, as Excel saves it
    assert only_row(preview_participant_file(data, "x.txt")).data.full_name == "José"


def test_windows_1252_names_keep_their_curly_apostrophe_and_accents():
    rows = [HEADER, ["Siti Nur\u2019aini", "081234567890"], ["José", "081298765432"]]
    data = csv_bytes(rows, encoding="cp1252")
    assert b"\x92" in data and b"\xe9" in data  # really Windows-1252
    names = [r.data.full_name for r in preview_participant_file(data, "x.csv").rows]
    assert names == ["Siti Nur\u2019aini", "José"]


def test_decomposed_accents_are_stored_composed():
    data = csv_bytes([HEADER, ["Jose\u0301", "081234567890"]])
    assert only_row(preview_participant_file(data, "x.csv")).data.full_name == "José"


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (HEADER[::-1], BUDI[::-1]),
        (["NAMA LENGKAP", "NOMOR HP", "JENIS LEMBAGA", "JABATAN", "rt", "rw", "KECAMATAN", "KELURAHAN"], BUDI),
        (["full_name", "phone", "institution", "position", "rt", "rw", "kecamatan", "kelurahan"], BUDI),
        (["Name", "Phone Number", "Institution Type", "Position", "RT", "RW", "District", "Village"], BUDI),
        ([" Nama  Peserta ", "No. HP/WA", "Asal_Lembaga", "Jabatan:", "No. RT", "No. RW", "Kec.", "Kel."], BUDI),
        (["Telepon", "Kelurahan", "RT", "Nama", "RW", "Lembaga", "Kecamatan", "Jabatan"],
         [BUDI[1], BUDI[7], BUDI[4], BUDI[0], BUDI[5], BUDI[2], BUDI[6], BUDI[3]]),
    ],
)  # fmt: skip
def test_headers_in_any_order_case_or_language_are_understood(header, row):
    preview = preview_participant_file(csv_bytes([header, row]), "x.csv")
    assert only_row(preview).data == BUDI_CLEAN
    assert preview.ignored_columns == []


def test_columns_nobody_asked_for_are_listed_and_not_read():
    header = ["No", "Nama", "Jenis Kelamin", "No HP", "Email"]
    data = csv_bytes([header, ["1", "Budi", "L", "081234567890", "b@example.org"]])
    preview = preview_participant_file(data, "x.csv")
    assert preview.ignored_columns == ["No", "Jenis Kelamin", "Email"]
    assert preview.columns == {"full_name": "Nama", "phone": "No HP"}
    assert only_row(preview).data == ParticipantRow("Budi", "+6281234567890")


def test_an_xlsx_workbook_reads_numbers_dates_and_exact_row_numbers():
    rows = [
        [*HEADER, "Tanggal Lahir"],
        [
            "Budi Santoso",
            81234567890,
            "RT",
            "Ketua RT 005",
            5,
            2.0,
            "Sawah Besar",
            "Kartini",
            dt.datetime(1980, 5, 17),
        ],  # fmt: skip
        [],
        ["Ani", 6.28129876543e11, "pkk", None, None, None, "gambir", "cideng"],
    ]
    data = xlsx_bytes(rows, title_rows=[["DAFTAR PESERTA PENINGKATAN KAPASITAS"], []])
    table = read_table(data, "peserta.xlsx")
    assert table[3][1] == "81234567890"  # no ".0", no scientific notation
    assert table[3][8] == "1980-05-17"
    assert table[5][1] == "628129876543"
    preview = parse_participants(table)
    assert preview.header_line == 3  # under the title, as Excel numbers it
    assert [row.line for row in preview.rows] == [4, 6]
    assert preview.rows[0].data == BUDI_CLEAN
    assert preview.rows[1].data == ParticipantRow(
        "Ani", "+628129876543", "pkk", "", "", "", "gambir", "Cideng"
    )


def test_xlsx_is_told_by_its_content_not_its_name():
    data = xlsx_bytes([HEADER, BUDI])
    assert only_row(preview_participant_file(data, "export.csv")).data == BUDI_CLEAN


def test_an_xlsx_with_an_empty_sheet_says_so():
    error = file_error(xlsx_bytes([]), "peserta.xlsx")
    assert error.code == "empty_sheet"
    assert str(error) == (
        "The sheet 'Peserta', the one that shows when the workbook opens, is empty. "
        "Put the participant list there."
    )


# --- Files that are not participant lists ----------------------------------------


def test_an_empty_file_is_refused():
    assert file_error(b"").message == "The file is empty."
    assert file_error(b"\xef\xbb\xbf\r\n\r\n").code == "empty_file"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"<!DOCTYPE html><html><table><tr><td>Nama</td></tr></table>", "HTML"),
    ],
)
def test_documents_and_images_are_named_and_refused(data, kind):
    error = file_error(data)
    assert error.code == "not_a_table_kind"
    assert error.message.startswith(f"This is a {kind} file, not a CSV or Excel file.")


def test_random_bytes_are_not_a_csv_or_excel_file():
    data = random.Random(7).randbytes(4096)
    assert file_error(data).message.startswith("This is not a CSV or Excel file.")


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert file_error(buffer.getvalue(), "peserta.xlsx").params == {"kind": "ZIP"}


def test_a_damaged_workbook_is_refused_as_damaged():
    data = bytearray(xlsx_bytes([HEADER, BUDI]))
    data[len(data) // 2 : len(data) // 2 + 200] = bytes(200)
    assert file_error(bytes(data), "peserta.xlsx").code in {
        "unreadable_xlsx",
        "not_a_table",
    }


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", bytes(65 * 1024 * 1024))
    assert len(buffer.getvalue()) < MAX_FILE_BYTES
    assert file_error(buffer.getvalue(), "peserta.xlsx").code == "too_large_unpacked"


def test_a_csv_saved_under_an_xlsx_name_is_still_read():
    data = csv_bytes([HEADER, BUDI])
    assert only_row(preview_participant_file(data, "peserta.xlsx")).data == BUDI_CLEAN


def test_an_old_xls_file_is_told_to_be_saved_as_xlsx():
    error = file_error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "data.xls")
    assert error.code == "old_excel"
    assert ".xlsx" in error.message


def test_a_file_over_five_megabytes_is_refused_before_reading():
    data = csv_bytes([HEADER]) + b"x" * MAX_FILE_BYTES
    error = file_error(data)
    assert error.code == "too_large"
    assert error.message.startswith("The file is 5.0 MB; the limit is 5 MB.")


def test_an_unclosed_quote_that_swallows_the_file_is_reported_with_its_line():
    data = csv_bytes([HEADER]) + b'"Budi,081234567890\r\n' + b"x" * 200_000
    error = file_error(data)
    assert error.code == "bad_csv"
    assert error.params["line"] >= 2


def test_a_header_without_participants_is_refused():
    error = file_error(csv_bytes([HEADER, [], ["", "", ""]]))
    assert error.message == "The file has a header row but no participant rows."


def test_a_missing_required_column_is_named():
    error = file_error(csv_bytes([["Nama", "Lembaga", "RT"], ["Budi", "RT", "5"]]))
    assert error.message == "The header row (row 1) has no column for 'No HP'."


def test_a_file_without_a_header_row_says_how_to_name_columns():
    error = file_error(csv_bytes([BUDI, BUDI]))
    assert error.code == "no_header"
    assert "Nama, No HP" in error.message


def test_two_columns_for_one_field_are_refused_rather_than_picked_silently():
    error = file_error(
        csv_bytes([["Nama", "No HP", "Telepon"], ["Budi", "0812", "0813"]])
    )
    assert error.message == (
        "The columns 'No HP' and 'Telepon' in the header row mean the same thing. "
        "Keep only one."
    )


# --- Size limits ------------------------------------------------------------------


def numbered_rows(count):
    return [[f"Peserta {i}", f"0812{i:08d}"] for i in range(count)]


def test_ten_thousand_participants_are_accepted():
    data = csv_bytes([["Nama", "No HP"], *numbered_rows(MAX_DATA_ROWS)])
    preview = preview_participant_file(data, "peserta.csv")
    assert preview.valid_count == MAX_DATA_ROWS == 10_000
    assert preview.rows[-1].line == 10_001


@pytest.mark.parametrize("make", [csv_bytes, xlsx_bytes], ids=["csv", "xlsx"])
def test_ten_thousand_and_one_participants_are_refused(make):
    data = make([["Nama", "No HP"], *numbered_rows(MAX_DATA_ROWS + 1)])
    with pytest.raises(ImportFileError) as caught:
        read_table(data, "peserta")  # refused while reading, before any checking
    assert caught.value.message == (
        "The file has more than 10000 participant rows. "
        "Split it into files of at most 10000 rows."
    )


def test_blank_rows_do_not_count_towards_the_limit():
    rows = [["Nama", "No HP"]]
    for row in numbered_rows(MAX_DATA_ROWS):
        rows += [row, []]
    assert preview_participant_file(csv_bytes(rows), "x.csv").total == MAX_DATA_ROWS


def test_parsing_a_table_built_elsewhere_also_holds_the_limit():
    with pytest.raises(ImportFileError, match="more than 10000"):
        parse_participants([["Nama", "No HP"], *numbered_rows(MAX_DATA_ROWS + 1)])


# --- Row by row ---------------------------------------------------------------------


def test_blank_lines_are_skipped_but_line_numbers_stay_true():
    rows = [HEADER, [], BUDI, ["", " ", ""], [], ["Ani", "081298765432"]]
    preview = preview_participant_file(csv_bytes(rows), "x.csv")
    assert [row.line for row in preview.rows] == [3, 6]


def test_rows_numbered_in_advance_by_a_template_are_blank():
    rows = [["No", "Nama", "No HP"], ["1", "Budi", "081234567890"], ["2", "", ""]]
    assert preview_participant_file(csv_bytes(rows), "x.csv").total == 1


@pytest.mark.parametrize(
    "typed",
    [
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "081234567890",
        "81234567890",  # a number cell lost its leading zero
        "81234567890.0",  # a tool wrote the number as a float
        "'081234567890",  # Excel's text mark, typed by hand
        " (0812) 3456.7890 ",
    ],
)
def test_phone_spellings_all_become_one_number(typed):
    data = csv_bytes([["Nama", "No HP"], ["Budi", typed]])
    assert (
        only_row(preview_participant_file(data, "x.csv")).data.phone == "+6281234567890"
    )


def test_a_short_phone_is_refused_with_its_row_and_value():
    data = csv_bytes(
        [["Nama", "No HP"], ["Budi", "081234567890"]] + [[]] * 4 + [["Ani", "0812"]]
    )
    row = preview_participant_file(data, "x.csv").rows[1]
    assert row.data is None
    assert row.errors == [RowError("phone_invalid", {"line": 7, "value": "0812"})]
    assert (
        row.errors[0].message
        == "Row 7: phone '0812' is not an Indonesian phone number."
    )


@pytest.mark.parametrize(
    "shown", ["6.28123E+11", "6,28123E+11", "8.12346e+10", "6E+11"]
)
def test_a_phone_excel_shortened_to_scientific_notation_says_what_happened(shown):
    # Excel's CSV holds what the cell showed: the digits after "6.28123" are gone.
    data = csv_bytes([["Nama", "No HP"], ["Budi", shown]])
    assert messages(preview_participant_file(data, "x.csv")) == [
        f"Row 2: phone '{shown}' was shortened by Excel. "
        "Format the phone column as Text and type the number again."
    ]


def test_the_same_phone_twice_makes_the_later_row_name_the_earlier_one():
    rows = [["Nama", "No HP"], ["Budi", "0812-3456-7890"], ["Ani", "081298765432"],
            ["Budi S.", "+62 812 3456 7890"]]  # fmt: skip
    preview = preview_participant_file(csv_bytes(rows), "x.csv")
    assert [row.is_valid for row in preview.rows] == [True, True, False]
    assert messages(preview) == ["Row 4: the same phone as row 2."]


def test_every_problem_in_a_row_is_reported_at_once():
    row = ["", "", "Kader", "", "1234", "x", "Gambir", "Kartini"]
    assert messages(preview_participant_file(csv_bytes([HEADER, row]), "x.csv")) == [
        "Row 2: the full name is empty.",
        "Row 2: the phone number is empty.",
        "Row 2: institution 'Kader' is not one of RT, RW, LMK, FKDM, PKK, "
        "Karang Taruna, ASN, Lainnya.",
        "Row 2: RT '1234' should be a number from 1 to 999.",
        "Row 2: RW 'x' should be a number from 1 to 999.",
        "Row 2: kelurahan 'Kartini' is not in kecamatan 'Gambir'; it is in Sawah Besar.",
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("RT", "rt"),
        ("rw", "rw"),
        ("Karang Taruna", "karang_taruna"),
        ("karang_taruna", "karang_taruna"),
        ("KARANG TARUNA", "karang_taruna"),
        ("PKK", "pkk"),
        ("lmk", "lmk"),
        ("FKDM", "fkdm"),
        ("asn", "asn"),
        ("lainnya", "other"),
        ("Other", "other"),
        ("-", ""),
        ("", ""),
    ],
)
def test_institution_by_value_or_label_in_any_case(typed, stored):
    data = csv_bytes([["Nama", "No HP", "Lembaga"], ["Budi", "081234567890", typed]])
    row = only_row(preview_participant_file(data, "x.csv"))
    assert row.data.institution_type == stored


@pytest.mark.parametrize(
    ("rt", "rw", "stored"),
    [
        ("5", "2", ("005", "002")),
        ("05", "12", ("005", "012")),
        ("RT 05", "RW. 2", ("005", "002")),
        ("5.0", "123", ("005", "123")),
        ("", "-", ("", "")),
    ],
)
def test_rt_and_rw_are_stored_as_three_digits(rt, rw, stored):
    data = csv_bytes([["Nama", "No HP", "RT", "RW"], ["Budi", "081234567890", rt, rw]])
    data_row = only_row(preview_participant_file(data, "x.csv")).data
    assert (data_row.rt, data_row.rw) == stored


@pytest.mark.parametrize("rt", ["0", "000", "1234", "lima", "5a", "-5"])
def test_an_rt_that_is_not_a_number_from_1_to_999_is_refused(rt):
    data = csv_bytes([["Nama", "No HP", "RT"], ["Budi", "081234567890", rt]])
    assert [e.code for e in preview_participant_file(data, "x.csv").errors] == [
        "rt_invalid"
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("005/002", ("005", "002")), ("5 / 12", ("005", "012")), ("RT 05 RW 02", ("005", "002"))],
)  # fmt: skip
def test_a_combined_rt_rw_column_is_split(typed, stored):
    data = csv_bytes([["Nama", "No HP", "RT/RW"], ["Budi", "081234567890", typed]])
    data_row = only_row(preview_participant_file(data, "x.csv")).data
    assert (data_row.rt, data_row.rw) == stored


def test_a_combined_rt_rw_that_cannot_be_split_is_refused():
    data = csv_bytes([["Nama", "No HP", "RT/RW"], ["Budi", "081234567890", "5"]])
    assert messages(preview_participant_file(data, "x.csv")) == [
        "Row 2: RT/RW '5' should be written like 005/002."
    ]


@pytest.mark.parametrize(
    ("kecamatan", "kelurahan", "stored"),
    [
        ("Sawah Besar", "Kartini", ("sawah_besar", "Kartini")),
        ("sawah_besar", "kartini", ("sawah_besar", "Kartini")),
        ("SAWAH BESAR", "PASAR BARU", ("sawah_besar", "Pasar Baru")),
        ("Kec. Gambir", "Kel. Petojo Utara", ("gambir", "Petojo Utara")),
        ("", "Kartini", ("sawah_besar", "Kartini")),  # the kelurahan tells
        ("Menteng", "", ("menteng", "")),
    ],
)
def test_kecamatan_and_kelurahan_by_value_or_label(kecamatan, kelurahan, stored):
    header = ["Nama", "No HP", "Kecamatan", "Kelurahan"]
    data = csv_bytes([header, ["Budi", "081234567890", kecamatan, kelurahan]])
    data_row = only_row(preview_participant_file(data, "x.csv")).data
    assert (data_row.kecamatan, data_row.kelurahan) == stored


@pytest.mark.parametrize(
    ("kecamatan", "kelurahan", "message"),
    [
        ("Gambir", "Kartini", "Row 2: kelurahan 'Kartini' is not in kecamatan 'Gambir'; it is in Sawah Besar."),
        ("Bogor", "", "Row 2: kecamatan 'Bogor' is not a kecamatan of Jakarta Pusat."),
        ("Gambir", "Kuningan", "Row 2: kelurahan 'Kuningan' is not a kelurahan of Jakarta Pusat."),
    ],
)  # fmt: skip
def test_places_outside_jakarta_pusat_or_the_kecamatan_are_refused(
    kecamatan, kelurahan, message
):
    header = ["Nama", "No HP", "Kecamatan", "Kelurahan"]
    data = csv_bytes([header, ["Budi", "081234567890", kecamatan, kelurahan]])
    assert messages(preview_participant_file(data, "x.csv")) == [message]


def test_names_are_kept_as_typed_but_tidied():
    data = csv_bytes(
        [["Nama", "No HP"], ["  Hj.\u00a0Siti   Aminah\u200b ", "081234567890"]]
    )
    assert only_row(preview_participant_file(data, "x.csv")).data.full_name == (
        "Hj. Siti Aminah"
    )


def test_a_name_longer_than_the_column_is_refused():
    data = csv_bytes([["Nama", "No HP"], ["A" * 151, "081234567890"]])
    assert messages(preview_participant_file(data, "x.csv")) == [
        "Row 2: the full name is longer than 150 characters."
    ]


def test_invalid_rows_block_the_import_unless_the_organiser_skips_them():
    rows = [["Nama", "No HP"], ["Budi", "081234567890"], ["Ani", "0812"]]
    preview = preview_participant_file(csv_bytes(rows), "x.csv")
    assert (preview.total, preview.valid_count, preview.invalid_count) == (2, 1, 1)
    with pytest.raises(ImportFileError) as caught:
        preview.participants_to_import(skip_invalid=False)
    assert caught.value.message == (
        "Rows with errors: 1. Correct them, or choose to skip them; nothing was imported."
    )
    assert preview.participants_to_import(skip_invalid=True) == [
        ParticipantRow("Budi", "+6281234567890")
    ]


# --- Messages are ready for translation -------------------------------------------


def test_every_message_uses_only_named_placeholders():
    for code, template in MESSAGES.items():
        without_named = re.sub(r"%\(\w+\)s", "", str(template))
        assert "%" not in without_named, code


# --- Properties ------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.tuples(
            st.sampled_from([b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"sep=;\n", b"Nama,No HP\n"]),
            st.binary(max_size=2000),
        ).map(b"".join),
        st.text(max_size=500).map(lambda text: text.encode("utf-8")),
    ),
    st.sampled_from(["peserta.csv", "peserta.xlsx", "peserta", "a.pdf"]),
)  # fmt: skip
def test_any_bytes_give_a_table_of_text_or_a_clear_file_error(data, filename):
    try:
        table = read_table(data, filename)
    except ImportFileError as error:
        assert error.message
        return
    assert all(isinstance(cell, str) for row in table for cell in row)


cells = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["081234567890", "+62 812 3456 7890", "5", "Gambir", "Kartini", "RT", "-", ""]),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(cells, max_size=10), max_size=30))
def test_any_rows_under_a_header_parse_without_raising(rows):
    try:
        preview = parse_participants([HEADER, *rows])
    except ImportFileError as error:
        assert error.code == "no_participants"
        return
    lines = [row.line for row in preview.rows]
    assert lines == sorted(set(lines))
    assert all(2 <= line <= len(rows) + 1 for line in lines)
    phones = [row.data.phone for row in preview.rows if row.data]
    assert len(phones) == len(set(phones))
    for row in preview.rows:
        assert (row.data is None) == bool(row.errors)
        assert all(
            error.message.startswith(f"Row {row.line}: ") for error in row.errors
        )


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=15))
def test_any_table_at_all_parses_or_gives_a_file_error(table):
    try:
        parse_participants(table)
    except ImportFileError as error:
        assert error.message
