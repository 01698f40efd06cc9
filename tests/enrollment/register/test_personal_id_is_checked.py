from datetime import date

import pytest

from enrollment.shared.identity import (
    IdentityError,
    personal_id_check,
    phone_check,
    si_number_check,
)


@pytest.mark.parametrize("personal_id, birth_date, sex", [
    ("082085001234", date(1985, 4, 2), "male"),
    ("082185001234", date(1985, 4, 2), "female"),
    ("001203001234", date(2003, 1, 1), "male"),
    ("001303001234", date(2003, 1, 1), "female"),
    ("0820 8500 1234", date(1985, 4, 2), "male"),
])
def test_valid_ids(personal_id, birth_date, sex):
    assert personal_id_check(personal_id, birth_date, sex) == personal_id.replace(" ", "")


@pytest.mark.parametrize("personal_id, birth_date, sex, words", [
    ("08208500123", date(1985, 4, 2), "male", "12 digits"),
    ("0820850012345", date(1985, 4, 2), "male", "12 digits"),
    ("08208500123A", date(1985, 4, 2), "male", "12 digits"),
    ("082285001234", date(1985, 4, 2), "male", "1900s"),
    ("082085001234", date(1985, 4, 2), "female", "sex"),
    ("082185001234", date(1985, 4, 2), "male", "sex"),
    ("082086001234", date(1985, 4, 2), "male", "birth year"),
    ("082003001234", date(2003, 1, 1), "male", "2000s"),
])
def test_invalid_ids(personal_id, birth_date, sex, words, settings):
    settings.LANGUAGE_CODE = "en"
    from django.utils.translation import override

    with override("en"), pytest.raises(IdentityError) as error:
        personal_id_check(personal_id, birth_date, sex)
    assert words in str(error.value)


def test_the_error_reads_in_vietnamese():
    from django.utils.translation import override

    with override("vi"), pytest.raises(IdentityError) as error:
        personal_id_check("123", date(1985, 4, 2), "male")
    assert "12 chữ số" in str(error.value)


@pytest.mark.parametrize("phone, cleaned", [
    ("0912345678", "0912345678"), ("+84 912 345 678", "0912345678"), ("0387.654.321", "0387654321"), ("", ""),
])
def test_mobile_numbers(phone, cleaned):
    assert phone_check(phone) == cleaned


@pytest.mark.parametrize("phone", ["0212345678", "091234567", "09123456789", "abc"])
def test_not_mobile_numbers(phone):
    with pytest.raises(IdentityError):
        phone_check(phone)


def test_si_number_is_optional_but_ten_digits():
    assert si_number_check("") == ""
    assert si_number_check("8212345678") == "8212345678"
    with pytest.raises(IdentityError):
        si_number_check("821234567")
