"""Reading what participants type: short answers and numbers.

Participants type on cheap phones, with autocorrect, in Indonesian. A capital letter, a
stray space, a missing accent or a decimal comma must not cost them marks, and nothing
they type may make the server work for long.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache


def normalise_answer(
    text: str, *, case_sensitive: bool = False, ignore_accents: bool = True
) -> str:
    """Bring typed text to a canonical form so trivial differences do not cost marks.

    NFC; casefold unless case_sensitive; strip accents (NFKD, drop combining marks)
    unless ignore_accents is False, so "Nguyễn" equals "nguyen"; collapse runs of
    whitespace to one space and strip the ends. Letters with no decomposition (đ, ø,
    ł) keep their form.
    """
    text = unicodedata.normalize("NFKD" if ignore_accents else "NFC", text)
    if not case_sensitive:
        text = text.casefold()
    if ignore_accents:
        text = unicodedata.normalize("NFKD", text)  # casefold may undo the first
        text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(unicodedata.normalize("NFC", text).split())


# A private-use character stands for a wildcard while the pattern is normalised, so
# that whitespace and Unicode rules apply to the answer as a whole.
_WILDCARD = "\ue000"
_STAR_OR_ESCAPED_STAR = re.compile(r"\\\*|\*")


@lru_cache(maxsize=4096)
def accepted_answer_parts(
    text: str, case_sensitive: bool = False, ignore_accents: bool = True
) -> tuple[str, ...]:
    """An accepted answer's normalised literal pieces, split at its wildcards.

    ``"ibu*kota"`` gives ``("ibu", "kota")``; ``("",)`` means the answer is empty.
    Cached because the same accepted answers are matched against every participant.
    """
    marked = _STAR_OR_ESCAPED_STAR.sub(
        lambda match: "*" if match.group() == "\\*" else _WILDCARD,
        text.replace(_WILDCARD, ""),
    )
    normalised = normalise_answer(
        marked, case_sensitive=case_sensitive, ignore_accents=ignore_accents
    )
    return tuple(normalised.split(_WILDCARD))


def glob_match(parts: Sequence[str], text: str) -> bool:
    """Whether ``text`` is parts[0] + anything + parts[1] + ... + anything + parts[-1].

    The prefix and suffix are fixed; each middle piece is taken at its leftmost place,
    a choice never worse for the pieces after it, so there is no backtracking and the
    cost stays O(len(text) * len(parts)) whatever the input. A regex with several
    ``.*?`` would be polynomial in the worst case.
    """
    if len(parts) == 1:
        return text == parts[0]
    first, *middle, last = parts
    end = len(text) - len(last)
    if end < len(first) or not text.startswith(first) or not text.endswith(last):
        return False
    position = len(first)
    for part in middle:
        found = text.find(part, position, end)
        if found < 0:
            return False
        position = found + len(part)
    return True


def matches_accepted_answer(
    response: str,
    accepted: str,
    *,
    case_sensitive: bool = False,
    ignore_accents: bool = True,
) -> bool:
    """Whether a typed response matches one accepted answer, wildcards included.

    The rule short-answer grading uses; public so an author's "try an answer" preview
    can use it too.
    """
    given = normalise_answer(
        response, case_sensitive=case_sensitive, ignore_accents=ignore_accents
    )
    parts = accepted_answer_parts(accepted, case_sensitive, ignore_accents)
    return glob_match(parts, given)


_NUMBER = re.compile(r"([+-]?)([0-9.,]+)(?:[eE]([+-]?[0-9]{1,3}))?", re.ASCII)
_GROUPED = {
    sep: re.compile(rf"[1-9][0-9]{{0,2}}(?:{re.escape(sep)}[0-9]{{3}})+", re.ASCII)
    for sep in ".,"
}
_MAX_NUMBER_LENGTH = 64
_MAX_EXPONENT = 100


def _with_point(whole: str, fraction: str) -> str | None:
    if not fraction.isdigit() or not (whole == "" or whole.isdigit()):
        return None
    return f"{whole or '0'}.{fraction}"


def _without_separators(body: str) -> str | None:
    """Rewrite digits and separators as "1234.5", deciding which separator is which.

    Both kinds present: the last is the decimal separator and the other must group
    thousands exactly. One comma: decimal (Indonesian "3,5"). Dots, or several commas,
    that group thousands exactly ("1.000", "1.000.000", "1,000,000"): thousands.
    Otherwise a single dot or comma is the decimal separator.
    """
    if "." in body and "," in body:
        decimal = max(".,", key=body.rfind)
        group = "," if decimal == "." else "."
        whole, _, fraction = body.rpartition(decimal)
        if not _GROUPED[group].fullmatch(whole):
            return None
        return _with_point(whole.replace(group, ""), fraction)
    separator = "." if "." in body else "," if "," in body else None
    if separator is None:
        return body
    if _GROUPED[separator].fullmatch(body) and (
        separator == "." or body.count(",") > 1
    ):
        return body.replace(separator, "")
    whole, _, fraction = body.partition(separator)
    return _with_point(whole, fraction)


def parse_number(text: object) -> Fraction | None:
    """Read a number as an Indonesian participant types it; None if it is not one.

    Accepts "3,5", "3.5", "-2", "+7", ",5", "1.000.000", "1.234,5", "1,234.5",
    "2,5e3" (exponent at most 100), surrounding spaces, full-width digits and the
    Unicode minus sign. Beware: "1.000" is a thousand and "1,000" is one, as an
    Indonesian reads them, while "0.500" and "1.5" are decimals. Rejects letters,
    spaces inside, NaN, infinity, empty text and anything over 64 characters.
    Never raises, whatever it is given.
    """
    if not isinstance(text, str):
        return None
    text = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    match = _NUMBER.fullmatch(text) if len(text) <= _MAX_NUMBER_LENGTH else None
    if match is None:
        return None
    sign, body, exponent = match.groups()
    digits = _without_separators(body)
    if digits is None or abs(int(exponent or 0)) > _MAX_EXPONENT:
        return None
    value = Fraction(digits) * Fraction(10) ** int(exponent or 0)
    return -value if sign == "-" else value
