"""Generated participants for reports: thirty people at the demo event and their tests.

``peserta01`` … ``peserta30`` (password ``DEMO_PASSWORD``, group Peserta) are
community-institution members from the five kelurahan of Sawah Besar. Each
took the pre-test on the morning of the seed event (Wednesday 27 September
2023, 09.00–12.00 in Jakarta) and most took the post-test once or twice. Their
answers are drawn from a ``random.Random`` seeded per participant and attempt,
with a skill level per participant (higher after the lessons), and recorded
through the quiz engine: ``start_attempt`` freezes a paper, the answers are
stored as autosave stores them (checked by ``clean_response``; written in bulk,
as thirty participants' 1,300 answers one by one would slow every seed), and
``submit_attempt`` grades them, all with times of the event day. So every score
is the real grading of a real frozen paper.

Attempts are never deleted (promise 6, docs/architecture.md); a participant who has
any attempt at a test gets no generated ones there, so seeding again adds
nothing. The demo account ``peserta`` gets no attempts: whoever tries the demo
starts fresh.
"""

import datetime
import random
import zlib
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import Group

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT
from lms.core.reference import InstitutionType, Kecamatan
from lms.events.enrolment import enrol
from lms.events.models import CheckIn, Enrolment, Pact, PactAcceptance
from quizzes import grading
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.models import Answer, Attempt
from quizzes.paper import clean_response

from .accounts import DEMO_PASSWORD
from .content.tests import POST_TEST, PRE_TEST
from .events import demo_event, demo_event_test

_RT, _RW, _LMK, _FKDM, _PKK, _KT = (
    InstitutionType.RT, InstitutionType.RW, InstitutionType.LMK,
    InstitutionType.FKDM, InstitutionType.PKK, InstitutionType.KARANG_TARUNA,
)  # fmt: skip

# (full name, institution, position, RT, RW, kelurahan), for peserta01 onwards.
PARTICIPANTS = (
    ("Ahmad Syarifudin", _RT, "Ketua RT 001", "001", "002", "Pasar Baru"),
    ("Siti Nurhaliza Rahmawati", _PKK, "Ketua PKK RW 004", "", "004",
     "Gunung Sahari Utara"),
    ("Budi Santoso", _RW, "Ketua RW 006", "", "006", "Karang Anyar"),
    ("Rina Marlina", _LMK, "Anggota LMK RW 003", "", "003", "Kartini"),
    ("Muhammad Iqbal Maulana", _KT, "Ketua Karang Taruna Kelurahan", "", "",
     "Mangga Dua Selatan"),
    ("Yohanes Situmorang", _FKDM, "Anggota FKDM Kelurahan", "", "", "Pasar Baru"),
    ("Sri Rejeki Handayani", _PKK, "Kader PKK RW 001", "", "001", "Kartini"),
    ("Hendra Gunawan", _RT, "Ketua RT 008", "008", "003", "Gunung Sahari Utara"),
    ("Nurul Hidayah", _PKK, "Sekretaris PKK Kelurahan", "", "", "Karang Anyar"),
    ("Dedi Kurniawan", _RW, "Ketua RW 002", "", "002", "Mangga Dua Selatan"),
    ("Lilis Suryani", _LMK, "Anggota LMK RW 005", "", "005", "Gunung Sahari Utara"),
    ("Fajar Ramadhan", _KT, "Anggota Karang Taruna RW 005", "", "005", "Pasar Baru"),
    ("Abdul Rahman Alatas", _RW, "Ketua RW 001", "", "001", "Pasar Baru"),
    ("Suwandi Halim", _RT, "Ketua RT 004", "004", "007", "Mangga Dua Selatan"),
    ("Dewi Kartika Sari", _FKDM, "Anggota FKDM Kelurahan", "", "", "Karang Anyar"),
    ("Agus Setiawan", _RT, "Ketua RT 010", "010", "005", "Kartini"),
    ("Wulan Purnamasari", _KT, "Sekretaris Karang Taruna Kelurahan", "", "",
     "Gunung Sahari Utara"),
    ("Suparman", _RT, "Ketua RT 003", "003", "006", "Karang Anyar"),
    ("Maria Goretti Simanjuntak", _PKK, "Bendahara PKK Kelurahan", "", "",
     "Pasar Baru"),
    ("Rudi Hartono Siregar", _LMK, "Anggota LMK RW 004", "", "004", "Mangga Dua Selatan"),
    ("Eko Prasetyo", _FKDM, "Ketua FKDM Kelurahan", "", "", "Kartini"),
    ("Yuliana Wijaya", _RT, "Ketua RT 006", "006", "001", "Pasar Baru"),
    ("Rizal Fahmi", _KT, "Ketua Karang Taruna RW 003", "", "003", "Karang Anyar"),
    ("Ani Suryaningsih", _PKK, "Kader PKK RW 008", "", "008", "Mangga Dua Selatan"),
    ("Bambang Hermanto", _RW, "Ketua RW 005", "", "005", "Gunung Sahari Utara"),
    ("Rosmawati Nasution", _LMK, "Anggota LMK RW 002", "", "002", "Pasar Baru"),
    ("Taufik Hidayat", _RT, "Ketua RT 002", "002", "004", "Karang Anyar"),
    ("Indah Permata Sari", _KT, "Anggota Karang Taruna Kelurahan", "", "",
     "Kartini"),
    ("Joko Susilo", _FKDM, "Anggota FKDM Kelurahan", "", "",
     "Gunung Sahari Utara"),
    ("Fitri Handayani", _RT, "Ketua RT 009", "009", "002", "Mangga Dua Selatan"),
)  # fmt: skip

