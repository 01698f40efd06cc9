"""Writing to the register: participants (one per personal ID) and their payments."""

from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum

from enrollment.progress.services.engine import progress_changed, progress_paid
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import (
    Outcome,
    Participant,
    Payment,
    RenewalOutcome,
)
from enrollment.register.services.contributions import (
    contribution_compute,
    months_for_method,
)
from enrollment.register.signals import register_people_written
from enrollment.shared.months import add_months, first_of_month

PARTICIPANT_FIELDS = (
    "full_name", "birth_date", "sex", "si_number", "phone", "commune", "village", "target_group", "support_category",
)


def participant_get_or_create(*, personal_id, user=None, **fields):
    """The participant with this ID, created when new: (participant, created).

    The unique index decides between two concurrent submits: the loser's insert fails and it
    reads the winner's row instead of creating a second person.
    """
    existing = Participant.objects.filter(personal_id=personal_id).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                personal_id=personal_id, created_by=user, **{k: v for k, v in fields.items() if k in PARTICIPANT_FIELDS}
            )
        register_people_written.send(sender=Participant, personal_ids=[participant.personal_id])
        return participant, True
    except IntegrityError:
        return Participant.objects.get(personal_id=personal_id), False


def next_period_start(participant, paid_on):
    """The month a new payment starts: after the last month paid, or the payment month for a newcomer."""
    if participant.paid_through is None:
        return first_of_month(paid_on)
    return add_months(participant.paid_through, 1)


def supported_months_so_far(participant):
    return participant.payments.aggregate(total=Sum("supported_months"))["total"] or 0


@transaction.atomic
def payment_record(*, participant, paid_on, method, monthly_income, months=None, period_start=None, user=None,
                   collected_by_staff=None, mobilised_by_staff=None, import_key=None, params=None, **agent_links):
    """Record one payment: compute its amounts by the rules in force on `paid_on`, move paid-through on."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    first_paid_before = participant.first_paid_on
    months = months_for_method(method, months)
    start = first_of_month(period_start) if period_start else next_period_start(participant, paid_on)
    contribution = contribution_compute(
        on_date=paid_on, monthly_income=monthly_income, method=method, months=months,
        support_category=participant.support_category,
        supported_months_before=supported_months_so_far(participant), params=params or ParameterTable(),
    )
    payment = Payment.objects.create(
        participant=participant, commune_id=participant.commune_id, paid_on=paid_on, period_start=start,
        period_end=add_months(start, months - 1), months=months, method=method,
        monthly_income=contribution.monthly_income, gross=contribution.gross,
        state_support=contribution.state_support, local_support=contribution.local_support, net=contribution.net,
        supported_months=contribution.supported_months, fund_return=contribution.fund_return,
        adjustment=contribution.adjustment, collected_by_staff=collected_by_staff,
        mobilised_by_staff=mobilised_by_staff, is_first=not participant.payments.exists(),
        import_key=import_key, created_by=user, **agent_links,
    )
    participant_refresh_dates(participant)
    if payment.is_first:
        register_people_written.send(sender=Payment, personal_ids=[participant.personal_id])
        if payment.mobilised_by_agent_id is None or payment.campaign_id is None:
            payment.refresh_from_db(fields=["mobilised_by_agent", "campaign"])
    outcomes = RenewalOutcome.objects.filter(participant=participant, due_month=start)
    outcome_overwritten = outcomes.exclude(outcome=Outcome.PAID).exists()
    outcomes.update(outcome=Outcome.PAID, promised_on=None, recorded_by=user)
    if payment.is_first or outcome_overwritten or first_paid_before is None or paid_on < first_paid_before:
        # Someone's first payment day or a renewal outcome changes too: their commune is recounted.
        progress_changed([participant.commune_id], [paid_on, start])
    else:
        progress_paid([(payment.pk, participant.pk)], [paid_on, start])
    return payment


def participant_refresh_dates(participant):
    """Derive first payment day and paid-through month from the payments."""
    dates = participant.payments.aggregate(first=Min("paid_on"), through=Max("period_end"))
    Participant.objects.filter(pk=participant.pk).update(first_paid_on=dates["first"], paid_through=dates["through"])
    participant.first_paid_on, participant.paid_through = dates["first"], dates["through"]
    return participant


def next_due_month(participant):
    return add_months(participant.paid_through, 1) if participant.paid_through else None
