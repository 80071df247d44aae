"""The audit log: each sensitive action writes one Wagtail log entry, by whom and
on what, and organisers read it in the admin's site history."""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811
import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.functional import Promise
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry, PageLogEntry

from lms.accounts import audit as account_audit
from lms.accounts import login_throttle
from lms.accounts.roles import SPEAKER
from lms.certificates import audit as certificate_audit
from lms.certificates.issuing import issue_certificate
from lms.certificates.models import Certificate
from lms.certificates.revoking import reissue_certificate, revoke_certificate
from lms.events import audit as event_audit
from lms.events.check_ins import check_in
from lms.events.models import CheckIn
from lms.events.pacts import record_paper_signature
from lms.events.participant_import import import_participants, parse_participants
from tests.factories import PactFactory, ParticipantFactory
from tests.lms.accounts.test_lockout_admin import edit_form, edit_url, lock
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    fake_render,
    post_test,
    qualify,
)
from tests.lms.events.attendance_setup import enrol_participants, make_event
from tests.lms.events.pact_setup import event_requiring

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

HISTORY = reverse("wagtailadmin_reports:site_history")
HEADER = ["Nama", "No HP", "Lembaga", "Jabatan", "RT", "RW", "Kecamatan", "Kelurahan"]
BUDI = ["Budi Santoso", "0812-3456-7890", "RT", "Ketua RT 005", "5", "2", "Sawah Besar", "Kartini"]  # fmt: skip


@pytest.fixture
def admin_client(client, organiser, home_page):
    client.force_login(organiser)
    return client


def only_entry(action, model=ModelLogEntry):
    entries = list(model.objects.filter(action=action))
    assert len(entries) == 1, entries
    return entries[0]


def assert_in_site_history(client, action, message):
    """An organiser filters the site history to ``action`` and reads ``message``."""
    response = client.get(HISTORY, {"action": action})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_every_action_has_a_translatable_label_and_message():
    tables = (account_audit.ACTIONS, event_audit.ACTIONS, certificate_audit.ACTIONS)
    for table in tables:
        for action, (label, message) in table.items():
            assert isinstance(label, Promise) and isinstance(message, Promise)
            assert registry.get_formatter(ModelLogEntry(action=action)).label == label


def test_an_issue_by_hand_is_logged_with_the_organiser(
    fake_render, event, post_test, organiser, admin_client
):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    certificate = issue_certificate(
        user=person, event=event, method=Certificate.Method.MANUAL, by=organiser
    )
    issue_certificate(user=person, event=event, method=Certificate.Method.AUTOMATIC)
    entry = only_entry(certificate_audit.ISSUE)  # issuing again issues nothing
    assert entry.user == organiser and entry.object_id == str(certificate.pk)
    assert entry.data["method"] == "manual"
    assert_in_site_history(
        admin_client,
        certificate_audit.ISSUE,
        f"Issued certificate {certificate.number}",
    )


def test_an_automatic_issue_is_logged_without_a_person(fake_render, event, post_test):
    person = ParticipantFactory()
    qualify(event, post_test, person)
    certificate = issue_certificate(
        user=person, event=event, method=Certificate.Method.AUTOMATIC
    )
    entry = only_entry(certificate_audit.ISSUE)
    assert entry.user is None and entry.object_id == str(certificate.pk)


def test_revoking_and_reissuing_are_logged(
    fake_render, event, post_test, organiser, admin_client
):
    first, second = ParticipantFactory(), ParticipantFactory()
    for person in (first, second):
        qualify(event, post_test, person)
    to_revoke = issue_certificate(user=first, event=event, method="automatic")
    to_replace = issue_certificate(user=second, event=event, method="automatic")
    revoke_certificate(
        certificate=to_revoke,
        by=organiser,
        public_reason=Certificate.PublicReason.ISSUED_IN_ERROR,
    )
    new = reissue_certificate(certificate=to_replace, by=organiser, reason="Typo")
    revoked = only_entry(certificate_audit.REVOKE)  # the re-issue's revoking is not
    assert revoked.user == organiser and revoked.object_id == str(to_revoke.pk)
    reissued = only_entry(certificate_audit.REISSUE)
    assert reissued.user == organiser and reissued.object_id == str(new.pk)
    assert_in_site_history(
        admin_client,
        certificate_audit.REVOKE,
        f"Revoked certificate {to_revoke.number}",
    )
    assert_in_site_history(
        admin_client,
        certificate_audit.REISSUE,
        f"Re-issued certificate {to_replace.number} as {new.number}",
    )


