"""Writing a checked participant list: accounts, the Peserta role, enrolments.

All or nothing, idempotent on the phone number, and never a hand on a staff,
speaker or organiser account.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.utils import translation

from lms.accounts.models import User
from lms.accounts.phone import normalize_phone
from lms.accounts.roles import PARTICIPANT
from lms.events.models import Enrolment
from lms.events.participant_import import (
    ImportFileError,
    RowStatus,
    import_participants,
    parse_participants,
    plan_import,
)
from lms.events.participant_import import saving as saving_module
from tests.factories import (
    EnrolmentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    OrganiserFactory,
    ParticipantFactory,
    SpeakerFactory,
    UserFactory,
)

HEADER = ["Nama", "No HP", "Lembaga", "Jabatan", "RT", "RW", "Kecamatan", "Kelurahan"]
BUDI = ["Budi Santoso", "0812-3456-7890", "RT", "Ketua RT 005", "5", "2", "Sawah Besar", "Kartini"]  # fmt: skip
ANI = ["Ani Lestari", "0813-1111-2222", "PKK", "Ketua PKK", "1", "3", "Gambir", "Cideng"]  # fmt: skip


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page))


def preview_of(*rows):
    return parse_participants([HEADER, *rows])


def run(event, organiser, *rows, skip_invalid=False):
    return import_participants(
        event=event, preview=preview_of(*rows), skip_invalid=skip_invalid, by=organiser
    )


def snapshot():
    """Every account and enrolment as plain values, to show nothing changed."""
    users = list(
        User.objects.order_by("pk").values(
            "pk", "username", "password", "full_name", "phone", "institution_type",
            "position", "rt", "rw", "kecamatan", "kelurahan", "is_active",
        )
    )  # fmt: skip
    enrolments = list(
        Enrolment.objects.order_by("pk").values("event", "user", "source")
    )
    memberships = list(
        User.groups.through.objects.order_by("pk").values("user", "group")
    )
    return users, enrolments, memberships


def test_new_rows_become_enrolled_participants_who_cannot_log_in_yet(event, organiser):
    outcome = run(event, organiser, BUDI, ANI)

    assert [u.full_name for u in outcome.created] == ["Budi Santoso", "Ani Lestari"]
    assert (outcome.updated, outcome.unchanged, outcome.enrolled) == ([], [], 2)
    budi = User.objects.get(phone="+6281234567890")
    assert (budi.username, budi.institution_type, budi.position) == (
        "budi.santoso",
        "rt",
        "Ketua RT 005",
    )
    assert (budi.rt, budi.rw, budi.kecamatan, budi.kelurahan) == (
        "005",
        "002",
        "sawah_besar",
        "Kartini",
    )
    assert not budi.has_usable_password()
    assert not budi.must_change_password  # set when a slip gives a password
    assert list(budi.groups.values_list("name", flat=True)) == [PARTICIPANT]
    enrolment = Enrolment.objects.get(event=event, user=budi)
    assert enrolment.source == Enrolment.Source.IMPORT


def test_usernames_are_readable_unique_and_never_a_phone_number(event, organiser):
    UserFactory(username="siti.aminah", phone="+6281900000001")
    rows = [
        ["Siti Aminah", "081234567801"],
        ["Siti Aminah", "081234567802"],
        ["0812 3456 7803", "081234567803"],  # a phone typed in the name column
        ["Hj. Nur'aini, S.Pd.", "081234567804"],
    ]
    outcome = run(event, organiser, *rows)

    usernames = [user.username for user in outcome.created]
    assert usernames[:2] == ["siti.aminah2", "siti.aminah3"]
    assert usernames[3] == "hj.nuraini.s.pd"
    assert all(normalize_phone(name) is None for name in usernames)
    assert len(set(usernames)) == 4


def test_importing_the_same_list_twice_changes_nothing_the_second_time(
    event, organiser
):
    run(event, organiser, BUDI, ANI)
    before = snapshot()

    outcome = run(event, organiser, BUDI, ANI)

    assert snapshot() == before
    assert (outcome.created, outcome.updated, outcome.enrolled) == ([], [], 0)
    assert len(outcome.unchanged) == 2


def test_a_reimport_updates_by_phone_instead_of_duplicating(event, organiser):
    run(event, organiser, BUDI)
    budi = User.objects.get(phone="+6281234567890")
    renamed = ["Budi Santoso, S.E.", "+62 812 3456 7890", "RW", "Ketua RW 002", "", "", "Gambir", ""]  # fmt: skip

    outcome = run(event, organiser, renamed)

    assert [u.pk for u in outcome.updated] == [budi.pk]
    budi.refresh_from_db()
    assert (budi.full_name, budi.institution_type, budi.position) == (
        "Budi Santoso, S.E.",
        "rw",
        "Ketua RW 002",
    )
    # Blank cells keep what the account holds; a new kecamatan drops a
    # kelurahan that is not in it.
    assert (budi.rt, budi.rw) == ("005", "002")
    assert (budi.kecamatan, budi.kelurahan) == ("gambir", "")
    assert budi.username == "budi.santoso"  # the login does not change
    assert User.objects.filter(phone="+6281234567890").count() == 1
    assert Enrolment.objects.filter(user=budi).count() == 1


def test_a_participant_from_another_event_is_enrolled_here_too(
    event, organiser, home_page
):
    earlier = EnrolmentFactory(
        event=EventPageFactory(parent=event.get_parent()),
        user=ParticipantFactory(phone="+6281234567890", full_name="Budi Santoso"),
    ).user

    outcome = run(event, organiser, BUDI)

    assert outcome.enrolled == 1
    assert earlier.enrolments.count() == 2
    assert not outcome.created


def test_rows_with_errors_refuse_the_whole_import_and_change_nothing(event, organiser):
    run(event, organiser, ANI)
    before = snapshot()

    with pytest.raises(ImportFileError) as refused:
        run(event, organiser, BUDI, ["Tanpa Nomor", ""], ["Ani Lestari, S.H.", ANI[1]])

    assert refused.value.code == "rows_have_errors"
    assert refused.value.message.startswith("Rows with errors: 1.")
    assert snapshot() == before


def test_skipping_explicitly_imports_the_rest_and_reports_what_was_skipped(
    event, organiser
):
    outcome = run(event, organiser, BUDI, ["Tanpa Nomor", ""], ANI, skip_invalid=True)

    assert [u.full_name for u in outcome.created] == ["Budi Santoso", "Ani Lestari"]
    assert [row.line for row in outcome.skipped] == [3]
    assert outcome.skipped[0].errors[0].message == "Row 3: the phone number is empty."


@pytest.fixture
def staff_accounts(db):
    """One account of every kind an import must never touch, by phone."""
    with_permission = UserFactory(phone="+6281200000005")
    with_permission.user_permissions.add(Permission.objects.get(codename="add_user"))
    return [
        OrganiserFactory(phone="+6281200000001"),
        SpeakerFactory(phone="+6281200000002"),
        UserFactory(phone="+6281200000003", is_staff=True),
        UserFactory(phone="+6281200000004", is_superuser=True),
        with_permission,
    ]


def test_a_phone_of_a_staff_speaker_or_organiser_account_is_a_row_error(
    event, organiser, staff_accounts
):
    rows = [
        [f"Penyusup {n}", account.phone] for n, account in enumerate(staff_accounts)
    ]
    before = snapshot()

    plan = plan_import(event=event, preview=preview_of(*rows, BUDI))
    assert [row.status for row in plan.rows] == [RowStatus.ERROR] * 5 + [RowStatus.NEW]
    assert plan.rows[0].result.errors[0].message == (
        "Row 2: phone '+6281200000001' belongs to a staff, speaker or organiser "
        "account, which an import never changes. Remove the row or correct the number."
    )
    with pytest.raises(ImportFileError):
        run(event, organiser, *rows, BUDI)
    assert snapshot() == before

    outcome = run(event, organiser, *rows, BUDI, skip_invalid=True)
    assert [u.full_name for u in outcome.created] == ["Budi Santoso"]
    assert len(outcome.skipped) == 5
    assert snapshot()[0][: len(before[0])] == before[0]  # staff accounts untouched
    assert not Enrolment.objects.filter(user__in=staff_accounts).exists()


def test_a_deactivated_participant_is_a_row_error(event, organiser):
    ParticipantFactory(phone="+6281234567890", is_active=False)
    plan = plan_import(event=event, preview=preview_of(BUDI))
    assert plan.rows[0].status == RowStatus.ERROR
    assert "deactivated account" in plan.rows[0].result.errors[0].message


def test_an_existing_participant_outside_the_role_group_is_put_in_it(event, organiser):
    plain = UserFactory(phone="+6281234567890")  # e.g. made by hand, no group
    run(event, organiser, BUDI)
    assert list(plain.groups.values_list("name", flat=True)) == [PARTICIPANT]


def test_only_organisers_may_import(event, participant, speaker):
    for user in (participant, speaker):
        with pytest.raises(PermissionDenied):
            run(event, user, BUDI)
    assert not User.objects.filter(phone="+6281234567890").exists()


def test_a_phone_taken_at_the_same_moment_is_a_clear_error_and_nothing_is_written(
    event, organiser, monkeypatch
):
    real_plan = saving_module.plan_import

    def plan_then_someone_registers(**kwargs):
        plan = real_plan(**kwargs)
        UserFactory(phone="+6281311112222")  # Ani's phone, after planning
        return plan

    monkeypatch.setattr(saving_module, "plan_import", plan_then_someone_registers)
    users_before = User.objects.count()

    with pytest.raises(ImportFileError) as refused:
        run(event, organiser, BUDI, ANI)

    assert refused.value.code == "import_conflict"
    assert User.objects.count() == users_before
    assert not Enrolment.objects.exists()


def rows_for(count):
    return [[f"Peserta Nomor {n}", f"08120000{n:04d}", "RT", "", str(n % 9 + 1)] for n in range(count)]  # fmt: skip


@pytest.mark.parametrize("count", [3, 40])
def test_import_queries_do_not_grow_with_the_number_of_rows(
    event, organiser, django_assert_max_num_queries, count
):
    existing = rows_for(count)[: count // 2]
    run(event, organiser, *existing)  # half of them exist: updates and new ones
    changed = [[name + " Baru", *rest] for name, *rest in existing]
    rows = changed + rows_for(count)[count // 2 :]
    preview = preview_of(*rows)

    with django_assert_max_num_queries(1):  # one query for the whole file
        plan_import(event=event, preview=preview)
    # 11, and 4 for the audit log's entry (Wagtail checks its three foreign keys
    # before inserting it): a fixed cost, not one per row.
    with django_assert_max_num_queries(15):
        outcome = import_participants(
            event=event, preview=preview, skip_invalid=False, by=organiser
        )
    assert len(outcome.created) + len(outcome.updated) == count


def test_ten_thousand_rows_are_imported_in_one_go(event, organiser):
    rows = [[f"Peserta {n}", f"0857{n:08d}"] for n in range(10_000)]
    outcome = run(event, organiser, *rows)
    assert len(outcome.created) == 10_000
    assert Enrolment.objects.filter(event=event).count() == 10_000
    group = Group.objects.get(name=PARTICIPANT)
    assert group.user_set.count() == 10_000
