"""Reading one cell of an imported row: dates, months, amounts, coded choices and identity numbers.

A bad cell raises RowError against its column, so the import reports every bad row with line and column.
"""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from django.utils.translation import gettext as _

from enrollment.imports.services import RowError
from enrollment.shared.identity import IdentityError
from enrollment.shared.months import first_of_month
from enrollment.territory.models.units import fold as _fold


@lru_cache(maxsize=4096)
def fold(text):
    """Choice words repeat on every row: fold each distinct one once."""
    return _fold(text).strip()


def choices_by_word(choices, *extra):
    """Accept the code, the English label or the Vietnamese label, with or without diacritics."""
    from django.utils.translation import override

    words = {}
    for value, label in choices:
        words[fold(value)] = value
        for language in ("en", "vi"):
            with override(language):
                words[fold(str(label))] = value
    for word, value in extra:
        words[fold(word)] = value
    return words


def parse_date(text, column):
    text = text.strip()
    parts = text.split("/")
    if len(parts) == 3 and all(part.isdigit() for part in parts) and len(parts[2]) == 4:
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            pass  # reported below with the format expected
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if not text:
        raise RowError(column, _("required"))
    raise RowError(column, _("“%(value)s” is not a date (dd/mm/yyyy)") % {"value": text})


def parse_month(text, column):
    text = text.strip()
    for fmt in ("%m/%Y", "%Y-%m", "%d/%m/%Y"):
        try:
            return first_of_month(datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    raise RowError(column, _("“%(value)s” is not a month (mm/yyyy)") % {"value": text})


def parse_money(text, column):
    cleaned = text.replace(".", "").replace(",", "").replace(" ", "").replace("đ", "").replace("₫", "")
    if not cleaned:
        raise RowError(column, _("required"))
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise RowError(column, _("“%(value)s” is not an amount in đồng") % {"value": text}) from None


def identity_checked(check, text, column):
    """`check(text)`, its IdentityError reported against the row's column."""
    try:
        return check(text)
    except IdentityError as error:
        raise RowError(column, str(error)) from None
