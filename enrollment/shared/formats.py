"""Numbers as the offices write them: 18.816 and 113,0% in Vietnamese, rounded half up."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def percent(value, digits=1):
    """113.04 → "113,0%" in Vietnamese, "113.0%" in English; empty for no value."""
    if value is None or value == "":
        return ""
    return f"{_rounded(value, int(digits))}%"


def number(value, digits=0):
    if value is None or value == "":
        return ""
    return _rounded(value, int(digits))


def _rounded(value, digits):
    """Django's number_format cuts the extra digits off; figures must be rounded half up (56,03 → 56,0; 112,96 → 113,0)."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return number_format(exact, digits, force_grouping=True)
