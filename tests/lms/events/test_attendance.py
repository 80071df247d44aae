"""The rotating check-in code and the check-in rules (lms/events/attendance.py),
recording check-ins (lms/events/check_ins.py) and what organisers see of them
(lms/events/roster.py)."""

import datetime
from unittest import mock

import pytest
from django.test import override_settings
from django.utils import translation

from lms.events import attendance, check_ins
from lms.events.attendance import (
    accept_scanned_token,
    check_in_window,
    current_token,
    seconds_until_change,
    token_for_window,
    token_is_valid,
    window_number,
)
from lms.events.check_ins import (
    CheckInClosed,
    CodeExpired,
    NotEnrolled,
    ReasonRequired,
    check_in,
    check_in_by_scan,
    review_scan,
)
from lms.events.models import CheckIn
from lms.events.models.events import CODE_ALPHABET
from lms.events.roster import attendance_roster, hall_screen_state
from tests.factories import CheckInFactory, EnrolmentFactory, OrganiserFactory
from tests.lms.events.attendance_setup import (
    WIB,
    enrol_participants,
    make_event,
)

START = datetime.datetime(2030, 9, 25, 8, 0, tzinfo=WIB)
# A moment 10 seconds into a 30-second window.
NOW = datetime.datetime.fromtimestamp(
    (int(START.timestamp()) // 30) * 30 + 10, tz=datetime.UTC
)
SECONDS = datetime.timedelta(seconds=1)


@pytest.fixture(autouse=True)
def english():
    """Messages in their source language, whatever the Indonesian catalogue holds."""
    with translation.override("en"):
        yield


@pytest.fixture
def event(home_page):
    return make_event(home_page, starts_at=START, hours=4)


@pytest.fixture
def enrolled(event, participant):
    EnrolmentFactory(event=event, user=participant)
    return participant


# Tokens ---------------------------------------------------------------------


def test_token_is_short_and_easy_to_type():
    token = current_token(event_id=7, now=NOW)
    assert len(token) == 6
    assert set(token) <= set(CODE_ALPHABET)


def test_token_holds_for_its_window_and_changes_with_the_next():
    start_of_window = NOW - 10 * SECONDS
    token = current_token(event_id=7, now=start_of_window)
    assert current_token(event_id=7, now=start_of_window + 29.9 * SECONDS) == token
    assert current_token(event_id=7, now=start_of_window + 30 * SECONDS) != token
    assert seconds_until_change(NOW) == pytest.approx(20)


def test_tokens_differ_between_windows_and_events():
    window = window_number(NOW)
    tokens = {
        token_for_window(event_id=e, window=w)
        for e in (1, 2, 3)
        for w in range(window, window + 20)
    }
    assert len(tokens) == 60


def test_current_and_previous_window_are_accepted():
    token = current_token(event_id=7, now=NOW)
    assert token_is_valid(event_id=7, token=token, now=NOW)
    # Scanned just as the screen changed: still good for one more window.
    assert token_is_valid(event_id=7, token=token, now=NOW + 30 * SECONDS)


def test_an_old_token_is_refused():
    token = current_token(event_id=7, now=NOW)
    assert not token_is_valid(event_id=7, token=token, now=NOW + 60 * SECONDS)
    assert not token_is_valid(event_id=7, token=token, now=NOW + 3600 * SECONDS)


def test_a_future_token_is_refused():
    token = current_token(event_id=7, now=NOW + 30 * SECONDS)
    assert not token_is_valid(event_id=7, token=token, now=NOW)


def test_another_events_token_is_refused():
    token = current_token(event_id=7, now=NOW)
    assert not token_is_valid(event_id=8, token=token, now=NOW)


def test_a_token_depends_on_the_secret_key():
    token = current_token(event_id=7, now=NOW)
    with override_settings(SECRET_KEY="another-site-another-secret"):
        assert current_token(event_id=7, now=NOW) != token
        assert not token_is_valid(event_id=7, token=token, now=NOW)


def test_a_typed_token_may_be_lower_case_with_spaces():
    token = current_token(event_id=7, now=NOW)
    typed = f" {token[:3].lower()} {token[3:].lower()} "
    assert token_is_valid(event_id=7, token=typed, now=NOW)


@pytest.mark.parametrize(
    "forged",
    [
        "",
        "AAAAAA",
        "A" * 5,
        "A" * 7,
        "X" * 10_000,
        "<script>alert(1)</script>",
        "../../",
        "ÄÖÜÄÖÜ",
        None,
    ],
)
def test_forged_tokens_are_refused(forged):
    assert not token_is_valid(event_id=7, token=forged, now=NOW)


def test_a_scanned_token_stays_good_for_this_visitor_while_they_log_in():
    session = {}
    token = current_token(event_id=7, now=NOW)
    assert accept_scanned_token(session, event_id=7, token=token, now=NOW)
    later = NOW + attendance.SCAN_GRACE - SECONDS
    assert accept_scanned_token(session, event_id=7, token=token, now=later)
    too_late = NOW + attendance.SCAN_GRACE + 11 * SECONDS
    assert not accept_scanned_token(session, event_id=7, token=token, now=too_late)


def test_grace_is_for_the_token_and_event_that_were_scanned():
    session = {}
    token = current_token(event_id=7, now=NOW)
    accept_scanned_token(session, event_id=7, token=token, now=NOW)
    later = NOW + 5 * 60 * SECONDS
    old = current_token(event_id=7, now=NOW - 120 * SECONDS)
    assert not accept_scanned_token(session, event_id=7, token=old, now=later)
    other = current_token(event_id=8, now=NOW)
    assert not accept_scanned_token(session, event_id=8, token=other, now=later)


def test_an_old_photo_earns_no_grace():
    session = {}
    old = current_token(event_id=7, now=NOW - 120 * SECONDS)
    assert not accept_scanned_token(session, event_id=7, token=old, now=NOW)
    assert session == {}


# Checking in ----------------------------------------------------------------


def test_an_enrolled_participant_checks_in_by_scanning(event, enrolled):
    record, created = check_in(
        event=event, user=enrolled, method=CheckIn.Method.QR, now=START
    )
    assert created
    assert record.checked_in_at == START
    assert record.method == "qr"
    assert CheckIn.objects.get(event=event, user=enrolled) == record


def test_someone_not_enrolled_is_refused(event, participant):
    with pytest.raises(NotEnrolled) as refused:
        check_in(event=event, user=participant, method="qr", now=START)
    assert "enrolled" in str(refused.value.message)
    assert not CheckIn.objects.exists()


def test_enrolment_in_another_event_does_not_count(event, home_page, participant):
    other = make_event(home_page, starts_at=START)
    EnrolmentFactory(event=other, user=participant)
    with pytest.raises(NotEnrolled):
        check_in(event=event, user=participant, method="qr", now=START)


def test_check_in_opens_two_hours_before_the_start(event, enrolled):
    opens = START - datetime.timedelta(hours=2)
    with pytest.raises(CheckInClosed) as refused:
        check_in(event=event, user=enrolled, method="qr", now=opens - SECONDS)
    assert "06.00" in str(refused.value.message)
    assert not CheckIn.objects.exists()
    _record, created = check_in(event=event, user=enrolled, method="qr", now=opens)
    assert created


def test_scanning_closes_when_the_event_ends(event, enrolled):
    with pytest.raises(CheckInClosed):
        check_in(event=event, user=enrolled, method="qr", now=event.ends_at + SECONDS)
    assert not CheckIn.objects.exists()


def test_organisers_may_record_by_hand_up_to_a_week_after(event, enrolled, organiser):
    week_later = event.ends_at + datetime.timedelta(days=7)
    record, created = check_in(
        event=event,
        user=enrolled,
        method="manual",
        reason="  Dari daftar hadir kertas  ",
        recorded_by=organiser,
        now=week_later,
    )
    assert created
    assert record.reason == "Dari daftar hadir kertas"
    assert record.recorded_by == organiser


def test_by_hand_more_than_a_week_after_is_refused(event, enrolled, organiser):
    with pytest.raises(CheckInClosed):
        check_in(
            event=event,
            user=enrolled,
            method="manual",
            reason="Dari daftar hadir kertas",
            recorded_by=organiser,
            now=event.ends_at + datetime.timedelta(days=7) + SECONDS,
        )
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("method", "minutes_after_end", "is_open"),
    [
        ("qr", 0, True),
        ("qr", 1, False),
        ("manual", 7 * 24 * 60, True),
        ("manual", 7 * 24 * 60 + 1, False),
    ],
)
def test_the_window_is_open_exactly_while_a_check_in_is_accepted(
    event, enrolled, organiser, method, minutes_after_end, is_open
):
    now = event.ends_at + datetime.timedelta(minutes=minutes_after_end)
    window = check_in_window(event, method=method, now=now)
    assert window.is_open is is_open
    assert (window.why_not_open() == "") is is_open
    attempt = {"event": event, "user": enrolled, "method": method, "now": now}
    if method == "manual":
        attempt.update(reason="Daftar hadir kertas", recorded_by=organiser)
    if is_open:
        assert check_in(**attempt)[1]
    else:
        with pytest.raises(CheckInClosed):
            check_in(**attempt)


