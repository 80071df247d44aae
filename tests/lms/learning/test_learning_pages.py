"""Module shelves, modules and lessons: where they live, that they render, and
that the admin's own forms create them."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    rich_text,
    streamfield,
)

from home.models import HomePage
from lms.accounts.models import User
from lms.learning.models import LessonPage, ModuleIndexPage, ModulePage
from quizzes.models import QuizPage
from tests.conftest import LearningTree
from tests.factories import HomePageFactory, SpeakerProfileFactory


class LearningPageTests(WagtailPageTestCase):
    def setUp(self):
        self.tree = LearningTree(HomePageFactory())
        self.admin = User.objects.create_superuser(
            username="admin", full_name="Admin Uji", password="x"
        )
        self.client.force_login(self.admin)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ModuleIndexPage, {HomePage, ModuleIndexPage})
        self.assertAllowedSubpageTypes(ModuleIndexPage, {ModuleIndexPage, ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {ModuleIndexPage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage, QuizPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_every_page_type_renders(self):
        for page in (
            self.tree.modules_root,
            self.tree.kpu_shelf,
            self.tree.module,
            self.tree.lessons[0],
        ):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_every_page_type_previews(self):
        for page in (self.tree.modules_root, self.tree.module):
            with self.subTest(page=page.title):
                self.assertPageIsPreviewable(page)
        # The StreamField editor is drawn by JavaScript, so the lesson's form
        # data cannot be read off the HTML: it is given here.
        self.assertPageIsPreviewable(
            self.tree.lessons[0],
            post_data=nested_form_data(
                {
                    "title": "Materi",
                    "slug": "materi-1",
                    "summary": "",
                    "estimated_minutes": 5,
                    "tags": "",
                    "body": streamfield([("paragraph", rich_text("<p>Isi</p>"))]),
                }
            ),
        )

    def test_admin_creates_a_shelf(self):
        self.assertCanCreate(
            self.tree.modules_root,
            ModuleIndexPage,
            nested_form_data(
                {
                    "title": "Diskominfotik",
                    "slug": "diskominfotik",
                    "intro": "Materi kota cerdas.",
                }
            ),
        )

    def test_admin_creates_a_module(self):
        speaker = SpeakerProfileFactory(organisation=self.tree.kpu)
        self.assertCanCreate(
            self.tree.kpu_shelf,
            ModulePage,
            nested_form_data(
                {
                    "title": "Pemungutan Suara",
                    "slug": "pemungutan-suara",
                    "summary": "Apa yang terjadi di TPS.",
                    "learning_objectives": rich_text("<ul><li>Tahu jam TPS.</li></ul>"),
                    "organisation": self.tree.kpu.pk,
                    "speakers": speaker.pk,
                    "duration_jp": 2,
                    "tags": "pemilu 2024, tps",
                }
            ),
        )
        module = ModulePage.objects.get(slug="pemungutan-suara")
        assert sorted(module.tags.names()) == ["pemilu 2024", "tps"]
        assert list(module.speakers.all()) == [speaker]

    def test_a_module_belongs_to_the_organisation_of_its_shelf(self):
        response = self.client.post(
            f"/admin/pages/add/lms/modulepage/{self.tree.kpu_shelf.pk}/",
            nested_form_data(
                {
                    "title": "Salah rak",
                    "slug": "salah-rak",
                    "summary": "Modul Bawaslu di rak KPU.",
                    "learning_objectives": rich_text(""),
                    "organisation": self.tree.bawaslu.pk,
                    "duration_jp": 1,
                    "tags": "",
                }
            ),
        )
        assert response.status_code == 200
        assert not ModulePage.objects.filter(slug="salah-rak").exists()
        self.assertContains(response, "KPU")

    def test_the_module_form_starts_with_the_shelf_organisation(self):
        response = self.client.get(
            f"/admin/pages/add/lms/modulepage/{self.tree.kpu_shelf.pk}/"
        )
        form = response.context["form"]
        assert form.initial["organisation"] == self.tree.kpu.pk

    def test_admin_creates_a_lesson_from_several_blocks(self):
        self.assertCanCreate(
            self.tree.module,
            LessonPage,
            nested_form_data(
                {
                    "title": "Hari pemungutan suara",
                    "slug": "hari-pemungutan-suara",
                    "summary": "Apa yang terjadi pada 14 Februari 2024.",
                    "estimated_minutes": 7,
                    "tags": "tps",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Di TPS", "level": "h2"}),
                            ("paragraph", rich_text("<p>TPS buka pukul 07.00.</p>")),
                            (
                                "callout",
                                {
                                    "kind": "tip",
                                    "title": "Tips",
                                    "body": rich_text("<p>Datang pagi.</p>"),
                                },
                            ),
                            (
                                "steps",
                                {
                                    "title": "Mencoblos",
                                    "steps": streamfield(
                                        [
                                            ("item", {"title": "Daftar", "body": ""}),
                                            ("item", {"title": "Coblos", "body": ""}),
                                        ]
                                    ),
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        lesson = LessonPage.objects.get(slug="hari-pemungutan-suara")
        assert [block.block_type for block in lesson.body] == [
            "heading",
            "paragraph",
            "callout",
            "steps",
        ]
        assert [step["title"] for step in lesson.body[3].value["steps"]] == [
            "Daftar",
            "Coblos",
        ]
