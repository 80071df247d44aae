"""The quiz page: where it lives, that it renders and previews, and that the
admin form creates it with questions and refuses questions that cannot be right."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lms.accounts.models import User
from lms.events.models import EventPage
from lms.learning.models import ModulePage
from quizzes.models import QuizPage
from tests.conftest import LearningTree
from tests.factories import HomePageFactory, QuizPageFactory


def option(text, credit):
    return {"text": rich_text(f"<p>{text}</p>"), "credit": credit, "feedback": ""}


def quiz_form(*questions, **fields):
    return nested_form_data(
        {
            "title": "Kuis tahapan",
            "slug": "kuis-tahapan",
            "kind": "practice",
            "introduction": rich_text("<p>Lima soal.</p>"),
            "pass_mark": "60",
            "time_limit_minutes": "",
            "opens_at": "",
            "closes_at": "",
            "max_attempts": "2",
            "grading_method": "highest",
            "shuffle_options": "on",
            "draw_count": "",
            "review_content": "feedback",
            "review_timing": "immediately",
            "questions": streamfield(list(questions)),
            **fields,
        }
    )


def single_choice(*options):
    return (
        "single_choice",
        {
            "text": rich_text("<p>Kapan pemungutan suara?</p>"),
            "points": "1",
            "feedback": rich_text(""),
            "options": streamfield([("item", o) for o in options]),
        },
    )


class QuizPageTests(WagtailPageTestCase):
    def setUp(self):
        self.tree = LearningTree(HomePageFactory())
        self.admin = User.objects.create_superuser(
            username="admin", full_name="Admin Uji", password="x"
        )
        self.client.force_login(self.admin)

    def test_lives_in_a_module_or_an_event(self):
        self.assertAllowedParentPageTypes(QuizPage, {ModulePage, EventPage})
        self.assertAllowedSubpageTypes(QuizPage, set())

    def test_renders_and_previews(self):
        quiz = QuizPageFactory(parent=self.tree.module)
        self.assertPageIsRenderable(quiz)
        response = self.client.post(
            f"/admin/pages/{quiz.pk}/edit/preview/",
            quiz_form(single_choice(option("14 Februari", 100), option("1 Mei", 0))),
        )
        assert response.json()["is_valid"]
        preview = self.client.get(
            f"/admin/pages/{quiz.pk}/edit/preview/"
        ).content.decode()
        assert "14 Februari" in preview and "credit" not in preview

    def test_admin_creates_a_quiz_with_questions(self):
        self.assertCanCreate(
            self.tree.module,
            QuizPage,
            quiz_form(single_choice(option("14 Februari", 100), option("1 Mei", 0))),
        )
        quiz = QuizPage.objects.get(slug="kuis-tahapan")
        assert quiz.questions[0].block_type == "single_choice"

    def test_a_single_choice_without_a_right_option_is_refused(self):
        response = self.client.post(
            f"/admin/pages/add/quizzes/quizpage/{self.tree.module.pk}/",
            quiz_form(single_choice(option("14 Februari", 50), option("1 Mei", 0))),
        )
        assert response.status_code == 200
        assert not QuizPage.objects.exists()
        assert "100%" in response.content.decode()

    def test_a_pass_mark_above_100_is_refused(self):
        response = self.client.post(
            f"/admin/pages/add/quizzes/quizpage/{self.tree.module.pk}/",
            quiz_form(
                single_choice(option("14 Februari", 100), option("1 Mei", 0)),
                pass_mark="120",
            ),
        )
        assert response.status_code == 200
        assert not QuizPage.objects.exists()


@pytest.mark.django_db
def test_a_speaker_writes_a_quiz_in_their_own_module_and_submits_it(client, learning):
    speaker = learning.speaker_for(learning.kpu)
    client.force_login(speaker)
    form = quiz_form(single_choice(option("14 Februari", 100), option("1 Mei", 0)))
    form["action-submit"] = "submit"
    own = client.post(f"/admin/pages/add/quizzes/quizpage/{learning.module.pk}/", form)
    assert own.status_code == 302
    quiz = QuizPage.objects.get()
    assert not quiz.live  # waits for an organiser
    other = client.post(
        f"/admin/pages/add/quizzes/quizpage/{learning.bawaslu_module.pk}/",
        {**form, "slug": "lain"},
    )
    assert other.status_code in (302, 403)
    assert QuizPage.objects.count() == 1


@pytest.mark.django_db
def test_the_module_page_lists_its_published_quizzes(client, quiz):
    html = client.get(quiz.get_parent().url).content.decode()
    assert f'href="{quiz.url}"' in html
    quiz.unpublish()
    assert (
        f'href="{quiz.url}"' not in client.get(quiz.get_parent().url).content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["quiz", "module"])
def test_a_quiz_with_attempts_cannot_be_deleted_only_unpublished(
    client, participant, quiz, target
):
    from quizzes.models import Attempt

    client.force_login(participant)
    client.post(quiz.url + "mulai/")
    admin = User.objects.create_superuser(
        username="root", full_name="Root", password="x"
    )
    client.force_login(admin)
    page = quiz if target == "quiz" else quiz.get_parent()
    response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert QuizPage.objects.filter(pk=quiz.pk).exists()
    assert Attempt.objects.count() == 1
    assert "Batalkan penerbitannya" in response.content.decode()
