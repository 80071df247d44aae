"""Attendance in the admin: the hall screen, the list with manual check-in, the daftar hadir."""

import datetime
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.events.attendance import token_is_valid
from lms.events.models import CheckIn
from tests.factories import CheckInFactory, EnrolmentFactory, ParticipantFactory
from tests.lms.events.attendance_setup import (
    WIB,
    enrol_participants,
    make_event,
)
from tests.pdfs import pdf_pages_text, pdf_text

ADMIN_VIEWS = [
    "attendance",
    "check_in_screen",
    "check_in_screen_state",
    "attendance_sheet",
]


@pytest.fixture
def event(home_page):
    return make_event(home_page, title="Peningkatan Kapasitas LMK Sawah Besar")


@pytest.fixture
def admin(client, organiser):
    """An organiser's browser, reading the admin in its source language."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(organiser)
    return client


@pytest.fixture
def sheet_event(home_page):
    """An event yet to come, 08.00 to 12.00 WIB: check-in opens at 06.00."""
    return make_event(
        home_page,
        title="Peningkatan Kapasitas Lembaga Kemasyarakatan",
        starts_at=datetime.datetime(2030, 9, 25, 8, 0, tzinfo=WIB),
        venue="Aula Kantor Kecamatan Sawah Besar",
    )


@pytest.fixture
def past_event(home_page):
    """An event long over, 08.00 to 12.00 WIB on Wednesday, 6 March 2024."""
    return make_event(
        home_page, starts_at=datetime.datetime(2024, 3, 6, 8, 0, tzinfo=WIB)
    )


def url(name, event):
    return reverse(f"lms_event_admin:{name}", args=[event.pk])


# Who may ---------------------------------------------------------------------


@pytest.mark.parametrize("view", ADMIN_VIEWS)
@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_are_turned_away(client, request, event, view, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(url(view, event))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_home"))
    assert "token" not in response.content.decode()


@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_cannot_check_anyone_in(client, request, event, role):
    person = enrol_participants(event, 1)[0]
    client.force_login(request.getfixturevalue(role))
    client.post(url("attendance", event), {"participant": person.pk, "reason": "x"})
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("view", ADMIN_VIEWS)
def test_logged_out_visitors_are_sent_to_log_in(client, event, view):
    response = client.get(url(view, event))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("view", ADMIN_VIEWS)
def test_an_unknown_event_is_not_found(admin, view):
    response = admin.get(reverse(f"lms_event_admin:{view}", args=[999999]))
    assert response.status_code == 404


# The hall screen -------------------------------------------------------------


def test_hall_screen_shows_the_code_and_the_count(admin, event):
    people = enrol_participants(event, 3)
    CheckInFactory(event=event, user=people[0])
    response = admin.get(url("check_in_screen", event))
    html = response.content.decode()
    assert event.title in html
    assert "1 of 3 participants checked in" in html
    scan = re.search(r'data-scan-url="([^"]+)"', html).group(1)
    token = re.search(r'id="check-in-token">([A-Z0-9]+)<', html).group(1)
    assert scan == f"http://testserver/kegiatan-saya/{event.pk}/hadir/{token}/"
    assert token_is_valid(event_id=event.pk, token=token)
    assert 'src="data:image/svg+xml' in html
    # Without JavaScript the page reloads itself; with it, the script polls.
    assert '<noscript><meta http-equiv="refresh"' in html
    assert url("check_in_screen_state", event) in html
    assert "js/check_in_screen.js" in html
    assert "no-store" in response["Cache-Control"]


def test_hall_screen_state_is_json_for_the_script(admin, event):
    people = enrol_participants(event, 4)
    for person in people[:2]:
        CheckInFactory(event=event, user=person)
    response = admin.get(url("check_in_screen_state", event))
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    state = response.json()
    assert set(state) == {
        "open",
        "token",
        "scan_url",
        "typed_segments",
        "qr",
        "checked_in",
        "enrolled",
        "count_text",
        "seconds_left",
    }
    assert token_is_valid(event_id=event.pk, token=state["token"])
    assert state["scan_url"].endswith(f"/hadir/{state['token']}/")
    # Line breaks only after slashes: "kegiatan-saya" never splits at its hyphen.
    assert state["typed_segments"] == [
        "testserver/",
        "kegiatan-saya/",
        f"{event.pk}/",
        "hadir/",
    ]
    assert state["open"] is True
    assert state["qr"].startswith("data:image/svg+xml")
    assert (state["checked_in"], state["enrolled"]) == (2, 4)
    assert state["count_text"] == "2 of 4 participants checked in"
    assert 0 < state["seconds_left"] <= 30


def test_hall_screen_state_says_one_participant(admin, event):
    enrol_participants(event, 1)
    state = admin.get(url("check_in_screen_state", event)).json()
    assert state["count_text"] == "0 of 1 participant checked in"


def hall_screen_of(admin, event):
    """The hall screen's HTML, with the admin's session alive."""
    response = admin.get(url("check_in_screen", event))
    assert response.status_code == 200
    return response.content.decode()


def assert_no_code_shown(html):
    assert "data-scan-url" not in html
    assert 'id="check-in-token"' not in html
    assert "js/check_in_screen.js" not in html
    assert "/hadir/" not in html


def test_after_the_event_the_hall_screen_says_check_in_has_closed(admin, past_event):
    people = enrol_participants(past_event, 2)
    CheckInFactory(event=past_event, user=people[0])
    html = hall_screen_of(admin, past_event)
    assert_no_code_shown(html)
    assert 'id="check-in-closed"' in html
    assert "Check-in is closed" in html
    assert "it ended at 12.00 on Wednesday, 6 March 2024." in html
    assert "1 of 2 participants checked in" in html
    assert "http-equiv" not in html  # nothing will change: no reloading


def test_before_check_in_opens_the_hall_screen_says_when_and_waits(admin, sheet_event):
    enrol_participants(sheet_event, 1)
    html = hall_screen_of(admin, sheet_event)
    assert_no_code_shown(html)
    assert "Check-in has not opened yet" in html
    assert "Check-in opens at 06.00 on Wednesday, 25 September 2030." in html
    assert "0 of 1 participant checked in" in html
    # Without a script, the page reloads itself to show the code once open.
    assert '<meta http-equiv="refresh" content="30">' in html
    assert "<noscript>" not in html


def test_the_hall_screens_dates_are_indonesian(admin, past_event):
    admin.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    html = hall_screen_of(admin, past_event)
    assert "12.00" in html and "Rabu, 6 Maret 2024" in html


def test_the_hall_screen_script_learns_that_scanning_has_closed(admin, past_event):
    response = admin.get(url("check_in_screen_state", past_event))
    assert response.json() == {"open": False}


# The list and manual check-in -------------------------------------------------


def test_the_list_shows_who_is_in_and_who_is_not(admin, event, organiser):
    scanned, by_hand, absent = (
        enrol_participants(event, 1, full_name=name)[0]
        for name in ("Ahmad Fauzi", "Budi Santoso", "Citra Lestari")
    )
    CheckInFactory(
        event=event,
        user=scanned,
        checked_in_at=datetime.datetime(2030, 9, 25, 7, 41, tzinfo=WIB),
    )
    CheckInFactory(
        event=event,
        user=by_hand,
        method=CheckIn.Method.MANUAL,
        reason="Baterai ponsel habis",
        recorded_by=organiser,
    )
    html = admin.get(url("attendance", event)).content.decode()
    assert "2 of 3 participants checked in" in html
    for person in (scanned, by_hand, absent):
        assert person.full_name in html
    assert "Scanned the QR code" in html
    assert "Recorded by an organiser" in html
    assert "Baterai ponsel habis" in html
    assert "Not yet" in html
    # Only the absent participant is offered for a manual check-in.
    options = re.findall(r'<option value="(\d+)"', html)
    assert options == [str(absent.pk)]
    assert url("check_in_screen", event) in html
    assert url("attendance_sheet", event) in html


def test_an_organiser_checks_someone_in_by_hand(admin, event, organiser):
    person = enrol_participants(event, 1)[0]
    response = admin.post(
        url("attendance", event),
        {"participant": person.pk, "reason": "  Tidak punya ponsel pintar "},
        follow=True,
    )
    record = CheckIn.objects.get(event=event, user=person)
    assert record.method == CheckIn.Method.MANUAL
    assert record.reason == "Tidak punya ponsel pintar"
    assert record.recorded_by == organiser
    assert f"{person.full_name} is checked in." in response.content.decode()


@pytest.mark.parametrize("reason", ["", "   "])
def test_by_hand_without_a_reason_is_refused(admin, event, reason):
    person = enrol_participants(event, 1)[0]
    response = admin.post(
        url("attendance", event), {"participant": person.pk, "reason": reason}
    )
    assert response.status_code == 200
    assert "Say why this is recorded by hand." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_reason_longer_than_the_report_allows_is_refused(admin, event):
    person = enrol_participants(event, 1)[0]
    response = admin.post(
        url("attendance", event), {"participant": person.pk, "reason": "x" * 301}
    )
    assert "at most 300 characters" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_an_empty_post_changes_nothing(admin, event):
    enrol_participants(event, 1)
    response = admin.post(url("attendance", event), {})
    assert "Choose the participant to check in." in response.content.decode()
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize("chosen", ["abc", "-1", "99999999", "1 OR 1=1"])
def test_garbage_participant_ids_are_refused(admin, event, chosen):
    enrol_participants(event, 1)
    response = admin.post(
        url("attendance", event), {"participant": chosen, "reason": "Baterai habis"}
    )
    assert "not enrolled or is already checked in" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_someone_from_another_event_cannot_be_checked_in_here(
    admin,
    event,
    home_page,
):
    other = make_event(home_page)
    outsider = enrol_participants(other, 1)[0]
    response = admin.post(
        url("attendance", event), {"participant": outsider.pk, "reason": "Titipan"}
    )
    assert "not enrolled or is already checked in" in response.content.decode()
    assert not CheckIn.objects.exists()


def test_a_double_submit_checks_in_once(admin, event):
    person = enrol_participants(event, 1)[0]
    form = {"participant": person.pk, "reason": "Baterai habis"}
    admin.post(url("attendance", event), form)
    first = CheckIn.objects.get()
    response = admin.post(url("attendance", event), form)
    assert "not enrolled or is already checked in" in response.content.decode()
    assert list(CheckIn.objects.all()) == [first]


def test_a_reason_with_markup_is_shown_as_text(admin, event):
    person = enrol_participants(event, 1)[0]
    admin.post(
        url("attendance", event),
        {"participant": person.pk, "reason": "<script>alert('x')</script>"},
    )
    html = admin.get(url("attendance", event)).content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_by_hand_more_than_a_week_after_the_event_is_refused(
    admin,
    home_page,
):
    old = make_event(home_page, starts_at=timezone.now() - datetime.timedelta(days=9))
    person = enrol_participants(old, 1)[0]
    response = admin.post(
        url("attendance", old), {"participant": person.pk, "reason": "Kertas"}
    )
    assert "up to 7 days after the event" in response.content.decode()
    assert not CheckIn.objects.exists()


def manual_section(html) -> str:
    return re.search(
        r'<section aria-labelledby="manual-check-in">.*?</section>', html, re.S
    ).group()


@pytest.mark.parametrize(
    ("starts_in", "form_shown"),
    [
        # Opens two hours before the start...
        (datetime.timedelta(hours=2, minutes=1), False),
        (datetime.timedelta(hours=1, minutes=59), True),
        # ...and closes seven days after the end (these events last four hours).
        (-datetime.timedelta(days=7, hours=3, minutes=59), True),
        (-datetime.timedelta(days=7, hours=4, minutes=1), False),
    ],
)
def test_the_manual_form_is_shown_exactly_while_it_would_be_accepted(
    admin, home_page, starts_in, form_shown
):
    event = make_event(home_page, starts_at=timezone.now() + starts_in)
    person = enrol_participants(event, 1)[0]
    section = manual_section(admin.get(url("attendance", event)).text)
    assert ("<form" in section) is form_shown
    assert ('id="manual-check-in-closed"' in section) is not form_shown
    admin.post(url("attendance", event), {"participant": person.pk, "reason": "Kertas"})
    assert CheckIn.objects.filter(user=person).exists() is form_shown


def test_outside_the_window_the_page_says_when_by_hand_is_possible(
    admin, sheet_event, past_event
):
    for event in (sheet_event, past_event):
        enrol_participants(event, 1)
    before = manual_section(admin.get(url("attendance", sheet_event)).text)
    after = manual_section(admin.get(url("attendance", past_event)).text)
    assert "Check-in opens at 06.00 on Wednesday, 25 September 2030." in before
    assert (
        "up to 7 days after the event, until 12.00 on Wednesday, 13 March 2024; "
        "that time has passed." in after
    )


# The daftar hadir --------------------------------------------------------------


def test_the_attendance_sheet_lists_everyone_with_their_time(admin, sheet_event):
    siti, ahmad, budi = (
        enrol_participants(sheet_event, 1, full_name=name, position=position)[0]
        for name, position in (
            ("Siti Aminah", "Ketua RW 003"),
            ("Ahmad Fauzi", "Ketua RT 005"),
            ("Budi Santoso", "Sekretaris LMK"),
        )
    )
    CheckInFactory(
        event=sheet_event,
        user=siti,
        checked_in_at=datetime.datetime(2030, 9, 25, 7, 41, tzinfo=WIB),
    )
    CheckInFactory(
        event=sheet_event,
        user=ahmad,
        checked_in_at=datetime.datetime(2030, 9, 25, 8, 5, tzinfo=WIB),
    )
    response = admin.get(url("attendance_sheet", sheet_event))
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="daftar-hadir-peningkatan-kapasitas'
        in response["Content-Disposition"]
    )
    text = pdf_text(response.content)
    assert "DAFTAR HADIR" in text
    assert "Peningkatan Kapasitas Lembaga Kemasyarakatan" in text
    # Day and date in Indonesian, whatever language the organiser reads.
    assert "Rabu, 25 September 2030" in text
    assert "Aula Kantor Kecamatan Sawah Besar" in text
    assert "Sawah Besar" in text
    assert "Ketua RW 003" in text
    assert "RT 001/RW 002" in text
    # By name, each with their time; the absent one with none.
    lines = text.splitlines()
    ahmad_line = next(line for line in lines if "Ahmad Fauzi" in line)
    budi_line = next(line for line in lines if "Budi Santoso" in line)
    siti_line = next(line for line in lines if "Siti Aminah" in line)
    assert lines.index(ahmad_line) < lines.index(budi_line) < lines.index(siti_line)
    assert "08.05" in text and "07.41" in text
    assert not re.search(r"\d\d\.\d\d", budi_line)
    assert "2 dari 3" in text or "2 of 3" in text


def test_a_long_name_wraps_inside_its_cell(admin, sheet_event):
    long_name = (
        "Raden Mas Haji Muhammad Abdurrahman Wahyudi Kusumanegara "
        "Prawirodirdjo Hadiningrat Sastrowardoyo"
    )
    unbroken = "Abdurrahmanwahyudikusumanegaraprawirodirdjo"
    enrol_participants(sheet_event, 1, full_name=long_name, position="Ketua RW 010")
    enrol_participants(sheet_event, 1, full_name=unbroken, position="Ketua RT 011")
    pages = pdf_pages_text(admin.get(url("attendance_sheet", sheet_event)).content)
    assert len(pages) == 1
    text = pages[0]
    words = " ".join(text.split())
    for word in long_name.split():
        assert word in words
    # Wrapped: the name does not sit on one line, and nothing beside it is lost.
    assert long_name not in text.splitlines()
    assert "Ketua RW 010" in text and "Ketua RT 011" in text
    assert unbroken[:12] in text


def test_an_empty_event_still_prints_a_sheet(admin, sheet_event):
    text = pdf_text(admin.get(url("attendance_sheet", sheet_event)).content)
    assert "DAFTAR HADIR" in text


# Queries -----------------------------------------------------------------------


def queries_for(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "view",
    ["attendance", "check_in_screen", "check_in_screen_state", "attendance_sheet"],
)
def test_queries_do_not_grow_with_participants(
    admin, event, organiser, view, django_assert_max_num_queries
):
    address = url(view, event)

    def add(count):
        people = enrol_participants(event, count)
        for person in people[: count // 2]:
            CheckInFactory(event=event, user=person)
        for person in people[count // 2 : count // 2 + 2]:
            CheckInFactory(
                event=event,
                user=person,
                method=CheckIn.Method.MANUAL,
                reason="Baterai habis",
                recorded_by=organiser,
            )

    add(5)
    admin.get(address)  # caches warmed: session, site, content types
    with_five = queries_for(admin, address)
    add(35)
    with django_assert_max_num_queries(with_five):
        response = admin.get(address)
    assert response.status_code == 200
    assert with_five <= 15


def test_participants_enrolled_elsewhere_do_not_appear(admin, event, home_page):
    other = make_event(home_page)
    outsider = ParticipantFactory(full_name="Orang Lain Sekali")
    EnrolmentFactory(event=other, user=outsider)
    assert (
        "Orang Lain Sekali" not in admin.get(url("attendance", event)).content.decode()
    )
    text = pdf_text(admin.get(url("attendance_sheet", event)).content)
    assert "Orang Lain Sekali" not in text
