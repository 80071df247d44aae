"""Indonesian phone numbers, written many ways, reduced to one canonical form.

Participants type their number as ``0812-3456-7890``, ``+62 812 3456 7890`` or
``62812...``; all must find the same account. We store the international form
without spaces (``+6281234567890``), normalising before any length check so
that every common spelling fits.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-.()/]")
# After the country code: an area or operator code that does not start with 0,
# then the subscriber number; 8 to 12 digits in all (ITU allocation for +62).
# ASCII digits only: other scripts' digits would make look-alike duplicates.
_NATIONAL_DIGITS = re.compile(r"[1-9][0-9]{7,11}")


def normalize_phone(raw: str) -> str | None:
    """Return ``+62...`` for anything that reads as an Indonesian number, else None."""
    compact = _SEPARATORS.sub("", raw or "")
    if compact.startswith("+62"):
        national = compact[3:]
    elif compact.startswith("62"):
        national = compact[2:]
    elif compact.startswith("0"):
        national = compact[1:]
    else:
        return None
    if not _NATIONAL_DIGITS.fullmatch(national):
        return None
    return f"+62{national}"


def validate_phone(raw: str) -> None:
    if normalize_phone(raw) is None:
        raise ValidationError(
            _("Enter an Indonesian phone number, for example 0812-3456-7890."),
            code="invalid_phone",
        )


class PhoneNumberFormField(forms.CharField):
    """A text input that hands the canonical number to validation."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return normalize_phone(value) or value


class PhoneNumberField(models.CharField):
    """Stores ``+62...``; accepts any common spelling from forms and code."""

    # "+62" and at most 12 national digits.
    CANONICAL_MAX_LENGTH = 15

    default_validators = [validate_phone]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.CANONICAL_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        return normalize_phone(value) or value

    def formfield(self, **kwargs):
        # Room for spaces and dashes as typed; the stored form is checked after.
        return super().formfield(
            **{"form_class": PhoneNumberFormField, "max_length": 32, **kwargs}
        )
