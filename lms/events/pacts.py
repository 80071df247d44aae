"""The integrity pact and the pledge: their versions, accepting them, and who has.

The words someone agreed to must never move under them. Every saved change to a
pact's title or text becomes a new numbered :class:`PactVersion`, and an
acceptance points at the version that was on the participant's screen: if the
text changed while they were reading, they are shown the new one and asked
again. Acceptances are only ever added here, never changed or deleted
(promise 6, docs/architecture.md); an organiser records a paper signature as an acceptance of its own.
"""

import datetime
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.core.audit import log_audit
from lms.core.sanitize import clean_rich_text
from lms.events import audit
from lms.events.models import Enrolment, EventPage, Pact, PactAcceptance, PactVersion
from lms.events.signals import event_step_done

NOTE_MAX_LENGTH = PactAcceptance._meta.get_field("note").max_length
NOTE_REQUIRED = _("Write a note, e.g. where the signed paper is kept.")
AGREEMENT_REQUIRED = _("Tick the box to say that you have read and agree.")
NAME_REQUIRED = _("Type your full name.")


class PactRefused(Exception):
    """An acceptance the rules do not allow: messages per form field (None: the form)."""

    def __init__(self, errors: dict[str | None, str]):
        super().__init__(" ".join(str(message) for message in errors.values()))
        self.errors = errors


class PactTextChanged(PactRefused):
    """The pact was edited while the participant read it; ``version`` is the new text."""

    def __init__(self, version: PactVersion):
        super().__init__(
            {
                None: _(
                    "The text changed while you were reading it. Read the new "
                    "version below, then accept it again."
                )
            }
        )
        self.version = version


@dataclass(frozen=True)
class ParticipantPact:
    """What a participant's pact page shows: the current text, or what they accepted."""

    event: EventPage
    pact: Pact
    version: PactVersion
    acceptance: PactAcceptance | None


@dataclass(frozen=True)
class PactStanding:
    """One required pact of an event: who has accepted it and who has not."""

    pact: Pact
    accepted: list[PactAcceptance]
    not_accepted: list[User]

    @property
    def total(self) -> int:
        return len(self.accepted) + len(self.not_accepted)


def normalise_name(name: str) -> str:
    """A name as compared for a typed signature: case, accents, punctuation and
    spacing ignored.

    "Siti  Nurhaliza", "SITI NURHALIZA" and "Sití Nurhalíza" are one name, and so
    are "dr. Simon Prasasta, S.Pt" and "dr Simon Prasasta SPt": the participant
    should not fail to sign because their phone capitalised a word, typed a
    curly apostrophe, or because they left out the dots of a title.
    """
    decomposed = unicodedata.normalize("NFKD", name or "")
    kept = "".join(
        c
        for c in decomposed
        if not unicodedata.combining(c) and not unicodedata.category(c).startswith("P")
    )
    return " ".join(kept.casefold().split())


def clean_version_text(version: PactVersion) -> str:
    """The version's rich text, cleaned again on the way out.

    ``record_pact_version`` stores text that was cleaned on its way into the
    pact, but a version may have been written some other way (a script, a
    fixture); what reaches a page goes through the allow-list regardless.
    """
    return clean_rich_text(version.body)


def _latest_version(pact: Pact) -> PactVersion | None:
    return pact.versions.order_by("-number").first()


def _same_text(version: PactVersion | None, pact: Pact) -> bool:
    return (
        version is not None
        and version.title == pact.title
        and version.body == pact.body
    )


@transaction.atomic
def record_pact_version(*, pact: Pact, by: User | None) -> PactVersion | None:
    """A new numbered version if the pact's title or text differs from the latest.

    Called after the pact is created or edited in the admin. The pact is read
    back from the database, both to get the text as stored (cleaned) rather than
    as typed, and to lock its row: two saves at once are then numbered one after
    the other instead of both claiming the same number. Returns None when the
    text did not change, so saving without edits makes no version.
    """
    pact = Pact.objects.select_for_update().get(pk=pact.pk)
    latest = _latest_version(pact)
    if _same_text(latest, pact):
        return None
    return PactVersion.objects.create(
        pact=pact,
        number=latest.number + 1 if latest else 1,
        title=pact.title,
        body=pact.body,
        created_by=by,
    )


