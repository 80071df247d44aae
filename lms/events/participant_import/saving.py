"""Writing a checked participant list: accounts, the Peserta role, enrolments.

All or nothing (promise 9, docs/architecture.md): every row is written, or, when the
organiser explicitly chose to skip the rows with errors, every other row; a
refusal or a clash writes nothing. The writes are bulk queries so that a list
of thousands takes as long as a few dozen.
"""

import logging
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT
from lms.accounts.usernames import unique_usernames
from lms.core.audit import log_audit
from lms.events import audit
from lms.events.admin.access import can_run_events
from lms.events.models import Enrolment, EventPage
from lms.events.participant_import.messages import ImportFileError
from lms.events.participant_import.planning import (
    PROFILE_FIELDS,
    PlannedRow,
    RowStatus,
    plan_import,
)
from lms.events.participant_import.preview import (
    ImportPreview,
    ParticipantRow,
    RowResult,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did, for the result page and the login slips."""

    created: list[User]
    updated: list[User]
    unchanged: list[User]
    enrolled: int  # enrolments added to the event
    skipped: list[RowResult]  # rows with errors the organiser chose to skip


@transaction.atomic
def import_participants(
    *, event: EventPage, preview: ImportPreview, skip_invalid: bool, by: User
) -> ImportOutcome:
    """Creates or updates an account for each row and enrols it in ``event``.

    Raises ``ImportFileError`` and writes nothing when a row has an error and
    ``skip_invalid`` is False, or when another import or registration wrote
    the same phone at the same moment. New accounts get a username from the
    name and an unusable password: they can log in once a login slip gives
    them a one-time password. Accounts are matched by phone, so importing the
    same list again changes nothing.
    """
    if not can_run_events(by):
        raise PermissionDenied
    try:
        outcome = _write(event=event, preview=preview, skip_invalid=skip_invalid)
    except IntegrityError as clash:
        raise ImportFileError("import_conflict") from clash
    logger.info(
        "Participant import into event %s by user %s: %s created, %s updated, "
        "%s unchanged, %s enrolled, %s rows skipped",
        event.pk,
        by.pk,
        len(outcome.created),
        len(outcome.updated),
        len(outcome.unchanged),
        outcome.enrolled,
        len(outcome.skipped),
    )
    log_audit(
        event,
        audit.PARTICIPANT_IMPORT,
        by=by,
        created=len(outcome.created),
        updated=len(outcome.updated),
        enrolled=outcome.enrolled,
        skipped=len(outcome.skipped),
    )
    return outcome


@transaction.atomic
def _write(
    *, event: EventPage, preview: ImportPreview, skip_invalid: bool
) -> ImportOutcome:
    plan = plan_import(event=event, preview=preview, lock=True)
    rows = plan.rows_to_write(skip_invalid=skip_invalid)
    created = _create_accounts(
        [row.result.data for row in rows if row.status == RowStatus.NEW]
    )
    updated = _update_accounts([row for row in rows if row.status == RowStatus.UPDATE])
    unchanged = [row.account for row in rows if row.status == RowStatus.UNCHANGED]
    _add_to_participant_group([*created, *updated, *unchanged])
    not_enrolled = created + [
        row.account for row in rows if row.account and not row.enrolled
    ]
    Enrolment.objects.bulk_create(
        Enrolment(event=event, user=user, source=Enrolment.Source.IMPORT)
        for user in not_enrolled
    )
    skipped = [row.result for row in plan.rows if row.status == RowStatus.ERROR]
    return ImportOutcome(
        created=created,
        updated=updated,
        unchanged=unchanged,
        enrolled=len(not_enrolled),
        skipped=skipped,
    )


def _create_accounts(participants: list[ParticipantRow]) -> list[User]:
    usernames = unique_usernames([p.full_name for p in participants])
    accounts = []
    for participant, username in zip(participants, usernames, strict=True):
        account = User(
            username=username,
            phone=participant.phone,
            **{name: getattr(participant, name) for name in PROFILE_FIELDS},
        )
        account.set_unusable_password()
        # Uniqueness is the database's to enforce, in one go (a clash is
        # reported as import_conflict); the rest is checked row by row.
        account.full_clean(validate_unique=False, validate_constraints=False)
        accounts.append(account)
    return User.objects.bulk_create(accounts)


def _update_accounts(rows: list[PlannedRow]) -> list[User]:
    changed_fields: set[str] = set()
    for row in rows:
        for name, value in row.changes.items():
            setattr(row.account, name, value)
        changed_fields.update(row.changes)
        # Only the changed fields: an old account may break a rule added since.
        row.account.clean_fields(
            exclude=[f.name for f in User._meta.fields if f.name not in row.changes]
        )
    accounts = [row.account for row in rows]
    if accounts:
        User.objects.bulk_update(accounts, sorted(changed_fields))
    return accounts


def _add_to_participant_group(accounts: list[User]) -> None:
    group = Group.objects.get(name=PARTICIPANT)
    Membership = User.groups.through
    Membership.objects.bulk_create(
        [Membership(user_id=account.pk, group_id=group.pk) for account in accounts],
        ignore_conflicts=True,
    )
