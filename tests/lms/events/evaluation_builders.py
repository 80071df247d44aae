"""An event with speakers on its agenda and an evaluation page, for the evaluation
tests (tests/lms/events/ and tests/lms/reports/)."""

import datetime

from django.utils import timezone

from lms.events.models import EvaluationField, EvaluationPage, EventPage
from tests.lms.events.event_builders import make_event

RATNA = "Ratna Sari Dewi (Bawaslu Kota Jakarta Pusat)"
AHMAD = "Ahmad Fauzi Rahman (KPU Kota Jakarta Pusat)"

# (label, field type, required, per speaker)
QUESTIONS = (
    ("Materi bermanfaat", "likert", True, False),
    ("Narasumber menguasai materi", "likert", True, True),
    ("Saran dan masukan", "multiline", False, False),
)


def session(starts: int, topic: str, speaker: str = "") -> tuple:
    return (
        "session",
        {
            "starts": datetime.time(starts),
            "ends": datetime.time(starts, 45),
            "topic": topic,
            "speaker": speaker,
        },
    )


AGENDA = [
    session(8, "Registrasi"),
    session(9, "Pengawasan partisipatif", RATNA),
    session(10, "Tahapan pemilu", AHMAD),
    session(11, "Tanya jawab", RATNA),
]


def running_event(home_page, **fields) -> EventPage:
    """An event that started an hour ago, with two speakers on its agenda."""
    starts = timezone.now() - datetime.timedelta(hours=1)
    return make_event(
        home_page,
        **{
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=4),
            "agenda": AGENDA,
            **fields,
        },
    )


def make_evaluation(
    event: EventPage, questions=QUESTIONS, *, live=True, **fields
) -> EvaluationPage:
    """The event's evaluation page with ``questions``, published unless ``live=False``."""
    page = EvaluationPage(
        title="Evaluasi kegiatan",
        slug="evaluasi",
        live=live,
        form_fields=[
            EvaluationField(
                label=label, field_type=kind, required=required, per_speaker=each
            )
            for label, kind, required, each in questions
        ],
        **fields,
    )
    event.add_child(instance=page)
    return page


def answers(**overrides) -> dict:
    """A complete POST for ``QUESTIONS`` (Ratna 5, Ahmad 4), changed by ``overrides``."""
    return {
        "materi_bermanfaat": "4",
        "narasumber_menguasai_materi--ratna-sari-dewi-bawaslu-kota-jakarta-pusat": "5",
        "narasumber_menguasai_materi--ahmad-fauzi-rahman-kpu-kota-jakarta-pusat": "4",
        "saran_dan_masukan": "Waktunya kurang panjang.",
        **overrides,
    }