def _current_version(*, pact: Pact) -> PactVersion:
    """The latest version of ``pact`` (as loaded from the database), recording one if
    the stored text has none yet.

    The admin records a version after each save; this catches a text changed
    some other way (the shell, a crash between the save and the hook), so a
    participant is never asked to accept words that are not kept as a version.
    """
    latest = _latest_version(pact)
    if _same_text(latest, pact):
        return latest
    return record_pact_version(pact=pact, by=None) or _latest_version(pact)


def _refuse_unless_required_and_enrolled(
    *, event: EventPage, user: User, pact: Pact
) -> None:
    if not event.pacts.filter(pk=pact.pk).exists():
        raise PactRefused({None: _("This event does not ask for this text.")})
    if not Enrolment.objects.filter(event=event, user=user).exists():
        raise PactRefused(
            {None: _("Only participants enrolled in this event can accept its texts.")}
        )


def _existing(*, event: EventPage, user: User, pact: Pact) -> PactAcceptance | None:
    return (
        PactAcceptance.objects.filter(event=event, user=user, pact=pact)
        .select_related("version")
        .first()
    )


def signature_errors(*, user: User, agreed: bool, typed_name: str) -> dict:
    """Everything wrong with the ticked box and the typed name, all at once.

    A wrong name is reported without saying what the account holds: the page
    must not hand anyone's full name to whoever is holding the phone.
    """
    errors = {}
    if not agreed:
        errors["agreed"] = AGREEMENT_REQUIRED
    typed = normalise_name(typed_name)
    if not typed:
        errors["typed_name"] = NAME_REQUIRED
    elif typed != normalise_name(user.full_name):
        errors["typed_name"] = _(
            "This is not the full name on your account. Type it as it is written "
            "there; capital letters, accents and dots do not matter. If the name on "
            "your account is wrong, ask the organiser."
        )
    return errors


@transaction.atomic
def accept_pact(
    *,
    event: EventPage,
    user: User,
    pact: Pact,
    version_id: int,
    typed_name: str,
    agreed: bool,
    now: datetime.datetime | None = None,
) -> PactAcceptance:
    """Records that ``user`` read and accepted, for ``event``, the exact words of
    version ``version_id`` of ``pact``.

    Only for an enrolled participant of an event that requires the pact, who
    ticked the box and typed their own full name, and only for the latest
    version: a text edited while they read raises :class:`PactTextChanged` with
    the new version. Accepting again (a double tap, a second tab, a replayed
    request) returns the acceptance already made; the database's one-per-pact
    constraint settles two submits that arrive together.
    """
    _refuse_unless_required_and_enrolled(event=event, user=user, pact=pact)
    if existing := _existing(event=event, user=user, pact=pact):
        return existing
    version = _current_version(pact=pact)
    if version.pk != version_id:
        raise PactTextChanged(version)
    if errors := signature_errors(user=user, agreed=agreed, typed_name=typed_name):
        raise PactRefused(errors)
    try:
        with transaction.atomic():
            acceptance = PactAcceptance.objects.create(
                event=event,
                user=user,
                pact=pact,
                version=version,
                accepted_at=now or timezone.now(),
                typed_name=" ".join(unicodedata.normalize("NFC", typed_name).split()),
                method=PactAcceptance.Method.ONLINE,
            )
    except IntegrityError:  # the same participant's other submit got there first
        return _existing(event=event, user=user, pact=pact)
    event_step_done.send(sender=PactAcceptance, event_id=event.pk, user_id=user.pk)
    return acceptance


