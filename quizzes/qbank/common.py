"""Small readers the parsers share: credits, numbers, numeric answers, category tags."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from quizzes.qbank.errors import QbankError
from quizzes.qbank.model import NumberAnswer

HUNDRED = Decimal(100)
ZERO = Decimal(0)
# Moodle's category paths start with a context marker that means nothing here.
_CONTEXT_MARKERS = {"$course$", "$system$", "$module$", "$coursecategory$", "top"}
MAX_TAG_LENGTH = 100


def read_decimal(text: str, *, message: str, **where) -> Decimal:
    """A finite decimal number, or QbankError with ``message`` (a translated
    sentence with a ``%(text)s`` placeholder for what was found).

    Files are written with a decimal point, as Moodle reads them; an
    Indonesian "3,5" is refused with a hint rather than guessed at.
    """
    try:
        number = Decimal(text.strip())
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite() or abs(number) > Decimal("1e12"):
        message = message % {"text": text.strip()[:40]}
        if "," in text:
            message += " " + _("Write decimals with a point, e.g. 3.5.")
        raise QbankError(message, **where)
    return number


def read_number_answer(value: str, *, credit: Decimal, tolerance: str = "",
                       feedback: str = "", **where) -> NumberAnswer:  # fmt: skip
    """A numeric answer as GIFT and Moodle XML write it: a value with an
    optional tolerance (its sign ignored, as Moodle does), or ``*`` for any
    number. The credit must not be negative: typing a number risks nothing."""
    if credit < 0:
        raise QbankError(_("A typed answer cannot have a negative credit."), **where)
    value = value.strip()
    if value == "*":
        return NumberAnswer(credit, any_number=True, feedback=feedback)
    if not value:
        raise QbankError(_("An accepted answer is empty."), **where)
    answer = NumberAnswer(
        credit,
        value=read_decimal(
            value, message=_("The answer '%(text)s' is not a number."), **where
        ),
        feedback=feedback,
    )
    if tolerance.strip():
        answer.tolerance = abs(
            read_decimal(
                tolerance,
                message=_("The tolerance '%(text)s' is not a number."),
                **where,
            )
        )
    return answer


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
