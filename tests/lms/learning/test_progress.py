"""A participant's progress: the rule as a pure function, then through HTTP."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lms.learning.models import LessonProgress
from lms.learning.progress import summarise_module_progress

LESSONS = [10, 11, 12, 13]


def summary(done=(), last=None):
    return summarise_module_progress(
        lesson_ids=LESSONS, done_ids=set(done), last_viewed_id=last
    )


def test_nothing_done_starts_at_the_first_lesson():
    progress = summary()
    assert (progress.done, progress.total, progress.percent) == (0, 4, 0)
    assert progress.next_lesson_id == progress.resume_lesson_id == 10
    assert not progress.is_complete


def test_continue_returns_to_the_unfinished_lesson_last_opened():
    progress = summary(done={10}, last=12)
    assert progress.resume_lesson_id == 12
    assert progress.next_lesson_id == 11


def test_continue_moves_on_when_the_last_opened_lesson_is_done():
    assert summary(done={10, 11}, last=11).resume_lesson_id == 12


def test_all_done_is_complete_with_nowhere_to_continue():
    progress = summary(done=set(LESSONS), last=13)
    assert progress.is_complete and progress.percent == 100
    assert progress.next_lesson_id is None and progress.resume_lesson_id is None


def test_lessons_no_longer_in_the_module_do_not_count():
    progress = summary(done={10, 99}, last=99)
    assert progress.done == 1
    assert progress.resume_lesson_id == 11


def test_an_empty_module_is_not_complete():
    progress = summarise_module_progress(
        lesson_ids=[], done_ids=set(), last_viewed_id=None
    )
    assert (progress.total, progress.percent, progress.is_complete) == (0, 0, False)


@given(
    lesson_ids=st.lists(st.integers(1, 50), unique=True, max_size=12),
    done_ids=st.sets(st.integers(1, 60)),
    last=st.none() | st.integers(1, 60),
)
def test_progress_is_always_consistent(lesson_ids, done_ids, last):
    progress = summarise_module_progress(
        lesson_ids=lesson_ids, done_ids=done_ids, last_viewed_id=last
    )
    assert 0 <= progress.done <= progress.total == len(lesson_ids)
    assert 0 <= progress.percent <= 100
    for lesson_id in (progress.next_lesson_id, progress.resume_lesson_id):
        assert lesson_id is None or (
            lesson_id in lesson_ids and lesson_id not in done_ids
        )
    assert (progress.next_lesson_id is None) == (progress.done == progress.total)


# Through HTTP ---------------------------------------------------------------


def completion_url(lesson):
    return f"/materi/{lesson.pk}/selesai/"


@pytest.mark.django_db
def test_opening_a_lesson_remembers_it_for_continue(client, participant, learning):
    client.force_login(participant)
    client.get(learning.lessons[1].url)
    html = client.get(learning.module.url).content.decode()
    assert f'href="{learning.lessons[1].url}">' in html
    assert "Continue" in html or "Lanjutkan" in html


@pytest.mark.django_db
def test_marking_done_shows_on_the_module_page(client, participant, learning):
    client.force_login(participant)
    response = client.post(completion_url(learning.lessons[0]), {"done": "1"})
    assert response.status_code == 302 and response.url == learning.lessons[0].url
    html = client.get(learning.module.url).content.decode()
    assert 'max="3" value="1"' in html  # the bar
    assert "1 of 3" in html or "1 dari 3" in html  # the words


@pytest.mark.django_db
def test_marking_done_twice_keeps_the_first_time(client, participant, learning):
    client.force_login(participant)
    lesson = learning.lessons[0]
    client.post(completion_url(lesson), {"done": "1"})
    first = LessonProgress.objects.get(user=participant, lesson=lesson).completed_at
    client.post(completion_url(lesson), {"done": "1"}, HTTP_ACCEPT="application/json")
    assert (
        LessonProgress.objects.get(user=participant, lesson=lesson).completed_at
        == first
    )
    assert LessonProgress.objects.count() == 1


@pytest.mark.django_db
def test_the_end_of_page_script_gets_json(client, participant, learning):
    client.force_login(participant)
    response = client.post(
        completion_url(learning.lessons[0]), HTTP_ACCEPT="application/json"
    )
    assert response.json() == {
        "lesson": learning.lessons[0].pk,
        "done": True,
        "progress": {"done": 1, "total": 3, "label": "1 dari 3 materi selesai"},
    }


@pytest.mark.django_db
def test_a_lesson_can_be_marked_not_done_again(client, participant, learning):
    client.force_login(participant)
    lesson = learning.lessons[0]
    client.post(completion_url(lesson), {"done": "1"})
    client.post(completion_url(lesson), {"done": "0"})
    assert (
        LessonProgress.objects.get(user=participant, lesson=lesson).completed_at is None
    )


@pytest.mark.django_db
def test_progress_needs_a_login(client, learning):
    response = client.post(completion_url(learning.lessons[0]))
    assert response.status_code == 302
    assert response.url.startswith("/akun/masuk/?next=")
    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitors_read_published_lessons(client, learning):
    response = client.get(learning.lessons[0].url)
    assert response.status_code == 200
    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_draft_or_unknown_lessons_cannot_be_marked(client, participant, learning):
    client.force_login(participant)
    draft = learning.lessons[2]
    draft.unpublish()
    assert client.post(completion_url(draft)).status_code == 404
    assert client.post("/materi/999999/selesai/").status_code == 404
    assert client.get(completion_url(learning.lessons[0])).status_code == 405
    assert not LessonProgress.objects.exists()


@pytest.mark.django_db
def test_a_private_lesson_cannot_be_marked_by_who_cannot_read_it(
    client, participant, learning
):
    from wagtail.models import PageViewRestriction

    lesson = learning.lessons[0]
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    client.force_login(participant)
    assert client.post(completion_url(lesson)).status_code == 404


@pytest.mark.django_db
def test_completion_is_csrf_protected(participant, learning):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert client.post(completion_url(learning.lessons[0])).status_code == 403


@pytest.mark.django_db
def test_one_participants_progress_is_not_anothers(client, participant, learning):
    from tests.factories import ParticipantFactory

    client.force_login(participant)
    client.post(completion_url(learning.lessons[0]))
    client.force_login(ParticipantFactory())
    html = client.get(learning.module.url).content.decode()
    assert 'value="0"' in html or "Start" in html or "Mulai" in html
    assert "is-done" not in html
