from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from lms import login_throttle


class UsernameOrPhoneBackend(ModelBackend):
    """Lets people log in with their username or with their phone number.

    Participants rarely remember a username but always know their number, in
    whichever way they happen to type it (``0812...``, ``+62 812...``). Every
    login form (ours and the Wagtail admin's) comes through here, so this is
    also where repeated failures lock an account for a while.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        if login_throttle.is_locked_out(username):
            return None
        user = self._find(User, username.strip())
        if user is None:
            # Hash anyway so that a missing account takes as long as a wrong
            # password and cannot be told apart by timing.
            User().set_password(password)
        elif user.check_password(password) and self.user_can_authenticate(user):
            login_throttle.clear_failures(username)
            return user
        login_throttle.record_failure(username)
        return None

    @staticmethod
    def _find(User, login):
        try:
            return User._default_manager.get_by_login(login)
        except User.DoesNotExist:
            return None