SEED = "sikap-demo-27-09-2023"
JAKARTA = ZoneInfo("Asia/Jakarta")
EVENT_DAY = datetime.date(2023, 9, 27)


# Varied states for reports and the organiser's hub (participant numbers).
ABSENT = {27, 30}
CHECKED_IN_BY_HAND = {5, 18}
HAND_CHECK_IN_REASON = "Ponsel kehabisan daya; dicatat dari daftar hadir kertas."
SIGNED_ON_PAPER = {9, 21}
PAPER_NOTE = "Menandatangani lembar pakta kertas; tidak membawa ponsel."
PLEDGE_NOT_ACCEPTED = {12, 24}


def username(number: int) -> str:
    return f"peserta{number:02d}"


def phone(number: int) -> str:
    return f"+62813800100{number:02d}"


def at(hour: int, minute: float) -> datetime.datetime:
    """A moment of the event day, Jakarta time."""
    start = datetime.datetime.combine(EVENT_DAY, datetime.time(hour), JAKARTA)
    return start + datetime.timedelta(minutes=minute)


def seed_participants() -> str:
    """Creates or corrects the generated participants, enrols them in the demo event
    with their day (check-in, pact, pledge), then gives each their tests."""
    users = _seed_accounts()
    event = demo_event()
    pre, post = demo_event_test(PRE_TEST), demo_event_test(POST_TEST)
    for user in users:
        enrol(event=event, user=user, source=Enrolment.Source.IMPORT)
    enrol(
        event=event,
        user=User.objects.get(username="peserta"),
        source=Enrolment.Source.CODE,
    )
    present = [
        user for number, user in enumerate(users, start=1) if number not in ABSENT
    ]
    _seed_the_day(event, present)
    taken = set(
        Attempt.objects.filter(quiz__in=[pre, post], user__in=users).values_list(
            "quiz_id", "user_id"
        )
    )
    new = 0
    for user in present:
        new += _take_tests(user, pre, post, taken)
    total = Attempt.objects.filter(user__in=users).count()
    return (
        f"{len(users)} generated participants (peserta01–peserta{len(users):02d}) "
        f"enrolled in the demo event with peserta, {len(present)} present, "
        f"with {total} test attempts, {new} new"
    )


# The day ---------------------------------------------------------------------


def _seed_the_day(event, present: list[User]) -> None:
    """Check-ins and pact acceptances of those present, as the hall recorded them."""
    organiser = User.objects.get(username="penyelenggara")
    versions = {pact: pact.versions.latest() for pact in event.pacts.order_by("kind")}
    for user in present:
        number = int(user.username.removeprefix("peserta"))
        rng = random.Random(f"{SEED}:{user.username}:hadir")
        arrived = at(7, rng.uniform(40, 55))
        by_hand = number in CHECKED_IN_BY_HAND
        CheckIn.objects.get_or_create(
            event=event,
            user=user,
            defaults={
                "checked_in_at": arrived,
                "method": CheckIn.Method.MANUAL if by_hand else CheckIn.Method.QR,
                "reason": HAND_CHECK_IN_REASON if by_hand else "",
                "recorded_by": organiser if by_hand else None,
            },
        )
        for pact, version in versions.items():
            if pact.kind == Pact.Kind.PLEDGE and number in PLEDGE_NOT_ACCEPTED:
                continue
            on_paper = number in SIGNED_ON_PAPER
            PactAcceptance.objects.get_or_create(
                event=event,
                user=user,
                pact=pact,
                defaults={
                    "version": version,
                    "accepted_at": at(8, rng.uniform(35, 55)),
                    "method": (
                        PactAcceptance.Method.PAPER
                        if on_paper
                        else PactAcceptance.Method.ONLINE
                    ),
                    "typed_name": "" if on_paper else user.full_name,
                    "recorded_by": organiser if on_paper else None,
                    "note": PAPER_NOTE if on_paper else "",
                },
            )


