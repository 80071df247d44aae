"""The public shell: header, language switch, account pages, error pages."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from wagtail.models import Page

from tests.factories import ParticipantFactory


@pytest.fixture
def bambang(db):
    return ParticipantFactory(
        username="bambang", full_name="Bambang Sutrisno", email="bambang@example.org"
    )


def text_of(response) -> str:
    return response.content.decode()


def test_pages_are_indonesian_by_default(client, home_page):
    html = text_of(client.get("/"))
    assert '<html lang="id">' in html
    assert ">Masuk<" in html  # the log-in link


def test_language_switch_keeps_the_choice(client, home_page):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = text_of(client.get("/"))
    assert '<html lang="en">' in html
    assert ">Log in<" in html


def test_language_switch_ignores_unknown_languages_and_foreign_redirects(
    client, home_page
):
    response = client.post(
        reverse("set_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert not response.url.startswith("https://evil.example")
    assert '<html lang="id">' in text_of(client.get("/"))


def test_header_shows_who_is_logged_in_and_how_to_leave(client, bambang, home_page):
    client.force_login(bambang)
    html = text_of(client.get("/"))
    assert "Bambang Sutrisno" in html
    assert f'action="{reverse("logout")}"' in html
    assert reverse("password_change") in html
    assert reverse("wagtailadmin_home") not in html  # participants have no admin


def test_organisers_get_a_link_to_the_admin(client, organiser, home_page):
    client.force_login(organiser)
    assert reverse("wagtailadmin_home") in text_of(client.get("/"))


def test_user_supplied_names_are_escaped(client, home_page):
    evil = ParticipantFactory(full_name='<script>alert("x")</script>')
    client.force_login(evil)
    html = text_of(client.get("/"))
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_login_errors_are_summarised_and_linked_to_the_field(client, db):
    html = text_of(client.post(reverse("login"), {"username": "", "password": ""}))
    assert 'role="alert"' in html
    assert 'href="#id_username"' in html
    assert 'aria-invalid="true"' in html


def test_login_page_does_not_redirect_to_another_site(client, bambang, password):
    response = client.post(
        reverse("login"),
        {"username": "bambang", "password": password, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response.url == reverse("dashboard")


def test_password_change_needs_login_then_works(client, bambang, password):
    url = reverse("password_change")
    assert client.get(url).url.startswith(reverse("login"))
    client.force_login(bambang)
    response = client.post(
        url,
        {
            "old_password": password,
            "new_password1": "Kata-Sandi-Baru-2024",
            "new_password2": "Kata-Sandi-Baru-2024",
        },
    )
    assert response.url == reverse("password_change_done")
    bambang.refresh_from_db()
    assert bambang.check_password("Kata-Sandi-Baru-2024")


def test_password_reset_mails_a_working_link(client, bambang):
    response = client.post(reverse("password_reset"), {"email": "bambang@example.org"})
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/akun/atur-ulang/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    form_url = client.get(path).url  # Django swaps the token for a session marker
    response = client.post(
        form_url,
        {
            "new_password1": "Sandi-Baru-Sekali-9",
            "new_password2": "Sandi-Baru-Sekali-9",
        },
    )
    assert response.url == reverse("password_reset_complete")
    bambang.refresh_from_db()
    assert bambang.check_password("Sandi-Baru-Sekali-9")


def test_password_reset_does_not_reveal_which_emails_exist(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def test_a_used_or_forged_reset_link_says_so(client, bambang):
    html = text_of(
        client.get(reverse("password_reset_confirm", args=["MQ", "set-password"]))
    )
    assert reverse("password_reset") in html  # a way to ask for a new link
    assert 'name="new_password1"' not in html


def test_unknown_address_gets_our_404_page(client, home_page):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    html = text_of(response)
    assert "Halaman tidak ditemukan" in html
    assert 'href="/"' in html


def test_500_page_renders_without_request_or_database(db):
    html = render_to_string("500.html")
    assert "<html" in html and "<h1" in html


def count_queries(client, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def add_sections(home_page, numbers):
    for n in numbers:
        home_page.add_child(
            instance=Page(title=f"Bagian {n}", slug=f"bagian-{n}", show_in_menus=True)
        )


def test_navigation_costs_the_same_queries_however_many_sections(
    client, home_page, bambang
):
    client.force_login(bambang)
    add_sections(home_page, [0])
    client.get("/")  # warm Wagtail's caches
    with_one_section = count_queries(client, "/")
    add_sections(home_page, range(1, 6))
    assert "Bagian 5" in text_of(client.get("/"))  # the sections are in the navigation
    assert count_queries(client, "/") == with_one_section
    assert with_one_section <= 12


def test_a_phone_set_to_english_still_gets_indonesian(client, home_page):
    html = text_of(client.get("/", headers={"accept-language": "en-US,en;q=0.9"}))
    assert '<html lang="id">' in html


def test_the_admin_follows_the_language_switch_too(client, organiser, home_page):
    client.force_login(organiser)
    english_browser = {"accept-language": "en"}
    assert "Dasbor" in text_of(client.get("/admin/", headers=english_browser))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Dashboard" in text_of(client.get("/admin/"))


def test_login_page_has_one_log_in_action_not_two(client, db):
    html = text_of(client.get(reverse("login")))
    assert 'class="site-header__login"' not in html
    assert ">Masuk</button>" in html


@pytest.mark.parametrize("path", ["/", reverse_lazy("login")])
def test_no_account_yet_leads_to_registering_with_an_event_code(
    client, home_page, path
):
    page = BeautifulSoup(text_of(client.get(path)), "html.parser")
    join = reverse("join_event")
    link = page.find("main").find("a", href=join)
    assert link is not None, f"{path} has no link to {join}"
    # In the sentence that also names the organiser, the other way to an account.
    assert "penyelenggara" in link.parent.text
    form = BeautifulSoup(text_of(client.get(join)), "html.parser")
    assert form.find("input", attrs={"name": "code"})
    assert form.find("input", attrs={"name": "full_name"})


def test_the_site_icon_is_linked_once_and_requested_once(client, home_page):
    pages = [text_of(client.get("/")), text_of(client.get(reverse("login")))]
    pages.append(render_to_string("500.html"))
    for html in pages:
        icons = BeautifulSoup(html, "html.parser").find_all("link", rel="icon")
        assert len(icons) == 1
        # Nothing else on the page fetches the icon's file a second time.
        assert html.count("favicon.svg") == 1
