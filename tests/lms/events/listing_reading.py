"""Reading the organisers' listings as their readers do: the table on screen and
the CSV and XLSX downloads, as lists of rows of text."""

import csv
import io

from bs4 import BeautifulSoup
from openpyxl import load_workbook


def _text(cell) -> str:
    return " ".join(cell.get_text(" ", strip=True).split())


def body(response) -> bytes:
    """The whole body, streamed (Wagtail's CSV) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def screen_table(response) -> tuple[list[str], list[list[str]]]:
    """The listing's column headings and its rows' cell texts; ([], []) without one."""
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    table = page.select_one("#listing-results table")
    if table is None:
        return [], []
    headings = [_text(th) for th in table.select("thead th")]
    rows = [[_text(td) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    return headings, rows


def csv_rows(response) -> list[list[str]]:
    """The CSV's rows; it starts with the byte-order mark Excel needs for UTF-8."""
    assert response["Content-Type"].startswith("text/csv")
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def xlsx_rows(response) -> list[tuple]:
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(body(response))).active
    return list(sheet.iter_rows(values_only=True))


def column(headings: list[str], rows: list, heading: str) -> list:
    """The cells under ``heading``, top to bottom."""
    number = headings.index(heading)
    return [row[number] for row in rows]