@pytest.mark.parametrize("method", ["qr", "manual"])
def test_before_the_window_both_ways_say_when_it_opens(event, method):
    window = check_in_window(
        event, method=method, now=START - datetime.timedelta(hours=3)
    )
    assert window.not_open_yet and not window.is_open
    assert window.why_not_open() == (
        "Check-in opens at 06.00 on Wednesday, 25 September 2030."
    )


def test_a_closed_window_says_when_it_closed(event):
    later = START + datetime.timedelta(days=30)
    scanning = check_in_window(event, method="qr", now=later)
    by_hand = check_in_window(event, method="manual", now=later)
    assert scanning.has_closed and by_hand.has_closed
    assert scanning.why_not_open() == (
        "Check-in for this event has closed: it ended at 12.00 on "
        "Wednesday, 25 September 2030."
    )
    assert by_hand.why_not_open() == (
        "Attendance can be recorded by hand up to 7 days after the event, "
        "until 12.00 on Wednesday, 2 October 2030; that time has passed."
    )


def test_the_window_dates_are_in_indonesian(event):
    with translation.override("id"):
        text = check_in_window(
            event, method="qr", now=START - datetime.timedelta(days=1)
        ).why_not_open()
    assert "06.00" in text and "Rabu, 25 September 2030" in text


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_by_hand_without_a_reason_is_refused(event, enrolled, organiser, reason):
    with pytest.raises(ReasonRequired):
        check_in(
            event=event,
            user=enrolled,
            method="manual",
            reason=reason,
            recorded_by=organiser,
            now=START,
        )
    assert not CheckIn.objects.exists()


