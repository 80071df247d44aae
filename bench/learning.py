"""Learning content figures: what a participant waits for while studying."""

from django.test import Client

from bench.harness import benchmark, median_ms
from lms.learning.models import LessonPage, ModulePage


def _participant() -> Client:
    client = Client()
    client.login(username="peserta", password="demo12345")
    return client


def _longest_lesson() -> LessonPage:
    """The demo lesson with the most blocks: the heaviest page to render."""
    return max(LessonPage.objects.live(), key=lambda lesson: len(lesson.body))


@benchmark("lesson_page_participant", unit="ms", target=50)
def lesson_page_participant() -> float:
    """The longest demo lesson, logged in: render plus recording the visit."""
    url = _longest_lesson().url
    client = _participant()
    return median_ms(lambda: client.get(url))


@benchmark("module_page_participant", unit="ms", target=40)
def module_page_participant() -> float:
    """A module page with the participant's progress and the lesson list."""
    url = ModulePage.objects.live().first().url
    client = _participant()
    return median_ms(lambda: client.get(url))


@benchmark("search_results", unit="ms", target=40)
def search_results() -> float:
    client = Client()
    return median_ms(lambda: client.get("/cari/", {"q": "pemilu"}))


@benchmark("mark_lesson_done", unit="ms", target=20)
def mark_lesson_done() -> float:
    """The request the end of a lesson sends (or the "done" button)."""
    lesson = _longest_lesson()
    client = _participant()
    url = f"/materi/{lesson.pk}/selesai/"
    return median_ms(lambda: client.post(url, HTTP_ACCEPT="application/json"))
