"""The pact report on Wagtail's listing: its filter, sorting by any pact, paging.

What the report shows and its CSV are in ``test_pact_admin.py``."""

import datetime
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.events.admin.pact_listing import PactReportView
from lms.events.models import PactAcceptance
from lms.events.pacts import accept_pact
from tests.factories import PactFactory, ParticipantFactory, SpeakerFactory
from tests.lms.events.listing_reading import body, column, screen_table
from tests.lms.events.pact_setup import enrol_many, event_requiring

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))


def url(event, name="pacts", **query) -> str:
    address = reverse(f"lms_event_admin:{name}", args=[event.pk])
    return address + ("?" + urlencode(query) if query else "")


@pytest.fixture
def admin(client, organiser, in_english):
    client.force_login(organiser)
    return client


def accept(event, user, pact, *, day: int):
    """``user`` accepts ``pact`` online, at 08.00 on ``day`` September 2023."""
    acceptance = accept_pact(
        event=event,
        user=user,
        pact=pact,
        version_id=pact.versions.get().pk,
        typed_name=user.full_name,
        agreed=True,
    )
    PactAcceptance.objects.filter(pk=acceptance.pk).update(
        accepted_at=datetime.datetime(2023, 9, day, 8, 0, tzinfo=WIB)
    )


@pytest.fixture
def pact(db):
    return PactFactory(title="Pakta Integritas")


@pytest.fixture
def event(home_page, pact):
    """Ani accepted both texts, Budi the pact only (before Ani), Citra nothing."""
    pledge = PactFactory(title="Ikrar Netralitas ASN", kind="pledge")
    ani, budi, citra = (
        ParticipantFactory(full_name=name)
        for name in ("Ani Lestari", "Budi Santoso", "Citra Dewi")
    )
    event = event_requiring(home_page, pact, pledge, participants=[ani, budi, citra])
    accept(event, ani, pact, day=2)
    accept(event, ani, pledge, day=2)
    accept(event, budi, pact, day=1)
    return event


def names(client, address) -> list[str]:
    headings, rows = screen_table(client.get(address))
    return column(headings, rows, "Name") if rows else []


def test_filters_on_whether_everything_is_accepted(admin, event):
    assert names(admin, url(event, acceptance="complete")) == ["Ani Lestari"]
    assert names(admin, url(event, acceptance="missing")) == [
        "Budi Santoso",
        "Citra Dewi",
    ]
    assert len(names(admin, url(event, acceptance="<script>"))) == 3


def test_sorts_by_name_and_by_when_a_pact_was_accepted(admin, event, pact):
    assert names(admin, url(event)) == ["Ani Lestari", "Budi Santoso", "Citra Dewi"]
    assert names(admin, url(event, ordering="-name")) == [
        "Citra Dewi",
        "Budi Santoso",
        "Ani Lestari",
    ]
    # Those who have not accepted come last, whichever way.
    by_pact = f"pact_{pact.pk}"
    assert names(admin, url(event, ordering=by_pact)) == [
        "Budi Santoso",
        "Ani Lestari",
        "Citra Dewi",
    ]
    assert names(admin, url(event, ordering=f"-{by_pact}")) == [
        "Ani Lestari",
        "Budi Santoso",
        "Citra Dewi",
    ]


def test_pages_through_many_participants(admin, event, monkeypatch):
    monkeypatch.setattr(PactReportView, "paginate_by", 2)
    first, second = names(admin, url(event)), names(admin, url(event, p=2))
    assert first == ["Ani Lestari", "Budi Santoso"] and second == ["Citra Dewi"]


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
        assert response.status_code == 200 and body(response)
    return len(captured)


def test_the_rows_fragment_costs_the_same_for_3_or_23_participants(admin, event, pact):
    address = url(event, "pacts_rows", ordering=f"pact_{pact.pk}")
    admin.get(address)  # warm the admin's caches
    three = queries(admin, address)
    for day, user in enumerate(enrol_many(event, 20), start=3):
        accept(event, user, pact, day=day)
    assert queries(admin, address) == three


@pytest.mark.parametrize("role", [ParticipantFactory, SpeakerFactory])
@pytest.mark.parametrize(
    "name, query", [("pacts_rows", {}), ("pacts", {"export": "xlsx"})]
)
def test_participants_and_speakers_get_no_rows_or_spreadsheet(
    client, event, role, name, query
):
    client.force_login(role())
    response = client.get(url(event, name, **query))
    assert response.status_code in (302, 403)
    assert b"Ani Lestari" not in body(response)


def test_the_header_names_the_report_and_the_event(admin, event):
    page = admin.get(url(event)).content.decode()
    assert f"<title>Pacts and pledges: {event.title}" in page
