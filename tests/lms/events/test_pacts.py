"""The pact service: versions, accepting the exact words, paper signatures, the report."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from lms.events import pacts as service
from lms.events.models import Pact, PactAcceptance, PactVersion
from lms.events.pacts import (
    PactRefused,
    PactTextChanged,
    accept_pact,
    clean_version_text,
    collect_pact_standings,
    find_participant_pact,
    normalise_name,
    record_pact_version,
    record_paper_signature,
)
from tests.factories import OrganiserFactory, PactFactory, ParticipantFactory
from tests.lms.events.pact_setup import enrol_many, event_requiring

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def pact(db):
    return PactFactory(title="Pakta Integritas")


@pytest.fixture
def siti(db):
    return ParticipantFactory(full_name="Siti Nurhaliza")


@pytest.fixture
def event(home_page, pact, siti):
    return event_requiring(home_page, pact, participants=[siti])


def accept(event, user, pact, **overrides):
    arguments = {
        "event": event,
        "user": user,
        "pact": pact,
        "version_id": pact.versions.get(number=1).pk,
        "typed_name": user.full_name,
        "agreed": True,
    }
    return accept_pact(**{**arguments, **overrides})


def edit(pact, **fields):
    for name, value in fields.items():
        setattr(pact, name, value)
    pact.save()
    return record_pact_version(pact=pact, by=None)


# Names -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "Siti Nurhaliza",
        "siti nurhaliza",
        "  SITI   Nurhaliza ",
        "Sití Nurhalízá",
        "Siti\tNurhaliza",
    ],
)
def test_names_compare_ignoring_case_spacing_and_accents(typed):
    assert normalise_name(typed) == normalise_name("Siti Nurhaliza")


def test_a_phones_curly_apostrophe_is_the_same_name():
    assert normalise_name("Ma\u2019ruf Amin") == normalise_name("Ma'ruf Amin")


def test_the_dots_and_commas_of_titles_do_not_matter():
    assert normalise_name("dr Simon Prasasta SPt") == normalise_name(
        "dr. Simon Prasasta, S.Pt"
    )


@pytest.mark.parametrize("typed", ["Siti", "Siti Nurhalizah", "Nurhaliza Siti", ""])
def test_a_different_name_is_different(typed):
    assert normalise_name(typed) != normalise_name("Siti Nurhaliza")


# Versions --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_first_save_makes_version_one():
    pact = PactFactory.build(  # saved without the factory's version 1
        title="Ikrar", kind="pledge", body="<p>Kami berikrar.</p>"
    )
    pact.save()
    organiser = OrganiserFactory()
    version = record_pact_version(pact=pact, by=organiser)
    assert (version.number, version.title, version.created_by) == (
        1,
        "Ikrar",
        organiser,
    )
    assert version.body == "<p>Kami berikrar.</p>"


@pytest.mark.django_db
def test_saving_without_a_change_makes_no_version(pact):
    assert edit(pact) is None
    assert edit(pact, kind="pledge") is None
    assert list(pact.versions.values_list("number", flat=True)) == [1]


@pytest.mark.django_db
def test_changing_the_text_or_the_title_makes_the_next_version(pact):
    assert edit(pact, body="<p>Teks baru.</p>").number == 2
    assert edit(pact, title="Pakta Integritas 2024").number == 3
    assert edit(pact) is None
    first = pact.versions.get(number=1)
    assert first.body == "<p>Saya menyatakan akan menjaga netralitas.</p>"


@pytest.mark.django_db
def test_a_version_keeps_the_text_as_stored_not_as_typed(pact):
    pact.body = '<p onclick="steal()">Janji</p><script>alert(1)</script>'
    pact.save()  # in memory the body is still as typed
    version = record_pact_version(pact=pact, by=None)
    assert "script" not in version.body and "onclick" not in version.body
    assert "Janji" in version.body


@pytest.mark.django_db
def test_text_that_reaches_a_page_is_cleaned_even_from_a_dirty_version(pact):
    dirty = PactVersion.objects.create(
        pact=pact, number=9, title="x", body='<p>ok</p><img src=x onerror="alert(1)">'
    )
    assert clean_version_text(dirty) == "<p>ok</p>"


# Accepting -------------------------------------------------------------------


@pytest.mark.django_db
def test_accepting_stores_the_exact_version_time_and_user(event, pact, siti):
    moment = timezone.now() - datetime.timedelta(minutes=5)
    acceptance = accept(event, siti, pact, typed_name="  siti  NURHALIZA", now=moment)
    assert acceptance.version == pact.versions.get(number=1)
    assert acceptance.user == siti and acceptance.event == event
    assert acceptance.accepted_at == moment
    assert acceptance.typed_name == "siti NURHALIZA"
    assert acceptance.method == PactAcceptance.Method.ONLINE
    edit(pact, body="<p>Teks yang diubah kemudian.</p>")
    acceptance.refresh_from_db()
    assert acceptance.version.number == 1
    assert "netralitas" in acceptance.version.body


@pytest.mark.django_db
def test_a_wrong_name_is_refused_without_showing_the_accounts_name(event, pact, siti):
    with pytest.raises(PactRefused) as refused:
        accept(event, siti, pact, typed_name="Siti Aminah")
    message = str(refused.value.errors["typed_name"])
    assert "Nurhaliza" not in message and "Aminah" not in message
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_an_unticked_box_and_an_empty_name_are_both_reported(event, pact, siti):
    with pytest.raises(PactRefused) as refused:
        accept(event, siti, pact, agreed=False, typed_name="   ")
    assert set(refused.value.errors) == {"agreed", "typed_name"}
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_an_account_without_a_name_cannot_sign_with_an_empty_one(home_page, pact):
    nameless = ParticipantFactory(full_name="")
    event = event_requiring(home_page, pact, participants=[nameless])
    with pytest.raises(PactRefused):
        accept(event, nameless, pact, typed_name="")


@pytest.mark.django_db
def test_a_text_changed_while_reading_is_refused_with_the_new_text(event, pact, siti):
    new = edit(pact, body="<p>Versi kedua.</p>")
    with pytest.raises(PactTextChanged) as changed:
        accept(event, siti, pact)  # still version 1 on their screen
    assert changed.value.version == new
    assert not PactAcceptance.objects.exists()
    assert accept(event, siti, pact, version_id=new.pk).version == new


@pytest.mark.django_db
def test_another_pacts_version_id_counts_as_out_of_date(event, pact, siti):
    other = PactFactory()
    with pytest.raises(PactTextChanged):
        accept(event, siti, pact, version_id=other.versions.get().pk)


@pytest.mark.django_db
def test_a_text_edited_outside_the_admin_is_recorded_before_anyone_accepts_it(
    event, pact, siti
):
    pact.body = "<p>Diubah lewat shell.</p>"
    pact.save()  # no record_pact_version: no hook ran
    with pytest.raises(PactTextChanged) as changed:
        accept(event, siti, pact)
    assert changed.value.version.number == 2
    assert changed.value.version.body == "<p>Diubah lewat shell.</p>"


@pytest.mark.django_db
def test_only_enrolled_participants_accept(event, pact):
    with pytest.raises(PactRefused, match="enrolled"):
        accept(event, ParticipantFactory(full_name="Budi"), pact, typed_name="Budi")
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_a_pact_the_event_does_not_ask_for_is_refused(home_page, event, siti):
    elsewhere = PactFactory(title="Ikrar untuk kegiatan lain")
    event_requiring(home_page, elsewhere, participants=[siti])
    with pytest.raises(PactRefused, match="does not ask"):
        accept(event, siti, elsewhere)
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_accepting_again_returns_the_first_acceptance(event, pact, siti):
    first = accept(event, siti, pact)
    again = accept(event, siti, pact, agreed=False, typed_name="")
    assert again.pk == first.pk
    assert PactAcceptance.objects.count() == 1


@pytest.mark.django_db
def test_a_submit_that_loses_the_race_returns_the_winners_row(
    event, pact, siti, monkeypatch
):
    winner = accept(event, siti, pact)
    real_existing = service._existing
    calls = []

    def not_yet_seen(**kwargs):  # the loser looked before the winner committed
        calls.append(kwargs)
        return None if len(calls) == 1 else real_existing(**kwargs)

    monkeypatch.setattr(service, "_existing", not_yet_seen)
    assert accept(event, siti, pact).pk == winner.pk
    assert PactAcceptance.objects.count() == 1


@pytest.mark.django_db
def test_the_same_pact_is_accepted_per_event(home_page, event, pact, siti):
    second_event = event_requiring(home_page, pact, participants=[siti])
    accept(event, siti, pact)
    accept(second_event, siti, pact)
    assert PactAcceptance.objects.count() == 2


# The participant's page ------------------------------------------------------


@pytest.mark.django_db
def test_the_participants_page_is_found_only_for_their_required_pact(
    home_page, event, pact, siti
):
    other_pact = PactFactory()
    other_event = event_requiring(home_page, other_pact)
    found = find_participant_pact(event_id=event.pk, pact_id=pact.pk, user=siti)
    assert (found.event, found.pact, found.version.number) == (event, pact, 1)
    assert found.acceptance is None
    for event_id, pact_id in [
        (event.pk, other_pact.pk),  # another event's pact
        (other_event.pk, other_pact.pk),  # an event they are not in
        (999999, pact.pk),
    ]:
        assert (
            find_participant_pact(event_id=event_id, pact_id=pact_id, user=siti) is None
        )


@pytest.mark.django_db
def test_after_accepting_the_page_shows_the_version_accepted(event, pact, siti):
    accept(event, siti, pact)
    edit(pact, body="<p>Versi kedua.</p>")
    found = find_participant_pact(event_id=event.pk, pact_id=pact.pk, user=siti)
    assert found.acceptance is not None and found.version.number == 1


# Paper signatures ------------------------------------------------------------


@pytest.mark.django_db
def test_a_paper_signature_is_recorded_with_its_note(event, pact, siti):
    organiser = OrganiserFactory()
    acceptance = record_paper_signature(
        event=event,
        user=siti,
        pact=pact,
        note="  Map kuning,\n lemari 2 ",
        by=organiser,
    )
    assert acceptance.method == PactAcceptance.Method.PAPER
    assert acceptance.recorded_by == organiser
    assert acceptance.note == "Map kuning, lemari 2"
    assert acceptance.version.number == 1 and acceptance.typed_name == ""


@pytest.mark.django_db
@pytest.mark.parametrize("note", ["", "   \n ", None])
def test_a_paper_signature_needs_a_note(event, pact, siti, note):
    with pytest.raises(PactRefused) as refused:
        record_paper_signature(
            event=event, user=siti, pact=pact, note=note, by=OrganiserFactory()
        )
    assert "note" in refused.value.errors
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_a_huge_note_is_refused(event, pact, siti):
    with pytest.raises(PactRefused) as refused:
        record_paper_signature(
            event=event, user=siti, pact=pact, note="x" * 301, by=OrganiserFactory()
        )
    assert "300" in str(refused.value.errors["note"])
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_paper_is_only_for_enrolled_participants_of_events_requiring_it(
    event, pact, siti
):
    organiser = OrganiserFactory()
    with pytest.raises(PactRefused):
        record_paper_signature(
            event=event, user=ParticipantFactory(), pact=pact, note="x", by=organiser
        )
    with pytest.raises(PactRefused):
        record_paper_signature(
            event=event, user=siti, pact=PactFactory(), note="x", by=organiser
        )
    assert not PactAcceptance.objects.exists()


@pytest.mark.django_db
def test_paper_never_overwrites_an_acceptance(event, pact, siti):
    online = accept(event, siti, pact)
    with pytest.raises(PactRefused, match="already accepted"):
        record_paper_signature(
            event=event, user=siti, pact=pact, note="kertas", by=OrganiserFactory()
        )
    assert list(PactAcceptance.objects.all()) == [online]
    assert PactAcceptance.objects.get().method == PactAcceptance.Method.ONLINE


@pytest.mark.django_db
def test_paper_signed_before_an_edit_records_the_version_then_in_force(
    event, pact, siti
):
    signed = timezone.now()
    PactVersion.objects.filter(pact=pact).update(
        created_at=signed - datetime.timedelta(days=1)
    )
    edit(pact, body="<p>Versi kedua.</p>")
    acceptance = record_paper_signature(
        event=event,
        user=siti,
        pact=pact,
        note="x",
        by=OrganiserFactory(),
        signed_at=signed,
    )
    assert acceptance.version.number == 1 and acceptance.accepted_at == signed


@pytest.mark.django_db
def test_a_paper_signature_in_the_future_is_refused(event, pact, siti):
    with pytest.raises(PactRefused, match="future"):
        record_paper_signature(
            event=event,
            user=siti,
            pact=pact,
            note="x",
            by=OrganiserFactory(),
            signed_at=timezone.now() + datetime.timedelta(days=1),
        )


# The report ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_report_splits_each_required_pact_into_accepted_and_not(
    home_page, pact, siti
):
    pledge = PactFactory(title="Ikrar Netralitas ASN", kind="pledge")
    budi = ParticipantFactory(full_name="Budi Santoso")
    event = event_requiring(home_page, pact, pledge, participants=[siti, budi])
    accept(event, siti, pact)
    record_paper_signature(
        event=event, user=budi, pact=pledge, note="x", by=OrganiserFactory()
    )
    outsider_event = event_requiring(home_page, pact, participants=[budi])
    accept(outsider_event, budi, pact)  # another event's acceptance does not count

    standings = {s.pact: s for s in collect_pact_standings(event=event)}
    assert [a.user for a in standings[pact].accepted] == [siti]
    assert standings[pact].not_accepted == [budi]
    assert [a.user for a in standings[pledge].accepted] == [budi]
    assert standings[pledge].not_accepted == [siti]
    assert standings[pact].total == 2


@pytest.mark.django_db
def test_the_report_costs_the_same_for_5_or_40_participants(
    home_page, pact, django_assert_max_num_queries
):
    pledge = PactFactory(kind="pledge")
    event = event_requiring(home_page, pact, pledge)

    def add_participants(count):
        for user in enrol_many(event, count):
            accept(event, user, pact)

    add_participants(5)
    with django_assert_max_num_queries(3):
        small = collect_pact_standings(event=event)
    add_participants(35)
    with django_assert_max_num_queries(3):
        large = collect_pact_standings(event=event)
    assert (len(small[0].accepted), len(large[0].accepted)) == (5, 40)


# Under real concurrency (PostgreSQL) -----------------------------------------
# SQLite serialises every write, so racing there proves nothing; these skip on
# it and say so. The race that SQLite can show is faked above with a monkeypatch.

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency needs row locks: run with DATABASE_URL=postgres://…",
)
# serialized_rollback: the flush after each test would take the migrations'
# data (root page, role groups) with it.
in_threads = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def race(action, times=4):
    """Runs ``action`` in ``times`` threads released together; returns results, errors."""
    barrier = threading.Barrier(times)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results, errors


@needs_postgresql
@in_threads
def test_concurrent_submits_make_one_acceptance(event, pact, siti):
    results, errors = race(lambda: accept(event, siti, pact))
    assert not errors
    assert len({acceptance.pk for acceptance in results}) == 1
    assert PactAcceptance.objects.count() == 1


@needs_postgresql
@in_threads
def test_concurrent_edits_number_their_versions_one_after_the_other(pact):
    def save_and_record():
        Pact.objects.filter(pk=pact.pk).update(
            body=f"<p>Teks {threading.get_ident()}.</p>"
        )
        return record_pact_version(pact=pact, by=None)

    results, errors = race(save_and_record)
    assert not errors
    numbers = sorted(pact.versions.values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1))
