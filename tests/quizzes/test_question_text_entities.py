"""A speaker cannot break a quiz's editor or its pages with a crafted link or picture.

The Draftail editor sends its content as JSON, so a speaker can send a picture
in a format nobody registered, or a link to an id that is no number. Wagtail's
editor looked such a format up and failed with a server error, for every
editor of the page. The question text, its options and its feedback are
cleaned when stored and when read (``lms.core.sanitize``).
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.test import Client
from wagtail.models import Revision
from wagtail.test.utils.form_data import streamfield

from lms.accounts.models import User
from quizzes.models import QuizPage
from tests.factories import QuizPageFactory
from tests.quizzes.picture_setup import picture
from tests.quizzes.test_attempt_flow import start
from tests.quizzes.test_quiz_page import quiz_form

pytestmark = pytest.mark.django_db


def draftail(*entities) -> str:
    """The editor's JSON: one block per ``(type, data, text)``; pictures are atomic."""
    blocks, entity_map = [], {}
    for key, (kind, data, text) in enumerate(entities):
        atomic = kind == "IMAGE"
        text = " " if atomic else text
        blocks.append(
            {
                "key": f"b{key}",
                "type": "atomic" if atomic else "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": key}],
                "data": {},
            }
        )
        mutability = "IMMUTABLE" if atomic else "MUTABLE"
        entity_map[str(key)] = {"type": kind, "mutability": mutability, "data": data}
    return json.dumps({"blocks": blocks, "entityMap": entity_map})


def crafted(image, page, where):
    """A valid picture and page link, then the broken ones, named after ``where``.

    What a text's features leave out (links in options, pictures in feedback,
    documents anywhere in a quiz) the editor itself drops.
    """
    return draftail(
        ("IMAGE", {"id": image.pk, "format": "left", "alt": f"{where} sah"}, ""),
        ("LINK", {"id": page.pk, "url": page.url}, f"{where} tautan sah"),
        ("IMAGE", {"id": image.pk, "format": "nope", "alt": f"{where} format"}, ""),
        ("IMAGE", {"id": "x", "format": "left", "alt": f"{where} tanpa id"}, ""),
        ("LINK", {"id": "3 OR 1=1"}, f"{where} id rusak"),
        ("LINK", {"url": "javascript:alert(1)"}, f"{where} skrip"),
    )


@pytest.fixture
def editor(learning):
    """A second client, logged in to the admin beside the participant's ``taker``."""
    client = Client()
    client.force_login(
        User.objects.create_superuser(username="admin", full_name="Admin", password="x")
    )
    return client


def crafted_question(image, page):
    """A single choice with the crafted entities in its text, right option and feedback."""
    right = {"text": crafted(image, page, "opsi"), "credit": 100, "feedback": ""}
    wrong = {"text": draftail(("LINK", {}, "salah")), "credit": 0, "feedback": ""}
    return (
        "single_choice",
        {
            "text": crafted(image, page, "soal"),
            "points": "1",
            "feedback": crafted(image, page, "umpan balik"),
            "options": streamfield([("item", right), ("item", wrong)]),
        },
    )


def shown(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_a_crafted_question_leaves_the_editor_and_the_pages_working(
    editor, learning, taker
):
    image, page = picture(), learning.lessons[0]
    quiz = QuizPageFactory(parent=learning.module, review_content="feedback")
    form = quiz_form(crafted_question(image, page), **{"action-publish": "publish"})
    assert editor.post(f"/admin/pages/{quiz.pk}/edit/", form).status_code == 302

    assert editor.get(f"/admin/pages/{quiz.pk}/edit/").status_code == 200
    quiz.refresh_from_db()  # the form gave it a new slug
    assert shown(taker, quiz.url)
    attempt = start(taker, quiz)
    right = attempt.paper[0]["options"][0]["key"]
    taker.post(f"/kuis/percobaan/{attempt.pk}/", {attempt.paper[0]["key"]: right})
    taker.post(f"/kuis/percobaan/{attempt.pk}/kirim/")
    review = shown(taker, f"/kuis/percobaan/{attempt.pk}/hasil/")

    pictures = {img["alt"] for img in review.find_all("img")}
    links = {a.get_text(strip=True): a.get("href") for a in review.find_all("a")}
    text = review.get_text()
    for where in ("soal", "opsi"):
        assert {f"{where} sah", f"{where} format"} <= pictures
        assert f"{where} tanpa id" not in pictures
    assert links["soal tautan sah"] == links["umpan balik tautan sah"] == page.url
    for where in ("soal", "umpan balik"):
        for broken in ("id rusak", "skrip"):
            assert f"{where} {broken}" in text
            assert f"{where} {broken}" not in links
    assert "<embed" not in str(review) and "javascript:" not in str(review)


def test_a_question_stored_before_the_rules_still_opens_and_shows(
    editor, learning, taker
):
    """Texts are cleaned again when read, so what older code stored, in the
    page and in its revisions, opens in the editor and on the attempt page."""
    image = picture()
    quiz = QuizPageFactory(parent=learning.module, shuffle_options=False)
    broken = (
        f'<p>Lihat</p><embed embedtype="image" id="{image.pk}" format="nope" alt="peta"/>'
        '<embed embedtype="image" alt="tanpa id"/><p><a linktype="page">modul</a></p>'
    )
    questions = json.loads(
        json.dumps(quiz.questions.get_prep_value(), cls=DjangoJSONEncoder)
    )
    question = questions[0]["value"]
    question["text"] = question["feedback"] = question["options"][0]["value"][
        "text"
    ] = broken
    revision = quiz.save_revision()
    Revision.objects.filter(pk=revision.pk).update(
        content={**revision.content, "questions": json.dumps(questions)}
    )
    with connection.cursor() as cursor:  # past the field's own cleaning
        cursor.execute(
            f"UPDATE {QuizPage._meta.db_table} SET questions = %s WHERE page_ptr_id = %s",
            [json.dumps(questions), quiz.pk],
        )

    assert editor.get(f"/admin/pages/{quiz.pk}/edit/").status_code == 200
    attempt = start(taker, quiz)
    page = shown(taker, f"/kuis/percobaan/{attempt.pk}/")
    pictures = [img["alt"] for img in page.select(".question__text img")]
    assert pictures == ["peta"]
    assert "modul" in page.get_text() and "<embed" not in str(page)
