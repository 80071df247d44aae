from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrPhoneBackend(ModelBackend):
    """Lets people log in with their username or with their phone number.

    Participants rarely remember a username but always know their number, in
    whichever way they happen to type it (``0812...``, ``+62 812...``).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        try:
            user = User._default_manager.get_by_login(username.strip())
        except User.DoesNotExist:
            # Hash anyway so that a missing account takes as long as a wrong
            # password and cannot be told apart by timing.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
