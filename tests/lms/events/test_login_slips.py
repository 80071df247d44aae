"""Login slips: one-time passwords on paper, read back from the PDF."""

import re

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from lms.accounts.models import User
from lms.events.login_slips import (
    ONE_TIME_PBKDF2_ITERATIONS,
    PASSWORD_ALPHABET,
    PASSWORD_LENGTH,
    SlipsRefused,
    issue_login_slips,
    never_logged_in,
)
from lms.events.participant_import.uploads import (
    ImportResult,
    load_upload,
    store_result,
    store_upload,
)
from tests.factories import (
    EnrolmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OrganiserFactory,
    ParticipantFactory,
    SpeakerFactory,
    UserFactory,
)
from tests.pdfs import pdf_pages_text, pdf_text

LOGIN_URL = "http://testserver/akun/masuk/"


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, title="Pelatihan Sawah Besar")


def enrolled(event, count, **kwargs):
    return [EnrolmentFactory(event=event, **kwargs).user for _ in range(count)]


def passwords_in(text):
    """The one-time passwords on the slips: the line after each password label."""
    return re.findall(r"One-time password\n(\S+)", text)


@pytest.fixture(autouse=True)
def english_slips(settings):
    """Slips print in the site's default language; read them in English here."""
    settings.LANGUAGE_CODE = "en"


def test_each_slip_holds_event_name_username_password_and_login_address(
    event, organiser
):
    budi = ParticipantFactory(full_name="Budi Santoso", username="budi.santoso")
    EnrolmentFactory(event=event, user=budi)

    text = pdf_text(issue_login_slips(users=[budi], event=event, by=organiser))

    assert "Pelatihan Sawah Besar" in text
    assert "Budi Santoso" in text
    assert "budi.santoso" in text
    assert LOGIN_URL in text
    (password,) = passwords_in(text)
    budi.refresh_from_db()
    assert budi.check_password(password)
    assert budi.must_change_password


def test_eight_slips_to_a_page_so_nine_participants_make_two_pages(event, organiser):
    users = enrolled(event, 9)
    pages = pdf_pages_text(issue_login_slips(users=users, event=event, by=organiser))
    assert len(pages) == 2
    assert [len(passwords_in(page)) for page in pages] == [8, 1]

    eight = pdf_pages_text(
        issue_login_slips(users=users[:8], event=event, by=organiser)
    )
    assert len(eight) == 1


def test_passwords_are_new_random_and_easy_to_type(event, organiser, password):
    users = enrolled(event, 8)
    passwords = passwords_in(
        pdf_text(issue_login_slips(users=users, event=event, by=organiser))
    )
    assert len(set(passwords)) == 8
    for one_time in passwords:
        assert len(one_time) == PASSWORD_LENGTH
        assert set(one_time) <= set(PASSWORD_ALPHABET)
    assert not set("ilo0O1I") & set(PASSWORD_ALPHABET)
    for user in users:
        user.refresh_from_db()
        assert not user.check_password(password)  # the old one is gone


def test_printing_again_replaces_the_earlier_slips(event, organiser):
    users = enrolled(event, 1)
    first = passwords_in(
        pdf_text(issue_login_slips(users=users, event=event, by=organiser))
    )[0]
    second = passwords_in(
        pdf_text(issue_login_slips(users=users, event=event, by=organiser))
    )[0]
    users[0].refresh_from_db()
    assert not users[0].check_password(first)
    assert users[0].check_password(second)


def test_names_are_printed_as_text(event, organiser):
    user = enrolled(event, 1, user__full_name="<b>Budi</b> & <i>Ani</i>")[0]
    text = pdf_text(issue_login_slips(users=[user], event=event, by=organiser))
    assert "<b>Budi</b> & <i>Ani</i>" in text


@pytest.mark.parametrize(
    "make",
    [
        lambda: OrganiserFactory(),
        lambda: SpeakerFactory(),
        lambda: UserFactory(is_staff=True),
        lambda: UserFactory(is_superuser=True),
    ],
    ids=["organiser", "speaker", "staff", "superuser"],
)
def test_staff_speaker_and_organiser_accounts_are_refused(event, organiser, make):
    protected = make()
    participant = enrolled(event, 1)[0]
    EnrolmentFactory(event=event, user=protected)
    before = dict(User.objects.values_list("pk", "password"))

    with pytest.raises(SlipsRefused) as refused:
        issue_login_slips(users=[participant, protected], event=event, by=organiser)

    assert protected.username in refused.value.message
    assert dict(User.objects.values_list("pk", "password")) == before
    assert not User.objects.filter(must_change_password=True).exists()


def test_accounts_of_another_event_and_empty_lists_are_refused(event, organiser):
    other = EventPageFactory(parent=event.get_parent())
    stranger = enrolled(other, 1)[0]
    with pytest.raises(SlipsRefused) as refused:
        issue_login_slips(users=[stranger], event=event, by=organiser)
    assert "not enrolled in this event: 1" in refused.value.message
    with pytest.raises(SlipsRefused):
        issue_login_slips(users=[], event=event, by=organiser)


def test_only_organisers_print_slips(event, participant, speaker):
    users = enrolled(event, 1)
    for by in (participant, speaker):
        with pytest.raises(PermissionDenied):
            issue_login_slips(users=users, event=event, by=by)


