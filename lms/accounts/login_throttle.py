"""Stops password guessing: per account, and per client address across accounts.

**Per account.** Ten wrong passwords lock an account for 15 minutes, whatever
the person typed to name it: its username and its phone number in any
spelling are one count, because the login is resolved to the account first.
A login that matches no account is counted under its normalised form with the
same limit, so probing for accounts costs as much as guessing, and the
answers look alike. The guess is reserved before the slow password check
(``attempt_limits.take``), so parallel guesses never evaluate more than ten;
the right password clears the count.

**Per address.** One client address (``lms.core.client_address``: the real
client behind nginx) may fail 100 logins in 15 minutes across all accounts,
so one machine cannot sweep many accounts or lock them all. Not fewer: a
whole hall can share one public address on its Wi-Fi, and a few hundred
participants mistyping now and then must not stop the event. A successful
login gives its reservation back, so only failures count.

A locked account is opened again by its owner resetting the password
(``lms.accounts.views``) or by an organiser in the user admin
(``lms.accounts.admin_users``), which also lists current lockouts. Both the
locking and an organiser's unlocking go into the audit log (docs/security.md).

Why not django-axes (8.x): it checks the lock before authenticating and
records the failure afterwards, from the ``user_login_failed`` signal, so a
burst of parallel guesses all pass the check before any of them is counted,
which is the race these counts exist to close; and it counts what was typed,
so an account's username and phone number would be two counts.
``tests/lms/accounts/test_login_concurrency.py`` shows the limit holding.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import DateTimeField, ExpressionWrapper, OuterRef, Subquery
from django.utils import timezone

from lms.accounts import audit
from lms.accounts.attempt_limits import Limit, digest, give_back, seconds_to_wait, take
from lms.accounts.models import AttemptCounter, User
from lms.accounts.phone import normalize_phone
from lms.core.audit import log_audit

MAX_FAILURES = 10
LOCKOUT = timedelta(minutes=15)
ACCOUNT = Limit("login-account", MAX_FAILURES, LOCKOUT)
UNKNOWN_LOGIN = Limit("login-unknown", MAX_FAILURES, LOCKOUT)
ADDRESS = Limit("login-address", 100, LOCKOUT)


@dataclass(frozen=True)
class Refusal:
    """Why a login is not even tried, and for how long."""

    reason: str  # "account" or "address"
    seconds: int


def find_account(login: str) -> User | None:
    """The account a login names (by phone in any spelling, or by username)."""
    try:
        return User._default_manager.get_by_login(login.strip())
    except User.DoesNotExist:
        return None


def reserve_guess(*, user: User | None, login: str, address: str) -> bool:
    """Counts one password check before it runs; False if it may not run.

    ``address`` may be empty (a login without a request, such as from code):
    then only the account's limit applies.
    """
    if address and not take(ADDRESS, digest(address)):
        return False
    return take(*_account_limit(user, login), user=user)


def guess_succeeded(*, user: User, address: str) -> None:
    """The right password: the account's count is cleared, the address's
    reservation given back."""
    unlock(user)
    if address:
        give_back(ADDRESS, digest(address))


def refusal(*, login: str, address: str) -> Refusal | None:
    """Whether logins with ``login`` from ``address`` are refused now, and why."""
    if address and (seconds := seconds_to_wait(ADDRESS, digest(address))):
        return Refusal("address", seconds)
    if seconds := seconds_to_wait(*_account_limit(find_account(login), login)):
        return Refusal("account", seconds)
    return None


def unlock(user: User) -> None:
    """Forgets the account's wrong passwords (a reset, an organiser, a success)."""
    AttemptCounter.objects.filter(scope=ACCOUNT.scope, key=str(user.pk)).update(count=0)


def unlock_by_organiser(user: User, *, by: User) -> None:
    """Lifts a lockout from the user admin; the audit log records who did."""
    unlock(user)
    log_audit(user, audit.UNLOCKED, by=by)


def guess_failed(*, user: User) -> None:
    """A wrong password for ``user``: the one that locks the account is logged.

    Only the last allowed guess can fail with the count at the limit (later
    ones are refused before the password check), so this logs once per lockout;
    two guesses racing for the last two tries may both log it.
    """
    locking = AttemptCounter.objects.filter(
        scope=ACCOUNT.scope, key=str(user.pk), count__gte=ACCOUNT.attempts
    )
    if locking.exists():
        log_audit(
            user,
            audit.LOCKED,
            by=None,
            minutes=int(LOCKOUT.total_seconds() // 60),
            count=MAX_FAILURES,
        )


def with_locked_until(users):
    """``users`` annotated with ``login_locked_until``: when the account's
    lockout ends, or None when it is not locked. One subquery, no more queries."""
    lock_started = AttemptCounter.objects.filter(
        scope=ACCOUNT.scope,
        user=OuterRef("pk"),
        count__gte=ACCOUNT.attempts,
        window_start__gte=timezone.now() - ACCOUNT.window,
    ).values("window_start")[:1]
    return users.annotate(
        login_locked_until=ExpressionWrapper(
            Subquery(lock_started) + ACCOUNT.window, output_field=DateTimeField()
        )
    )


def locked_until(user: User):
    """When ``user``'s lockout ends, or None."""
    return with_locked_until(User.objects.filter(pk=user.pk)).values_list(
        "login_locked_until", flat=True
    )[0]


def _account_limit(user: User | None, login: str) -> tuple[Limit, str]:
    if user is not None:
        return ACCOUNT, str(user.pk)
    typed = login.strip()
    return UNKNOWN_LOGIN, digest(normalize_phone(typed) or typed.lower())
