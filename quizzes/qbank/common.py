"""Small readers the three parsers share: credits, numbers, category tags."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from quizzes.qbank.errors import QbankError

HUNDRED = Decimal(100)
ZERO = Decimal(0)
# Moodle's category paths start with a context marker that means nothing here.
_CONTEXT_MARKERS = {"$course$", "$system$", "$module$", "$coursecategory$", "top"}
MAX_TAG_LENGTH = 100


def read_decimal(text: str, *, message: str, **where) -> Decimal:
    """A finite decimal number, or QbankError with ``message`` (a translated
    sentence with a ``%(text)s`` placeholder for what was found)."""
    try:
        number = Decimal(text.strip())
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite() or abs(number) > Decimal("1e12"):
        raise QbankError(message % {"text": text.strip()[:40]}, **where)
    return number


def read_credit(text: str, **where) -> Decimal:
    """A percentage credit between -100 and 100."""
    credit = read_decimal(
        text, message=_("The credit '%(text)s' is not a number."), **where
    )
    if not -HUNDRED <= credit <= HUNDRED:
        raise QbankError(
            _("A credit of %(credit)s%% is outside -100%% to 100%%.")
            % {"credit": text.strip()[:20]},
            **where,
        )
    return credit


def category_tags(path: str) -> tuple[str, ...]:
    """Moodle's category path ("$course$/Pemilu/Tahapan") as tags, one per level."""
    return tuple(
        part.strip()[:MAX_TAG_LENGTH]
        for part in path.split("/")
        if part.strip() and part.strip().lower() not in _CONTEXT_MARKERS
    )