def test_a_manual_check_in_is_logged_and_a_scan_is_not(
    home_page, organiser, admin_client
):
    event = make_event(home_page)
    by_hand, scanned = enrol_participants(event, 2, full_name="Siti Aminah")
    record, _created = check_in(
        event=event,
        user=by_hand,
        method=CheckIn.Method.MANUAL,
        reason="HP mati",
        recorded_by=organiser,
    )
    check_in(event=event, user=by_hand, method=CheckIn.Method.MANUAL, reason="lagi")
    check_in(event=event, user=scanned, method=CheckIn.Method.QR)
    entry = only_entry(event_audit.MANUAL_CHECK_IN)
    assert entry.user == organiser and entry.object_id == str(record.pk)
    assert_in_site_history(
        admin_client, event_audit.MANUAL_CHECK_IN, "Checked in Siti Aminah by hand"
    )


def test_a_paper_pact_signature_is_logged(home_page, organiser, admin_client):
    pact = PactFactory(title="Pakta Integritas")
    siti = ParticipantFactory(full_name="Siti Aminah")
    event = event_requiring(home_page, pact, participants=[siti])
    acceptance = record_paper_signature(
        event=event, user=siti, pact=pact, note="Map kuning", by=organiser
    )
    entry = only_entry(event_audit.PAPER_PACT)
    assert entry.user == organiser and entry.object_id == str(acceptance.pk)
    assert_in_site_history(
        admin_client,
        event_audit.PAPER_PACT,
        "paper signature of Pakta Integritas: Map kuning",
    )


def test_a_participant_import_is_logged_on_the_event(
    home_page, organiser, admin_client
):
    event = make_event(home_page)
    import_participants(
        event=event,
        preview=parse_participants([HEADER, BUDI]),
        skip_invalid=False,
        by=organiser,
    )
    entry = only_entry(event_audit.PARTICIPANT_IMPORT, PageLogEntry)
    assert entry.user == organiser and entry.page_id == event.pk
    assert entry.data["created"] == 1 and entry.data["enrolled"] == 1
    assert_in_site_history(
        admin_client,
        event_audit.PARTICIPANT_IMPORT,
        "Imported participants: 1 new accounts",
    )


def test_a_role_given_in_the_user_admin_is_logged(organiser, admin_client):
    siti = ParticipantFactory()
    speakers = Group.objects.get(name=SPEAKER)
    groups = [*siti.groups.values_list("pk", flat=True), speakers.pk]
    response = admin_client.post(edit_url(siti), edit_form(siti, groups=groups))
    assert response.status_code == 302
    entry = only_entry(account_audit.ROLES_GIVEN)
    assert entry.user == organiser and entry.object_id == str(siti.pk)
    assert not ModelLogEntry.objects.filter(action=account_audit.ROLES_TAKEN).exists()
    assert_in_site_history(
        admin_client, account_audit.ROLES_GIVEN, f"Gave the role {SPEAKER}"
    )


def test_a_sign_up_outside_the_admin_logs_no_role_change():
    ParticipantFactory().groups.add(Group.objects.get(name=SPEAKER))
    assert not ModelLogEntry.objects.filter(action=account_audit.ROLES_GIVEN).exists()


def test_the_wrong_password_that_locks_an_account_is_logged_once(
    password, admin_client
):
    siti = ParticipantFactory()
    for _ in range(login_throttle.MAX_FAILURES + 2):
        assert authenticate(username=siti.username, password="salah") is None
    entry = only_entry(account_audit.LOCKED)
    assert entry.user is None and entry.object_id == str(siti.pk)
    assert_in_site_history(
        admin_client, account_audit.LOCKED, "Login locked for 15 minutes"
    )


def test_an_organiser_unlocking_an_account_is_logged(organiser, admin_client):
    siti = ParticipantFactory()
    lock(siti)
    admin_client.post(edit_url(siti), edit_form(siti, unlock_login="on"))
    new = "kata-sandi-baru-2024"
    admin_client.post(edit_url(siti), edit_form(siti, password1=new, password2=new))
    entry = only_entry(account_audit.UNLOCKED)  # the new password lifted nothing
    assert entry.user == organiser and entry.object_id == str(siti.pk)
    assert_in_site_history(admin_client, account_audit.UNLOCKED, "Unlocked the login")
