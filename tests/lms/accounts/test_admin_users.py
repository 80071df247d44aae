"""Organisers manage accounts in the Wagtail admin with our profile fields."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT
from tests.factories import UserFactory

ADD_URL = reverse("wagtailusers_users:add")


@pytest.fixture
def admin_client(client, organiser, home_page):
    client.force_login(organiser)
    return client


def new_user_form(**overrides):
    data = {
        "username": "siti",
        "full_name": "Siti Nurhaliza",
        "phone": "+62 813 1111 2222",  # 17 characters as typed
        "email": "",
        "institution_type": "pkk",
        "position": "Ketua PKK RW 003",
        "rt": "",
        "rw": "3",
        "kecamatan": "sawah_besar",
        "kelurahan": "Kartini",
        "organisation": "",
        "password1": "Kata-sandi-baru-123",
        "password2": "Kata-sandi-baru-123",
        "groups": [Group.objects.get(name=PARTICIPANT).pk],
    }
    return {**data, **overrides}


def test_create_form_shows_profile_fields_not_first_and_last_name(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    for field in ("full_name", "phone", "institution_type", "rt", "kelurahan"):
        assert f'name="{field}"' in html
    assert 'name="first_name"' not in html
    assert 'name="last_name"' not in html


def test_organiser_creates_a_participant_without_email(admin_client):
    response = admin_client.post(ADD_URL, new_user_form())
    assert response.status_code == 302, response.context["form"].errors
    siti = User.objects.get(username="siti")
    assert siti.full_name == "Siti Nurhaliza"
    assert siti.phone == "+6281311112222"
    assert siti.rw == "003"
    assert siti.groups.get().name == PARTICIPANT
    assert siti.check_password("Kata-sandi-baru-123")


def test_invalid_profile_is_refused_field_by_field_and_nothing_is_saved(admin_client):
    response = admin_client.post(
        ADD_URL,
        new_user_form(phone="12345", kecamatan="menteng", full_name=""),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"phone", "kelurahan", "full_name"} <= set(errors)
    assert not User.objects.filter(username="siti").exists()


def test_edit_form_keeps_the_profile(admin_client, participant):
    response = admin_client.get(
        reverse("wagtailusers_users:edit", args=[participant.pk])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert participant.full_name in html
    assert 'name="first_name"' not in html


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def test_an_organiser_cannot_create_a_superuser(admin_client):
    response = admin_client.post(ADD_URL, new_user_form(is_superuser="on"))
    assert response.status_code == 302
    assert not User.objects.get(username="siti").is_superuser


def test_copying_an_account_fills_the_add_form_with_the_same_limits(
    admin_client, superuser
):
    response = admin_client.get(reverse("wagtailusers_users:copy", args=[superuser.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.fields["is_superuser"].disabled
    assert "password1" in form.fields  # the add form, not the edit one


def test_an_organiser_cannot_open_or_change_a_superusers_account(
    admin_client, superuser
):
    url = reverse("wagtailusers_users:edit", args=[superuser.pk])
    # Wagtail answers "no permission" by sending people to the dashboard.
    assert admin_client.get(url).url == reverse("wagtailadmin_home")
    response = admin_client.post(url, new_user_form(username="admin", is_active=""))
    assert response.url == reverse("wagtailadmin_home")
    superuser.refresh_from_db()
    assert superuser.is_active


def test_an_organiser_cannot_promote_a_colleague(admin_client, participant):
    url = reverse("wagtailusers_users:edit", args=[participant.pk])
    form = new_user_form(
        username=participant.username,
        phone=participant.phone,
        is_active="on",
        is_superuser="on",
        password1="",
        password2="",
    )
    assert admin_client.post(url, form).status_code == 302
    participant.refresh_from_db()
    assert not participant.is_superuser


def test_an_organiser_cannot_deactivate_a_superuser_in_bulk(admin_client, superuser):
    url = (
        reverse("wagtail_bulk_action", args=["lms", "user", "set_active_state"])
        + f"?next=/admin/users/&id={superuser.pk}"
    )
    response = admin_client.post(url, {"mark_as_active": "False"})
    assert response.url == reverse("wagtailadmin_home")
    superuser.refresh_from_db()
    assert superuser.is_active


def test_a_superuser_can_make_another(client, superuser, home_page):
    client.force_login(superuser)
    response = client.post(ADD_URL, new_user_form(is_superuser="on"))
    assert response.status_code == 302
    assert User.objects.get(username="siti").is_superuser


@pytest.mark.parametrize(
    "query", ["Nurhaliza", "siti", "0813-1111", "62813111", "1111 2222"]
)
def test_organisers_find_people_by_name_or_phone(admin_client, query):
    UserFactory(username="siti", full_name="Siti Nurhaliza", phone="+6281311112222")
    UserFactory(username="budi", full_name="Budi Santoso", phone="+6281299990000")
    html = admin_client.get(
        reverse("wagtailusers_users:index"), {"q": query}
    ).content.decode()
    assert "Siti Nurhaliza" in html
    assert "Budi Santoso" not in html
