from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lms.accounts import login_throttle


class LoginForm(AuthenticationForm):
    """Django's login form, worded for people who log in with their phone number."""

    # No autofocus: on a phone it would open the keyboard over the page at once.
    username = forms.CharField(
        label=_("Username or phone number"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none"}
        ),
        error_messages={"required": _("Enter your username or phone number.")},
    )

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password.")},
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked_out": _(
            "Too many wrong passwords for this account. Wait %(minutes)s minutes "
            "and try again, or ask your organiser (penyelenggara) to reset your "
            "password."
        ),
        "invalid_login": _(
            "The username or phone number and password do not match. "
            "Check them and try again; passwords are case-sensitive."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and login_throttle.is_locked_out(username):
            raise ValidationError(
                self.error_messages["locked_out"],
                code="locked_out",
                params={"minutes": login_throttle.LOCKOUT_SECONDS // 60},
            )
        return super().clean()


class NewPasswordChangeForm(PasswordChangeForm):
    """Django's change form, refusing to "change" a password to itself.

    Someone forced to replace a login slip's one-time password could otherwise
    type it again and keep a password that is printed on paper.
    """

    def clean_new_password1(self):
        password = self.cleaned_data.get("new_password1")
        if password and self.user.check_password(password):
            raise ValidationError(
                _("Choose a new password, different from the current one."),
                code="password_unchanged",
            )
        return password
