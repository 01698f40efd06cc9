"""Correcting a participant or a payment already in the register. Every change is kept by
django-simple-history with who made it (the request's user) and when; figures are recomputed."""

from django.db import transaction
from django.utils.translation import gettext as _

from enrollment.progress.services.engine import progress_changed
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import Participant, Payment
from enrollment.register.services.contributions import contribution_compute
from enrollment.register.services.participants import PARTICIPANT_FIELDS, participant_refresh_dates


class EditError(ValueError):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


@transaction.atomic
def participant_update(*, participant, reason="", **fields):
    """Save the changed fields; a new personal ID must be free. Returns the names of the fields changed."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    allowed = {*PARTICIPANT_FIELDS, "personal_id"}
    changed = [name for name, value in fields.items() if name in allowed and getattr(participant, name) != value]
    if not changed:
        return []
    new_id = fields.get("personal_id", participant.personal_id)
    if "personal_id" in changed and Participant.objects.filter(personal_id=new_id).exclude(pk=participant.pk).exists():
        raise EditError("personal_id", _("This personal ID is already registered."))
    old_commune = participant.commune_id
    for name in changed:
        setattr(participant, name, fields[name])
    participant._change_reason = reason
    participant.save()
    if {"commune", "village", "target_group", "support_category"} & set(changed) and participant.first_paid_on:
        progress_changed([old_commune, participant.commune_id], [participant.first_paid_on])
    return changed


@transaction.atomic
def payment_update(*, payment, paid_on, monthly_income, reason="", **links):
    """Correct a payment's day, declared income and who collected or mobilised it. The months it covers stay;
    its amounts are computed again by the rules in force on the (new) day."""
    payment = Payment.objects.select_for_update().select_related("participant").get(pk=payment.pk)
    earlier_support = sum(payment.participant.payments.filter(period_start__lt=payment.period_start)
                          .values_list("supported_months", flat=True))
    contribution = contribution_compute(
        on_date=paid_on, monthly_income=monthly_income, method=payment.method, months=payment.months,
        support_category=payment.participant.support_category, supported_months_before=earlier_support,
        params=ParameterTable())
    old_day = payment.paid_on
    payment.paid_on = paid_on
    for name in ("monthly_income", "gross", "state_support", "local_support", "net", "supported_months"):
        setattr(payment, name, getattr(contribution, name))
    for name, value in links.items():
        setattr(payment, name, value)
    payment._change_reason = reason
    payment.save()
    participant_refresh_dates(payment.participant)
    progress_changed([payment.commune_id], [min(old_day, paid_on), payment.period_start])
    return payment
