"""What the issuing tests share: an event with its post-test, and a fast fake render.

The fake stands in for WeasyPrint where the test is about issuing, not looks:
it returns a small deterministic PDF that embeds the snapshot, so tests can
still see what was printed. Tests about stored bytes use the real renderer.
"""

import json

import pytest
from django.core.files.storage import FileSystemStorage

from lms.certificates import rendering
from lms.certificates.models import private_storage
from quizzes.attempts import start_attempt, submit_attempt
from tests.lms.events.event_builders import (
    attempt,
    check_in,
    enrol,
    make_event,
    make_test,
)
from tests.quizzes.test_attempt_flow import right_response


def fake_pdf(*, snapshot: dict, template) -> bytes:
    body = json.dumps(snapshot, sort_keys=True, ensure_ascii=False)
    return f"%PDF-1.4\n% {template.pk} {body}\n%%EOF\n".encode()


def take_and_pass(quiz, user):
    """Starts ``quiz`` and submits it with every answer right: the graded attempt."""
    started = start_attempt(quiz=quiz, user=user)
    return submit_attempt(
        attempt=started,
        responses={q["key"]: right_response(q) for q in started.paper},
    )


@pytest.fixture
def fake_render(monkeypatch):
    monkeypatch.setattr(rendering, "render_certificate_pdf", fake_pdf)


@pytest.fixture
def private_files(tmp_path, monkeypatch):
    """A private storage of this test's own, to see every file it writes."""
    monkeypatch.setattr(private_storage, "_wrapped", FileSystemStorage(tmp_path))
    return tmp_path


@pytest.fixture
def event(home_page):
    """Check in and pass the post-test (pass mark 60): nothing else required."""
    return make_event(
        home_page,
        title="Peningkatan Kapasitas Lembaga Kemasyarakatan",
        require_check_in=True,
        require_post_test=True,
    )


@pytest.fixture
def post_test(event):
    return make_test(event, "post_test", slug="post-test")


def qualify(event, post_test, user, *, percent=87):
    """``user`` enrolled, checked in and through the post-test at ``percent``."""
    enrol(event, user)
    check_in(event, user)
    attempt(post_test, user, percent=percent)
