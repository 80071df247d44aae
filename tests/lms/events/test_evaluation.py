"""The event evaluation as a participant meets it: who may answer, when, once,
and what is stored (docs/reports.md, "Evaluation")."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.events.evaluation import record_response
from lms.events.evaluation_form import agenda_speakers
from lms.events.models import EvaluationResponse
from tests.factories import ParticipantFactory
from tests.lms.events.evaluation_builders import (
    AHMAD,
    RATNA,
    answers,
    make_evaluation,
    running_event,
    session,
)
from tests.lms.events.event_builders import enrol

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def event(home_page, participant):
    event = running_event(home_page)
    enrol(event, participant)
    return event


@pytest.fixture
def evaluation(event):
    return make_evaluation(event)


@pytest.fixture
def signed_in(client, participant):
    client.force_login(participant)
    return client


def stored():
    return list(EvaluationResponse.objects.values_list("form_data", flat=True))


# Per-speaker questions -------------------------------------------------------------


def test_speakers_come_from_the_agenda_each_once_in_agenda_order(event):
    assert agenda_speakers(event.agenda) == [RATNA, AHMAD]


def test_speakers_that_make_the_same_field_name_count_once(home_page):
    event = running_event(
        home_page,
        agenda=[session(9, "A", " Budi (RW 02) "), session(10, "B", "budi RW 02")],
    )
    assert agenda_speakers(event.agenda) == ["Budi (RW 02)"]


def test_a_per_speaker_question_is_asked_once_per_speaker(signed_in, evaluation):
    page = signed_in.get(evaluation.url).content.decode()
    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", page, re.S)
    assert [re.sub(r"\s+", " ", legend) for legend in legends] == [
        "Materi bermanfaat",
        f"Narasumber menguasai materi — {RATNA}",
        f"Narasumber menguasai materi — {AHMAD}",
    ]
    # Five levels each, as radio buttons in the group the legend names.
    assert page.count('type="radio"') == 15
    assert "5 · Strongly agree" in page and "1 · Strongly disagree" in page


def test_the_form_says_the_answers_are_anonymous(signed_in, evaluation):
    assert (
        "Your answers are anonymous" in signed_in.get(evaluation.url).content.decode()
    )


# Answering once --------------------------------------------------------------------


def test_answers_are_stored_by_question_and_speaker(signed_in, evaluation, participant):
    response = signed_in.post(evaluation.url, answers())
    assert "Thank you for your evaluation" in response.content.decode()
    assert stored() == [
        {
            "materi_bermanfaat": 4,
            "narasumber_menguasai_materi": {RATNA: 5, AHMAD: 4},
            "saran_dan_masukan": "Waktunya kurang panjang.",
        }
    ]
    assert EvaluationResponse.objects.get().user == participant


def test_a_second_submit_changes_nothing_and_says_so(signed_in, evaluation):
    signed_in.post(evaluation.url, answers())
    again = signed_in.post(evaluation.url, answers(materi_bermanfaat="1"))
    assert (
        "You have already filled in the evaluation, thank you" in again.content.decode()
    )
    assert [row["materi_bermanfaat"] for row in stored()] == [4]
    assert "already filled in" in signed_in.get(evaluation.url).content.decode()


def test_the_database_keeps_one_response_per_participant(evaluation, participant):
    """Two submits that both passed the "already answered?" check: the second
    insert fails on the unique constraint and records nothing."""
    first = record_response(page=evaluation, user=participant, cleaned_data={})
    second = record_response(page=evaluation, user=participant, cleaned_data={})
    assert first is not None and second is None
    assert EvaluationResponse.objects.count() == 1


def test_deleting_the_account_keeps_the_answers_without_the_link(
    signed_in, evaluation, participant
):
    signed_in.post(evaluation.url, answers())
    participant.enrolments.all().delete()
    participant.delete()
    assert EvaluationResponse.objects.get().user is None
    assert len(stored()) == 1


# Who may answer, and when -----------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in_and_back(client, evaluation):
    response = client.get(evaluation.url)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={evaluation.url}"


def test_someone_not_enrolled_gets_a_clear_page_and_saves_nothing(client, evaluation):
    client.force_login(ParticipantFactory())
    for response in (
        client.get(evaluation.url),
        client.post(evaluation.url, answers()),
    ):
        assert response.status_code == 403
        assert "This evaluation is for the event's participants" in (
            response.content.decode()
        )
    assert stored() == []


def test_a_participant_of_another_event_cannot_answer_this_one(
    signed_in, home_page, evaluation
):
    """Enrolled in ``event``, not in ``other``: ``other``'s evaluation is closed to them."""
    other = make_evaluation(running_event(home_page, slug="kegiatan-lain"))
    for response in (signed_in.get(other.url), signed_in.post(other.url, answers())):
        assert response.status_code == 403
    assert stored() == []
    signed_in.post(evaluation.url, answers())
    assert EvaluationResponse.objects.get().page_id == evaluation.pk


def test_not_open_before_the_event_starts(signed_in, event, evaluation):
    event.starts_at = timezone.now() + datetime.timedelta(hours=1)
    event.ends_at = event.starts_at + datetime.timedelta(hours=4)
    event.save()
    response = signed_in.post(evaluation.url, answers())
    assert "The evaluation opens when the event starts" in response.content.decode()
    assert stored() == []


def test_closed_after_closes_at(signed_in, event, evaluation):
    evaluation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    evaluation.save()
    response = signed_in.post(evaluation.url, answers())
    assert "The evaluation closed on" in response.content.decode()
    assert stored() == []


def test_after_closing_who_answered_still_sees_their_thanks(signed_in, evaluation):
    signed_in.post(evaluation.url, answers())
    evaluation.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    evaluation.save()
    page = signed_in.get(evaluation.url).content.decode()
    assert "You have already filled in the evaluation" in page


def test_open_until_closes_at(signed_in, evaluation):
    evaluation.closes_at = timezone.now() + datetime.timedelta(minutes=1)
    evaluation.save()
    signed_in.post(evaluation.url, answers())
    assert len(stored()) == 1


def test_closes_at_must_come_after_the_start(event, evaluation):
    evaluation.closes_at = event.starts_at
    with pytest.raises(Exception, match="must close after the event starts"):
        evaluation.full_clean()


# Bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"materi_bermanfaat": ""}, "Answer this question: Materi bermanfaat"),
        ({"materi_bermanfaat": "6"}, "Choose one of the five answers"),
        ({"materi_bermanfaat": "<script>"}, "Choose one of the five answers"),
        (
            {"saran_dan_masukan": "a" * 2001},
            "Write at most 2000 characters; this answer has 2001.",
        ),
    ],
    ids=["missing", "out of range", "not a number", "too long"],
)
def test_bad_input_is_explained_and_saves_nothing(signed_in, evaluation, change, error):
    response = signed_in.post(evaluation.url, answers(**change))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and error in page
    assert stored() == []


def test_a_missing_answer_about_one_speaker_names_the_speaker(signed_in, evaluation):
    key = "narasumber_menguasai_materi--ahmad-fauzi-rahman-kpu-kota-jakarta-pusat"
    page = signed_in.post(evaluation.url, answers(**{key: ""})).content.decode()
    assert f"Answer this question: Narasumber menguasai materi — {AHMAD}" in page
    assert stored() == []


def test_an_optional_comment_may_stay_empty(signed_in, evaluation):
    signed_in.post(evaluation.url, answers(saran_dan_masukan=""))
    assert stored()[0]["saran_dan_masukan"] == ""
