"""Exact numbers for grading: read authored numbers as Fractions, round only at the end.

Binary floating point would make 1/3 + 1/3 + 1/3 fall short of 1 and fail someone who
answered everything right; so every sum and ratio here is a Fraction, and only what
people read or the database stores becomes a two-place Decimal.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

ZERO = Fraction(0)
ONE = Fraction(1)
Number = Fraction | Decimal | int | float | str

# Authored numbers are plain decimals or "n/d"; no exponent, so no 10**huge.
_AUTHORED_NUMBER = re.compile(r"[+-]?(?:\d+/\d+|\d+(?:\.\d*)?|\.\d+)", re.ASCII)


def to_fraction(value: Number) -> Fraction:
    """Read an authored number (points, credit, bound, pass mark) exactly.

    Question data may come from a DecimalField, a JSON string or code; this keeps binary
    floating point out of grading. Strings: "0.5", "-0.25", "1/3". Floats are read
    through their shortest repr (0.1 is 1/10). Bad authored data is a programming error,
    so it raises: TypeError for a non-number (bool included), ValueError for a value
    that is not a finite number of sane size.
    """
    if isinstance(value, bool):
        raise TypeError("A bool is not a number here.")
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value.as_tuple().exponent) > 1000:
            raise ValueError(f"Not a usable number: {value!r}")
        return Fraction(value)
    if isinstance(value, float):
        value = repr(value)  # "nan" and "inf" then fail the pattern below
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 100 or not _AUTHORED_NUMBER.fullmatch(text):
            raise ValueError(f"Not a number: {value!r}")
        try:
            return Fraction(text)
        except ZeroDivisionError:
            raise ValueError(f"Zero denominator: {value!r}") from None
    raise TypeError(f"Not a number: {value!r}")


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Round an exact value the way people expect (0.005 becomes 0.01), as a Decimal.

    Working on the Fraction avoids double rounding and Decimal context precision; the
    result always has exactly ``places`` decimal places (``Decimal("1.00")``).
    """
    whole = math.floor(abs(value) * 10**places + Fraction(1, 2))
    sign = "-" if value < 0 and whole else ""
    return Decimal(f"{sign}{whole}e-{places}")


def clamp_credit(credit: Fraction) -> Fraction:
    """Keep a credit within 0..1: a question never takes away points from others and
    never gives more than its own."""
    return min(max(credit, ZERO), ONE)


def format_number(value: Fraction) -> str:
    """Show an exact number without losing anything: "0.5", "-0.25", "12", "1/3".

    For messages about authored data, where "1.00" for 1.001 would hide the problem.
    """
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    return format(round_half_up(value, max(twos, fives)), "f")
