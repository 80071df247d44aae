from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lms.accounts import login_throttle
from lms.accounts.attempt_limits import minutes
from lms.core.client_address import client_address


class LockoutMessageMixin:
    """Says why a login was refused when it was refused for too many failures,
    and how long to wait, instead of "wrong password".

    Asked after the backend said no: by then this try has been counted, so the
    try that uses up the last one already hears that the account is locked.
    """

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            if error.code != "invalid_login":
                raise
            address = client_address(self.request) if self.request else ""
            refused = login_throttle.refusal(
                login=self.cleaned_data.get("username", ""), address=address
            )
            if refused is None:
                raise
            raise lockout_error(refused) from error


def lockout_error(refused: login_throttle.Refusal) -> ValidationError:
    wait = minutes(refused.seconds)
    if refused.reason == "address":
        message = ngettext(
            "Too many failed logins from this network. Wait %(minutes)s minute "
            "and try again.",
            "Too many failed logins from this network. Wait %(minutes)s minutes "
            "and try again.",
            wait,
        )
    else:
        message = ngettext(
            "Too many wrong passwords for this account. Wait %(minutes)s minute "
            "and try again, reset your password, or ask your organiser "
            "(penyelenggara) to unlock it.",
            "Too many wrong passwords for this account. Wait %(minutes)s minutes "
            "and try again, reset your password, or ask your organiser "
            "(penyelenggara) to unlock it.",
            wait,
        )
    return ValidationError(message, code="locked_out", params={"minutes": wait})


class LoginForm(LockoutMessageMixin, AuthenticationForm):
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
        "invalid_login": _(
            "The username or phone number and password do not match. "
            "Check them and try again; passwords are case-sensitive."
        ),
    }


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
