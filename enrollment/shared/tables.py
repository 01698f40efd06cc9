"""The columns every table shares: figures the Vietnamese way on screen, plain values in exports.

A figure column shows 18.816 / 113,0% / +61,4% on the page and hands the exporter the plain number
(`kind` tells the XLSX writer which number format to give it). Years, codes and ids are labels:
never grouped as numbers.
"""

from decimal import ROUND_HALF_UP, Decimal

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from enrollment.shared.formats import gap_text, number, percent, signed_number, signed_percent

NUM = {"td": {"class": "num"}, "th": {"class": "num"}}


def plain_number(value, digits=None):
    """What an export holds for a figure: rounded half up to `digits` as on screen (a forecast is whole
    persons), an int when it is whole, else a float; None when empty."""
    if value is None or value == "":
        return None
    value = Decimal(str(value))
    if digits is not None:
        value = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return int(value) if value == value.to_integral_value() else float(value)


class NumberColumn(tables.Column):
    """18.816 on screen (`digits` decimals, rounded half up); the same figure as a plain number in exports,
    totalled under the rows of an XLSX export unless `summable=False` (a rank, a rate)."""

    kind = "number"
    format = staticmethod(number)
    default_digits = 0
    default_summable = True

    def __init__(self, *args, digits=None, summable=None, **kwargs):
        kwargs.setdefault("attrs", NUM)
        self.digits = self.default_digits if digits is None else digits
        self.summable = self.default_summable if summable is None else summable
        super().__init__(*args, **kwargs)

    def render(self, value):
        return self.format(value, self.digits)

    def value(self, value):
        return plain_number(value, self.digits)


class PercentColumn(NumberColumn):
    """113,0% on screen; in exports the percent figure (113.04), which the XLSX writer stores as 1.1304 with a % format."""

    kind = "percent"
    format = staticmethod(percent)
    default_digits = 1
    default_summable = False

    def value(self, value):
        return plain_number(value, 2)  # the stored figure (two decimals), shown with one


class SignedNumberColumn(NumberColumn):
    """A change with its sign: +11.554, −2.040."""

    kind = "signed_number"
    format = staticmethod(signed_number)


class SignedPercentColumn(PercentColumn):
    kind = "signed_percent"
    format = staticmethod(signed_percent)


class StatusPercentColumn(PercentColumn):
    """A share of a plan in a badge of its status colour (`status_of(value)` → green / amber / red / none, the
    classes tone-<key>); the plain percent in exports."""

    def __init__(self, *args, status_of, **kwargs):
        self.status_of = status_of
        super().__init__(*args, **kwargs)

    def render(self, value):
        return format_html('<span class="badge tone-{}">{}</span>', self.status_of(value), super().render(value))


class GapColumn(NumberColumn):
    """A gap to a plan (plan − actual) in words: "Thiếu 56", "Vượt 761"; the plain difference in exports."""

    kind = "number"

    def render(self, value):
        return gap_text(value, self.digits)


class LabelColumn(tables.Column):
    """A year, code or id: 2026 and 79123456, never 2.026 or 79.123.456."""

    def render(self, value):
        return str(value)


class YearColumn(LabelColumn):
    """Years are labels, not quantities: 2026, never 2.026."""


class DateColumn(tables.Column):
    """dd/mm/yyyy on screen and in exports."""

    def render(self, value):
        return date_format(value, "SHORT_DATE_FORMAT") if value else "—"

    def value(self, value):
        return date_format(value, "SHORT_DATE_FORMAT") if value else ""


class DateTimeColumn(tables.Column):
    """dd/mm/yyyy hh:mm in Asia/Ho_Chi_Minh, on screen and in exports."""

    def render(self, value):
        return date_format(localtime(value), "SHORT_DATETIME_FORMAT") if value else "—"

    def value(self, value):
        return self.render(value) if value else ""
