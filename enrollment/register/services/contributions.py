"""What a voluntary SI payment costs: 22% of the declared income, less the state's and province's support.

Every figure comes from dated Parameters in force on the payment date, so a rule change (Decree
134/2015 until 30/06/2025, Decree 159/2025 after) is a new parameter row, not a code change.
Support is a share of the contribution on the rural poverty line, for at most `support_max_years`
years per person; a lump sum for the missing years gets none.

Paying several years in advance is discounted, and a lump sum for missing years bears interest, at
the fund's monthly investment return r (the yearly return of the year before the payment, ÷ 12;
parameter `fund_investment_return`), on the monthly contribution P = 22% × income:
advance of n months T = Σ_{i=1..n} P ÷ (1 + r)^(i−1); missing n months T = Σ_{i=1..n} P × (1 + r)^i
(Decree 134/2015 Art. 9 and Circular 01/2016/TT-BLĐTBXH; the same formulas under Decree 159/2025).
State support of an advance is given once, on the months it covers, undiscounted.
"""

import datetime
from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from enrollment.register.models.parameters import ParameterMissing, ParameterTable
from enrollment.register.models.participants import METHOD_MONTHS, PaymentMethod

MAX_ADVANCE_YEARS = 5
MAX_LUMP_SUM_MONTHS = 20 * 12


class ContributionError(ValueError):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def whole_dong(amount):
    return Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class IncomeLimits:
    floor: Decimal
    ceiling: Decimal
    poverty_line: Decimal
    base_salary: Decimal


@dataclass(frozen=True)
class Contribution:
    monthly_income: Decimal
    months: int
    si_rate: Decimal
    gross: Decimal
    support_rate: Decimal
    local_rate: Decimal
    supported_months: int
    state_support: Decimal
    local_support: Decimal
    net: Decimal
    rule: str
    limits: IncomeLimits
    # Advance and lump-sum payments: the yearly fund return applied, and the discount (negative) or
    # interest (positive) it made against the months at the full monthly rate.
    fund_return: Decimal | None = None
    adjustment: Decimal = Decimal(0)

    def as_dict(self):
        return {key: (str(value) if isinstance(value, Decimal) else value) for key, value in asdict(self).items()}


def income_limits(on_date, params=None):
    params = params or ParameterTable()
    poverty_line = params("rural_poverty_line", on_date)
    base_salary = params("base_salary", on_date)
    return IncomeLimits(
        floor=whole_dong(poverty_line), ceiling=whole_dong(params("income_ceiling_multiple", on_date) * base_salary),
        poverty_line=poverty_line, base_salary=base_salary,
    )


def months_for_method(method, months=None):
    """Months covered: fixed by the method, or typed for advance (whole years) and lump-sum payments."""
    if method in METHOD_MONTHS:
        return METHOD_MONTHS[method]
    if method == PaymentMethod.YEARS_IN_ADVANCE:
        if not months or months % 12 or not 12 <= months <= MAX_ADVANCE_YEARS * 12:
            raise ContributionError("months", _("Paying in advance covers whole years: 12, 24 … %(max)s months.")
                                    % {"max": MAX_ADVANCE_YEARS * 12})
        return months
    if method == PaymentMethod.LUMP_SUM:
        if not months or not 1 <= months <= MAX_LUMP_SUM_MONTHS:
            raise ContributionError("months", _("A lump sum covers between 1 and %(max)s months.")
                                    % {"max": MAX_LUMP_SUM_MONTHS})
        return months
    raise ContributionError("method", _("Unknown payment method."))


def contribution_compute(*, on_date, monthly_income, method, support_category, months=None,
                         supported_months_before=0, params=None):
    """The amounts of one payment made on `on_date`; ContributionError names the field that is wrong."""
    params = params or ParameterTable()
    months = months_for_method(method, months)
    limits = income_limits(on_date, params)
    income = whole_dong(monthly_income)
    if income < limits.floor or income > limits.ceiling:
        raise ContributionError("monthly_income", _(
            "The declared income must be between %(floor)s and %(ceiling)s VND a month (rules in force on %(day)s)."
        ) % {"floor": f"{limits.floor:,.0f}".replace(",", "."), "ceiling": f"{limits.ceiling:,.0f}".replace(",", "."),
             "day": on_date.strftime("%d/%m/%Y")})
    si_rate = params("si_rate", on_date)
    _valid_from, support_rate, rule = params.entry(f"support_rate_{support_category}", on_date)
    local_rate = params(f"local_top_up_{support_category}", on_date)
    cap = int(params("support_max_years", on_date) * 12)
    supported = 0 if method == PaymentMethod.LUMP_SUM else max(0, min(months, cap - supported_months_before))
    on_poverty_line = limits.poverty_line * si_rate
    monthly = whole_dong(income * si_rate)
    fund_return, gross = None, monthly * months
    if method in (PaymentMethod.YEARS_IN_ADVANCE, PaymentMethod.LUMP_SUM):
        fund_return = fund_return_for(on_date, params)
        gross = several_months_amount(monthly, months, fund_return / 12, in_advance=method == PaymentMethod.YEARS_IN_ADVANCE)
    state_support = whole_dong(on_poverty_line * support_rate) * supported
    local_support = whole_dong(on_poverty_line * local_rate) * supported
    return Contribution(
        monthly_income=income, months=months, si_rate=si_rate, gross=gross, support_rate=support_rate,
        local_rate=local_rate, supported_months=supported, state_support=state_support,
        local_support=local_support, net=gross - state_support - local_support, rule=rule, limits=limits,
        fund_return=fund_return, adjustment=gross - monthly * months,
    )


def fund_return_for(on_date, params):
    """The fund's yearly investment return of the year before `on_date`."""
    year_before = datetime.date(on_date.year - 1, 12, 31)
    try:
        return params("fund_investment_return", year_before)
    except ParameterMissing:
        raise ContributionError("paid_on", _(
            "The social insurance fund's investment return of %(year)s is not set: paying in advance or for "
            "missing years cannot be computed.") % {"year": year_before.year}) from None


def several_months_amount(monthly, months, rate, *, in_advance):
    """n months at once: discounted when paid in advance, with interest when paid for missing months."""
    growth = 1 + Decimal(rate)
    if in_advance:
        total = sum(Decimal(monthly) / growth ** (i - 1) for i in range(1, months + 1))
    else:
        total = sum(Decimal(monthly) * growth ** i for i in range(1, months + 1))
    return whole_dong(total)