def test_never_logged_in_leaves_out_people_who_have_and_staff(event):
    waiting = enrolled(event, 2)
    enrolled(event, 1, user__last_login=timezone.now())
    EnrolmentFactory(event=event, user=OrganiserFactory())
    ParticipantFactory()  # not enrolled
    assert set(never_logged_in(event)) == set(waiting)


@pytest.mark.parametrize("count", [2, 12])
def test_printing_queries_do_not_grow_with_the_number_of_participants(
    event, organiser, django_assert_max_num_queries, count
):
    users = enrolled(event, count)
    with django_assert_max_num_queries(6):
        issue_login_slips(users=users, event=event, by=organiser)


@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
)
def test_production_hashes_one_time_passwords_cheaper_then_upgrades_them(
    client, event, organiser
):
    user = enrolled(event, 1)[0]
    password = passwords_in(
        pdf_text(issue_login_slips(users=[user], event=event, by=organiser))
    )[0]
    user.refresh_from_db()
    algorithm, iterations, *_ = user.password.split("$")
    assert (algorithm, int(iterations)) == ("pbkdf2_sha256", ONE_TIME_PBKDF2_ITERATIONS)

    client.post(reverse("login"), {"username": user.username, "password": password})
    user.refresh_from_db()
    assert int(user.password.split("$")[1]) > ONE_TIME_PBKDF2_ITERATIONS
    assert user.check_password(password)


# --- End to end: the slip's password logs in, then forces a new one ------------------


def test_the_password_on_the_slip_logs_in_and_then_forces_a_change(
    client, event, organiser
):
    user = enrolled(event, 1, user__phone="+6281234567890")[0]
    password = passwords_in(
        pdf_text(issue_login_slips(users=[user], event=event, by=organiser))
    )[0]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.post(
        reverse("login"), {"username": "0812-3456-7890", "password": password}
    )
    assert response.status_code == 302
    home = client.get("/")
    assert home.status_code == 302 and home.url == reverse("password_change")

    changed = client.post(
        reverse("password_change"),
        {
            "old_password": password,
            "new_password1": "Sawah-Besar-2024!",
            "new_password2": "Sawah-Besar-2024!",
        },
    )
    assert changed.url == reverse("password_change_done")
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get("/").status_code == 200


# --- The admin view ---------------------------------------------------------------


@pytest.fixture
def admin(client, organiser):
    client.force_login(organiser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def slips_url(event, token=""):
    url = reverse("lms_event_admin:participants_slips", args=[event.pk])
    return f"{url}?token={token}" if token else url


def test_printing_needs_a_confirmation_tick(admin, event):
    users = enrolled(event, 2)
    page = admin.get(slips_url(event)).content.decode()
    assert "The 2 participants of this event who have never logged in" in page

    refused = admin.post(slips_url(event), {"who": "never_logged_in"})
    assert refused.status_code == 200
    assert "Tick the box to confirm" in refused.content.decode()
    assert not User.objects.filter(pk__in=[u.pk for u in users], must_change_password=True).exists()  # fmt: skip


def test_the_admin_prints_a_pdf_that_is_never_cached(admin, event):
    enrolled(event, 3)
    response = admin.post(slips_url(event), {"who": "never_logged_in", "confirm": "on"})
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert len(passwords_in(pdf_text(response.content))) == 3


def test_slips_for_the_last_imports_new_accounts(admin, event, organiser):
    imported = enrolled(event, 2)
    enrolled(event, 3)  # others who never logged in: not part of that import
    token = store_upload(data=b"x", filename="x.csv", user=organiser, event=event)
    stored = load_upload(token=token, user=organiser, event=event)
    result = ImportResult([u.pk for u in imported], 0, 0, 2, [])
    store_result(upload=stored, result=result, user=organiser, event=event)

    page = admin.get(slips_url(event, token)).content.decode()
    assert "The 2 new accounts from this import" in page
    response = admin.post(slips_url(event, token), {"who": "imported", "confirm": "on"})
    assert len(passwords_in(pdf_text(response.content))) == 2


def test_an_expired_import_token_points_to_everyone_not_logged_in(admin, event):
    enrolled(event, 1)
    page = admin.get(slips_url(event, "x" * 32)).content.decode()
    assert "The list of accounts from that import has expired" in page
    refused = admin.post(
        slips_url(event, "x" * 32), {"who": "imported", "confirm": "on"}
    )
    assert "Select a valid choice" in refused.content.decode()


def test_with_everyone_logged_in_there_is_nothing_to_print(admin, event):
    enrolled(event, 1, user__last_login=timezone.now())
    page = admin.get(slips_url(event)).content.decode()
    assert "there are no slips to print" in page


@pytest.mark.parametrize("count", [2, 12])
def test_printing_from_the_admin_queries_do_not_grow(
    admin, event, django_assert_max_num_queries, count
):
    enrolled(event, count)
    with django_assert_max_num_queries(13):
        response = admin.post(
            slips_url(event), {"who": "never_logged_in", "confirm": "on"}
        )
    assert response.status_code == 200


@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_cannot_print(client, event, request, role):
    users = enrolled(event, 1)
    client.force_login(request.getfixturevalue(role))
    response = client.post(
        slips_url(event), {"who": "never_logged_in", "confirm": "on"}
    )
    assert response.status_code == 302
    users[0].refresh_from_db()
    assert not users[0].must_change_password
