"""One quiz's results page in the admin: who sees it, its summary, filters, sorting,
spreadsheets, the links to it, and queries that do not grow with participants."""

import csv
import datetime
import html
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Max
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from openpyxl import load_workbook
from wagtail.models import Page

from lms.reports.quiz_results_view import QuizResultsView
from quizzes.models import Attempt
from tests.factories import ParticipantFactory, QuizPageFactory
from tests.lms.events.event_builders import attempt, make_event, make_test

pytestmark = pytest.mark.django_db


def url(quiz, **query):
    base = reverse("lms_reports:quiz_results", args=[quiz.pk])
    return base + (
        "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    )


def page_of(client, quiz, **query) -> str:
    response = client.get(url(quiz, **query))
    assert response.status_code == 200
    return response.content.decode()


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def event(home_page):
    return make_event(home_page)


@pytest.fixture
def post_test(event):
    return make_test(event, "post_test", slug="post-test", pass_mark=60)


@pytest.fixture
def people(post_test):
    """Ani passed on her second attempt; the formula-named one did not."""
    ani = ParticipantFactory(
        full_name="Ani", kelurahan="Kartini", institution_type="rt"
    )
    other = ParticipantFactory(
        full_name='=HYPERLINK("x")', kelurahan="Pasar Baru", institution_type="pkk"
    )
    attempt(post_test, ani, percent=Decimal("50"), number=1)
    attempt(post_test, ani, percent=Decimal("85"), number=2)
    attempt(post_test, other, percent=Decimal("40"))
    return ani, other


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


# Who sees it -----------------------------------------------------------------------


def test_organisers_see_each_participants_result(
    organiser_client, in_english, post_test, people
):
    page = page_of(organiser_client, post_test)

    assert "Ani" in page and "85.00" in page and "Passed" in page
    assert "&quot;x&quot;" in page and "Not passed" in page  # a name is text
    assert "Highest attempt" in page  # which grade counts, in words


def test_the_quizs_own_speakers_see_a_modules_quiz(client, learning, quiz):
    attempt(quiz, ParticipantFactory(full_name="Citra"), percent=Decimal("75"))
    client.force_login(learning.speaker_for(learning.kpu))

    assert "Citra" in page_of(client, quiz)


def test_a_speaker_of_another_organisation_is_refused(client, learning, quiz):
    attempt(quiz, ParticipantFactory(full_name="Citra"), percent=Decimal("75"))
    client.force_login(learning.speaker_for(learning.bawaslu))

    response = client.get(url(quiz))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    "report", ["lms_reports:quiz_items", "lms_reports:quiz_results"]
)
def test_a_speaker_guessing_ids_opens_only_their_own_quizzes(
    client, learning, event, post_test, report
):
    own = QuizPageFactory(parent=learning.module, slug="kuis-kpu")
    QuizPageFactory(parent=learning.bawaslu_module, slug="kuis-bawaslu")
    client.force_login(learning.speaker_for(learning.kpu))

    answers = {
        page_id: client.get(reverse(report, args=[page_id])).status_code
        for page_id in range(1, Page.objects.aggregate(last=Max("pk"))["last"] + 2)
    }

    assert {page_id for page_id, code in answers.items() if code == 200} == {own.pk}
    assert set(answers.values()) == {200, 302, 404}  # refused or not a quiz


@pytest.mark.parametrize("query", [{}, {"export": "csv"}])
def test_participants_are_refused_the_page_and_its_spreadsheet(
    client, participant, post_test, people, query
):
    client.force_login(participant)

    response = client.get(url(post_test, **query))

    assert response.status_code == 302
    assert not response.streaming and b"Ani" not in response.content


def test_anonymous_visitors_are_sent_to_log_in(client, post_test):
    response = client.get(url(post_test))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_an_unknown_quiz_is_not_found(organiser_client, post_test):
    unknown = reverse("lms_reports:quiz_results", args=[post_test.pk + 1000])

    assert organiser_client.get(unknown).status_code == 404


# What it shows ----------------------------------------------------------------------


def test_the_summary_counts_every_filtered_row(
    organiser_client, in_english, post_test, people
):
    everyone = page_of(organiser_client, post_test)
    kartini = page_of(organiser_client, post_test, kelurahan="Kartini")

    # Ani 85 and 40: mean 62.50, median 62.50, 1 of 2 passed.
    assert summary_of(everyone) == {
        "Participants": "2",
        "Mean score": "62.50",
        "Median score": "62.50",
        "Pass rate": "50.00% · 1 of 2 passed",
    }
    assert summary_of(kartini)["Pass rate"] == "100.00% · 1 of 1 passed"


def test_the_summary_counts_the_rows_of_every_page(
    organiser_client, in_english, post_test, people, monkeypatch
):
    monkeypatch.setattr(QuizResultsView, "paginate_by", 1)

    page = page_of(organiser_client, post_test)

    assert len(names_of(page)) == 1
    assert summary_of(page)["Participants"] == "2"


def summary_of(page: str) -> dict[str, str]:
    table = re.search(
        r'<table class="listing report-summary">(.*?)</table>', page, re.S
    )
    cells = re.findall(r"<th[^>]*>(.*?)</th>\s*<td>(.*?)</td>", table.group(1), re.S)
    return {
        strip_tags(head).strip(): " ".join(strip_tags(value).split())
        for head, value in cells
    }


def test_a_quiz_nobody_handed_in_says_not_enough_data(
    organiser_client, in_english, post_test
):
    attempt(post_test, ParticipantFactory(full_name="Dedi"))  # still open

    page = page_of(organiser_client, post_test)

    assert summary_of(page) == {
        "Participants": "0",
        "Mean score": "not enough data",
        "Median score": "not enough data",
        "Pass rate": "not enough data",
    }
    assert "Dedi" not in page