def test_an_unknown_method_is_a_programming_error(event, enrolled):
    with pytest.raises(ValueError):
        check_in(event=event, user=enrolled, method="telepathy", now=START)


def test_checking_in_twice_keeps_the_first_time(event, enrolled, organiser):
    first, _created = check_in(event=event, user=enrolled, method="qr", now=START)
    again, created = check_in(
        event=event, user=enrolled, method="qr", now=START + 600 * SECONDS
    )
    by_hand, created_by_hand = check_in(
        event=event,
        user=enrolled,
        method="manual",
        reason="Baterai habis",
        recorded_by=organiser,
        now=START + 900 * SECONDS,
    )
    assert not created and not created_by_hand
    assert again == by_hand == first
    assert CheckIn.objects.get().checked_in_at == START


def test_two_scans_racing_yield_one_row(event, enrolled):
    """The other scan commits between our look-up and our insert."""
    winner = CheckInFactory(event=event, user=enrolled, checked_in_at=START)
    with mock.patch.object(check_ins, "existing_check_in", return_value=None):
        record, created = check_in(
            event=event, user=enrolled, method="qr", now=START + SECONDS
        )
    assert not created
    assert record == winner
    assert CheckIn.objects.count() == 1


# Scanning -------------------------------------------------------------------


def test_review_scan_says_the_button_would_check_in(event, enrolled):
    assert (
        review_scan(event=event, user=enrolled, token_accepted=True, now=START) is None
    )
    assert not CheckIn.objects.exists()


def test_a_scan_with_a_refused_code_checks_nobody_in(event, enrolled):
    with pytest.raises(CodeExpired) as refused:
        check_in_by_scan(event=event, user=enrolled, token_accepted=False, now=START)
    assert "expired" in str(refused.value.message)
    assert not CheckIn.objects.exists()


def test_not_enrolled_is_said_before_an_expired_code(event, participant):
    with pytest.raises(NotEnrolled):
        review_scan(event=event, user=participant, token_accepted=False, now=START)


def test_a_checked_in_participant_scanning_an_old_code_is_reminded(event, enrolled):
    first = CheckInFactory(event=event, user=enrolled, checked_in_at=START)
    later = START + datetime.timedelta(days=30)
    assert (
        review_scan(event=event, user=enrolled, token_accepted=False, now=later)
        == first
    )
    assert check_in_by_scan(
        event=event, user=enrolled, token_accepted=False, now=later
    ) == (first, False)


def test_a_good_scan_checks_in(event, enrolled):
    record, created = check_in_by_scan(
        event=event, user=enrolled, token_accepted=True, now=START
    )
    assert created and record.method == CheckIn.Method.QR


# What organisers see ---------------------------------------------------------


def test_roster_lists_everyone_enrolled_by_name_with_their_check_in(event):
    people = [
        enrol_participants(event, 1, full_name=name)[0]
        for name in ("siti Aminah", "Budi Santoso", "Ahmad Fauzi")
    ]
    record = CheckInFactory(event=event, user=people[1], checked_in_at=START)
    roster = attendance_roster(event)
    assert [row.participant.full_name for row in roster] == [
        "Ahmad Fauzi",
        "Budi Santoso",
        "siti Aminah",
    ]
    assert [row.check_in for row in roster] == [None, record, None]


def test_hall_screen_counts_enrolled_participants_only(event, participant):
    people = enrol_participants(event, 3)
    CheckInFactory(event=event, user=people[0])
    # A check-in left behind by someone whose enrolment was removed.
    CheckInFactory(event=event, user=participant)
    state = hall_screen_state(event, now=NOW)
    assert (state.checked_in, state.enrolled) == (1, 3)
    assert state.token == current_token(event_id=event.pk, now=NOW)
    assert state.scan_url == (
        f"http://testserver/kegiatan-saya/{event.pk}/hadir/{state.token}/"
    )


def test_an_organiser_is_not_checked_in_by_being_one(event):
    with pytest.raises(NotEnrolled):
        check_in(event=event, user=OrganiserFactory(), method="qr", now=START)
