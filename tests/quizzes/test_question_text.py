"""Pictures and links in questions, options and feedback show as they do in lessons.

A picture is an ``<embed>`` in the stored text; on the attempt page, the
result's review and the editor's preview it must be a responsive ``<img>``
with its alt text, never the ``<embed>`` tag itself.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import rich_text, streamfield

from lms.accounts.models import User
from quizzes.blocks import OPTION_TEXT_FEATURES, QUESTION_TEXT_FEATURES
from quizzes.models import Attempt
from quizzes.question_text import with_html
from tests.factories import QuizPageFactory
from tests.quizzes.picture_setup import (
    FEEDBACK_ALT,
    OPTION_ALT,
    STEM_ALT,
    embed,
    picture,
    picture_question,
)
from tests.quizzes.test_attempt_flow import start
from tests.quizzes.test_quiz_page import quiz_form

pytestmark = pytest.mark.django_db

WIDTHS = ["400w", "800w", "1200w"]


@pytest.fixture
def image():
    return picture()


def picture_quiz(learning, image, **fields):
    return QuizPageFactory(
        parent=learning.module,
        questions=[picture_question(image)],
        shuffle_options=False,
        review_content="feedback",
        **fields,
    )


def page_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<embed" not in html
    return BeautifulSoup(html, "html.parser")


def assert_lesson_picture(img, alt):
    """The lesson figure's responsive image: renditions, sizes, alt, size, lazy."""
    assert img.attrs["alt"] == alt
    assert [c.split()[-1] for c in img.attrs["srcset"].split(", ")] == WIDTHS
    assert img.attrs["sizes"] == "(min-width: 48em) 44rem, 100vw"
    assert img.attrs["loading"] == "lazy"
    # The largest rendition's size, never more than the picture's own.
    assert (img.attrs["width"], img.attrs["height"]) == ("1200", "675")


def pictures_in(soup, selector) -> dict[str, object]:
    return {img.attrs["alt"]: img for img in soup.select(f"{selector} img")}


def test_the_attempt_page_shows_pictures_in_the_question_and_its_options(
    taker, learning, image
):
    attempt = start(taker, picture_quiz(learning, image))
    soup = page_of(taker, f"/kuis/percobaan/{attempt.pk}/")
    assert_lesson_picture(pictures_in(soup, ".question__text")[STEM_ALT], STEM_ALT)
    assert_lesson_picture(pictures_in(soup, ".option__label")[OPTION_ALT], OPTION_ALT)
    # Feedback waits for the review.
    assert FEEDBACK_ALT not in str(soup)


def test_the_review_shows_pictures_in_the_question_the_answer_and_the_feedback(
    taker, learning, image
):
    attempt = start(taker, picture_quiz(learning, image))
    right = attempt.paper[0]["options"][0]["key"]
    taker.post(f"/kuis/percobaan/{attempt.pk}/", {attempt.paper[0]["key"]: right})
    taker.post(f"/kuis/percobaan/{attempt.pk}/kirim/")
    soup = page_of(taker, f"/kuis/percobaan/{attempt.pk}/hasil/")
    assert_lesson_picture(pictures_in(soup, ".review__text")[STEM_ALT], STEM_ALT)
    assert_lesson_picture(pictures_in(soup, ".review__option")[OPTION_ALT], OPTION_ALT)
    feedback = pictures_in(soup, ".review__feedback")[FEEDBACK_ALT]
    assert_lesson_picture(feedback, FEEDBACK_ALT)


