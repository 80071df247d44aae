"""How logins check who someone is: the backend and the password hasher."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import Argon2PasswordHasher

from lms.accounts import login_throttle
from lms.core.client_address import client_address


class UsernameOrPhoneBackend(ModelBackend):
    """Lets people log in with their username or with their phone number.

    Participants rarely remember a username but always know their number, in
    whichever way they happen to type it (``0812...``, ``+62 812...``). Every
    login form (ours, the Wagtail admin's and self-registration's) comes
    through here, so this is also where guesses are counted
    (``lms.accounts.login_throttle``): each password check is reserved before
    it runs, and none runs once the account or the address has used its tries.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = login_throttle.find_account(username)
        address = client_address(request) if request is not None else ""
        if not login_throttle.reserve_guess(user=user, login=username, address=address):
            return None
        if user is None:
            # Hash anyway so that a missing account takes as long as a wrong
            # password and cannot be told apart by timing.
            User().set_password(password)
        elif user.check_password(password) and self.user_can_authenticate(user):
            login_throttle.guess_succeeded(user=user, address=address)
            return user
        else:
            login_throttle.guess_failed(user=user)
        return None


class HallArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id at OWASP's minimum cost: 19 MiB of memory, 2 passes, 1 lane.

    A hall of 300 participants logs in within a minute or two on a 2-core
    server. Django's own Argon2 parameters (100 MiB, 8 lanes) cost about
    240 ms of CPU per hash here, and the PBKDF2 default (a million rounds)
    about 300 ms: a minute of logins would need both cores. These cost about
    30 ms of CPU and 19 MiB per login in progress, and still force an attacker
    to spend 19 MiB of memory per guess, which is what makes Argon2 expensive
    on GPUs. One lane, because a login runs in one thread of one worker; more
    lanes would only take a core from another request. Raising any of these
    later is safe: Django rehashes a password at its owner's next login when
    the parameters differ (``must_update``). Figures: docs/benchmarks.md.
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
