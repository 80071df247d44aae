"""Login slips: a one-time password on paper, for participants an organiser imported.

Imported participants never chose a password, and many have no email to reset
one. At the event the organiser prints slips (eight to an A4 page, cut apart)
with each participant's username and a fresh one-time password; the first
login with it forces them to choose their own (``lms.core.middleware``).

Printing replaces passwords, so slips printed earlier stop working, and the
participant's other sessions end (Django ties sessions to the password). It
refuses any account that is not a participant's, so a slip can never reset an
organiser's or an administrator's password.
"""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import User
from lms.accounts.participant_accounts import with_protection
from lms.core.pdf import render_pdf
from lms.core.qr import qr_svg_data_uri
from lms.events.admin.access import can_run_events
from lms.events.models import EventPage

# Lower-case letters only (no switching keyboards on a phone), without i, l and
# o, which read as 1, I and 0 on paper.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz"
PASSWORD_LENGTH = 8  # 23**8: about 36 bits; login locks out after a few misses
SLIPS_PER_PAGE = 8
# Where PBKDF2 is the first hasher, its cost (a million rounds) protects
# passwords people choose; a random one-time password needs far less, and a
# hall's worth of slips must print within one request. Django raises the cost
# at the first login (the hasher's must_update), and the participant then
# chooses a new password. Argon2, the default (lms.accounts.auth_backends), costs about
# as much as these 100,000 rounds already, so slips use it as it is.
ONE_TIME_PBKDF2_ITERATIONS = 100_000


class SlipsRefused(Exception):
    """The slips cannot be printed; ``message`` tells the organiser why."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class LoginSlip:
    full_name: str
    username: str
    password: str


def new_one_time_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def login_url() -> str:
    """The public login page, as printed and encoded in the slip's QR code."""
    return settings.SITE_URL + reverse("login")


def never_logged_in(event: EventPage) -> QuerySet[User]:
    """The event's participants who have never logged in: those who need a slip."""
    return with_protection(
        User.objects.filter(enrolments__event=event, last_login__isnull=True)
    ).filter(is_protected=False)


def imported_accounts(event: EventPage, ids: Iterable[int]) -> QuerySet[User]:
    """The accounts an import created (``ids``) that are still the event's participants."""
    return with_protection(
        User.objects.filter(pk__in=list(ids), enrolments__event=event)
    ).filter(is_protected=False)


@transaction.atomic
def issue_login_slips(*, users: Iterable[User], event: EventPage, by: User) -> bytes:
    """Gives each of ``users`` a new one-time password and returns their slips as a PDF.

    Every account must be a participant's enrolled in ``event``; otherwise
    nothing changes and ``SlipsRefused`` says which accounts are wrong.
    Sorted by name, so the organiser hands slips out in list order.
    """
    if not can_run_events(by):
        raise PermissionDenied
    ids = {user.pk for user in users}
    if not ids:
        raise SlipsRefused(_("There is nobody to print a login slip for."))
    accounts = list(
        with_protection(User.objects.filter(pk__in=ids, enrolments__event=event))
        .select_for_update()
        .order_by("full_name", "pk")
    )
    _refuse_wrong_accounts(accounts, ids)
    slips = []
    for account in accounts:
        password = new_one_time_password()
        account.password = _hash_one_time(password)
        account.must_change_password = True
        slips.append(LoginSlip(account.full_name, account.username, password))
    User.objects.bulk_update(accounts, ["password", "must_change_password"])
    url = login_url()
    pages = [
        slips[start : start + SLIPS_PER_PAGE]
        for start in range(0, len(slips), SLIPS_PER_PAGE)
    ]
    # Participants read the slips: in their default language, whatever
    # language the organiser reads the admin in.
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf(
            "lms/pdf/login_slips.html",
            {
                "event": event,
                "pages": pages,
                "login_url": url,
                "qr": qr_svg_data_uri(url),
            },
        )


def _refuse_wrong_accounts(accounts: list[User], ids: set[int]) -> None:
    protected = [account for account in accounts if account.is_protected]
    if protected:
        names = ", ".join(account.username for account in protected)
        raise SlipsRefused(
            _(
                "Login slips are only for participants. These accounts belong to "
                "staff, speakers or organisers: %(names)s."
            )
            % {"names": names}
        )
    if len(accounts) != len(ids):
        raise SlipsRefused(
            _("Accounts not enrolled in this event: %(count)s. Nothing was printed.")
            % {"count": len(ids) - len(accounts)}
        )


def _hash_one_time(password: str) -> str:
    hasher = get_hasher()
    if isinstance(hasher, PBKDF2PasswordHasher):
        return hasher.encode(
            password, hasher.salt(), iterations=ONE_TIME_PBKDF2_ITERATIONS
        )
    return hasher.encode(password, hasher.salt())
