"""The results report in the admin: who sees it, its filters, and its spreadsheets."""

import csv
import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from openpyxl import load_workbook

from tests.factories import ParticipantFactory
from tests.lms.events.event_builders import (
    attempt,
    check_in,
    enrol,
    make_event,
    make_test,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(home_page):
    return make_event(home_page, require_post_test=True)


@pytest.fixture
def tests_of(event):
    return (
        make_test(event, "pre_test", slug="pre-test"),
        make_test(event, "post_test", slug="post-test", pass_mark=60),
    )


@pytest.fixture
def people(event, tests_of):
    pre, post = tests_of
    ani = ParticipantFactory(
        full_name="Ani", kelurahan="Kartini", institution_type="rt", position="Ketua RT"
    )
    budi = ParticipantFactory(full_name='=HYPERLINK("x")', kelurahan="Pasar Baru")
    enrol(event, ani, budi)
    check_in(event, ani)
    attempt(pre, ani, percent=Decimal("45"))
    attempt(post, ani, percent=Decimal("85"))
    attempt(pre, budi, percent=Decimal("70"))
    attempt(post, budi, percent=Decimal("50"))
    return ani, budi


def url(event, **query):
    base = reverse("lms_event_admin:results", args=[event.pk])
    return base + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def test_organisers_see_every_participants_scores(organiser_client, event, people):
    page = organiser_client.get(url(event)).content.decode()

    assert "Ani" in page and "85" in page and "40" in page  # 85 - 45
    assert "&quot;x&quot;" in page  # the name is text, not markup


@pytest.mark.parametrize("who", ["participant", "speaker"])
def test_others_are_refused(client, event, people, request, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(url(event))

    assert response.status_code in (302, 403)
    assert b"Ani" not in response.content


def test_filters_by_kelurahan_and_by_result(organiser_client, event, people):
    by_place = organiser_client.get(url(event, kelurahan="Kartini")).content.decode()
    failed = organiser_client.get(url(event, post_test="failed")).content.decode()

    assert "Ani" in by_place and "HYPERLINK" not in by_place
    assert "HYPERLINK" in failed and ">Ani<" not in failed


def test_sorts_by_gain(organiser_client, event, people):
    page = organiser_client.get(url(event, ordering="-gain")).content.decode()

    assert page.index("Ani") < page.index("HYPERLINK")


def test_the_csv_has_the_screens_rows_and_no_live_formula(
    organiser_client, in_english, event, people
):
    response = organiser_client.get(url(event, export="csv"))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert len(rows) == 1 + 2
    # Screen order (by name: "=" sorts before letters); text is neutralised,
    # numbers are not, so a negative gain stays a number.
    header, budi, ani = rows
    assert (budi[0], ani[0]) == ('\'=HYPERLINK("x")', "Ani")
    gain = header.index("Gain (points)")
    assert (Decimal(budi[gain]), Decimal(ani[gain])) == (-20, 40)


def test_the_xlsx_reads_back_with_the_same_rows_and_filters(
    organiser_client, in_english, event, people
):
    response = organiser_client.get(url(event, export="xlsx", kelurahan="Kartini"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))

    assert len(rows) == 2
    header, ani = rows
    assert ani[header.index("Name")] == "Ani"
    assert ani[header.index("Post-test (%)")] == 85
    assert ani[header.index("Certificate")] in ("", None)


def test_the_spreadsheet_has_the_screens_columns(
    organiser_client, in_english, event, people
):
    page = organiser_client.get(url(event)).content.decode()
    response = organiser_client.get(url(event, export="csv"))
    header = next(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    )

    thead = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    cells = re.findall(r"<th[^>]*>(.*?)</th>", thead, re.S)
    on_screen = [" ".join(strip_tags(cell).split()) for cell in cells]
    assert [h.split(" (")[0] for h in header] == [c for c in on_screen if c]
