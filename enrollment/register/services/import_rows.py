"""What one row of the participants-and-payments import must satisfy and how the register follows, shared by
the row-by-row path (imports.py) and the bulk path (imports_in_bulk.py): import keys, the messages of the
checks that look beyond the row's own cells, the contribution, and the participants' dates."""

import hashlib

from django.db import connection
from django.db.models import Max, Min, OuterRef, Subquery
from django.utils.translation import gettext as _

from enrollment.imports.services import RowError
from enrollment.register.models.participants import Participant, Payment
from enrollment.register.services.contributions import ContributionError, contribution_compute

CHUNK = 5000


def import_key_for(personal_id, paid_on, method, months, period_start, monthly_income):
    """Without a receipt number a row is known by what it says (not by what the register derives from it)."""
    start = period_start.strftime("%Y-%m") if period_start else ""
    text = f"{personal_id}|{paid_on:%Y-%m-%d}|{method}|{months}|{start}|{monthly_income}"
    return f"h:{hashlib.sha1(text.encode()).hexdigest()[:40]}"


def outside_area_error():
    return RowError("personal_id", _("this person is registered outside your area"))


def same_payment_error(has_receipt, earlier_line):
    return RowError("receipt_number" if has_receipt else "period_start",
                    _("the same payment as line %(line)s") % {"line": earlier_line})


def already_paid_error(through):
    return RowError("period_start", _("months up to %(month)s are already paid") % {"month": through.strftime("%m/%Y")})


def village_error(code):
    return "village_code", _("no village %(code)s in this commune") % {"code": code}


def row_contribution(payment, category, supported_before, params):
    """The payment's amounts, or RowError against the column the rules point at."""
    try:
        return contribution_compute(
            on_date=payment["paid_on"], monthly_income=payment["monthly_income"], method=payment["method"],
            months=payment["months"], support_category=category, supported_months_before=supported_before,
            params=params,
        )
    except ContributionError as error:
        raise RowError({"months": "months", "method": "method"}.get(error.field, "monthly_income"),
                       error.message) from None
    except LookupError:
        raise RowError("paid_on", _("no contribution rules are set for this date")) from None


REFRESH_SQL = """
    UPDATE {participant} AS p SET first_paid_on = a.first_paid_on, paid_through = a.paid_through
    FROM (SELECT participant_id, MIN(paid_on) AS first_paid_on, MAX(period_end) AS paid_through
          FROM {payment} WHERE participant_id = ANY(%s) GROUP BY participant_id) AS a
    WHERE p.id = a.participant_id
"""


def participants_refresh_dates(participant_ids):
    """first_paid_on and paid_through from the payments, one UPDATE per chunk."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for start in range(0, len(participant_ids), CHUNK):
                cursor.execute(REFRESH_SQL.format(participant=Participant._meta.db_table, payment=Payment._meta.db_table),
                               [participant_ids[start:start + CHUNK]])
        return
    for start in range(0, len(participant_ids), CHUNK):
        chunk = participant_ids[start:start + CHUNK]
        payments = Payment.objects.filter(participant=OuterRef("pk")).order_by().values("participant")
        Participant.objects.filter(pk__in=chunk).update(
            first_paid_on=Subquery(payments.annotate(v=Min("paid_on")).values("v")),
            paid_through=Subquery(payments.annotate(v=Max("period_end")).values("v")),
        )
