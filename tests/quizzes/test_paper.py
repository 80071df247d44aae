"""Freezing papers: random keys, the public view, and the editor's checks."""

import random
import uuid

import pytest
from django.core.exceptions import ValidationError

from quizzes.blocks import QuestionsBlock
from quizzes.paper import _MAX_POOLS, _POOLS, freeze_paper, public_paper, question_pool
from quizzes.templatetags.quiz_tags import accepted_answers
from tests.factories import question_blocks

BLOCK = QuestionsBlock()


def stream(raw):
    return BLOCK.to_python(raw)


def test_each_paper_gets_its_own_random_keys():
    first = freeze_paper(stream(question_blocks()), shuffle_questions=False,
                         shuffle_options=False, draw=None)  # fmt: skip
    second = freeze_paper(stream(question_blocks()), shuffle_questions=False,
                          shuffle_options=False, draw=None)  # fmt: skip
    assert [q["key"] for q in first] != [q["key"] for q in second]


def test_drawing_takes_that_many_distinct_questions():
    paper = freeze_paper(stream(question_blocks()), shuffle_questions=True,
                         shuffle_options=True, draw=3, rng=random.Random(1))  # fmt: skip
    assert len(paper) == 3
    assert len({q["text"] for q in paper}) == 3


def test_the_public_view_carries_no_credit_feedback_or_pairs():
    paper = freeze_paper(stream(question_blocks()), shuffle_questions=False,
                         shuffle_options=False, draw=None)  # fmt: skip
    text = repr(public_paper(paper))
    for secret in ("credit", "feedback", "pairs", "correct", "answers"):
        assert secret not in text


def test_matching_choices_are_shuffled_even_when_options_are_not():
    orders = set()
    for seed in range(20):
        paper = freeze_paper(stream(question_blocks()), shuffle_questions=False,
                             shuffle_options=False, draw=None, rng=random.Random(seed))  # fmt: skip
        matching = paper[-1]
        orders.add(tuple(c["text"] for c in matching["choices"]))
    assert len(orders) > 1


def with_value(index, **changes):
    raw = question_blocks()
    raw[index]["value"].update(changes)
    return raw


def option(text, credit):
    return {"text": f"<p>{text}</p>", "credit": credit, "feedback": ""}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (with_value(0, options=[option("Sama", 100), option("Sama", 0)]), "sama"),
        (with_value(0, options=[option("A", 100), option("B", 100)]), "tepat satu"),
        (
            with_value(5, pairs=[{"prompt": "KPU", "answer": "X"},
                                 {"prompt": "KPU", "answer": "Y"}]),
            "sama",
        ),
        (with_value(5, distractors=["Penyelenggara"]), "juga merupakan pasangan yang benar"),
    ],
)  # fmt: skip
def test_the_editor_refuses_look_alike_options_and_matches(raw, message):
    with pytest.raises(ValidationError) as refused:
        BLOCK.clean(stream(raw))
    assert message in str(refused.value.block_errors)


def test_accepted_wildcards_are_shown_as_an_ellipsis():
    question = {"answers": [{"text": "*sigap lapor*", "credit": "1"},
                            {"text": "2\\*3", "credit": "1"}]}  # fmt: skip
    assert accepted_answers(question) == "…sigap lapor…, 2*3"


def test_a_changed_question_reaches_the_next_paper():
    """Papers reuse what was read from the blocks, but only for the same content."""
    raw = question_blocks()
    before = freeze_paper(stream(raw), shuffle_questions=False,
                          shuffle_options=False, draw=None)  # fmt: skip
    raw[0]["value"]["text"] = "<p>Kapan pemungutan suara ulang?</p>"
    after = freeze_paper(stream(raw), shuffle_questions=False,
                         shuffle_options=False, draw=None)  # fmt: skip
    assert before[0]["text"] == "<p>Kapan pemungutan suara?</p>"
    assert after[0]["text"] == "<p>Kapan pemungutan suara ulang?</p>"


def test_papers_frozen_from_one_quiz_share_nothing():
    """Changing one attempt's paper in memory never shows in the next one."""
    first = freeze_paper(stream(question_blocks()), shuffle_questions=False,
                         shuffle_options=False, draw=None)  # fmt: skip
    first[0]["options"][0]["text"] = "changed"
    first[3]["answers"][0]["text"] = "changed"
    second = freeze_paper(stream(question_blocks()), shuffle_questions=False,
                          shuffle_options=False, draw=None)  # fmt: skip
    assert second[0]["options"][0]["text"] == "<p>14 Februari 2024</p>"
    assert second[3]["answers"][0]["text"] == "KPU"


def unseen_questions():
    """The factory's questions with a text no paper in this process has seen,
    so the pool is read from the blocks rather than found in the cache."""
    return with_value(0, text=f"<p>Kapan pemungutan suara {uuid.uuid4().hex}?</p>")


def test_an_unseen_quiz_is_read_from_its_blocks():
    raw = unseen_questions()
    paper = freeze_paper(stream(raw), shuffle_questions=False,
                         shuffle_options=False, draw=None)  # fmt: skip
    assert [q["type"] for q in paper] == [block["type"] for block in raw]
    assert paper[0]["text"] == raw[0]["value"]["text"]
    assert paper[3]["answers"][0]["text"] == "KPU"


def test_the_pool_cache_stays_bounded():
    for _ in range(_MAX_POOLS + 5):
        question_pool(stream(unseen_questions()))
    assert 0 < len(_POOLS) <= _MAX_POOLS
