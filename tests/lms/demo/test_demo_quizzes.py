"""The demo quizzes, the demo event, and the generated participants' day and attempts
that ``seed_demo`` writes."""

import datetime
import statistics
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Revision

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT
from lms.core.reference import KELURAHAN_BY_KECAMATAN, InstitutionType, Kecamatan
from lms.demo.content import SHELVES
from lms.demo.content.tests import MODULE_SLUG
from lms.demo.event_of_the_day import event_of_the_day
from lms.demo.events import demo_event
from lms.events.enrolment import enrol
from lms.events.models import EventPage
from lms.events.standings import participant_standings
from lms.learning.models import LessonPage, ModulePage
from quizzes.attempts import start_attempt, submit_attempt
from quizzes.blocks import QuestionsBlock
from quizzes.models import Answer, Attempt, QuizPage
from tests.factories import ParticipantFactory

QUESTIONS = QuizPage._meta.get_field("questions").stream_block
ALL_TYPES = set(QuestionsBlock.base_blocks)
JAKARTA = ZoneInfo("Asia/Jakarta")


def seed():
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """Seeds once for this file, in a transaction rolled back after its last test.

    Each test still runs in its own savepoint of it (pytest-django's ``db``), so
    what one test writes is gone before the next.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        seed()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    return None


def quiz_of_kind(kind: str) -> QuizPage:
    """The 2023 demo event's test of ``kind``, the one with the generated attempts."""
    return QuizPage.objects.child_of(demo_event()).get(kind=kind)


def types_of(quiz: QuizPage) -> Counter:
    return Counter(block.block_type for block in quiz.questions)


def generated_participants():
    return User.objects.filter(username__regex=r"^peserta[0-9]{2}$")


def right_response(question: dict):
    """The fully right response to a frozen question, as the browser sends it."""
    kind = question["type"]
    if kind == "single_choice":
        return next(o["key"] for o in question["options"] if Fraction(o["credit"]) == 1)
    if kind == "multiple_choice":
        return [o["key"] for o in question["options"] if Fraction(o["credit"]) > 0]
    if kind == "true_false":
        return question["correct"]
    full = [a for a in question.get("answers", []) if Fraction(a["credit"]) == 1]
    if kind == "short_answer":
        return full[0]["text"].replace("*", "")  # a wildcard may match nothing
    if kind == "numeric":
        value = Fraction(Decimal(full[0]["value"] or full[0]["minimum"]))
        return str(value) if value.denominator == 1 else str(float(value))
    if kind == "matching":
        return dict(question["pairs"])
    raise AssertionError(kind)


def test_every_demo_quiz_passes_the_editors_validation(seeded):
    quizzes = QuizPage.objects.all()
    # Three practice quizzes; a pre-test and a post-test in each demo event.
    assert quizzes.count() == 7
    for quiz in quizzes:
        assert quiz.live and not quiz.has_unpublished_changes
        quiz.full_clean()
        QUESTIONS.clean(quiz.questions)  # each block's clean(): the grading rules
        for block in quiz.questions:
            assert block.value["text"].source.strip()
            assert block.value["feedback"].source.strip(), block.value["text"]
            _assert_no_look_alikes(block.block_type, block.value)


def _assert_no_look_alikes(block_type, value):
    """What the editor's validation cannot see (it checks keys, not texts)."""
    if block_type in ("single_choice", "multiple_choice"):
        texts = [option["text"].source for option in value["options"]]
        assert len(set(texts)) == len(texts), texts
    if block_type == "matching":
        prompts = [pair["prompt"] for pair in value["pairs"]]
        matches = [pair["answer"] for pair in value["pairs"]] + list(
            value["distractors"]
        )
        assert len(set(prompts)) == len(prompts), prompts
        assert len(set(matches)) == len(matches), matches


def test_each_module_has_a_practice_quiz_after_its_lessons(seeded):
    for _, content in SHELVES:
        module = ModulePage.objects.get(slug=content.MODULE["slug"])
        (quiz,) = QuizPage.objects.child_of(module).filter(kind="practice")
        assert quiz.title.startswith("Kuis latihan")
        assert 6 <= len(quiz.questions) <= 8
        assert set(types_of(quiz)) == ALL_TYPES
        assert (quiz.max_attempts, quiz.review_content, quiz.review_timing) == (
            0, "feedback", "immediately",
        )  # fmt: skip
        assert quiz.shuffle_options and not quiz.grants_certificate
        for block in quiz.questions:
            for option in block.value.get("options", []):
                assert option["feedback"], option["text"].source  # per-option feedback
        children = [page.specific_class for page in module.get_children()]
        lessons = LessonPage.objects.child_of(module).count()
        assert set(children[:lessons]) == {LessonPage}  # the module opens with a lesson
        assert set(children[lessons:]) == {QuizPage}