def test_a_pre_test_shows_scores_without_passing(organiser_client, in_english, event):
    pre = make_test(event, "pre_test", slug="pre-test", pass_mark=60)
    attempt(pre, ParticipantFactory(full_name="Eka"), percent=Decimal("30"))

    page = page_of(organiser_client, pre, passed="passed")

    assert "Eka" in page and "30.00" in page  # the passed filter does not apply
    assert "Pass rate" not in page and "Not passed" not in page
    assert "Result" not in headings_of(page)
    header = rows_of(organiser_client.get(url(pre, export="csv")))[0]
    assert "Result" not in header


def names_of(page: str) -> list[str]:
    """The table's first column as a reader sees it, top to bottom (the summary's
    table comes first)."""
    tbody = re.findall(r"<tbody>(.*?)</tbody>", page, re.S)[-1]
    rows = re.findall(r"<tr[^>]*>\s*<td[^>]*>(.*?)</td>", tbody, re.S)
    return [html.unescape(" ".join(strip_tags(cell).split())) for cell in rows]


def headings_of(page: str) -> list[str]:
    thead = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    cells = re.findall(r"<th[^>]*>(.*?)</th>", thead, re.S)
    return [
        " ".join(strip_tags(cell).split()) for cell in cells if strip_tags(cell).strip()
    ]


# Filters and sorting ----------------------------------------------------------------


def test_filters_by_kelurahan_institution_and_result(
    organiser_client, post_test, people
):
    by_place = page_of(organiser_client, post_test, kelurahan="Kartini")
    by_institution = page_of(organiser_client, post_test, institution_type="pkk")
    failed = page_of(organiser_client, post_test, passed="failed")

    assert names_of(by_place) == ["Ani"]
    assert names_of(by_institution) == names_of(failed) == ['=HYPERLINK("x")']


def test_a_bad_filter_or_ordering_changes_nothing(organiser_client, post_test, people):
    page = page_of(
        organiser_client,
        post_test,
        kelurahan="%3Cscript%3Ealert(1)%3C/script%3E",
        ordering="password",
        p="x",
    )

    assert names_of(page) == ['=HYPERLINK("x")', "Ani"]  # by name: "=" first
    assert "<script>alert(1)" not in page


def test_sorts_by_score_and_by_attempts(organiser_client, post_test, people):
    best_first = page_of(organiser_client, post_test, ordering="-grade")
    fewest_first = page_of(organiser_client, post_test, ordering="attempts")

    assert names_of(best_first) == ["Ani", '=HYPERLINK("x")']
    assert names_of(fewest_first) == ['=HYPERLINK("x")', "Ani"]


# Spreadsheets -----------------------------------------------------------------------


def test_the_csv_has_the_screens_columns_and_no_live_formula(
    organiser_client, in_english, post_test, people
):
    page = page_of(organiser_client, post_test)
    header, other, ani = rows_of(organiser_client.get(url(post_test, export="csv")))

    assert [h.split(" (")[0] for h in header] == headings_of(page)
    assert (other[0], ani[0]) == ('\'=HYPERLINK("x")', "Ani")
    score, attempts = header.index("Score (%)"), header.index("Attempts")
    assert (Decimal(ani[score]), ani[attempts]) == (85, "2")


def test_the_xlsx_reads_back_filtered_with_jakartas_time(
    organiser_client, in_english, post_test, people
):
    ani, _other = people
    handed_in = datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)
    Attempt.objects.filter(user=ani).update(submitted_at=handed_in)

    response = organiser_client.get(url(post_test, export="xlsx", passed="passed"))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = sheet.iter_rows(values_only=True)

    assert row[header.index("Name")] == "Ani"
    assert row[header.index("Score (%)")] == 85
    assert row[header.index("Result")] == "Passed"
    # 01.30 UTC is 08.30 in Jakarta (UTC+7).
    assert row[header.index("Last submitted")] == datetime.datetime(2026, 3, 2, 8, 30)
    assert timezone.get_current_timezone_name() == "Asia/Jakarta"


# Links ------------------------------------------------------------------------------


def test_the_quiz_page_in_the_admin_links_to_its_results(
    organiser_client, quiz, learning
):
    quiz_page = page_of_admin(organiser_client, quiz.pk)
    module_page = page_of_admin(organiser_client, learning.module.pk)

    assert f'href="{url(quiz)}"' in quiz_page
    assert url(quiz) not in module_page


def page_of_admin(client, page_id) -> str:
    return client.get(
        reverse("wagtailadmin_pages:edit", args=[page_id])
    ).content.decode()


def test_the_results_and_the_item_analysis_link_to_each_other(organiser_client, quiz):
    items_url = reverse("lms_reports:quiz_items", args=[quiz.pk])

    assert f'href="{items_url}"' in page_of(organiser_client, quiz)
    assert f'href="{url(quiz)}"' in organiser_client.get(items_url).content.decode()


# Queries ----------------------------------------------------------------------------


def _queries(client, quiz) -> int:
    with CaptureQueriesContext(connection) as captured:
        page_of(client, quiz)
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_participants_or_attempts(organiser_client, post_test):
    def hand_in(participants, attempts):
        for _ in range(participants):
            user = ParticipantFactory()
            for number in range(1, attempts + 1):
                attempt(post_test, user, percent=Decimal("70"), number=number)

    hand_in(2, 1)
    page_of(organiser_client, post_test)  # sessions, content types: once
    small = _queries(organiser_client, post_test)
    hand_in(10, 3)

    assert _queries(organiser_client, post_test) == small
