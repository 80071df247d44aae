import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from lms.accounts.phone import normalize_phone, validate_phone


@pytest.mark.parametrize(
    "typed",
    [
        "081234567890",
        "0812-3456-7890",
        "0812 3456 7890",
        "+62 812 3456 7890",
        "+62-812-3456-7890",
        "6281234567890",
        "(0812) 3456.7890",
        "  081234567890  ",
    ],
)
def test_the_ways_people_write_a_number_all_reduce_to_one(typed):
    assert normalize_phone(typed) == "+6281234567890"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "abc",
        "0812345",  # too short
        "0812345678901234",  # too long
        "00812345678",  # zero after the trunk prefix
        "+1 202 555 0100",  # not Indonesian
        "0812-3456-78x0",
        "０８１２３４５６７８９０",  # full-width digits are not accepted silently
        "0812٣٤٥٦٧٨٩٠",  # nor Arabic-Indic digits: they would be look-alike duplicates
    ],
)
def test_what_is_not_an_indonesian_number_is_refused(typed):
    assert normalize_phone(typed) is None
    with pytest.raises(ValidationError):
        validate_phone(typed)


@given(st.from_regex(r"\A[1-9][0-9]{7,11}\Z"))
def test_normalizing_is_idempotent_and_fits_the_column(national):
    canonical = normalize_phone("0" + national)
    assert canonical == f"+62{national}"
    assert normalize_phone(canonical) == canonical
    assert len(canonical) <= 15