def test_the_pre_test_and_post_test(seeded):
    event = demo_event()
    pre, post = quiz_of_kind("pre_test"), quiz_of_kind("post_test")
    for quiz in (pre, post):
        assert quiz.get_parent().specific == event
        types = types_of(quiz)
        assert sum(types.values()) == 20 and set(types) == ALL_TYPES
        assert types.most_common(1)[0][0] == "single_choice"
        credits = [
            Decimal(option["credit"])
            for block in quiz.questions
            if block.block_type == "multiple_choice"
            for option in block.value["options"]
        ]
        assert any(0 < c < 100 for c in credits) and any(c < 0 for c in credits)
        short = [b.value for b in quiz.questions if b.block_type == "short_answer"]
        assert all(len(value["answers"]) > 1 for value in short)
        matching = [b.value for b in quiz.questions if b.block_type == "matching"]
        assert all(value["distractors"] for value in matching)
    assert pre.title == "Pre-test Peningkatan Kapasitas"
    assert (pre.max_attempts, pre.review_content, pre.pass_mark) == (1, "score", 0)
    assert post.title == "Post-test Peningkatan Kapasitas"
    assert (post.time_limit_minutes, post.max_attempts, post.grading_method) == (
        30, 2, "highest",
    )  # fmt: skip
    assert (post.pass_mark, post.grants_certificate, post.review_content) == (
        70, True, "correctness",
    )  # fmt: skip
    assert post.shuffle_questions and post.shuffle_options
    # Parallel forms: the same topics, not the same questions.
    texts = {block.value["text"].source for block in pre.questions}
    assert not texts & {block.value["text"].source for block in post.questions}


def test_a_fully_right_paper_scores_100_on_every_demo_quiz(seeded):
    for quiz in QuizPage.objects.all():
        participant = ParticipantFactory()
        for event in EventPage.objects.all():
            enrol(event=event, user=participant, source="import")
        attempt = start_attempt(quiz=quiz, user=participant)
        responses = {q["key"]: right_response(q) for q in attempt.paper}
        attempt = submit_attempt(attempt=attempt, responses=responses)
        assert attempt.percent == 100, quiz.title
        assert attempt.passed
        assert not attempt.answers.exclude(credit=1).exists()


def test_generated_participants_are_participants_of_sawah_besar(seeded):
    users = generated_participants().prefetch_related("groups")
    assert users.count() == 30
    assert sorted(u.username for u in users) == [
        f"peserta{n:02d}" for n in range(1, 31)
    ]
    phones = [u.phone for u in users]
    assert len(set(phones)) == 30 and all(p.startswith("+62") for p in phones)
    assert {u.institution_type for u in users} == {
        InstitutionType.RT, InstitutionType.RW, InstitutionType.LMK,
        InstitutionType.FKDM, InstitutionType.PKK, InstitutionType.KARANG_TARUNA,
    }  # fmt: skip
    for user in users:
        assert [g.name for g in user.groups.all()] == [PARTICIPANT]
        assert user.kecamatan == Kecamatan.SAWAH_BESAR
        assert user.kelurahan in KELURAHAN_BY_KECAMATAN[Kecamatan.SAWAH_BESAR]
        assert not user.is_staff and user.full_name and user.position
        user.full_clean()
    assert len({u.full_name for u in users}) == 30
    assert Client().login(username="peserta07", password="demo12345")


def test_generated_attempts_are_graded_on_the_event_day_with_spread_scores(seeded):
    pre, post = quiz_of_kind("pre_test"), quiz_of_kind("post_test")
    users = list(generated_participants())
    attempts = Attempt.objects.filter(user__in=users)
    assert not attempts.filter(status="in_progress").exists()
    assert not attempts.filter(percent__isnull=True).exists()
    assert not Answer.objects.filter(attempt__in=attempts, credit__isnull=True).exists()
    for attempt in attempts:
        started = attempt.started_at.astimezone(JAKARTA)
        submitted = attempt.submitted_at.astimezone(JAKARTA)
        assert started.date() == datetime.date(2023, 9, 27)
        assert datetime.time(9) <= started.time() and submitted.time() <= datetime.time(
            12
        )
        assert attempt.deadline is None or attempt.submitted_at <= attempt.deadline
        assert attempt.submitted_by == "participant"
        assert len(attempt.paper) == 20

    per_user = Counter(attempts.filter(quiz=pre).values_list("user", flat=True))
    assert len(per_user) == 28 and set(per_user.values()) == {1}  # two were absent
    post_counts = Counter(attempts.filter(quiz=post).values_list("user", flat=True))
    assert len(post_counts) >= 24 and set(post_counts.values()) == {1, 2}

    pre_scores = [a.percent for a in attempts.filter(quiz=pre)]
    assert len(set(pre_scores)) >= 15 and max(pre_scores) - min(pre_scores) >= 40
    best = {}
    for attempt in attempts.filter(quiz=post):
        best[attempt.user_id] = max(best.get(attempt.user_id, 0), attempt.percent)
    passed = [user for user, percent in best.items() if percent >= post.pass_mark]
    assert len(best) / 2 < len(passed) < len(best)  # most pass, some do not
    assert attempts.filter(quiz=post, passed=False).exists()
    post_scores = [a.percent for a in attempts.filter(quiz=post)]
    assert statistics.mean(post_scores) > statistics.mean(pre_scores) + 10
    assert not Attempt.objects.filter(user__username="peserta").exists()


