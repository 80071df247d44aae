"""The evaluation's numbers, checked against values worked out by hand
(docs/reports.md, "Evaluation")."""

from decimal import Decimal

from lms.reports.evaluation import (
    Question,
    likert_level,
    response_columns,
    response_row,
    summarise_evaluation,
    summarise_likert,
    with_answered_speakers,
)

MATERI = Question("materi", "Materi bermanfaat", "likert")
NARASUMBER = Question(
    "narasumber", "Narasumber menguasai materi", "likert", per_speaker=True,
    speakers=("Ratna", "Ahmad"),
)  # fmt: skip
SARAN = Question("saran", "Saran", "text")
SESI = Question("sesi", "Sesi terbaik", "choice", choices=("Pagi", "Siang"))


def likert(values):
    return summarise_likert("Materi", None, values)


def test_no_answers_is_not_enough_data_never_zero():
    summary = likert([])
    assert (summary.n, summary.counts, summary.agreeing) == (0, (0, 0, 0, 0, 0), 0)
    assert summary.mean is None and summary.agreeing_percent is None


def test_one_answer():
    summary = likert([4])
    assert summary.counts == (0, 0, 0, 1, 0)
    assert summary.mean == Decimal("4.0")
    assert (summary.agreeing, summary.agreeing_percent) == (1, Decimal("100.0"))


def test_everyone_gave_the_same_answer():
    summary = likert([2, 2, 2])
    assert summary.counts == (0, 3, 0, 0, 0)
    assert summary.mean == Decimal("2.0")
    assert (summary.agreeing, summary.agreeing_percent) == (0, Decimal("0.0"))


def test_a_spread_of_answers():
    # n = 7, sum 1 + 2 + 3 + 4 + 4 + 5 + 5 = 24, mean 24/7 = 3.428… → 3.4;
    # agreeing 4, 4, 5, 5: 4 of 7 = 57.142…% → 57.1.
    summary = likert([1, 2, 4, 4, 5, 5, 3])
    assert summary.counts == (1, 1, 1, 2, 2)
    assert (summary.n, summary.mean) == (7, Decimal("3.4"))
    assert (summary.agreeing, summary.agreeing_percent) == (4, Decimal("57.1"))


def test_a_tie_between_disagreeing_and_agreeing():
    # 1 + 1 + 5 + 5 = 12, 12/4 = 3.0 exactly; agreeing 2 of 4 = 50.0 %.
    summary = likert([5, 1, 5, 1])
    assert summary.counts == (2, 0, 0, 0, 2)
    assert summary.mean == Decimal("3.0")
    assert (summary.agreeing, summary.agreeing_percent) == (2, Decimal("50.0"))


def test_a_single_respondent_about_each_speaker():
    summary = summarise_evaluation(
        [NARASUMBER], [{"narasumber": {"Ratna": 5, "Ahmad": 3}}], enrolled=1
    )
    assert [
        (s.speaker, s.counts, s.mean, s.agreeing_percent) for s in summary.likert
    ] == [
        ("Ratna", (0, 0, 0, 0, 1), Decimal("5.0"), Decimal("100.0")),
        ("Ahmad", (0, 0, 1, 0, 0), Decimal("3.0"), Decimal("0.0")),
    ]


def test_the_mean_is_rounded_once_half_up():
    # 3 + 3 + 3 + 4 = 13, 13/4 = 3.25 exactly → 3.3 (half up, not half even);
    # agreeing 1 of 4 = 25.0 %.
    summary = likert([3, 3, 3, 4])
    assert summary.mean == Decimal("3.3")
    assert summary.agreeing_percent == Decimal("25.0")


def test_the_share_agreeing_is_rounded_half_up():
    # 1 of 8 agree: 12.5 % exactly; 1 of 80: 1.25 % → 1.3.
    assert likert([4] + [1] * 7).agreeing_percent == Decimal("12.5")
    assert likert([5] + [2] * 79).agreeing_percent == Decimal("1.3")


def test_only_levels_one_to_five_count():
    # "4" as text counts (stored by an older form); True, 0, 6, "x", None do not.
    assert [likert_level(v) for v in (1, "4", 5, True, 0, 6, "x", None, 2.5)] == [
        1, 4, 5, None, None, None, None, None, None,
    ]  # fmt: skip
    assert likert([3, True, "x", None]).n == 1


def test_per_speaker_answers_are_summarised_per_speaker_in_agenda_order():
    responses = [
        {"narasumber": {"Ahmad": 4, "Ratna": 5}},
        {"narasumber": {"Ahmad": 2, "Ratna": 5}},
    ]
    summary = summarise_evaluation([NARASUMBER], responses, enrolled=30)
    assert [(s.label, s.counts, s.mean) for s in summary.likert] == [
        ("Narasumber menguasai materi — Ratna", (0, 0, 0, 0, 2), Decimal("5.0")),
        # (4 + 2) / 2 = 3.0
        ("Narasumber menguasai materi — Ahmad", (0, 1, 0, 1, 0), Decimal("3.0")),
    ]
    assert (summary.responses, summary.enrolled) == (2, 30)


def test_a_speaker_taken_off_the_agenda_keeps_their_answers_last():
    responses = [{"narasumber": {"Ratna": 5, "Sri": 3}}, {"narasumber": {"Ratna": 4}}]
    (question,) = with_answered_speakers([NARASUMBER], responses)
    assert question.speakers == ("Ratna", "Ahmad", "Sri")
    summary = summarise_evaluation([question], responses, enrolled=2)
    assert [(s.speaker, s.n) for s in summary.likert] == [
        ("Ratna", 2), ("Ahmad", 0), ("Sri", 1),
    ]  # fmt: skip


def test_free_text_is_trimmed_and_empty_answers_are_left_out():
    responses = [{"saran": "  Lebih lama  "}, {"saran": ""}, {"saran": None}, {}]
    summary = summarise_evaluation([SARAN], responses, enrolled=4)
    assert summary.texts[0].answers == ("Lebih lama",)


def test_choices_are_counted_with_every_option():
    responses = [{"sesi": "Pagi"}, {"sesi": "Pagi"}, {"sesi": "Malam"}, {"sesi": ""}]
    (tally,) = summarise_evaluation([SESI], responses, enrolled=4).choices
    assert tally.counts == (("Pagi", 2), ("Siang", 0), ("Malam", 1))
    assert tally.answered == 3


def test_no_responses_at_all():
    summary = summarise_evaluation([MATERI, SARAN], [], enrolled=12)
    assert summary.responses == 0
    assert [(s.n, s.mean) for s in summary.likert] == [(0, None)]
    assert summary.texts[0].answers == ()


def test_the_download_has_a_column_per_question_and_speaker():
    columns = response_columns([MATERI, NARASUMBER, SARAN])
    assert columns == [
        ("materi", "Materi bermanfaat"),
        ("narasumber--ratna", "Narasumber menguasai materi — Ratna"),
        ("narasumber--ahmad", "Narasumber menguasai materi — Ahmad"),
        ("saran", "Saran"),
    ]
    row = response_row(columns, {"materi": 4, "narasumber": {"Ahmad": 3}})
    assert row == {
        "materi": 4,
        "narasumber--ratna": None,
        "narasumber--ahmad": 3,
        "saran": None,
    }
