"""The evaluation report in the admin: its numbers, chart, comments and downloads;
anonymous, for organisers only, in a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from lms.events.models import EvaluationResponse
from tests.factories import ParticipantFactory
from tests.lms.events.evaluation_builders import (
    AGENDA,
    AHMAD,
    RATNA,
    make_evaluation,
    running_event,
)
from tests.lms.events.event_builders import enrol

pytestmark = pytest.mark.usefixtures("in_english")

SCRIPT_COMMENT = '<script>alert("x")</script>Bagus sekali <img src=x onerror=alert(1)>'
FORMULA_COMMENT = '=HYPERLINK("http://contoh.id","klik")'
# Unlike "siti", found in no word of the admin's own markup ("transition").
RESPONDENT_USERNAME = "nurhaliza_siti"


@pytest.fixture
def event(home_page):
    return running_event(home_page)


@pytest.fixture
def evaluation(event):
    return make_evaluation(event)


def respond(evaluation, materi, ratna, ahmad, saran="", *, user=None):
    user = user or ParticipantFactory()
    enrol(evaluation.event, user)
    return EvaluationResponse.objects.create(
        page=evaluation,
        user=user,
        form_data={
            "materi_bermanfaat": materi,
            "narasumber_menguasai_materi": {RATNA: ratna, AHMAD: ahmad},
            "saran_dan_masukan": saran,
        },
    )


@pytest.fixture
def responses(evaluation):
    """Three responses, and one enrolled participant who did not answer."""
    enrol(evaluation.event, ParticipantFactory(full_name="Belum Menjawab"))
    return [
        respond(evaluation, 4, 5, 3, "Waktunya kurang.", user=ParticipantFactory(
            full_name="Siti Nurhaliza", username=RESPONDENT_USERNAME
        )),
        respond(evaluation, 5, 5, 4, SCRIPT_COMMENT),
        respond(evaluation, 2, 4, 4, FORMULA_COMMENT),
    ]  # fmt: skip


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


def url(event, **query):
    path = reverse("lms_event_admin:evaluation", args=[event.pk])
    return path + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def page_of(client, event) -> str:
    return client.get(url(event)).content.decode()


def test_the_numbers_of_each_question_and_speaker(organiser_client, event, responses):
    page = page_of(organiser_client, event)
    assert "3 responses from 4 enrolled participants." in page
    # Materi: 4, 5, 2 → mean 11/3 = 3.666… → 3.7; agree 2 of 3 = 66.666…% → 66.7.
    assert "<td>3.7</td>" in page and "2 (66.7%)" in page
    # Ratna: 5, 5, 4 → 14/3 = 4.666… → 4.7, all agree; Ahmad: 3, 4, 4 → 11/3 → 3.7.
    assert f"Narasumber menguasai materi — {RATNA}" in page
    assert "<td>4.7</td>" in page and "3 (100.0%)" in page
    assert page.count('role="img"') == 1
    assert "How participants rated the event" in page


def test_comments_are_cleaned_and_escaped(organiser_client, event, responses):
    page = page_of(organiser_client, event)
    assert "Waktunya kurang." in page
    assert 'alert("x")Bagus sekali' not in page  # escaped: the quotes are entities
    assert "alert(&quot;x&quot;)Bagus sekali" in page
    assert "<script>alert" not in page and "onerror" not in page and "<img" not in page


def test_no_name_on_the_page(organiser_client, event, responses):
    page = page_of(organiser_client, event)
    assert "Siti Nurhaliza" not in page and RESPONDENT_USERNAME not in page
    assert "Belum Menjawab" not in page


def test_without_responses_it_says_not_enough_data(organiser_client, event, evaluation):
    page = page_of(organiser_client, event)
    assert "0 responses from 0 enrolled participants." in page
    assert "not enough data" in page and "Not enough data for a chart" in page


def test_without_an_evaluation_page_it_offers_to_add_one(organiser_client, event):
    page = page_of(organiser_client, event)
    add = reverse("wagtailadmin_pages:add", args=["lms", "evaluationpage", event.pk])
    assert "This event has no evaluation form yet." in page and add in page


def test_another_events_answers_stay_out(organiser_client, home_page, event, responses):
    other = make_evaluation(running_event(home_page, slug="kegiatan-lain"))
    respond(other, 1, 1, 1, "Jawaban kegiatan lain.")
    page = page_of(organiser_client, event)
    assert "3 responses from 4 enrolled participants." in page
    assert "Jawaban kegiatan lain." not in page
    assert len(csv_rows(organiser_client, event)) == 1 + 3


def test_a_speaker_taken_off_the_agenda_keeps_their_answers(
    organiser_client, event, responses
):
    """Answers about Ahmad came in; then the agenda lost him. His row stays, last."""
    event.agenda = [block for block in AGENDA if block[1]["speaker"] != AHMAD]
    event.save()
    page = page_of(organiser_client, event)
    ratna = page.index(f"Narasumber menguasai materi — {RATNA}")
    assert page.index(f"Narasumber menguasai materi — {AHMAD}", ratna) > ratna
    assert csv_rows(organiser_client, event)[0] == HEADINGS


@pytest.mark.parametrize("who", ["participant", "speaker"])
def test_others_are_refused(client, event, responses, request, who):
    client.force_login(request.getfixturevalue(who))
    for query in ({}, {"export": "csv"}):
        response = client.get(url(event, **query))
        assert response.status_code in (302, 403)
        assert b"Waktunya" not in response.content


def csv_rows(client, event):
    response = client.get(url(event, export="csv"))
    assert response["Content-Disposition"].endswith(f'evaluasi-{event.slug}.csv"')
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


HEADINGS = [
    "Materi bermanfaat",
    f"Narasumber menguasai materi — {RATNA}",
    f"Narasumber menguasai materi — {AHMAD}",
    "Saran dan masukan",
]


def test_the_csv_has_one_row_per_response_and_no_live_formula(
    organiser_client, event, responses
):
    rows = csv_rows(organiser_client, event)
    assert rows == [
        HEADINGS,
        ["4", "5", "3", "Waktunya kurang."],
        ["5", "5", "4", SCRIPT_COMMENT],
        ["2", "4", "4", "'" + FORMULA_COMMENT],
    ]


def test_the_xlsx_reads_back_with_numbers_as_numbers(
    organiser_client, event, responses
):
    response = organiser_client.get(url(event, export="xlsx"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings, *rows = sheet.iter_rows(values_only=True)
    assert list(headings) == HEADINGS
    assert [row[:3] for row in rows] == [(4, 5, 3), (5, 5, 4), (2, 4, 4)]
    formula_cell = sheet.cell(row=4, column=4)
    assert (formula_cell.value, formula_cell.data_type) == (FORMULA_COMMENT, "s")


def test_no_name_in_the_downloads(organiser_client, event, responses):
    text = str(csv_rows(organiser_client, event))
    assert "Siti" not in text and RESPONDENT_USERNAME not in text


def test_queries_do_not_grow_with_the_responses(organiser_client, event, evaluation):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert organiser_client.get(url(event)).status_code == 200
        return len(captured)

    for answer in (4, 5):
        respond(evaluation, answer, 5, 4, "Baik.")
    with_two = queries()
    for answer in range(10):
        respond(evaluation, answer % 5 + 1, 5, 4, "Baik.")
    assert EvaluationResponse.objects.count() == 12
    assert queries() == with_two


# Wagtail's own listing of the responses ("Forms") ------------------------------------


def test_wagtails_listing_shows_answers_without_names_and_safe_csv(
    client, evaluation, responses
):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = reverse("wagtailforms:list_submissions", args=[evaluation.pk])
    page = client.get(listing).content.decode()
    assert "Waktunya kurang." in page and RATNA in page
    assert "Siti" not in page and RESPONDENT_USERNAME not in page

    response = client.get(listing + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][1:] == HEADINGS
    assert [row[4] for row in rows if "HYPERLINK" in row[4]] == ["'" + FORMULA_COMMENT]
    assert "Siti" not in str(rows)
