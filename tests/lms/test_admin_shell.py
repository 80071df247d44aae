"""The Wagtail admin speaks Indonesian and carries our name."""

from django.urls import reverse


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
