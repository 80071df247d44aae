"""Organisers see login lockouts in the user admin and lift them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lms.accounts import login_throttle
from tests.factories import ParticipantFactory, UserFactory

USERS = reverse("wagtailusers_users:index")


@pytest.fixture
def admin_client(client, organiser, home_page, in_english):
    client.force_login(organiser)
    return client


def lock(user):
    for _ in range(login_throttle.MAX_FAILURES):
        assert login_throttle.reserve_guess(user=user, login=user.username, address="")
    assert login_throttle.locked_until(user) is not None


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def edit_form(user, **changes):
    data = {
        "username": user.username,
        "full_name": user.full_name,
        "phone": user.phone,
        "email": "",
        "institution_type": user.institution_type,
        "position": user.position,
        "rt": user.rt,
        "rw": user.rw,
        "kecamatan": user.kecamatan,
        "kelurahan": user.kelurahan,
        "organisation": "",
        "password1": "",
        "password2": "",
        "is_active": "on",
        "groups": [group.pk for group in user.groups.all()],
    }
    return {**data, **changes}


def test_the_listing_shows_who_is_locked_until_when(admin_client):
    locked = ParticipantFactory(full_name="Siti Terkunci")
    free = ParticipantFactory(full_name="Budi Bebas")
    lock(locked)
    html = admin_client.get(USERS).text
    row_of = {name: html.split(name, 1)[1].split("</tr>", 1)[0] for name in
              ("Siti Terkunci", "Budi Bebas")}  # fmt: skip
    assert "Locked until" in row_of["Siti Terkunci"]
    assert "Locked until" not in row_of["Budi Bebas"]
    assert free.full_name in html


def test_the_filter_lists_locked_accounts_only(admin_client):
    locked = ParticipantFactory(full_name="Siti Terkunci")
    ParticipantFactory(full_name="Budi Bebas")
    lock(locked)
    html = admin_client.get(USERS, {"locked_out": "true"}).text
    assert "Siti Terkunci" in html and "Budi Bebas" not in html
    html = admin_client.get(USERS, {"locked_out": "false"}).text
    assert "Budi Bebas" in html and "Siti Terkunci" not in html


def test_the_listing_reads_lockouts_in_a_fixed_number_of_queries(admin_client):
    def queries_with(locked_count):
        for user in UserFactory.create_batch(locked_count):
            lock(user)
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(USERS).status_code == 200
        return len(captured)

    assert queries_with(2) == queries_with(6)


def test_an_organiser_unlocks_an_account_on_its_page(admin_client, password):
    siti = ParticipantFactory()
    lock(siti)
    page = admin_client.get(edit_url(siti)).text
    assert 'name="unlock_login"' in page
    assert "after 10 wrong passwords" in page
    response = admin_client.post(edit_url(siti), edit_form(siti, unlock_login="on"))
    assert response.status_code == 302
    assert login_throttle.locked_until(siti) is None


def test_saving_without_ticking_keeps_the_lock(admin_client):
    siti = ParticipantFactory()
    lock(siti)
    admin_client.post(edit_url(siti), edit_form(siti, position="Ketua RT 009"))
    assert login_throttle.locked_until(siti) is not None


def test_a_new_password_from_the_organiser_unlocks(admin_client):
    siti = ParticipantFactory()
    lock(siti)
    new = "Tanah-Abang-2025"
    admin_client.post(edit_url(siti), edit_form(siti, password1=new, password2=new))
    assert login_throttle.locked_until(siti) is None


def test_an_account_that_is_not_locked_has_no_unlock_box(admin_client):
    siti = ParticipantFactory()
    assert 'name="unlock_login"' not in admin_client.get(edit_url(siti)).text
    # Posting the box anyway changes nothing and breaks nothing.
    response = admin_client.post(edit_url(siti), edit_form(siti, unlock_login="on"))
    assert response.status_code == 302


def test_an_organiser_cannot_unlock_a_superuser(admin_client):
    admin = UserFactory(is_superuser=True)
    lock(admin)
    response = admin_client.post(edit_url(admin), edit_form(admin, unlock_login="on"))
    assert response.url != USERS  # sent away with "permission denied", not saved
    assert login_throttle.locked_until(admin) is not None
