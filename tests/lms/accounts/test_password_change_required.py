"""Someone on a one-time password goes to the password change page, and only
there, until they have chosen their own."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import ParticipantFactory

NEW_PASSWORD = "Sawah-Besar-2024!"


@pytest.fixture
def slip_holder(db, home_page):
    return ParticipantFactory(must_change_password=True)


@pytest.fixture
def browser(client, slip_holder):
    client.force_login(slip_holder)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.mark.parametrize(
    "path",
    ["/", "/beranda-saya/", "/cari/?q=pemilu", "/kegiatan-saya/daftar/", "/admin/"],
)
def test_every_page_sends_them_to_the_change_form(browser, path):
    response = browser.get(path)
    assert response.status_code == 302
    assert response.url == reverse("password_change")


def test_a_form_post_is_not_let_through_either(browser):
    response = browser.post(reverse("join_event"), {"code": "ABCDEF"})
    assert response.url == reverse("password_change")


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT": "application/json"},
        {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"},
        {"content_type": "application/json"},
    ],
)
def test_scripts_get_403_json_instead_of_a_redirect(browser, headers):
    request = {"content_type": "text/plain", **headers}
    response = browser.post("/kuis/1/simpan/", data="{}", **request)
    assert response.status_code == 403
    body = response.json()
    assert body["error"] == "password_change_required"
    assert body["password_change_url"] == reverse("password_change")


def test_the_change_page_explains_why(browser):
    response = browser.get(reverse("password_change"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "You logged in with the one-time password from your login slip." in text


def test_logout_and_the_language_switch_stay_reachable(browser, slip_holder):
    switched = browser.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert switched.status_code == 302 and switched.url == "/"
    assert browser.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in browser.session


def test_static_and_media_files_are_not_redirected(browser):
    for path in [f"{settings.STATIC_URL}css/site.css", f"{settings.MEDIA_URL}x.png"]:
        response = browser.get(path)
        assert response.get("Location") != reverse("password_change")


def test_choosing_a_password_lifts_the_requirement(browser, slip_holder, password):
    response = browser.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.url == reverse("password_change_done")
    assert browser.get(response.url).status_code == 200
    slip_holder.refresh_from_db()
    assert not slip_holder.must_change_password
    assert slip_holder.check_password(NEW_PASSWORD)
    assert browser.get("/").status_code == 200


def test_a_refused_change_keeps_the_requirement(browser, slip_holder):
    response = browser.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "a", "new_password2": "b"},
    )
    assert response.status_code == 200
    slip_holder.refresh_from_db()
    assert slip_holder.must_change_password
    assert browser.get("/").url == reverse("password_change")


def test_others_are_not_affected(client, participant, home_page):
    assert client.get("/").status_code == 200  # anonymous
    client.force_login(participant)
    assert client.get("/").status_code == 200
    page = client.get(reverse("password_change")).content.decode()
    assert "one-time password" not in page


def test_typing_the_one_time_password_again_does_not_count(browser, slip_holder):
    from tests.factories import TEST_PASSWORD

    response = browser.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": TEST_PASSWORD,
            "new_password2": TEST_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "different from the current one" in response.content.decode()
    slip_holder.refresh_from_db()
    assert slip_holder.must_change_password


def test_a_password_reset_also_lifts_the_one_time_password(client, slip_holder):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(slip_holder.pk))
    token = default_token_generator.make_token(slip_holder)
    start = client.get(reverse("password_reset_confirm", args=[uid, token]))
    response = client.post(
        start.url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    slip_holder.refresh_from_db()
    assert not slip_holder.must_change_password
    assert slip_holder.check_password(NEW_PASSWORD)
