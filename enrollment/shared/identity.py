"""Checks of personal identifiers: the 12-digit personal ID (CCCD), SI number, mobile phone."""

import re

from django.utils.translation import gettext as _
from vietnam_provinces.legacy import ProvinceCode

# Digit 4 of the personal ID: century of birth and sex (even = male, odd = female).
CENTURY_DIGITS = {1900: ("0", "1"), 2000: ("2", "3"), 2100: ("4", "5"), 2200: ("6", "7"), 1800: ("8", "9")}
MOBILE = re.compile(r"^0[35789]\d{8}$")
# Digits 1-3: the province where the birth was registered, a code of the 63 provinces before 2025.
BIRTH_PROVINCES = frozenset(f"{int(code):03d}" for code in ProvinceCode)


class IdentityError(ValueError):
    pass


def digits_only(text):
    """The identifier without the spaces, dots and dashes people type in it."""
    if not text or text.isdigit():
        return text or ""
    return re.sub(r"[\s.\-]", "", text)


def personal_id_check(personal_id, birth_date=None, sex=None):
    """Return the cleaned ID or raise IdentityError explaining the first disagreement."""
    value = digits_only(personal_id)
    if not value.isdigit() or len(value) != 12:
        raise IdentityError(_("The personal ID has exactly 12 digits."))
    if value[:3] not in BIRTH_PROVINCES:
        raise IdentityError(_("The province of birth registration (first 3 digits) «%(code)s» does not exist.")
                            % {"code": value[:3]})
    if birth_date is not None:
        century = birth_date.year // 100 * 100
        digits = CENTURY_DIGITS.get(century)
        if digits is None or value[3] not in digits:
            raise IdentityError(_("Digit 4 of the personal ID (%(digit)s) does not match a birth in the %(century)ss.")
                                % {"digit": value[3], "century": century})
        if sex is not None and value[3] != digits[0 if sex == "male" else 1]:
            raise IdentityError(_("Digit 4 of the personal ID (%(digit)s) does not match the sex.") % {"digit": value[3]})
        if value[4:6] != f"{birth_date.year % 100:02d}":
            raise IdentityError(_("Digits 5–6 of the personal ID (%(digits)s) do not match the birth year %(year)s.")
                                % {"digits": value[4:6], "year": birth_date.year})
    return value


def si_number_check(si_number):
    value = digits_only(si_number)
    if value and (not value.isdigit() or len(value) != 10):
        raise IdentityError(_("The social insurance number has exactly 10 digits."))
    return value


def phone_check(phone):
    """A Vietnamese mobile number, returned as 0xxxxxxxxx (+84 and separators accepted)."""
    value = digits_only(phone).replace("(", "").replace(")", "")
    if value.startswith("+84"):
        value = "0" + value[3:]
    elif value.startswith("84") and len(value) == 11:
        value = "0" + value[2:]
    if value and not MOBILE.match(value):
        raise IdentityError(_("Enter a Vietnamese mobile number: 10 digits starting with 03, 05, 07, 08 or 09."))
    return value
