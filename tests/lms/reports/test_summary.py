"""The event summary's sections, figure by figure, against the hand-worked event of
``summary_builders`` (its table is in the module's docstring)."""

from decimal import Decimal
from fractions import Fraction

import pytest

from lms.reports.evaluation import TextAnswers
from lms.reports.summary import event_summary
from lms.reports.summary_evaluation import (
    COMMENT_LENGTH,
    COMMENTS_SHOWN,
    shortened_comments,
)
from lms.reports.summary_results import median
from tests.factories import ParticipantFactory
from tests.lms.events.evaluation_builders import AHMAD, RATNA, make_evaluation
from tests.lms.events.event_builders import enrol, make_event, make_test
from tests.lms.reports.item_builders import SINGLE, TRUE_FALSE, take
from tests.lms.reports.summary_builders import SPEAKERS, summary_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary(home_page, in_english):
    return event_summary(summary_event(home_page))


def test_the_header_names_each_speaker_once_in_agenda_order(summary):
    header = summary.header

    assert header.speakers == SPEAKERS
    assert header.organiser == header.event.organiser.name
    assert header.one_day


def test_attendance_in_all_and_by_group(summary):
    counts = summary.attendance.counts
    by_institution, by_kelurahan = summary.attendance.tables

    assert (counts.enrolled, counts.present, counts.complete) == (5, 3, 2)

    def table(grouping):
        return [
            (g.label, g.counts.enrolled, g.counts.present, g.counts.complete)
            for g in grouping.groups
        ]

    # Sorted by name, the participants of no known group last.
    assert table(by_institution) == [
        ("PKK", 2, 1, 0),
        ("RT", 2, 2, 2),
        ("Unknown", 1, 0, 0),
    ]
    assert table(by_kelurahan) == [
        ("Kartini", 2, 2, 2),
        ("Pasar Baru", 2, 1, 0),
        ("Unknown", 1, 0, 0),
    ]


def test_results_of_both_tests_and_the_certificates(summary):
    results = summary.results

    # Post-test: Ani 70 and Budi 90 passed, Citra 50 did not; 2 of 3 = 66.67 %.
    assert (results.post_test_taken, results.post_test_passed) == (3, 2)
    assert results.pass_rate == Decimal("66.67")
    # Pre-test: 40, 50, 60, 80: mean 57.5, median (50 + 60) / 2 = 55.
    assert (results.pre_test.taken, results.pre_test.mean) == (4, Decimal("57.50"))
    assert results.pre_test.median == Decimal("55.00")
    # Post-test: 50, 70, 90: mean and median 70.
    assert (results.post_test.mean, results.post_test.median) == (70, 70)
    # Ani's and Budi's second are valid; Budi's first was revoked.
    assert (results.certificates_valid, results.certificates_revoked) == (2, 1)


def test_learning_gain_reuses_the_gain_statistics(summary):
    gain = summary.gain

    # Paired: Ani 40→70, Budi 80→90, Citra 60→50. Dodi pre only, Eko neither.
    event_gain = gain.summary
    assert (event_gain.paired, event_gain.mean_gain) == (3, 10)
    assert event_gain.normalised_gain == Decimal("0.25")  # (0.5 + 0.5 − 0.25) / 3
    assert (event_gain.only_pre, event_gain.neither) == (1, 1)
    by_institution = gain.groups[0]
    assert [(g.label, g.summary.mean_gain) for g in by_institution.gains] == [
        ("PKK", -10),
        ("RT", 20),
        ("Unknown", None),
    ]
    assert 'role="img"' in gain.distribution
    assert "Mean gain, by institution" in by_institution.chart


def test_evaluation_ratings_per_question_and_speaker(summary):
    evaluation = summary.evaluation.summary

    assert (evaluation.responses, evaluation.enrolled) == (3, 5)
    rows = [
        (item.label, item.n, item.mean, item.agreeing_percent)
        for item in evaluation.likert
    ]
    assert rows == [
        # 4, 5, 2: mean 11/3 → 3.7; 2 of 3 agree → 66.7 %.
        ("Materi bermanfaat", 3, Decimal("3.7"), Decimal("66.7")),
        # Citra left Ahmad out: 4, 4.
        (f"Narasumber menguasai materi — {AHMAD}", 2, 4, 100),
        # 5, 5, 3: 13/3 → 4.3.
        (f"Narasumber menguasai materi — {RATNA}", 3, Decimal("4.3"), Decimal("66.7")),
    ]
    assert "How participants rated the event" in summary.evaluation.chart


