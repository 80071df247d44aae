"""The organiser's list of events: Wagtail's listing with search, filters, sorting,
paging and CSV/XLSX downloads of the screen's table."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.events.admin.event_listing import EventListView
from tests.factories import OrganisationFactory, ParticipantFactory, SpeakerFactory
from tests.lms.events.event_builders import check_in, enrol, make_event
from tests.lms.events.listing_reading import (
    body,
    column,
    csv_rows,
    screen_table,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))
HEADINGS = [
    "Event",
    "Status",
    "Date",
    "Venue",
    "Kelurahan",
    "Organiser",
    "Enrolled",
    "Checked in",
]


def url(**query) -> str:
    address = reverse("lms_event_admin:events")
    return address + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


@pytest.fixture
def admin(client, organiser, in_english):
    client.force_login(organiser)
    return client


@pytest.fixture
def kpu(db):
    return OrganisationFactory(name="KPU Jakarta Pusat")


@pytest.fixture
def events(home_page, kpu):
    """One event long past, one under way, one to come; two of them KPU's."""
    bawaslu = OrganisationFactory(name="Bawaslu Jakarta Pusat")
    now = timezone.now()
    past = make_event(
        home_page,
        title="Sosialisasi Pemilu Kartini",
        starts_at=datetime.datetime(2024, 3, 6, 8, 0, tzinfo=WIB),
        kelurahan="Kartini",
        organiser=kpu,
    )
    under_way = make_event(
        home_page,
        title="Pelatihan Saksi Karang Anyar",
        starts_at=now - datetime.timedelta(hours=1),
        kelurahan="Karang Anyar",
        organiser=kpu,
    )
    to_come = make_event(
        home_page,
        title="Bimtek Pengawasan Pasar Baru",
        starts_at=now + datetime.timedelta(days=7),
        kelurahan="Pasar Baru",
        organiser=bawaslu,
    )
    people = ParticipantFactory.create_batch(3)
    enrol(past, *people)
    for person in people[:2]:
        check_in(past, person)
    enrol(to_come, people[0])
    return past, under_way, to_come


def titles(client, address) -> list[str]:
    headings, rows = screen_table(client.get(address))
    return column(headings, rows, "Event") if rows else []


def test_each_event_links_to_its_hub_with_place_organiser_and_counts(admin, events):
    past, under_way, to_come = events
    response = admin.get(url())
    headings, rows = screen_table(response)
    assert headings == HEADINGS
    by_title = {row[0]: dict(zip(headings, row, strict=True)) for row in rows}
    assert by_title[past.title] == {
        "Event": past.title,
        "Status": "live",
        "Date": "Wed 6 Mar 2024, 08:00",
        "Venue": past.venue,
        "Kelurahan": "Kartini",
        "Organiser": "KPU Jakarta Pusat",
        "Enrolled": "3",
        "Checked in": "2",
    }
    assert (
        by_title[to_come.title]["Enrolled"],
        by_title[to_come.title]["Checked in"],
    ) == ("1", "0")
    assert (
        by_title[under_way.title]["Enrolled"],
        by_title[under_way.title]["Checked in"],
    ) == ("0", "0")
    html = response.content.decode()
    for event in events:
        assert f'href="{reverse("lms_event_admin:event", args=[event.pk])}"' in html


def test_search_finds_events_by_title(admin, events):
    assert titles(admin, url(q="pengawasan")) == ["Bimtek Pengawasan Pasar Baru"]
    response = admin.get(url(q="tidak ada"))
    assert "No events match your query." in response.content.decode()


def test_filters_by_organiser_kelurahan_and_time(admin, events, kpu):
    past, under_way, to_come = events
    assert titles(admin, url(organiser=kpu.pk)) == [under_way.title, past.title]
    assert titles(admin, url(kelurahan="Pasar Baru")) == [to_come.title]
    assert titles(admin, url(when="past")) == [past.title]
    assert titles(admin, url(when="upcoming")) == [to_come.title, under_way.title]
    assert titles(admin, url(when="past", organiser=kpu.pk)) == [past.title]
    # A value not on offer filters nothing.
    assert len(titles(admin, url(when="<script>"))) == 3


def test_sorts_by_date_and_by_title(admin, events):
    past, under_way, to_come = events
    newest_first = [to_come.title, under_way.title, past.title]
    assert titles(admin, url()) == newest_first
    assert titles(admin, url(ordering="starts_at")) == newest_first[::-1]
    assert titles(admin, url(ordering="title")) == sorted(newest_first)
    assert titles(admin, url(ordering="-title")) == sorted(newest_first, reverse=True)


def test_pages_through_many_events(admin, events, monkeypatch):
    monkeypatch.setattr(EventListView, "paginate_by", 2)
    first, second = titles(admin, url()), titles(admin, url(p=2))
    assert len(first) == 2 and len(second) == 1
    assert set(first + second) == {event.title for event in events}


def test_the_spreadsheets_have_the_screens_columns_and_rows(admin, events, kpu):
    headings, rows = screen_table(admin.get(url(organiser=kpu.pk)))
    from_csv = csv_rows(admin.get(url(organiser=kpu.pk, export="csv")))
    from_xlsx = xlsx_rows(admin.get(url(organiser=kpu.pk, export="xlsx")))

    assert from_csv[0] == headings == list(from_xlsx[0])
    date = headings.index("Date")

    def without_date(row):
        return [str(cell) for n, cell in enumerate(row) if n != date]

    assert [without_date(row) for row in from_csv[1:]] == [
        without_date(row) for row in rows
    ]
    assert [without_date(row) for row in from_xlsx[1:]] == [
        without_date(row) for row in rows
    ]
    # Times in Jakarta's time, as text in the CSV and as a date in XLSX.
    assert from_csv[2][date] == "2024-03-06 08:00"
    assert from_xlsx[2][date] == datetime.datetime(2024, 3, 6, 8, 0)


def test_a_title_that_looks_like_a_formula_is_plain_text_in_the_csv(admin, home_page):
    make_event(home_page, title='=HYPERLINK("http://x")')
    rows = csv_rows(admin.get(url(export="csv")))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'


def test_no_events_says_where_to_add_one(admin, home_page):
    response = admin.get(url())
    assert (
        "No events yet. Add one as a page under “Kegiatan” in Pages."
        in response.content.decode()
    )


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
        assert response.status_code == 200 and body(response)
    return len(captured)


@pytest.mark.parametrize(
    "address",
    [
        url(),
        url(export="csv"),
        url(export="xlsx"),
        reverse("lms_event_admin:events_rows"),
    ],
)
def test_queries_are_the_same_for_2_or_12_events(admin, home_page, address):
    def add(count):
        for _ in range(count):
            event = make_event(home_page)
            people = ParticipantFactory.create_batch(2)
            enrol(event, *people)
            check_in(event, people[0])

    add(2)
    admin.get(address)  # warm the admin's caches
    two = queries(admin, address)
    add(10)
    assert queries(admin, address) == two


@pytest.mark.parametrize("role", [ParticipantFactory, SpeakerFactory])
@pytest.mark.parametrize(
    "address",
    [
        url(),
        url(export="csv"),
        url(export="xlsx"),
        reverse("lms_event_admin:events_rows"),
    ],
)
def test_participants_and_speakers_are_refused(client, events, role, address):
    client.force_login(role())
    response = client.get(address)
    assert response.status_code in (302, 403)
    assert events[0].title.encode() not in body(response)
