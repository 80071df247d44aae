"""An event whose summary figures are worked out by hand (tests/lms/reports/test_summary*.py).

Five participants, rows made directly (``tests.lms.events.event_builders``):

| name  | institution | kelurahan  | checked in | pre | post | result     |
|-------|-------------|------------|------------|-----|------|------------|
| Ani   | RT          | Kartini    | yes        | 40  | 70   | passed     |
| Budi  | RT          | Kartini    | yes        | 80  | 90   | passed     |
| Citra | PKK         | Pasar Baru | yes        | 60  | 50   | not passed |
| Dodi  | PKK         | Pasar Baru | no         | 50  | –    | not taken  |
| Eko   | –           | –          | no         | –   | –    | not taken  |

Complete (checked in and passed): Ani and Budi. Certificates: Ani's valid one;
Budi's first revoked and its new version valid.

The evaluation (``tests.lms.events.evaluation_builders.QUESTIONS``), answered by
three of the five:

| name  | materi | Ahmad | Ratna | saran                                        |
|-------|--------|-------|-------|----------------------------------------------|
| Ani   | 4      | 4     | 5     | Waktunya kurang panjang.                     |
| Budi  | 5      | 4     | 5     | ``BUDI_COMMENT`` (markup, typed as entities) |
| Citra | 2      | –     | 3     | –                                            |
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from lms.certificates.models import Certificate
from lms.events.models import EvaluationPage, EvaluationResponse
from tests.factories import ParticipantFactory
from tests.lms.certificates.stubs import make_certificate
from tests.lms.events.evaluation_builders import AHMAD, RATNA, make_evaluation
from tests.lms.events.event_builders import (
    attempt,
    check_in,
    enrol,
    make_event,
    make_test,
)

PEOPLE = [
    ("Ani", "rt", "Kartini", True, "40", "70"),
    ("Budi", "rt", "Kartini", True, "80", "90"),
    ("Citra", "pkk", "Pasar Baru", True, "60", "50"),
    ("Dodi", "pkk", "Pasar Baru", False, "50", None),
    ("Eko", "", "", False, None, None),
]

SPEAKERS = (AHMAD, RATNA)

# What a participant typed: markup written out as entities, which the summary
# must print as the characters, never as markup.
BUDI_COMMENT = "&lt;script&gt;alert(1)&lt;/script&gt; Materi <b>bagus</b> & jelas"
EVALUATIONS = {
    "Ani": (4, 4, 5, "Waktunya kurang panjang."),
    "Budi": (5, 4, 5, BUDI_COMMENT),
    "Citra": (2, None, 3, ""),
}


def respond(evaluation: EvaluationPage, user, materi, ahmad, ratna, saran=""):
    """``user``'s answers to ``QUESTIONS``, stored as the evaluation form stores them."""
    return EvaluationResponse.objects.create(
        page=evaluation,
        user=user,
        form_data={
            "materi_bermanfaat": materi,
            "narasumber_menguasai_materi": {AHMAD: ahmad, RATNA: ratna},
            "saran_dan_masukan": saran,
        },
    )


def session(starts: str, topic: str, speaker: str = "") -> tuple:
    return (
        "session",
        {
            "starts": datetime.time.fromisoformat(starts),
            "ends": None,
            "topic": topic,
            "speaker": speaker,
        },
    )


def summary_event(home_page, **fields):
    """The event of the table above, with its pre-test and post-test.

    It runs from 08.00 to 12.00 Jakarta time a week from now: a time taken
    from the clock would cross midnight when the tests run in the evening.
    """
    starts = timezone.localtime().replace(
        hour=8, minute=0, second=0, microsecond=0
    ) + datetime.timedelta(days=7)
    event = make_event(
        home_page,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=4),
        title="Peningkatan Kapasitas Uji",
        require_check_in=True,
        require_post_test=True,
        agenda=[
            session("08:00", "Registrasi"),
            session("09:00", "Tahapan Pemilu", SPEAKERS[0]),
            session("10:00", "Pengawasan", SPEAKERS[1]),
            session("11:00", "Tanya jawab", SPEAKERS[0]),
        ],
        **fields,
    )
    pre = make_test(event, "pre_test", slug="pre-test")
    post = make_test(event, "post_test", slug="post-test", pass_mark=60)
    people = {}
    for name, institution, kelurahan, present, pre_score, post_score in PEOPLE:
        user = ParticipantFactory(
            full_name=name, institution_type=institution, kelurahan=kelurahan
        )
        enrol(event, user)
        if present:
            check_in(event, user)
        if pre_score:
            attempt(pre, user, percent=Decimal(pre_score))
        if post_score:
            attempt(post, user, percent=Decimal(post_score))
        people[name] = user
    make_certificate(event=event, user=people["Ani"], sequence=1, pdf=b"%PDF-1.4")
    revoked = make_certificate(
        event=event, user=people["Budi"], sequence=2, pdf=b"%PDF-1.4"
    )
    Certificate.objects.filter(pk=revoked.pk).update(revoked_at=timezone.now())
    make_certificate(event=event, user=people["Budi"], sequence=3, pdf=b"%PDF-1.4")
    evaluation = make_evaluation(event)
    for name, answers in EVALUATIONS.items():
        respond(evaluation, people[name], *answers)
    return event


def crowded_event(home_page, count: int, **fields):
    """An event of ``count`` participants, all present, through both tests and
    each with an answered evaluation and a comment."""
    event = make_event(home_page, **fields)
    pre = make_test(event, "pre_test", slug=f"pre-{event.slug}")
    post = make_test(event, "post_test", slug=f"post-{event.slug}")
    users = [ParticipantFactory(full_name=f"Peserta {n:02d}") for n in range(count)]
    for number, user in enumerate(users):
        enrol(event, user)
        check_in(event, user)
        attempt(pre, user, percent=Decimal(40 + number))
        attempt(post, user, percent=Decimal(60 + number))
    make_certificate(event=event, user=users[0], sequence=1, pdf=b"%PDF-1.4")
    evaluation = make_evaluation(event)
    for number, user in enumerate(users):
        respond(evaluation, user, 4, 5, 3, f"Komentar peserta {number:02d}.")
    return event
