"""What a paper lets into an answer, and what it lets out to the browser.

``clean_response`` is the only gate between a request (autosave JSON or a
plain form) and a stored answer, so every question type is tried with a right
shape, an empty one and a forged one. ``public_question`` is what a phone sees
while answering (promise 5 in docs/architecture.md): exactly the fields it
needs, nothing that says which option is right.
"""

import random

import pytest

from quizzes.blocks import QuestionsBlock
from quizzes.paper import (
    MAX_TEXT_RESPONSE,
    InvalidResponse,
    clean_response,
    freeze_paper,
    grading_response,
    public_question,
)
from tests.factories import question_blocks

PAPER = freeze_paper(
    QuestionsBlock().to_python(question_blocks()),
    shuffle_questions=False,
    shuffle_options=False,
    draw=None,
    rng=random.Random(0),
)
SINGLE, MULTIPLE, TRUE_FALSE, SHORT, NUMERIC, MATCHING = PAPER
A, B, C = (option["key"] for option in MULTIPLE["options"])
KPU, BAWASLU = (prompt["key"] for prompt in MATCHING["prompts"])
FIRST_CHOICE = MATCHING["choices"][0]["key"]


@pytest.mark.parametrize("question", PAPER, ids=lambda q: q["type"])
@pytest.mark.parametrize("empty", [None, "", [], {}])
def test_an_empty_response_clears_the_answer(question, empty):
    assert clean_response(question, empty) is None


@pytest.mark.parametrize(
    ("question", "raw", "stored"),
    [
        (SINGLE, SINGLE["options"][1]["key"], SINGLE["options"][1]["key"]),
        (MULTIPLE, [C, A, C], sorted({A, C})),
        (TRUE_FALSE, True, True),
        (TRUE_FALSE, "true", True),
        (TRUE_FALSE, False, False),
        (TRUE_FALSE, "false", False),
        (SHORT, "  KPU \n", "KPU"),
        (SHORT, "   ", None),
        (NUMERIC, "5", "5"),
        (NUMERIC, "x" * MAX_TEXT_RESPONSE, "x" * MAX_TEXT_RESPONSE),
        (MATCHING, {KPU: FIRST_CHOICE, BAWASLU: ""}, {KPU: FIRST_CHOICE}),
        (MATCHING, {KPU: "", BAWASLU: None}, None),
    ],
    ids=lambda value: str(value)[:20],
)
def test_a_well_formed_response_is_stored_in_its_plain_shape(question, raw, stored):
    assert clean_response(question, raw) == stored


@pytest.mark.parametrize(
    ("question", "raw", "reason"),
    [
        (SINGLE, "ffffffff", "unknown option"),
        (SINGLE, A, "unknown option"),  # another question's option
        (MULTIPLE, A, "unknown option"),  # not a list
        (MULTIPLE, [A, "ffffffff"], "unknown option"),
        (TRUE_FALSE, "yes", "not true or false"),
        (TRUE_FALSE, 1.5, "not true or false"),
        (SHORT, ["KPU"], "text too long"),
        (SHORT, "x" * (MAX_TEXT_RESPONSE + 1), "text too long"),
        (NUMERIC, "5\x00", "control characters"),
        (SHORT, "K\x1fPU", "control characters"),
        (MATCHING, [KPU], "unknown item"),
        (MATCHING, {"ffffffff": FIRST_CHOICE}, "unknown item"),
        (MATCHING, {KPU: "ffffffff"}, "unknown match"),
        ({**SINGLE, "type": "essay"}, "text", "unknown question type"),
    ],
    ids=lambda value: str(value)[:20],
)
def test_a_forged_response_is_refused(question, raw, reason):
    with pytest.raises(InvalidResponse, match=reason):
        clean_response(question, raw)


def test_grading_reads_a_multiple_choice_answer_as_a_set():
    assert grading_response(MULTIPLE, [A, C]) == frozenset({A, C})
    assert grading_response(MULTIPLE, None) is None
    assert grading_response(SHORT, "KPU") == "KPU"


def test_the_browser_gets_each_option_and_item_by_key_and_text_only():
    public = public_question(MULTIPLE)
    assert public == {
        "key": MULTIPLE["key"],
        "type": "multiple_choice",
        "text": MULTIPLE["text"],
        "points": "1",
        "options": [{"key": o["key"], "text": o["text"]} for o in MULTIPLE["options"]],
    }
    matching = public_question(MATCHING)
    assert set(matching) == {"key", "type", "text", "points", "prompts", "choices"}
    assert matching["prompts"] == MATCHING["prompts"]
    assert matching["choices"] == MATCHING["choices"]
    assert public_question(NUMERIC)["unit"] == "jenis"
