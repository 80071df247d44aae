"""The Wagtail admin speaks Indonesian and carries our name."""

from django.urls import reverse

from tests.factories import OrganiserFactory


def test_admin_login_page_names_the_service_in_indonesian(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Masuk ke SIKAP Jakarta Pusat" in html
    assert '<html lang="id"' in html


def test_admin_dashboard_is_indonesian_and_titled_with_the_service(
    client, organiser, home_page
):
    client.force_login(organiser)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<title>Dasbor - SIKAP Jakarta Pusat</title>" in html
    assert "Wagtail</title>" not in html


def test_organisations_menu_item_is_capitalised(client, organiser, home_page):
    client.force_login(organiser)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"Organisasi"' in html  # the sidebar's menu item label


def test_organisers_can_sign_into_the_admin_with_their_phone_number(
    client, home_page, password
):
    organiser = OrganiserFactory(phone="+6281200000002")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "0812-0000-0002", "password": password},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(organiser.pk)


def test_strings_wagtail_leaves_english_come_from_our_supplement(
    client, organiser, home_page
):
    client.force_login(organiser)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Cari semua halaman" in html  # "Search all pages…"
    assert "Search all pages" not in html


def test_people_edit_their_own_full_name_on_the_admin_account_page(
    client, organiser, home_page
):
    client.force_login(organiser)
    url = reverse("wagtailadmin_account")
    html = client.get(url).content.decode()
    assert 'name="name_email-full_name"' in html
    assert "first_name" not in html
    response = client.post(
        url,
        {
            "name_email-full_name": "Dewi Anggraini, S.IP.",
            "name_email-email": "dewi@example.org",
            "locale-preferred_language": "id",
            "locale-current_time_zone": "Asia/Jakarta",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organiser.refresh_from_db()
    assert organiser.full_name == "Dewi Anggraini, S.IP."
