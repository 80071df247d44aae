"""Certificate numbers from organisers' patterns: formatting and every refusal."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lms.certificates.models import DEFAULT_NUMBERING
from lms.certificates.numbering import (
    MAX_LENGTH,
    InvalidPattern,
    check_pattern,
    format_number,
    month_roman,
)

SEPT_2023 = datetime.date(2023, 9, 27)


@pytest.mark.parametrize(
    ("month", "roman"),
    [
        (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI"),
        (7, "VII"), (8, "VIII"), (9, "IX"), (10, "X"), (11, "XI"), (12, "XII"),
    ],
)  # fmt: skip
def test_every_month_in_roman_numerals(month, roman):
    assert month_roman(month) == roman


@pytest.mark.parametrize("month", [0, 13, -1])
def test_a_month_out_of_range_is_an_error(month):
    with pytest.raises(ValueError):
        month_roman(month)


def test_the_default_pattern_reads_like_a_government_letter_number():
    number = format_number(
        DEFAULT_NUMBERING, seq=7, event_code="KEG12", issued_on=SEPT_2023
    )
    assert number == "007/SERT/KEG12/IX/2023"


def test_the_sequence_grows_past_its_padding():
    assert format_number("{seq:03d}-{event_code}", seq=1234, event_code="K", issued_on=SEPT_2023) == "1234-K"  # fmt: skip


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("{event_code}.{seq}", "KEG12.7"),
        ("{seq:05d}/{event_code}/{month}/{year}", "00007/KEG12/9/2023"),
        ("{seq}/{event_code}/{month:02d}.{year}", "7/KEG12/09.2023"),
        ("No. {seq:03d} {event_code} {{copy}}", "No. 007 KEG12 {copy}"),
    ],
)
def test_other_fields_and_literal_braces(pattern, expected):
    assert (
        format_number(pattern, seq=7, event_code="KEG12", issued_on=SEPT_2023)
        == expected
    )


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "Enter a numbering pattern"),
        ("   ", "Enter a numbering pattern"),
        ("{seq:03d}/SERT/{year}", "must contain {event_code}"),
        ("SERT/{event_code}", "must contain {seq}"),
        ("{seq}/{event_code}/{name}", "Unknown field {name}"),
        ("{seq}/{event_code}/{seq.__class__}", "Unknown field {seq.__class__}"),
        ("{seq}/{event_code}/{year[0]}", "Unknown field {year[0]}"),
        ("{seq!r}/{event_code}", "Unknown field {seq!r}"),
        ("{}/{event_code}", "Unknown field {}"),
        ("{0}/{event_code}", "Unknown field {0}"),
        ("{seq/{event_code}", "unmatched brace"),
        ("{seq}/{event_code}}", "unmatched brace"),
        ("{seq:x3}/{event_code}", "format is not valid"),
        ("{seq:03d}/{event_code:d}", "format is not valid"),
        ("{seq}/{event_code}/" + "X" * MAX_LENGTH, "longer than"),
    ],
)
def test_bad_patterns_are_refused_with_a_specific_message(pattern, message, in_english):
    with pytest.raises(InvalidPattern) as refused:
        check_pattern(pattern)
    assert message in str(refused.value.message)


def test_the_default_pattern_passes_the_check():
    check_pattern(DEFAULT_NUMBERING)


@given(
    seq=st.integers(min_value=1, max_value=99999),
    other=st.integers(min_value=1, max_value=99999),
    day=st.dates(min_value=datetime.date(2000, 1, 1)),
)
def test_different_sequences_never_share_a_number(seq, other, day):
    if seq == other:
        return
    numbers = {
        format_number(DEFAULT_NUMBERING, seq=s, event_code="KEG1", issued_on=day)
        for s in (seq, other)
    }
    assert len(numbers) == 2


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "Enter a numbering pattern."),
        ("SERT/{event_code}", "The pattern must contain {seq}, or numbers would repeat."),
        ("{seq}/{event_code}/{name}",
         "Unknown field {name}. Use {seq:03d}, {event_code}, {month_roman}, {month} or {year}."),
        ("{seq/{event_code}",
         "The pattern has an unmatched brace. Write {{ and }} for a brace itself."),
        ("{seq:x3}/{event_code}",
         "A field's format is not valid; write the sequence as {seq:03d}."),
        ("{seq}/{event_code}/" + "X" * MAX_LENGTH,
         "Numbers from this pattern would be longer than 110 characters."),
    ],
)  # fmt: skip
def test_each_refusal_is_a_whole_sentence(pattern, message, in_english):
    """The organiser reads these in the template form, as they are."""
    with pytest.raises(InvalidPattern) as refused:
        check_pattern(pattern)
    assert refused.value.message == message
    assert str(refused.value) == message


def test_the_check_tries_the_widest_sequence_and_event_code():
    """Numbers reach five digits and codes such as ``KUIS99999``: a pattern that
    would overflow the column with them is refused now, not at the 10,000th
    certificate."""
    widest = len("99999/KUIS99999/")
    check_pattern("{seq}/{event_code}/" + "X" * (MAX_LENGTH - widest))
    with pytest.raises(InvalidPattern):
        check_pattern("{seq}/{event_code}/" + "X" * (MAX_LENGTH - widest + 1))


def test_an_out_of_range_month_is_named_in_the_error():
    with pytest.raises(ValueError, match="month out of range: 13"):
        month_roman(13)
