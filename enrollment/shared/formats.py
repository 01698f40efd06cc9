"""Numbers as the offices write them: 18.816 and 113,0% in Vietnamese, rounded half up."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

PERCENT_PLACES = Decimal("0.01")


def percent_of(part, whole):
    """`part` as a percentage of `whole`, the one rule of every page, table and export.

    Worked out once from the counts and kept to two decimals, rounded half up (163,9466 → 163,95); pages
    and exports show that figure with one decimal, rounded half up again (164,0%), so the dashboard, the
    plan page, the tables and the XLSX files always agree. None without a positive whole."""
    if part is None or part == "" or whole is None or whole == "" or Decimal(str(whole)) <= 0:
        return None
    return (Decimal(str(part)) * 100 / Decimal(str(whole))).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


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


def signed_number(value, digits=0):
    """A change with its sign: +11.554, −2.040, 0."""
    if value is None or value == "":
        return ""
    text = number(abs(Decimal(str(value))), digits)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def signed_percent(value, digits=1):
    """+61,4%, −3,0%."""
    if value is None or value == "":
        return ""
    text = percent(abs(Decimal(str(value))), digits)
    return f"+{text}" if value > 0 else (f"−{text}" if value < 0 else text)


def growth_text(difference, growth_percent, digits=0):
    """"+11.554 (+61,4%)"; without a base last year only the difference; empty without last year."""
    if difference is None:
        return ""
    text = signed_number(difference, digits)
    return f"{text} ({signed_percent(growth_percent)})" if growth_percent is not None else text


def gap_text(gap, digits=0, percent_points=False):
    """A gap to the phased plan (plan − actual) in words: "Thiếu 56" behind, "Vượt 761" ahead, never a
    bare minus sign. Coverage gaps are percentage points: "Thiếu 0,52%"."""
    if gap is None or gap == "":
        return ""
    value = Decimal(str(gap))
    amount = (percent if percent_points else number)(abs(value), digits)
    if value.quantize(Decimal(1).scaleb(-int(digits)), rounding=ROUND_HALF_UP) == 0:
        return _("On plan")
    return _("Short by %(amount)s") % {"amount": amount} if value > 0 else _("Ahead by %(amount)s") % {"amount": amount}
