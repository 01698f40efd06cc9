"""What a voluntary SI payment costs: 22% of the declared income, less the state's and province's support.

Every figure comes from dated Parameters in force on the payment date, so a rule change (Decree
134/2015 until 30/06/2025, Decree 159/2025 after) is a new parameter row, not a code change.
Support is a share of the contribution on the rural poverty line, for at most `support_max_years`
years per person; a lump sum for the missing years gets none.
"""

from dataclasses import asdict, dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from enrollment.register.models.parameters import ParameterTable
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
    gross = whole_dong(income * si_rate) * months
    state_support = whole_dong(on_poverty_line * support_rate) * supported
    local_support = whole_dong(on_poverty_line * local_rate) * supported
    return Contribution(
        monthly_income=income, months=months, si_rate=si_rate, gross=gross, support_rate=support_rate,
        local_rate=local_rate, supported_months=supported, state_support=state_support,
        local_support=local_support, net=gross - state_support - local_support, rule=rule, limits=limits,
    )