def test_evaluation_comments_are_plain_text(summary):
    (comments,) = summary.evaluation.comments

    assert comments.label == "Saran dan masukan"
    # Citra's empty answer is left out; Budi's tags are dropped, his entities
    # decoded (the template escapes the result once).
    assert comments.shown == (
        "Waktunya kurang panjang.",
        "<script>alert(1)</script> Materi bagus & jelas",
    )
    assert comments.more == 0


def test_an_evaluation_without_responses_has_no_chart(home_page, in_english):
    event = make_event(home_page)
    make_evaluation(event)

    evaluation = event_summary(event).evaluation

    assert evaluation.summary.responses == 0
    assert evaluation.chart is None
    assert [c.shown for c in evaluation.comments] == [()]


def test_comments_are_capped_in_number_and_length():
    long = "kata " * COMMENT_LENGTH
    answers = (long, *(f"Komentar {n}" for n in range(COMMENTS_SHOWN + 2)))

    comments = shortened_comments(TextAnswers("Saran", None, answers))

    assert len(comments.shown) == COMMENTS_SHOWN
    assert comments.shown[1:3] == ("Komentar 0", "Komentar 1")
    assert len(comments.shown[0]) == COMMENT_LENGTH
    assert comments.shown[0].endswith("…")
    assert comments.more == 3


def test_the_annex_is_every_participants_results_row(summary):
    assert [row.participant.full_name for row in summary.annex] == [
        "Ani",
        "Budi",
        "Citra",
        "Dodi",
        "Eko",
    ]
    assert summary.annex[1].certificate_number.startswith("003/")


def test_item_analysis_keeps_the_flagged_questions_only(home_page, in_english):
    event = make_event(home_page)
    post = make_test(event, "post_test", slug="post-test")
    # Two answer the single choice right, all four the true/false; nobody the rest.
    for seed, single in enumerate(["14 Februari 2024"] * 2 + [None] * 2):
        user = ParticipantFactory()
        enrol(event, user)
        picks = {TRUE_FALSE: True, **({SINGLE: single} if single else {})}
        take(post, picks, user=user, seed=seed)

    (quiz,) = event_summary(event).items.quizzes

    assert (quiz.attempts, quiz.questions) == (4, 6)
    flagged = {item.question.excerpt: item.stats.flags for item in quiz.flagged}
    # p = 0.5 and D = 1: the single choice is not flagged; the true/false
    # (p = 1, D = 1 − 1 = 0) is too easy and tells no one apart, the four
    # nobody answered (p = 0) are too hard.
    assert SINGLE not in flagged
    assert [flag.value for flag in flagged[TRUE_FALSE]] == [
        "too_easy",
        "weak_discrimination",
    ]
    assert len(flagged) == 5
    # KR-20: 6/5 · (1 − Σ p(1−p) / var(total)) = 6/5 · (1 − 1/1) = 0.
    assert quiz.reliability.coefficient == 0
    assert quiz.reliability_good is False


def test_an_event_without_anyone_or_any_test(home_page, in_english):
    summary = event_summary(make_event(home_page))

    assert summary.attendance.counts.enrolled == 0
    assert all(not table.groups for table in summary.attendance.tables)
    assert summary.results.pass_rate is None
    assert summary.results.pre_test.mean is None
    assert summary.results.post_test.median is None
    assert summary.gain.summary.mean_gain is None
    assert summary.items.quizzes == ()
    assert summary.evaluation.summary is None
    assert summary.evaluation.chart is None
    assert summary.annex == []


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], None), ([7], 7), ([9, 1, 5], 5), ([4, 1, 3, 2], Fraction(5, 2))],
)
def test_median(values, expected):
    assert median([Fraction(v) for v in values]) == expected
