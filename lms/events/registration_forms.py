"""The forms of joining an event: the code alone, or the code with a new account."""

from datetime import timedelta

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lms.accounts.attempt_limits import (
    Limit,
    digest,
    give_back,
    minutes,
    seconds_to_wait,
    take,
)
from lms.accounts.models import User
from lms.core.client_address import client_address
from lms.core.reference import KELURAHAN_CHOICES, InstitutionType
from lms.events.enrolment import EnrolmentRefused, event_for_code
from lms.events.registration import PHONE_TAKEN, Registration

# Registrations one client address may have refused because the number typed
# has an account and the password is not its own: the only answer that tells
# a stranger something about a number. Once they are used up, every
# registration from the address waits, a new number's too, so the wait itself
# tells nothing. New accounts are not counted: a hall registers hundreds at
# once through one public address, and organisers see each one in their event.
REFUSED_REGISTRATIONS = Limit("registration-address", 20, timedelta(minutes=15))


class EventCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Event code"),
        max_length=20,
        help_text=_("The code on the poster or from the organiser, e.g. K7M2QX."),
        error_messages={"required": _("Enter the event code.")},
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off"}
        ),
    )

    def clean_code(self):
        try:
            self.event = event_for_code(self.cleaned_data["code"])
        except EnrolmentRefused as refused:
            raise forms.ValidationError(refused.message) from refused
        return self.cleaned_data["code"]


def _user_field(name: str, **overrides) -> forms.Field:
    """The account's own form field (same validation as the admin), reworded for phones.

    A plain form does not run the model's validators as a model form would, so
    they are copied onto the field (the length check is already there):
    otherwise "abc" as an RT would pass the form and fail only when saving.
    """
    model_field = User._meta.get_field(name)
    field = model_field.formfield()
    field.validators += [
        validator
        for validator in model_field.validators
        if not isinstance(validator, MaxLengthValidator)
    ]
    for attribute, value in overrides.items():
        setattr(field, attribute, value)
    return field


class RegistrationForm(EventCodeForm):
    """A new participant's account, in the words of the hall rather than of a database.

    A phone number that already has an account is refused, unless the password
    typed is that account's: then it is the same person (a double tap on
    "Register", or someone who forgot they registered) and ``returning_user``
    is set, so the view logs them in instead of refusing them. Password tries go
    through the login backend, so its lock-out counts them too, and refusals
    are limited per client address (``REFUSED_REGISTRATIONS``).
    """

    full_name = _user_field(
        "full_name",
        label=_("Full name"),
        help_text=_("As it should be printed on your certificate."),
        required=True,
    )
    phone = _user_field(
        "phone",
        label=_("Phone number"),
        help_text=_("You log in with this number, e.g. 0812-3456-7890."),
        required=True,
    )
    institution_type = forms.ChoiceField(
        label=_("Institution"),
        choices=[("", _("Choose…")), *InstitutionType.choices],
        error_messages={"required": _("Choose your institution.")},
    )
    position = _user_field("position", label=_("Position"), required=True)
    rt = _user_field("rt", label="RT", help_text=_("e.g. 005"), required=False)
    rw = _user_field("rw", label="RW", help_text=_("e.g. 002"), required=False)
    kelurahan = _user_field(
        "kelurahan",
        label=_("Kelurahan"),
        choices=[("", _("Choose…")), *KELURAHAN_CHOICES],
        required=True,
    )
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters. You need it to log in on another phone."),
        error_messages={"required": _("Choose a password.")},
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.returning_user: User | None = None
        required = {
            "full_name": _("Enter your full name."),
            "phone": _("Enter your phone number."),
            "position": _("Enter your position."),
            "kelurahan": _("Choose your kelurahan."),
        }
        for name, message in required.items():
            self.fields[name].error_messages["required"] = message
        self.fields["phone"].widget.attrs.update(
            {"inputmode": "tel", "autocomplete": "tel"}
        )
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        for name in ("rt", "rw"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        cleaned_data = super().clean()
        phone, password = cleaned_data.get("phone"), cleaned_data.get("password")
        if not phone or not password:
            return cleaned_data
        address = digest(client_address(self.request))
        if seconds_to_wait(REFUSED_REGISTRATIONS, address):
            self.add_error(None, self._too_many(address))
            return cleaned_data
        if User.objects.filter(phone=phone).exists():
            if not take(REFUSED_REGISTRATIONS, address):
                self.add_error(None, self._too_many(address))
                return cleaned_data
            self.returning_user = self.account_of_phone()
            if self.returning_user is None:
                self.add_error("phone", forms.ValidationError(PHONE_TAKEN, "taken"))
            else:
                give_back(REFUSED_REGISTRATIONS, address)  # its owner: no refusal
            return cleaned_data
        candidate = User(full_name=cleaned_data.get("full_name", ""), phone=phone)
        try:
            password_validation.validate_password(password, candidate)
        except forms.ValidationError as weak:
            self.add_error("password", weak)
        return cleaned_data

    @staticmethod
    def _too_many(address: str) -> forms.ValidationError:
        wait = minutes(seconds_to_wait(REFUSED_REGISTRATIONS, address))
        message = ngettext(
            "Too many registrations from this network. Wait %(minutes)s minute "
            "and try again.",
            "Too many registrations from this network. Wait %(minutes)s minutes "
            "and try again.",
            wait,
        )
        return forms.ValidationError(
            message, code="rate_limited", params={"minutes": wait}
        )

    def account_of_phone(self) -> User | None:
        """The account of the phone number typed, if the password typed is its own."""
        return authenticate(
            self.request,
            username=self.cleaned_data["phone"],
            password=self.cleaned_data["password"],
        )

    def registration(self) -> Registration:
        data = self.cleaned_data
        return Registration(
            full_name=" ".join(data["full_name"].split()),
            phone=data["phone"],
            institution_type=data["institution_type"],
            position=data["position"].strip(),
            rt=data["rt"],
            rw=data["rw"],
            kelurahan=data["kelurahan"],
            password=data["password"],
        )