# Accounts ------------------------------------------------------------------------


def _seed_accounts() -> list[User]:
    names = [username(n) for n in range(1, len(PARTICIPANTS) + 1)]
    existing = {u.username: u for u in User.objects.filter(username__in=names)}
    # Hashing is slow on purpose; all generated accounts share one hash of the
    # published demo password, so a second run checks it once, not thirty times.
    valid = {
        encoded: check_password(DEMO_PASSWORD, encoded)
        for encoded in {u.password for u in existing.values()}
    }
    shared_hash = next((h for h, ok in valid.items() if ok), None)
    group = Group.objects.get(name=PARTICIPANT)
    users = []
    for number, (name, institution, position, rt, rw, kelurahan) in enumerate(
        PARTICIPANTS, start=1
    ):
        wanted = {
            "full_name": name,
            "institution_type": institution,
            "position": position,
            "rt": rt,
            "rw": rw,
            "kecamatan": Kecamatan.SAWAH_BESAR,
            "kelurahan": kelurahan,
            "phone": phone(number),
            "email": "",
            "organisation": None,
            "is_active": True,
            "is_staff": False,
            "is_superuser": False,
        }
        user = existing.get(username(number)) or User(username=username(number))
        changed = user.pk is None or any(
            getattr(user, field) != value for field, value in wanted.items()
        )
        if user.pk is None or not valid.get(user.password):
            shared_hash = shared_hash or make_password(DEMO_PASSWORD)
            user.password = shared_hash
            changed = True
        if changed:
            for field, value in wanted.items():
                setattr(user, field, value)
            user.save()
        if list(user.groups.all()) != [group]:
            user.groups.set([group])
        users.append(user)
    return users


# Attempts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sitting:
    """When one attempt starts and how long it takes, and how well it is answered."""

    start: datetime.datetime
    minutes: float
    skill: float


def _take_tests(user: User, pre, post, taken: set) -> int:
    """The participant's generated attempts at the tests they have not yet taken."""
    rng = random.Random(f"{SEED}:{user.username}")
    skill = rng.uniform(0.25, 0.8)
    learnt = rng.uniform(0.05, 0.35)
    takes_post = rng.random() > 0.1  # some left before the post-test
    pre_sitting = Sitting(at(9, rng.uniform(0, 12)), rng.uniform(8, 18), skill)
    post_sitting = Sitting(
        at(11, rng.uniform(0, 10)), rng.uniform(10, 22), min(skill + learnt, 0.95)
    )
    retry = rng.random()
    better = rng.uniform(0.03, 0.15)
    pause = rng.uniform(2, 6)
    retry_minutes = rng.uniform(8, 16)

    new = 0
    if (pre.pk, user.pk) not in taken:
        _sit(pre, user, pre_sitting)
        new += 1
    if takes_post and (post.pk, user.pk) not in taken:
        first = _sit(post, user, post_sitting)
        new += 1
        # Most who failed try again; a few who passed try for a better grade.
        if (not first.passed and retry < 0.85) or (first.percent < 85 and retry < 0.15):
            again = Sitting(
                first.submitted_at + datetime.timedelta(minutes=pause),
                retry_minutes,
                min(post_sitting.skill + better, 0.97),
            )
            _sit(post, user, again)
            new += 1
    return new