def test_the_editors_preview_shows_a_picture_inserted_in_the_editor(
    client, learning, image
):
    """Through the Wagtail editor's own rich text format, as a speaker writes it."""
    client.force_login(
        User.objects.create_superuser(username="admin", full_name="Admin", password="x")
    )
    quiz = QuizPageFactory(parent=learning.module)
    question = (
        "single_choice",
        {
            "text": rich_text(
                f"<p>Perhatikan gambar.</p>{embed(image, STEM_ALT)}",
                features=QUESTION_TEXT_FEATURES,
            ),
            "points": "1",
            "feedback": rich_text(""),
            "options": streamfield([
                ("item", {"text": rich_text(f"<p>{embed(image, OPTION_ALT)}</p>",
                                            features=OPTION_TEXT_FEATURES),
                          "credit": 100, "feedback": ""}),
                ("item", {"text": rich_text("<p>DPRD kota</p>"), "credit": 0,
                          "feedback": ""}),
            ]),
        },
    )  # fmt: skip
    preview_url = f"/admin/pages/{quiz.pk}/edit/preview/"
    response = client.post(preview_url, quiz_form(question))
    assert response.json()["is_valid"]
    soup = page_of(client, preview_url)
    assert_lesson_picture(pictures_in(soup, ".question__text")[STEM_ALT], STEM_ALT)
    assert_lesson_picture(pictures_in(soup, ".option__label")[OPTION_ALT], OPTION_ALT)


def test_a_picture_deleted_since_freezing_leaves_its_alt_text(taker, learning, image):
    attempt = start(taker, picture_quiz(learning, image))
    image.delete()
    soup = page_of(taker, f"/kuis/percobaan/{attempt.pk}/")
    assert not soup.select(".question img")
    missing = soup.select_one(".question__text .question-image-missing")
    assert missing.text == f"[{STEM_ALT}]"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ('<embed embedtype="image" id="999"/>', ""),
        ('<embed embedtype="image" id="²" alt="Peta &amp; TPS"/>',
         '<span class="question-image-missing">[Peta &amp; TPS]</span>'),
        ('<embed embedtype="media" url="https://evil.example"/>', ""),
    ],
)  # fmt: skip
def test_an_embed_that_names_no_picture_leaves_its_alt_text_or_nothing(stored, shown):
    (question,) = with_html([{"text": f"<p>Lihat</p>{stored}"}])
    assert question["html"] == f"<p>Lihat</p>{shown}"


def test_a_paper_frozen_before_embeds_were_self_closing_shows_its_pictures(
    taker, learning, image
):
    attempt = start(taker, picture_quiz(learning, image))
    attempt.paper[0]["text"] = attempt.paper[0]["text"].replace("/>", ">")
    Attempt.objects.filter(pk=attempt.pk).update(paper=attempt.paper)
    soup = page_of(taker, f"/kuis/percobaan/{attempt.pk}/")
    assert_lesson_picture(pictures_in(soup, ".question__text")[STEM_ALT], STEM_ALT)


def test_links_to_pages_are_resolved(taker, learning):
    question = picture_question(picture())
    question["value"]["text"] = (
        f'<p>Baca <a linktype="page" id="{learning.lessons[0].pk}">materinya</a>.</p>'
    )
    quiz = QuizPageFactory(parent=learning.module, questions=[question])
    attempt = start(taker, quiz)
    soup = page_of(taker, f"/kuis/percobaan/{attempt.pk}/")
    link = soup.select_one(".question__text a")
    assert link.attrs == {"href": learning.lessons[0].url}


def test_a_page_with_more_pictures_costs_no_more_queries(taker, learning):
    def attempt_page_queries(quiz):
        attempt = start(taker, quiz)
        url = f"/kuis/percobaan/{attempt.pk}/"
        taker.get(url)  # the first view makes the renditions
        with CaptureQueriesContext(connection) as queries:
            page_of(taker, url)
        return len(queries)

    one = QuizPageFactory(
        parent=learning.module, slug="satu", questions=[picture_question(picture())]
    )
    four = QuizPageFactory(
        parent=learning.module,
        slug="empat",
        questions=[picture_question(picture(f"Gambar {n}")) for n in range(4)],
    )
    assert attempt_page_queries(one) == attempt_page_queries(four)
