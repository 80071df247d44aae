import pytest
from django.core.exceptions import ValidationError

from lms.accounts.models import User
from tests.factories import UserFactory


def test_one_full_name_is_the_display_name():
    user = User(
        username="bambang", full_name="R.A. Siti Nur'aini Kusumawardhani, S.Sos."
    )
    assert user.get_full_name() == "R.A. Siti Nur'aini Kusumawardhani, S.Sos."
    assert user.get_short_name() == "R.A."
    assert str(user) == user.full_name
    assert user.first_name == "R.A."  # what Wagtail's admin greets with
    field_names = {field.name for field in User._meta.get_fields()}
    assert "first_name" not in field_names and "last_name" not in field_names


@pytest.mark.django_db
def test_clean_stores_the_canonical_phone_and_three_digit_rt_rw():
    user = UserFactory.build(phone="0812-3456-7890", rt="5", rw="12")
    user.full_clean()
    assert user.phone == "+6281234567890"
    assert (user.rt, user.rw) == ("005", "012")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["+62 812 3456 7890", "(+62) 812-3456-7890", "0812 3456 7890"]
)
def test_long_spellings_of_a_number_fit_because_they_are_normalised_first(typed):
    user = UserFactory.build(phone=typed)
    user.full_clean()
    assert user.phone == "+6281234567890"


@pytest.mark.django_db
def test_a_username_cannot_be_a_phone_number():
    with pytest.raises(ValidationError) as error:
        UserFactory.build(username="081234567890").full_clean()
    assert "username" in error.value.message_dict


@pytest.mark.django_db
def test_a_phone_number_belongs_to_one_account_however_it_is_written():
    UserFactory(phone="+6281234567890")
    duplicate = UserFactory.build(phone="0812 3456 7890")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "phone" in error.value.message_dict


@pytest.mark.django_db
def test_many_accounts_may_have_no_phone():
    first = UserFactory.build(phone="")
    first.full_clean()
    first.save()
    second = UserFactory.build(phone="")
    second.full_clean()
    second.save()
    assert first.phone is None and second.phone is None


@pytest.mark.django_db
def test_kelurahan_must_lie_in_the_chosen_kecamatan():
    user = UserFactory.build(kecamatan="menteng", kelurahan="Pasar Baru")
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert "Pasar Baru" in error.value.message_dict["kelurahan"][0]


@pytest.mark.django_db
@pytest.mark.parametrize("rt", ["abc", "1234", "-1", "<b>", "٣", "5\n"])
def test_rt_accepts_only_a_short_number(rt):
    with pytest.raises(ValidationError) as error:
        UserFactory.build(rt=rt).full_clean()
    assert "rt" in error.value.message_dict


@pytest.mark.django_db
def test_a_password_like_the_full_name_is_refused():
    from django.contrib.auth.password_validation import validate_password

    user = UserFactory(full_name="Bambang Sutrisno")
    with pytest.raises(ValidationError):
        validate_password("BambangSutrisno", user=user)


@pytest.mark.django_db
def test_every_profile_problem_is_reported_at_once():
    user = UserFactory.build(
        username="081234567890", kecamatan="menteng", kelurahan="Kartini"
    )
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert {"username", "kelurahan"} <= set(error.value.message_dict)