def _sit(quiz, user: User, sitting: Sitting) -> Attempt:
    """Starts, answers and submits one attempt, as a browser would, in the past."""
    attempt = start_attempt(quiz=quiz, user=user, now=sitting.start)
    rng = random.Random(f"{SEED}:{user.username}:{quiz.slug}:{attempt.number}")
    # Drawn in a fixed order (by question text), so the answers do not depend on
    # the random order this paper was frozen in.
    responses = {
        q["key"]: _response(q, sitting.skill, rng)
        for q in sorted(attempt.paper, key=lambda q: q["text"])
    }
    # The answers as autosave would have stored them (``clean_response`` is
    # ``save_answer``'s own check), written in one query, and before the deadline;
    # then graded by ``submit_attempt`` from what was saved, as always.
    step = sitting.minutes / (len(attempt.paper) + 1)
    answers = [
        Answer(
            attempt=attempt,
            question_key=question["key"],
            response=clean_response(question, responses[question["key"]]),
            revision=1,
            saved_at=sitting.start + datetime.timedelta(minutes=step * index),
        )
        for index, question in enumerate(attempt.paper, start=1)
        if responses[question["key"]] is not None
    ]
    end = sitting.start + datetime.timedelta(minutes=sitting.minutes)
    if attempt.deadline is not None and end > attempt.deadline:
        raise ValueError(f"{user.username} would finish {quiz.slug} after its deadline")
    Answer.objects.bulk_create(answers)
    return submit_attempt(attempt=attempt, now=end)


# Plausible answers ---------------------------------------------------------------

# Wrong short answers people actually give: the names they heard that day.
WRONG_GUESSES = ("Bawaslu", "KPU", "PPS", "JakLapor", "Panwaslu", "Linmas",
                 "tidak tahu")  # fmt: skip


def _chance(question: dict, skill: float) -> float:
    """The chance of knowing this answer: the skill, less the question's difficulty."""
    difficulty = zlib.crc32(question["text"].encode()) % 1000 / 1000 * 0.3 - 0.15
    return min(max(skill - difficulty, 0.05), 0.98)


def _response(question: dict, skill: float, rng: random.Random):
    """A response to a frozen question, as the browser sends it; None to skip it."""
    p = _chance(question, skill)
    kind = question["type"]
    if kind == "multiple_choice":
        picked = [
            o["key"]
            for o in sorted(question["options"], key=lambda o: o["text"])
            if rng.random() < (p if Fraction(o["credit"]) > 0 else (1 - p) * 0.6)
        ]
        return picked or None
    if kind == "matching":
        choices = sorted(question["choices"], key=lambda c: c["text"])
        matches = {}
        for prompt in sorted(question["prompts"], key=lambda item: item["text"]):
            right_key = question["pairs"][prompt["key"]]
            if rng.random() < p:
                matches[prompt["key"]] = right_key
            else:
                others = [c["key"] for c in choices if c["key"] != right_key]
                matches[prompt["key"]] = rng.choice(others)
        return matches
    roll = rng.random()
    if roll >= p and roll < p + (1 - p) * 0.12:
        return None  # left unanswered
    knows = roll < p
    if kind == "single_choice":
        options = sorted(question["options"], key=lambda o: o["text"])
        fitting = [o for o in options if (o["credit"] == "1") == knows]
        return rng.choice(fitting)["key"]
    if kind == "true_false":
        return question["correct"] if knows else not question["correct"]
    if kind == "short_answer":
        return _short_answer(question, knows, rng)
    if kind == "numeric":
        return _number(question, knows, rng)
    raise ValueError(f"unknown question type {kind!r}")


def _full_credit(answers: list[dict]) -> list[dict]:
    return [a for a in answers if Fraction(a["credit"]) == 1]


def _short_answer(question: dict, knows: bool, rng: random.Random) -> str:
    if knows:
        text = rng.choice(_full_credit(question["answers"]))["text"].replace("*", "")
        return text.strip() if rng.random() < 0.7 else text.strip().lower()
    accepted = [a["text"] for a in _full_credit(question["answers"])]
    guesses = [
        guess
        for guess in WRONG_GUESSES
        if not any(grading.matches_accepted_answer(guess, a) for a in accepted)
    ]
    return rng.choice(guesses)


def _number(question: dict, knows: bool, rng: random.Random) -> str:
    exact = [Fraction(Decimal(a["value"])) for a in _full_credit(question["answers"])]
    if knows:
        return _typed(exact[0])
    mistakes = [
        Fraction(Decimal(a["value"]))
        for a in question["answers"]
        if Fraction(a["credit"]) == 0 and a.get("value") is not None
    ]
    candidates = mistakes or [exact[0] + offset for offset in (-2, -1, 1, 2)]
    return _typed(rng.choice([c for c in candidates if c not in exact and c >= 0]))


def _typed(value: Fraction) -> str:
    """A number as an Indonesian participant types it (decimal comma)."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):g}".replace(".", ",")
