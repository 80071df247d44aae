"""The CSV an organiser downloads to start a participant list from."""

import csv
import io

HEADER = ["Nama", "No HP", "Lembaga", "Jabatan", "RT", "RW", "Kecamatan", "Kelurahan"]
EXAMPLE = ["Budi Santoso", "0812-3456-7890", "RT", "Ketua RT 005", "005", "002", "Sawah Besar", "Kartini"]  # fmt: skip


def template_csv() -> bytes:
    """The headers the import reads and one example row.

    The first line, "sep=,", makes Excel split the columns even where Windows
    is set to Indonesian (whose list separator is ";"); the import skips it.
    The dashes keep Excel from turning the phone number into a number.
    """
    buffer = io.StringIO()
    buffer.write("sep=,\r\n")
    csv.writer(buffer, lineterminator="\r\n").writerows([HEADER, EXAMPLE])
    return buffer.getvalue().encode("utf-8")
