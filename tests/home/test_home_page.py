import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage
from lms.accounts.models import User


class HomePageTests(WagtailPageTestCase):
    def setUp(self):
        self.root = Page.get_first_root_node()
        self.root.get_children().delete()  # Wagtail's welcome page
        self.home = self.root.add_child(
            instance=HomePage(title="Beranda", slug="beranda", intro="<p>Halo</p>")
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": self.home, "hostname": "localhost"},
        )
        self.admin = User.objects.create_superuser(
            username="admin", full_name="Admin Uji", password="x"
        )
        self.client.force_login(self.admin)

    def test_lives_only_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_there_is_only_one(self):
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_renders(self):
        self.assertPageIsRenderable(self.home)

    def test_admin_edits_it(self):
        response = self.client.post(
            f"/admin/pages/{self.home.pk}/edit/",
            nested_form_data(
                {
                    "title": "Beranda Baru",
                    "slug": "beranda",
                    "heading": "Belajar bersama",
                    "intro": rich_text("<p>Selamat datang</p>"),
                    "action-publish": "publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 302)
        self.home.refresh_from_db()
        self.assertEqual(self.home.title, "Beranda Baru")
        self.assertIn("Selamat datang", self.home.intro)
        self.assertEqual(self.home.heading, "Belajar bersama")


@pytest.mark.django_db
def test_home_page_shows_title_intro_and_a_way_in(client, home_page):
    html = client.get("/").content.decode()
    assert "<h1" in html and home_page.title in html
    assert "Ruang belajar lembaga kemasyarakatan." in html
    assert 'href="/akun/masuk/' in html


@pytest.mark.django_db
def test_heading_replaces_the_title_when_given(client, home_page):
    home_page.heading = "Belajar bersama untuk melayani warga"
    home_page.save()
    html = client.get("/").content.decode()
    assert "Belajar bersama untuk melayani warga</h1>" in html
