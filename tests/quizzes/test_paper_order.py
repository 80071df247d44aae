"""The order a paper deals its questions, options and matching items in.

Shuffling is what keeps neighbours in a hall from copying by position, so each
switch is tested both ways: on, papers differ between participants and every
paper still holds the same questions (and each option its own credit); off,
every paper keeps the order the speaker wrote.
"""

import random

import pytest

from quizzes.attempts import start_attempt
from quizzes.blocks import QuestionsBlock
from quizzes.paper import freeze_paper
from tests.factories import ParticipantFactory, question_blocks

SEEDS = range(30)
AUTHORED = [block["value"]["text"] for block in question_blocks()]
SINGLE_OPTIONS = ["<p>14 Februari 2024</p>", "<p>17 Agustus 2024</p>"]
MULTIPLE_OPTIONS = ["<p>Presiden</p>", "<p>DPR</p>", "<p>DPRD kota</p>"]


def papers(*, shuffle_questions=False, shuffle_options=False, draw=None):
    """One paper per seed, frozen from the factory's six questions."""
    questions = QuestionsBlock().to_python(question_blocks())
    return [
        freeze_paper(questions, shuffle_questions=shuffle_questions,
                     shuffle_options=shuffle_options, draw=draw,
                     rng=random.Random(seed))
        for seed in SEEDS
    ]  # fmt: skip


def question_order(paper):
    return tuple(question["text"] for question in paper)


def by_type(paper, kind):
    return next(question for question in paper if question["type"] == kind)


def option_order(paper, kind):
    return tuple(option["text"] for option in by_type(paper, kind)["options"])


def prompt_order(paper):
    return tuple(prompt["text"] for prompt in by_type(paper, "matching")["prompts"])


def test_shuffled_questions_differ_between_papers_but_are_the_same_questions():
    orders = [question_order(paper) for paper in papers(shuffle_questions=True)]
    assert all(sorted(order) == sorted(AUTHORED) for order in orders)
    assert len(set(orders)) > len(SEEDS) // 2
    # Not one fixed reordering either: the first question changes too.
    assert len({order[0] for order in orders}) > 1


def test_questions_keep_the_authored_order_unless_shuffled():
    for paper in papers(shuffle_options=True):
        assert list(question_order(paper)) == AUTHORED


def test_shuffled_options_differ_between_papers_and_keep_their_credit():
    dealt = papers(shuffle_options=True)
    for kind, authored in (("single_choice", SINGLE_OPTIONS),
                           ("multiple_choice", MULTIPLE_OPTIONS)):  # fmt: skip
        orders = {option_order(paper, kind) for paper in dealt}
        assert all(sorted(order) == sorted(authored) for order in orders)
        assert len(orders) > 1
    credits = {
        (option["text"], option["credit"])
        for paper in dealt
        for option in by_type(paper, "multiple_choice")["options"]
    }
    assert credits == {("<p>Presiden</p>", "1/2"), ("<p>DPR</p>", "1/2"),
                       ("<p>DPRD kota</p>", "-1/2")}  # fmt: skip


def test_options_keep_the_authored_order_unless_shuffled():
    for paper in papers(shuffle_questions=True):
        assert option_order(paper, "single_choice") == tuple(SINGLE_OPTIONS)
        assert option_order(paper, "multiple_choice") == tuple(MULTIPLE_OPTIONS)


def test_matching_items_follow_the_option_switch_and_keep_their_matches():
    shuffled = {prompt_order(paper) for paper in papers(shuffle_options=True)}
    assert shuffled == {("KPU", "Bawaslu"), ("Bawaslu", "KPU")}
    for paper in papers():
        matching = by_type(paper, "matching")
        assert prompt_order(paper) == ("KPU", "Bawaslu")
        texts = {item["key"]: item["text"]
                 for item in (*matching["prompts"], *matching["choices"])}  # fmt: skip
        assert {texts[p]: texts[c] for p, c in matching["pairs"].items()} == {
            "KPU": "Penyelenggara",
            "Bawaslu": "Pengawas",
        }


def test_a_draw_picks_different_questions_and_keeps_their_authored_order():
    orders = [question_order(paper) for paper in papers(draw=4)]
    for order in orders:
        assert len(order) == 4
        assert list(order) == [text for text in AUTHORED if text in order]
    assert len({frozenset(order) for order in orders}) > 1


def test_a_draw_as_large_as_the_pool_deals_every_question():
    for draw in (6, 7):
        assert all(len(paper) == 6 for paper in papers(draw=draw))


@pytest.mark.django_db
def test_a_quizs_switches_reach_the_papers_its_attempts_freeze(quiz):
    """``start_attempt`` deals papers by the quiz's own settings."""

    def first_papers(count=8):
        return [
            start_attempt(
                quiz=quiz, user=ParticipantFactory(), rng=random.Random(n)
            ).paper
            for n in range(count)
        ]

    quiz.shuffle_questions = quiz.shuffle_options = False
    quiz.save_revision().publish()
    for paper in first_papers():
        assert list(question_order(paper)) == AUTHORED
        assert option_order(paper, "multiple_choice") == tuple(MULTIPLE_OPTIONS)

    quiz.shuffle_questions = quiz.shuffle_options = True
    quiz.save_revision().publish()
    dealt = first_papers()
    assert len({question_order(paper) for paper in dealt}) > 1
    assert len({option_order(paper, "multiple_choice") for paper in dealt}) > 1

    quiz.draw_count = 5
    quiz.save_revision().publish()
    assert all(len(paper) == 5 for paper in first_papers(count=2))
