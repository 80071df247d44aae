"""The item analysis page of a quiz in the admin: who sees it, what it shows, and
that question texts are shown as text."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission

from lms.accounts.roles import ORGANISER
from tests.factories import QuizPageFactory, question_blocks
from tests.lms.reports.item_builders import RIGHT_DATE, SINGLE, WRONG_DATE, take

pytestmark = pytest.mark.django_db


def url(quiz_id):
    return reverse("lms_reports:quiz_items", args=[quiz_id])


@pytest.fixture
def taken_quiz(quiz):
    """The KPU module's quiz, taken three times."""
    for seed, date in enumerate([RIGHT_DATE, RIGHT_DATE, WRONG_DATE]):
        take(quiz, {SINGLE: date}, seed=seed)
    return quiz


def test_organisers_see_each_question_its_options_and_the_reliability(
    client, organiser, taken_quiz, in_english
):
    client.force_login(organiser)

    response = client.get(url(taken_quiz.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<th scope="row">Q1</th>' in page and SINGLE in page
    assert "KR-20" in page
    assert "(right answer)" in page and WRONG_DATE in page
    assert 'role="img"' in page  # the difficulty against discrimination chart


def test_organisers_see_quizzes_they_may_not_edit(client, organiser, taken_quiz):
    GroupPagePermission.objects.filter(group__name=ORGANISER).delete()
    client.force_login(organiser)

    assert client.get(url(taken_quiz.pk)).status_code == 200


def test_the_quizs_own_speakers_see_it(client, learning, taken_quiz):
    client.force_login(learning.speaker_for(learning.kpu))

    assert client.get(url(taken_quiz.pk)).status_code == 200


def test_a_speaker_of_another_organisation_is_refused(client, learning, taken_quiz):
    client.force_login(learning.speaker_for(learning.bawaslu))

    response = client.get(url(taken_quiz.pk))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_participants_are_refused(client, participant, taken_quiz):
    client.force_login(participant)

    response = client.get(url(taken_quiz.pk))

    assert response.status_code == 302
    assert SINGLE not in response.content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client, taken_quiz):
    response = client.get(url(taken_quiz.pk))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_an_unknown_quiz_is_not_found(client, organiser, taken_quiz):
    client.force_login(organiser)

    assert client.get(url(taken_quiz.pk + 1000)).status_code == 404


def test_a_single_attempt_leaves_numbers_without_enough_data(
    client, organiser, quiz, in_english
):
    take(quiz, {SINGLE: RIGHT_DATE})
    client.force_login(organiser)

    page = client.get(url(quiz.pk)).content.decode()

    assert "not enough data" in page
    assert "Fewer than 2 attempts were submitted." in page


def test_a_question_no_longer_in_the_quiz_says_so(
    client, organiser, taken_quiz, in_english
):
    taken_quiz.questions = question_blocks()[1:]
    taken_quiz.save()
    client.force_login(organiser)

    page = client.get(url(taken_quiz.pk)).content.decode()

    assert "(no longer in the quiz)" in page


def test_a_question_text_is_shown_as_text(client, organiser, learning):
    blocks = question_blocks()
    blocks[0]["value"]["text"] = (
        "<p>Apa arti &lt;script&gt;alert(1)&lt;/script&gt;?</p>"
    )
    quiz = QuizPageFactory(parent=learning.module, questions=blocks)
    take(quiz, {})
    client.force_login(organiser)

    page = client.get(url(quiz.pk)).content.decode()

    assert "Apa arti &lt;script&gt;alert(1)&lt;/script&gt;?" in page
    assert "<script>alert(1)" not in page


def test_a_quiz_page_in_the_admin_links_to_its_item_analysis(
    client, organiser, quiz, learning
):
    client.force_login(organiser)

    quiz_page = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    module_page = client.get(
        reverse("wagtailadmin_pages:edit", args=[learning.module.pk])
    )

    assert f'href="{url(quiz.pk)}"' in quiz_page.content.decode()
    assert "/admin/laporan/" not in module_page.content.decode()
