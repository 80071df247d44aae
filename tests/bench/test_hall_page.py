"""The hall bench reads the attempt page as a phone shows it: questions, options, revisions."""

import random

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from bench.hall.page import choose, read_questions


def fieldset(key, kind, body, revision=0):
    return (
        f'<fieldset class="question" id="q-{key}" data-question="{key}" '
        f'data-type="{kind}" data-revision="{revision}">{body}</fieldset>'
    )


def option(key, text):
    # The template shows "html" (the paper's rendered text) or "text" through
    # |richtext, depending on the version checked out: give both.
    return {"key": key, "text": f"<p>{text}</p>", "html": mark_safe(f"<p>{text}</p>")}


def rendered(kind, **q):
    """One question's fields from the real template, inside its fieldset."""
    q = {"field": "q-k1", "response": None, **q}
    body = render_to_string(f"quizzes/questions/{kind}.html", {"q": q})
    return fieldset("k1", kind, body, revision=3)


def test_single_choice_options_and_the_right_one():
    page = rendered(
        "single_choice",
        options=[option("o1", "17 Agustus 2024"), option("o2", "14 Februari 2024")],
    )  # fmt: skip
    [question] = read_questions(page)
    assert (question.key, question.type, question.revision) == (
        "k1",
        "single_choice",
        3,
    )
    assert question.options == [("o1", "17 Agustus 2024"), ("o2", "14 Februari 2024")]
    assert choose(question, random.Random(1), right=True) == "o2"
    assert choose(question, random.Random(1), right=False) == "o1"


def test_multiple_choice_answers_are_sorted_as_the_server_stores_them():
    options = [option("b", "DPR"), option("a", "Presiden"), option("c", "DPRD kota")]
    [question] = read_questions(rendered("multiple_choice", options=options))
    assert choose(question, random.Random(1), right=True) == ["a", "b"]


def test_matching_prompts_and_choices():
    page = rendered(
        "matching",
        prompts=[{"key": "p1", "text": "KPU"}, {"key": "p2", "text": "Bawaslu"}],
        choices=[{"key": "c1", "text": "Pengawas"}, {"key": "c2", "text": "Penyelenggara"}],
    )  # fmt: skip
    [question] = read_questions(page)
    assert question.prompts == [("p1", "KPU"), ("p2", "Bawaslu")]
    assert choose(question, random.Random(1), right=True) == {"p1": "c2", "p2": "c1"}


def test_every_fieldset_is_a_question():
    page = (
        fieldset("a", "true_false", "")
        + "<p>between</p>"
        + fieldset("b", "numeric", "")
    )
    assert [(q.key, q.type) for q in read_questions(page)] == [
        ("a", "true_false"), ("b", "numeric")]  # fmt: skip
