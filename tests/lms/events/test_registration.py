"""Registering with the event code: an account, the Peserta role, enrolled, logged in."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT
from lms.accounts.usernames import unique_usernames, username_base
from lms.events import registration
from lms.events.models import Enrolment
from lms.events.registration import (
    PHONE_TAKEN,
    PhoneTaken,
    Registration,
    kecamatan_of,
    register_participant,
)
from lms.events.registration_forms import REFUSED_REGISTRATIONS
from lms.events.views.joining import JoinEventView
from tests.factories import ParticipantFactory, UserFactory
from tests.lms.events.attendance_setup import WIB
from tests.lms.events.event_builders import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    """The tests read the English source text; the Indonesian catalogue comes later."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


JOIN = "/kegiatan-saya/daftar/"
PASSWORD = "rahasia-rt-lima"


@pytest.fixture
def event(home_page):
    return make_event(home_page, registration_code="K7M2QX")


def form(**overrides) -> dict:
    return {
        "code": "K7M2QX",
        "full_name": "Siti Nur'aini",
        "phone": "0812-3456-7890",
        "institution_type": "rt",
        "position": "Ketua RT 005",
        "rt": "5",
        "rw": "2",
        "kelurahan": "Kartini",
        "password": PASSWORD,
        **overrides,
    }


def logged_in_user(client):
    return User.objects.filter(pk=client.session.get("_auth_user_id")).first()


def refused(client, data, field):
    """Posts ``data``; asserts the form came back with an error on ``field``
    and that nothing was created. Returns the page's HTML."""
    users = User.objects.count()
    response = client.post(JOIN, data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert User.objects.count() == users
    assert not Enrolment.objects.exists()
    assert logged_in_user(client) is None
    return response.content.decode()


def test_a_visitor_registers_and_is_enrolled_and_logged_in(client, event):
    response = client.post(JOIN, form())
    assert response.status_code == 302 and response.url == event.url
    user = User.objects.get(phone="+6281234567890")
    assert user.full_name == "Siti Nur'aini" and user.username == "siti.nuraini"
    assert (user.kecamatan, user.kelurahan) == ("sawah_besar", "Kartini")
    assert (user.rt, user.rw) == ("005", "002")
    assert (user.institution_type, user.position) == ("rt", "Ketua RT 005")
    assert list(user.groups.values_list("name", flat=True)) == [PARTICIPANT]
    assert user.check_password(PASSWORD) and not user.must_change_password
    enrolment = Enrolment.objects.get(user=user)
    assert enrolment.event == event and enrolment.source == Enrolment.Source.CODE
    assert logged_in_user(client) == user
    page = client.get(response.url).content.decode()
    assert "Peningkatan" in page and "Check in at the hall" in page


def test_the_new_participant_logs_in_later_with_the_number_as_typed(client, event):
    client.post(JOIN, form())
    client.logout()
    client.post("/akun/masuk/", {"username": "+62 812 3456 7890", "password": PASSWORD})
    assert logged_in_user(client).full_name == "Siti Nur'aini"


def test_the_poster_link_shows_the_event_and_the_form(client, event):
    html = client.get(f"{JOIN}?kode=K7M2QX").content.decode()
    assert 'value="K7M2QX"' in html and event.title in html
    assert 'name="full_name"' in html and 'name="password"' in html
    login = reverse("login") + "?next=%2Fkegiatan-saya%2Fdaftar%2F%3Fkode%3DK7M2QX"
    assert login.replace("&", "&amp;") in html


def test_a_wrong_code_creates_nothing(client, event):
    html = refused(client, form(code="ZZZZZZ"), "code")
    assert "No event has this code" in html


def test_a_draft_events_code_opens_nothing(client, event):
    event.unpublish()
    refused(client, form(), "code")


def test_a_phone_number_with_an_account_is_told_to_log_in(client, event):
    owner = ParticipantFactory(phone="+6281234567890")
    html = refused(client, form(password="another-password-1"), "phone")
    assert str(PHONE_TAKEN) in html
    assert not owner.enrolments.exists()


def test_the_phone_numbers_own_password_logs_in_instead(client, event):
    owner = ParticipantFactory(phone="+6281234567890", password=PASSWORD)
    response = client.post(JOIN, form(full_name="Somebody Else"))
    assert response.status_code == 302
    assert logged_in_user(client) == owner
    assert User.objects.count() == 1
    assert Enrolment.objects.get().user == owner
    owner.refresh_from_db()
    assert owner.full_name != "Somebody Else"  # the form never edits an account


def test_password_guesses_through_the_form_count_towards_the_lock_out(client, event):
    ParticipantFactory(phone="+6281234567890", password=PASSWORD)
    for n in range(10):
        client.post(JOIN, form(password=f"wrong-guess-{n}"))
    refused(client, form(), "phone")  # the right password, but locked out now


def test_refusals_from_one_address_are_limited_then_every_registration_waits(
    client, event
):
    """Each refusal tells a stranger that a number has an account: a few are
    allowed, then the address waits, even for a number without an account, so
    the wait tells nothing either."""
    phones = [f"+62812345600{n}" for n in range(3)]  # fewer than 10 tries each
    for phone in phones:
        ParticipantFactory(phone=phone)
    for n in range(REFUSED_REGISTRATIONS.attempts):
        refused(
            client, form(phone=phones[n % 3], password="another-password-1"), "phone"
        )
    html = refused(client, form(), "__all__")
    assert "Too many registrations from this network. Wait 15 minutes" in html
    assert client.post(JOIN, form(), REMOTE_ADDR="192.0.2.99").status_code == 302


def test_new_accounts_and_returning_owners_do_not_use_up_the_limit(client, event):
    """A hall registers through one public address."""
    ParticipantFactory(phone="+6281234567890", password=PASSWORD)
    for n in range(REFUSED_REGISTRATIONS.attempts + 1):
        new = form(phone=f"0813 4567 {n:04d}", full_name=f"Peserta {n}")
        assert client.post(JOIN, new).status_code == 302
        client.logout()
        assert client.post(JOIN, form()).status_code == 302  # the owner, logged in
        client.logout()
    errors = (
        client.post(JOIN, form(password="another-password-1")).context["form"].errors
    )
    assert "phone" in errors and "__all__" not in errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phone", "12345"),
        ("phone", "0812 3456 7890 1234 5678"),
        ("phone", "+1 212 555 0100"),
        ("rt", "abc"),
        ("rw", "1234"),
        ("kelurahan", "Menteng Atas"),
        ("institution_type", "president"),
        ("full_name", "x" * 10_000),
        ("position", "y" * 151),
        ("password", "12345678"),
        ("password", "pendek"),
        ("password", "Siti Nuraini"),
    ],
)
def test_bad_input_gets_an_error_beside_the_field(client, event, field, value):
    refused(client, form(**{field: value}), field)


