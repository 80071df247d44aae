"""Self-registration: a participant with the event code makes an account and is enrolled.

The short form asks what a certificate and the accountability report need (name,
phone, institution, position, RT/RW, kelurahan) and a password, so the
participant can come back from any phone by logging in with their number.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.accounts.roles import PARTICIPANT
from lms.accounts.usernames import unique_usernames
from lms.core.reference import KELURAHAN_BY_KECAMATAN
from lms.events.enrolment import EnrolmentRefused, enrol
from lms.events.models import Enrolment, EventPage

# Worded for the person who owns the number, without confirming to anyone else
# that it has an account (docs/events.md, "A phone number is one person").
PHONE_TAKEN = _(
    "If this phone number already has an account, log in with it to join the "
    "event. Forgotten the password? Reset it, or ask the organiser "
    "(penyelenggara)."
)

# Two people of the same name registering in the same instant both get offered
# the same free username; the loser simply takes the next one.
USERNAME_TRIES = 3


class PhoneTaken(EnrolmentRefused):
    """The phone number typed already belongs to an account."""

    def __init__(self):
        super().__init__(PHONE_TAKEN)


@dataclass(frozen=True, kw_only=True)
class Registration:
    """What a participant typed on the registration form, already validated."""

    full_name: str
    phone: str
    institution_type: str
    position: str
    rt: str
    rw: str
    kelurahan: str
    password: str


def kecamatan_of(kelurahan: str) -> str:
    """The kecamatan a kelurahan belongs to ("" if unknown)."""
    for kecamatan, names in KELURAHAN_BY_KECAMATAN.items():
        if kelurahan in names:
            return kecamatan
    return ""


@transaction.atomic
def register_participant(*, event: EventPage, registration: Registration) -> User:
    """Creates the participant's account, in the Peserta role, enrolled in ``event``.

    A phone number that already has an account raises :class:`PhoneTaken` (the
    form tells them to log in instead): an account is never taken over by
    typing its number. Uniqueness is left to the database, so two submits of
    the same form at once (a double tap) make one account, not a crash.
    """
    user = User(
        full_name=registration.full_name,
        phone=registration.phone,
        institution_type=registration.institution_type,
        position=registration.position,
        rt=registration.rt,
        rw=registration.rw,
        kelurahan=registration.kelurahan,
        kecamatan=kecamatan_of(registration.kelurahan),
    )
    user.set_password(registration.password)
    for _try in range(USERNAME_TRIES):
        (user.username,) = unique_usernames([registration.full_name])
        user.full_clean(validate_unique=False)
        try:
            with transaction.atomic():
                user.save()
            break
        except IntegrityError as clash:
            if User.objects.filter(phone=user.phone).exists():
                raise PhoneTaken() from clash
    else:
        raise EnrolmentRefused(_("Something clashed. Please send the form again."))
    user.groups.add(Group.objects.get(name=PARTICIPANT))
    enrol(event=event, user=user, source=Enrolment.Source.CODE)
    return user