@transaction.atomic
def record_paper_signature(
    *,
    event: EventPage,
    user: User,
    pact: Pact,
    note: str,
    by: User,
    signed_at: datetime.datetime | None = None,
) -> PactAcceptance:
    """Records, on a participant's behalf, that they signed ``pact`` on paper.

    For the participant without a phone, or whose name on the account is wrong:
    the organiser keeps the signed sheet and says so in the note, which is
    therefore required. The version recorded is the one in force when the paper
    was signed. Someone who has already accepted is refused, so a second click
    cannot overwrite, or add to, what is on record.
    """
    _refuse_unless_required_and_enrolled(event=event, user=user, pact=pact)
    note = " ".join((note or "").split())
    if not note:
        raise PactRefused({"note": NOTE_REQUIRED})
    if len(note) > NOTE_MAX_LENGTH:
        raise PactRefused(
            {
                "note": _("Keep the note to %(limit)s characters or fewer.")
                % {"limit": NOTE_MAX_LENGTH}
            }
        )
    if existing := _existing(event=event, user=user, pact=pact):
        raise PactRefused({"user": _already_accepted(user, existing)})
    _current_version(pact=pact)
    now = timezone.now()
    signed_at = signed_at or now
    if signed_at > now:
        raise PactRefused({None: _("The signing time cannot be in the future.")})
    version = (
        pact.versions.filter(created_at__lte=signed_at).order_by("-number").first()
    )
    if version is None:
        raise PactRefused({None: _("This text did not exist yet at that time.")})
    try:
        with transaction.atomic():
            acceptance = PactAcceptance.objects.create(
                event=event,
                user=user,
                pact=pact,
                version=version,
                accepted_at=signed_at,
                method=PactAcceptance.Method.PAPER,
                recorded_by=by,
                note=note,
            )
    except IntegrityError:  # accepted online, or recorded by someone else, just now
        existing = _existing(event=event, user=user, pact=pact)
        raise PactRefused({"user": _already_accepted(user, existing)}) from None
    log_audit(
        acceptance,
        audit.PAPER_PACT,
        by=by,
        title=f"{user} · {pact}",
        participant=str(user),
        pact=str(pact),
        note=note,
    )
    event_step_done.send(sender=PactAcceptance, event_id=event.pk, user_id=user.pk)
    return acceptance


def _already_accepted(user: User, acceptance: PactAcceptance) -> str:
    return _(
        "%(name)s has already accepted this text (%(when)s). Nothing was recorded."
    ) % {
        "name": user.full_name,
        "when": formats.date_format(
            timezone.localtime(acceptance.accepted_at), "DATETIME_FORMAT"
        ),
    }


def find_participant_pact(
    *, event_id: int, pact_id: int, user
) -> ParticipantPact | None:
    """The pact page of ``user`` for one event, or None if it is not theirs to see.

    None covers an unknown event, an event they are not enrolled in, and a pact
    the event does not require (including another event's pact), so a page can
    answer all of them the same way without telling which.
    """
    if not user.is_authenticated:
        return None
    event = EventPage.objects.filter(pk=event_id, enrolments__user=user).first()
    if event is None:
        return None
    pact = event.pacts.filter(pk=pact_id).first()
    if pact is None:
        return None
    acceptance = _existing(event=event, user=user, pact=pact)
    version = acceptance.version if acceptance else _current_version(pact=pact)
    return ParticipantPact(event, pact, version, acceptance)


def collect_pact_standings(*, event: EventPage) -> list[PactStanding]:
    """For each pact ``event`` requires, its enrolled participants who have and have
    not accepted it.

    Three queries whatever the number of participants: the pacts, the
    participants, and the acceptances with their versions and recorders.
    """
    pacts = list(event.pacts.all())
    participants = list(
        User.objects.filter(enrolments__event=event)
        .order_by("full_name", "pk")
        .only("pk", "username", "full_name")
    )
    by_id = {participant.pk: participant for participant in participants}
    accepted = {pact.pk: {} for pact in pacts}
    for acceptance in PactAcceptance.objects.filter(
        event=event, pact__in=pacts, user__enrolments__event=event
    ).select_related("version", "recorded_by"):
        acceptance.user = by_id[acceptance.user_id]
        accepted[acceptance.pact_id][acceptance.user_id] = acceptance
    return [
        PactStanding(
            pact=pact,
            accepted=[
                accepted[pact.pk][p.pk]
                for p in participants
                if p.pk in accepted[pact.pk]
            ],
            not_accepted=[p for p in participants if p.pk not in accepted[pact.pk]],
        )
        for pact in pacts
    ]
