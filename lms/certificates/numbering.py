"""Certificate numbers from a template's pattern, such as ``001/SERT/KEG12/IX/2023``.

Pure functions: the pattern is an organiser's text, so it is checked field by
field rather than handed to ``str.format`` blindly (``{seq.__class__}`` and the
like are refused), and every refusal says what is wrong.
"""

import datetime
import string

from django.utils.translation import gettext_lazy as _

FIELDS = frozenset({"seq", "event_code", "month_roman", "month", "year"})
# Both are needed for a number to be unique: the sequence within a series and
# the code that tells series apart (certificate numbers are unique site-wide).
REQUIRED_FIELDS = ("seq", "event_code")
# The model's column holds 120; re-issues append a suffix such as "-R12".
MAX_LENGTH = 110
ROMAN_MONTHS = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
)  # fmt: skip


class InvalidPattern(ValueError):
    """A numbering pattern that cannot make numbers, with a message for the organiser."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def month_roman(month: int) -> str:
    """The month in Roman numerals, as Indonesian official letters number them."""
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return ROMAN_MONTHS[month - 1]


def pattern_fields(pattern: str) -> list[str]:
    """The field names ``pattern`` uses, in order; :class:`InvalidPattern` if malformed."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError:
        raise InvalidPattern(
            _("The pattern has an unmatched brace. Write {{ and }} for a brace itself.")
        ) from None
    names = []
    for _literal, name, _spec, conversion in parsed:
        if name is None:
            continue
        if name not in FIELDS or conversion is not None:
            raise InvalidPattern(
                _("Unknown field {%(name)s}. Use {seq:03d}, {event_code}, "
                  "{month_roman}, {month} or {year}.")
                % {"name": name + (f"!{conversion}" if conversion else "")}
            )  # fmt: skip
        names.append(name)
    return names


def check_pattern(pattern: str) -> None:
    """Raises :class:`InvalidPattern` unless ``pattern`` makes unique, sensible numbers."""
    if not pattern or not pattern.strip():
        raise InvalidPattern(_("Enter a numbering pattern."))
    names = pattern_fields(pattern)
    for required in REQUIRED_FIELDS:
        if required not in names:
            raise InvalidPattern(
                _("The pattern must contain {%(name)s}, or numbers would repeat.")
                % {"name": required}
            )
    # A trial run with the widest values finds bad format specs ({seq:x3})
    # and patterns too long to store.
    format_number(
        pattern,
        seq=99999,
        event_code="KUIS99999",
        issued_on=datetime.date(2099, 12, 31),
    )


def format_number(
    pattern: str, *, seq: int, event_code: str, issued_on: datetime.date
) -> str:
    """The certificate number ``pattern`` gives for sequence ``seq`` issued on ``issued_on``.

    ``{seq:03d}`` pads the sequence, ``{month}`` is a number (``{month:02d}``
    pads it), ``{month_roman}`` is ``IX`` for September.
    """
    pattern_fields(pattern)
    try:
        number = pattern.format(
            seq=seq,
            event_code=event_code,
            month_roman=month_roman(issued_on.month),
            month=issued_on.month,
            year=issued_on.year,
        )
    except (ValueError, TypeError):
        raise InvalidPattern(
            _("A field's format is not valid; write the sequence as {seq:03d}.")
        ) from None
    if len(number) > MAX_LENGTH:
        raise InvalidPattern(
            _("Numbers from this pattern would be longer than %(limit)s characters.")
            % {"limit": MAX_LENGTH}
        )
    return number
