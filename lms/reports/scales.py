"""Axes in numbers: mapping values to drawing units, round tick values, and
tick labels written the way the reader's language writes numbers."""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


@dataclass(frozen=True)
class LinearScale:
    """Maps the values ``low``..``high`` onto the drawing units ``start``..``end``."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        share = (float(value) - self.low) / (self.high - self.low)
        return self.start + share * (self.end - self.start)


def nice_step(span: float, max_ticks: int) -> float:
    """The smallest step of 1, 2 or 5 times a power of ten that covers ``span``
    in at most ``max_ticks`` intervals."""
    raw = span / max(max_ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw - 1e-12)


def ticks_within(low: float, high: float, *, max_ticks: int) -> list[float]:
    """Round tick values between ``low`` and ``high`` (``low`` < ``high``)."""
    step = nice_step(high - low, max_ticks)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(index * step, 10) for index in range(first, last + 1)]


def count_ticks(largest: int, *, max_ticks: int) -> list[int]:
    """Whole-number ticks from 0 up to ``largest`` or the next round number above it."""
    step = max(1, int(nice_step(max(largest, 1), max_ticks)))
    top = math.ceil(max(largest, 1) / step) * step
    return list(range(0, top + 1, step))


def decimals_of(values: list[float]) -> int:
    """How many decimals the tick values need to be written exactly (at most four)."""
    places = 0
    for value in values:
        exponent = Decimal(str(value)).normalize().as_tuple().exponent
        places = max(places, -exponent if isinstance(exponent, int) else 0)
    return min(places, 4)


def format_number(value: float | Decimal, decimals: int) -> str:
    """``value`` rounded half up to ``decimals`` places, written in the active
    language (``12,5`` in Indonesian)."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return number_format(rounded, decimal_pos=decimals)