def test_an_empty_form_names_every_missing_field(client, event):
    html = refused(client, {"code": "K7M2QX"}, "full_name")
    for message in (
        "Enter your full name.",
        "Enter your phone number.",
        "Choose your institution.",
        "Enter your position.",
        "Choose your kelurahan.",
        "Choose a password.",
    ):
        assert html.count(message) == 2, message  # in the summary and by the field


def test_blank_only_fields_count_as_empty(client, event):
    refused(client, form(full_name="   ", position="\t"), "full_name")


def test_a_name_with_markup_is_kept_as_typed_and_shown_escaped(client, event):
    name = '<script>alert("x")</script> Budi'
    response = client.post(JOIN, form(full_name=name), follow=True)
    user = User.objects.get()
    assert user.full_name == name
    assert user.username == "script.alert.x.script"  # "budi" does not fit
    html = client.get(reverse("dashboard")).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<script>alert" not in response.content.decode()


def test_a_name_typed_with_extra_spaces_is_tidied(client, event):
    client.post(JOIN, form(full_name="  Siti   Nur'aini "))
    assert User.objects.get().full_name == "Siti Nur'aini"


def test_a_double_submit_makes_one_account(client, event):
    first = client.post(JOIN, form())
    # The second tap's request left before the first's cookie came back.
    second_tab = client.__class__()
    second = second_tab.post(JOIN, form())
    assert first.status_code == second.status_code == 302
    assert User.objects.count() == 1 and Enrolment.objects.count() == 1
    assert logged_in_user(second_tab) == User.objects.get()


def test_a_double_submit_racing_past_the_form_makes_one_account(client, event):
    """Both requests passed the form before either saved: the later one logs in."""
    real = registration.register_participant

    def other_request_won(**kwargs):
        real(**kwargs)  # what the first request did meanwhile
        return real(**kwargs)

    with mock.patch("lms.events.views.joining.register_participant", other_request_won):
        response = client.post(JOIN, form())
    assert response.status_code == 302
    assert User.objects.count() == 1 and Enrolment.objects.count() == 1
    assert logged_in_user(client) == User.objects.get()


def test_a_logged_in_participant_just_types_the_code(client, participant, event):
    client.force_login(participant)
    html = client.get(f"{JOIN}?kode=K7M2QX").content.decode()
    assert 'name="full_name"' not in html and 'value="K7M2QX"' in html
    response = client.post(JOIN, {"code": "k7m2qx"})
    assert response.status_code == 302
    assert User.objects.count() == 1
    assert Enrolment.objects.get().user == participant


# An event that is over: joined only after a second "yes"

ASKED = "This event finished on Wednesday, 27 September 2023. Join it anyway?"


@pytest.fixture
def ended(home_page):
    """The demo's Sawah Besar day: 27 September 2023, long over."""
    return make_event(
        home_page,
        registration_code="SAWAH7",
        starts_at=datetime.datetime(2023, 9, 27, 8, 0, tzinfo=WIB),
    )


def confirmed(event) -> dict:
    return {JoinEventView.CONFIRM_FIELD: str(event.pk)}


