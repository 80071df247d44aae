"""The read-only record listings: organisers find and export records, nobody edits them."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from tests.factories import ParticipantFactory
from tests.lms.certificates.stubs import make_certificate
from tests.lms.events.event_builders import (
    attempt,
    check_in,
    enrol,
    make_event,
    make_test,
)

pytestmark = pytest.mark.django_db

LISTINGS = ["attempts", "enrolments", "check_ins", "certificates"]


@pytest.fixture
def records(home_page):
    event = make_event(home_page, title="Kegiatan Catatan")
    post = make_test(event, "post_test", slug="post-test", title="Post-test Catatan")
    user = ParticipantFactory(full_name='=HYPERLINK("x")')
    enrol(event, user)
    check_in(event, user)
    attempt(post, user, percent=Decimal("80"))
    certificate = make_certificate(event=event, user=user)
    return {"event": event, "quiz": post, "user": user, "certificate": certificate}


def index(name) -> str:
    return reverse(f"lms_records_{name}:index")


@pytest.mark.parametrize("name", LISTINGS)
def test_organisers_find_every_kind_of_record(client, organiser, records, name):
    client.force_login(organiser)

    page = client.get(index(name)).content.decode()

    assert "HYPERLINK" in page


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize("who", ["participant", "speaker"])
def test_no_one_else_sees_them(client, request, records, name, who):
    client.force_login(request.getfixturevalue(who))

    response = client.get(index(name))

    assert response.status_code in (302, 403)
    assert b"HYPERLINK" not in response.content


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize("action", ["add", "edit", "delete", "copy"])
def test_records_cannot_be_added_edited_or_deleted_here(name, action):
    with pytest.raises(NoReverseMatch):
        reverse(f"lms_records_{name}:{action}", args=[1] if action != "add" else [])


def test_an_attempt_can_be_inspected(client, organiser, records):
    client.force_login(organiser)
    the_attempt = records["quiz"].attempts.get()

    response = client.get(
        reverse("lms_records_attempts:inspect", args=[the_attempt.pk])
    )

    assert response.status_code == 200 and b"HYPERLINK" in response.content


def test_the_export_neutralises_formulas(client, organiser, in_english, records):
    client.force_login(organiser)

    response = client.get(index("certificates") + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert rows[1][0] == records["certificate"].number
    assert rows[1][1] == '\'=HYPERLINK("x")'


def test_listing_queries_do_not_grow_with_records(client, organiser, records):
    client.force_login(organiser)
    event, quiz = records["event"], records["quiz"]

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(index("attempts"))
        return len(captured.captured_queries)

    one = queries()
    for _ in range(8):
        user = ParticipantFactory()
        enrol(event, user)
        attempt(quiz, user, percent=Decimal("50"))

    assert queries() == one
