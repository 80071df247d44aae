"""Indonesian phone numbers, written many ways, reduced to one canonical form.

Participants type their number as ``0812-3456-7890``, ``+62 812 3456 7890`` or
``62812...``; all must find the same account. We store the international form
without spaces (``+6281234567890``) and show the local form (``0812-3456-7890``).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-.()/]")
# After the country code: an area or operator code that does not start with 0,
# then the subscriber number; 8 to 12 digits in all (ITU allocation for +62).
_NATIONAL_DIGITS = re.compile(r"[1-9]\d{7,11}")


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


def format_phone_local(canonical: str) -> str:
    """``+6281234567890`` becomes ``0812-3456-7890`` (groups of four after 0xxx)."""
    if not canonical.startswith("+62"):
        return canonical
    digits = "0" + canonical[3:]
    groups = [digits[:4]] + [digits[i : i + 4] for i in range(4, len(digits), 4)]
    return "-".join(groups)