def test_joining_an_ended_event_asks_first_and_changes_nothing(
    client, participant, ended
):
    client.force_login(participant)
    response = client.post(JOIN, {"code": "SAWAH7"})
    assert response.status_code == 200
    html = response.content.decode()
    assert ASKED in html
    assert "Yes, join anyway" in html
    assert f'name="{JoinEventView.CONFIRM_FIELD}" value="{ended.pk}"' in html
    assert not Enrolment.objects.exists()


def test_saying_yes_joins_the_ended_event(client, participant, ended):
    client.force_login(participant)
    response = client.post(JOIN, {"code": "SAWAH7", **confirmed(ended)})
    assert response.status_code == 302
    assert Enrolment.objects.get().event == ended


def test_a_yes_to_another_event_does_not_count(client, participant, ended, event):
    event.ends_at = ended.ends_at
    event.starts_at = ended.starts_at
    event.save()
    client.force_login(participant)
    response = client.post(JOIN, {"code": "K7M2QX", **confirmed(ended)})
    assert ASKED in response.content.decode()
    assert not Enrolment.objects.exists()


def test_the_poster_of_an_ended_event_asks_before_the_form_is_filled(client, ended):
    html = client.get(f"{JOIN}?kode=SAWAH7").content.decode()
    assert ASKED in html and "Yes, register and join anyway" in html
    assert f'value="{ended.pk}"' in html


def test_registering_for_an_ended_event_asks_first_then_registers(client, ended):
    html = client.post(JOIN, form(code="SAWAH7")).content.decode()
    assert ASKED in html and "type your password again" in html
    assert not User.objects.exists() and logged_in_user(client) is None
    client.post(JOIN, {**form(code="SAWAH7"), **confirmed(ended)})
    assert Enrolment.objects.get().event == ended
    assert logged_in_user(client).full_name == "Siti Nur'aini"


@pytest.mark.parametrize("starts_in_hours", [-1, 24])
def test_current_and_future_events_are_joined_without_asking(
    client, participant, event, starts_in_hours
):
    event.starts_at = timezone.now() + datetime.timedelta(hours=starts_in_hours)
    event.ends_at = event.starts_at + datetime.timedelta(hours=4)
    event.save()
    client.force_login(participant)
    assert "Join it anyway?" not in client.get(f"{JOIN}?kode=K7M2QX").content.decode()
    assert client.post(JOIN, {"code": "K7M2QX"}).status_code == 302
    assert Enrolment.objects.get().event == event


# The service


def a_registration(**overrides) -> Registration:
    fields = {
        "full_name": "Budi Santoso",
        "phone": "+6281234567890",
        "institution_type": "rw",
        "position": "Ketua RW 002",
        "rt": "",
        "rw": "2",
        "kelurahan": "Cikini",
        "password": PASSWORD,
    }
    return Registration(**{**fields, **overrides})


def test_the_service_refuses_a_phone_number_that_has_an_account(event):
    UserFactory(phone="+6281234567890")
    with pytest.raises(PhoneTaken):
        register_participant(event=event, registration=a_registration())
    assert User.objects.count() == 1 and not Enrolment.objects.exists()


def test_two_people_of_the_same_name_at_once_both_get_an_account(event):
    UserFactory(username="budi.santoso", phone="+6281300000001")
    offered = iter([["budi.santoso"], ["budi.santoso2"]])
    with mock.patch.object(
        registration, "unique_usernames", lambda names: next(offered)
    ):
        user = register_participant(event=event, registration=a_registration())
    assert user.username == "budi.santoso2"
    assert user.kecamatan == "menteng" and user.groups.get() == Group.objects.get(
        name=PARTICIPANT
    )


def test_the_kecamatan_of_each_kelurahan():
    assert kecamatan_of("Pasar Baru") == "sawah_besar"
    assert kecamatan_of("Galur") == "johar_baru"
    assert kecamatan_of("Nowhere") == ""


# Usernames


@pytest.mark.parametrize(
    ("name", "username"),
    [
        ("Siti Nur'aini", "siti.nuraini"),
        ("Siti Nur’aini", "siti.nuraini"),
        ("Élodie Ñúñez", "elodie.nunez"),
        ("Ahmad   Fauzi-Rahman, S.Sos.", "ahmad.fauzi.rahman.s.sos"),
        ("RT 005 Budi", "rt.005.budi"),
        ("081234567890", "peserta.081234567890"),
        ("12345", "peserta.12345"),
        ("李小龍", "peserta"),
        ("'", "peserta"),
        ("Muhammad Abdurrahman Wahid Hasyim", "muhammad.abdurrahman"),
        ("Abdurrahmanwahidhasyimmuzadi Putra", "abdurrahmanwahidhasyimmu"),
    ],
)
def test_username_base(name, username):
    assert username_base(name) == username


def test_usernames_are_unique_among_themselves_and_existing_accounts():
    UserFactory(username="budi", phone="+6281300000001")
    UserFactory(username="Budi2", phone="+6281300000002")
    UserFactory(username="budiman", phone="+6281300000003")
    assert unique_usernames(["Budi", "Budi", "Budiman", "Siti"]) == [
        "budi3",
        "budi4",
        "budiman2",
        "siti",
    ]
    assert unique_usernames([]) == []