def test_seeding_twice_adds_nothing(seeded):
    def state():
        return {
            "users": sorted(User.objects.values_list("username", flat=True)),
            "attempts": list(
                Attempt.objects.order_by("pk").values_list("pk", "percent", "paper")
            ),
            "answers": Answer.objects.count(),
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "passwords": sorted(User.objects.values_list("password", flat=True)),
        }

    once = state()
    seed()
    assert state() == once


def test_seeding_puts_back_an_edited_quiz_and_keeps_its_attempts(seeded):
    post = quiz_of_kind("post_test")
    papers = dict(Attempt.objects.filter(quiz=post).values_list("pk", "paper"))
    revisions = Revision.objects.count()
    post.questions = [(b.block_type, b.value) for b in post.questions][:3]
    post.pass_mark = 50
    post.save_revision().publish()

    seed()

    post = quiz_of_kind("post_test")
    assert (len(post.questions), post.pass_mark) == (20, 70)
    assert not post.has_unpublished_changes
    assert Revision.objects.count() == revisions + 2  # the edit, and putting it back
    assert dict(Attempt.objects.filter(quiz=post).values_list("pk", "paper")) == papers


def test_the_demo_participant_can_take_every_demo_quiz(seeded):
    client = Client()
    assert client.login(username="peserta", password="demo12345")
    # The event of the day's tests, once joined with its code as anyone would.
    code = event_of_the_day().registration_code
    assert client.post(reverse("join_event"), {"code": code}).status_code == 302
    for quiz in QuizPage.objects.all():
        assert client.get(quiz.url).status_code == 200
        response = client.post(quiz.url + "mulai/")
        assert response.status_code == 302, quiz.title
        page = client.get(response.url)
        assert page.status_code == 200
        assert page.content.decode().count('class="question"') == len(quiz.questions)


def test_the_demo_event_of_the_seed_article(seeded):
    event = demo_event()
    assert event.live and event.registration_code == "SAWAH7"
    assert event.venue == "Aula Kantor Kecamatan Sawah Besar"
    assert event.starts_at == datetime.datetime(2023, 9, 27, 8, tzinfo=JAKARTA)
    assert "Camat Sawah Besar" in event.opened_by
    assert len(event.agenda) == 8 and event.modules.count() == len(SHELVES)
    assert sorted(event.pacts.values_list("kind", flat=True)) == ["pact", "pledge"]
    assert all(pact.versions.exists() for pact in event.pacts.all())
    kinds = [quiz.kind for quiz in QuizPage.objects.child_of(event)]
    assert kinds == ["pre_test", "post_test"]


def test_generated_participants_had_varied_days(seeded):
    event = demo_event()
    enrolled = list(User.objects.filter(enrolments__event=event))
    assert len(enrolled) == 31  # peserta01–30 and the demo account
    _rules, standings = participant_standings(event, [u.pk for u in enrolled])
    by_name = {u.username: standings[u.pk] for u in enrolled}
    missing = Counter(
        item.code for s in standings.values() for item in s.outcome.missing
    )
    complete = sum(s.outcome.complete for s in standings.values())
    # Absent (two) and the fresh demo account have not checked in.
    assert missing["check_in"] == 3
    assert missing["pact"] >= 2  # two never read the pledge out
    assert missing["post_test_not_passed"] >= 1 and missing["post_test_not_taken"] >= 3
    assert 10 <= complete <= 25
    assert by_name["peserta"].outcome.done_count == 0
    assert event.check_ins.filter(method="manual").exclude(reason="").count() == 2
    assert event.pact_acceptances.filter(method="paper").exclude(note="").exists()


def test_tests_left_in_the_module_by_an_older_demo_move_with_their_attempts(seeded):
    event = demo_event()
    post = quiz_of_kind("post_test")
    attempts = set(Attempt.objects.filter(quiz=post).values_list("pk", flat=True))
    post.move(ModulePage.objects.get(slug=MODULE_SLUG), pos="last-child")

    seed()

    moved = QuizPage.objects.get(pk=post.pk)
    assert moved.get_parent().pk == event.pk
    assert (
        set(Attempt.objects.filter(quiz=moved).values_list("pk", flat=True)) == attempts
    )
