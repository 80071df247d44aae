"""The attendance list on Wagtail's listing: filters, sorting, paging and CSV/XLSX
downloads of the screen's table. The hall screen, the manual check-in and the
daftar hadir are in ``test_attendance_admin.py``."""

import datetime
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.events.admin.attendance_listing import AttendanceView
from lms.events.models import CheckIn
from tests.factories import CheckInFactory, ParticipantFactory, SpeakerFactory
from tests.lms.events.attendance_setup import WIB, enrol_participants, make_event
from tests.lms.events.listing_reading import (
    body,
    column,
    csv_rows,
    screen_table,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Name",
    "Username",
    "Institution",
    "Position",
    "Kelurahan",
    "Attendance",
    "Checked in at",
    "How",
    "Recorded by",
    "Reason",
]


def url(event, name="attendance", **query) -> str:
    address = reverse(f"lms_event_admin:{name}", args=[event.pk])
    return address + ("?" + urlencode(query) if query else "")


@pytest.fixture
def admin(client, organiser, in_english):
    client.force_login(organiser)
    return client


@pytest.fixture
def event(home_page, organiser):
    """Ani scanned at 07.41 in Kartini, Budi was checked in by hand at 07.55 in
    Pasar Baru, Citra (Kartini) has not come."""
    event = make_event(home_page)
    (ani,) = enrol_participants(event, 1, full_name="Ani Lestari", kelurahan="Kartini")
    (budi,) = enrol_participants(
        event, 1, full_name="Budi Santoso", kelurahan="Pasar Baru"
    )
    enrol_participants(event, 1, full_name="Citra Dewi", kelurahan="Kartini")
    CheckInFactory(
        event=event,
        user=ani,
        checked_in_at=datetime.datetime(2030, 9, 25, 7, 41, tzinfo=WIB),
    )
    CheckInFactory(
        event=event,
        user=budi,
        checked_in_at=datetime.datetime(2030, 9, 25, 7, 55, tzinfo=WIB),
        method=CheckIn.Method.MANUAL,
        reason="Baterai ponsel habis",
        recorded_by=organiser,
    )
    return event


def names(client, address) -> list[str]:
    headings, rows = screen_table(client.get(address))
    return column(headings, rows, "Name") if rows else []


def test_filters_by_attendance_and_kelurahan(admin, event):
    assert names(admin, url(event, attendance="checked_in")) == [
        "Ani Lestari",
        "Budi Santoso",
    ]
    assert names(admin, url(event, attendance="not_yet")) == ["Citra Dewi"]
    assert names(admin, url(event, kelurahan="Kartini")) == [
        "Ani Lestari",
        "Citra Dewi",
    ]
    assert names(admin, url(event, attendance="not_yet", kelurahan="Pasar Baru")) == []
    # A value not on offer filters nothing.
    assert len(names(admin, url(event, attendance="<script>"))) == 3


def test_sorts_by_name_kelurahan_and_check_in_time(admin, event):
    assert names(admin, url(event)) == ["Ani Lestari", "Budi Santoso", "Citra Dewi"]
    assert names(admin, url(event, ordering="-name")) == [
        "Citra Dewi",
        "Budi Santoso",
        "Ani Lestari",
    ]
    assert names(admin, url(event, ordering="kelurahan")) == [
        "Ani Lestari",
        "Citra Dewi",
        "Budi Santoso",
    ]
    # Those not checked in come last, whichever way.
    assert names(admin, url(event, ordering="-checked_in_at")) == [
        "Budi Santoso",
        "Ani Lestari",
        "Citra Dewi",
    ]


def test_pages_through_many_participants(admin, event, monkeypatch):
    monkeypatch.setattr(AttendanceView, "paginate_by", 2)
    first, second = names(admin, url(event)), names(admin, url(event, p=2))
    assert first == ["Ani Lestari", "Budi Santoso"] and second == ["Citra Dewi"]


def test_the_spreadsheets_have_the_screens_columns_and_rows(admin, event):
    query = {"kelurahan": "Kartini", "ordering": "-name"}
    headings, rows = screen_table(admin.get(url(event, **query)))
    csv_response = admin.get(url(event, export="csv", **query))
    from_csv = csv_rows(csv_response)
    from_xlsx = xlsx_rows(admin.get(url(event, export="xlsx", **query)))

    assert csv_response["Content-Disposition"].endswith(f'kehadiran-{event.slug}.csv"')
    assert from_csv[0] == headings == list(from_xlsx[0]) == HEADINGS
    at = HEADINGS.index("Checked in at")

    def without_time(row):
        return [str(cell or "") for n, cell in enumerate(row) if n != at]

    assert [without_time(row) for row in from_csv[1:]] == [
        without_time(row) for row in rows
    ]
    assert [without_time(row) for row in from_xlsx[1:]] == [
        without_time(row) for row in rows
    ]
    # Citra has not come: a dash on screen, an empty cell in the spreadsheets.
    assert [rows[0][at], from_csv[1][at], from_xlsx[1][at]] == ["–", "", None]
    # Ani scanned at 07.41 in Jakarta: as text in the CSV, as a date in XLSX.
    assert from_csv[2][at] == "2030-09-25 07:41"
    assert from_xlsx[2][at] == datetime.datetime(2030, 9, 25, 7, 41)


def test_text_that_looks_like_a_formula_is_plain_text_in_the_csv(admin, event):
    enrol_participants(event, 1, full_name='=HYPERLINK("http://x")', position="-1")
    rows = csv_rows(admin.get(url(event, export="csv", attendance="not_yet")))
    cells = next(row for row in rows if "HYPERLINK" in row[0])
    assert cells[0] == '\'=HYPERLINK("http://x")'
    assert cells[HEADINGS.index("Position")] == "'-1"


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
        assert response.status_code == 200 and body(response)
    return len(captured)


@pytest.mark.parametrize("name", ["attendance", "attendance_rows"])
@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_queries_are_the_same_for_3_or_23_participants(
    admin, event, organiser, name, export
):
    address = url(event, name, **({"export": export} if export else {}))
    admin.get(address)  # warm the admin's caches
    three = queries(admin, address)
    for person in enrol_participants(event, 20):
        CheckInFactory(
            event=event,
            user=person,
            method=CheckIn.Method.MANUAL,
            reason="Baterai habis",
            recorded_by=organiser,
        )
    assert queries(admin, address) == three


@pytest.mark.parametrize("role", [ParticipantFactory, SpeakerFactory])
@pytest.mark.parametrize(
    "name, query",
    [
        ("attendance_rows", {}),
        ("attendance", {"export": "csv"}),
        ("attendance", {"export": "xlsx"}),
    ],
)
def test_participants_and_speakers_get_no_rows_or_spreadsheet(
    client, event, role, name, query
):
    client.force_login(role())
    response = client.get(url(event, name, **query))
    assert response.status_code in (302, 403)
    assert b"Ani Lestari" not in body(response)


def test_the_rows_fragment_takes_no_check_in(admin, event):
    citra = event.enrolments.get(user__full_name="Citra Dewi").user
    response = admin.post(
        url(event, "attendance_rows"), {"participant": citra.pk, "reason": "x"}
    )
    assert response.status_code == 405
    assert not CheckIn.objects.filter(user=citra).exists()
