"""Renewal work: the due list of a month (or of one day in December) and what came of each call."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from enrollment.progress.services.engine import progress_changed
from enrollment.register.models.participants import LAPSING_OUTCOMES, Outcome, Payment, RenewalOutcome
from enrollment.register.selectors.definitions import (
    count_by_unit,
    participants_due_in,
    participants_lapsed_for,
    participants_paid_again_in,
)
from enrollment.shared.formats import percent_of
from enrollment.shared.months import add_months, first_of_month


class RenewalError(ValueError):
    pass


class Status:
    PAID = "paid"
    OUTSTANDING = "outstanding"
    LAPSED = "lapsed"


def due_list(participants, month, day=None):
    """People due in `month`, annotated with their renewal status and last word.

    With `day` (the daily list of December), "paid again" counts only payments made up to that day.
    """
    month = first_of_month(month)
    renewing = Payment.objects.filter(participant=OuterRef("pk"), period_start=month)
    if day is not None:
        renewing = renewing.filter(paid_on__lte=day)
    outcome = RenewalOutcome.objects.filter(participant=OuterRef("pk"), due_month=month)
    last_payment = Payment.objects.filter(participant=OuterRef("pk"), period_end=add_months(month, -1)).order_by("-pk")
    return participants_due_in(month, participants).annotate(
        paid_again=Exists(renewing),
        outcome=Subquery(outcome.values("outcome")[:1]),
        promised_on=Subquery(outcome.values("promised_on")[:1]),
        outcome_reason=Subquery(outcome.values("reason")[:1]),
        last_method=Subquery(last_payment.values("method")[:1]),
        last_collector=Subquery(last_payment.values("collected_by_staff__full_name")[:1]),
    )


class Worklist:
    """The filters of the renewal worklist."""

    NOT_CONTACTED = "not_contacted"
    PROMISED = "promised"
    PAID = "paid"
    OUTSTANDING = "outstanding"
    ALL = (NOT_CONTACTED, PROMISED, PAID, OUTSTANDING)


def due_list_filtered(rows, status):
    if status == Worklist.NOT_CONTACTED:
        return rows.filter(paid_again=False, outcome__isnull=True)
    if status == Worklist.PROMISED:
        return rows.filter(paid_again=False, outcome=Outcome.PROMISED)
    if status == Worklist.PAID:
        return rows.filter(paid_again=True)
    if status == Worklist.OUTSTANDING:
        return rows.filter(paid_again=False)
    return rows


def due_list_by_urgency(rows, today):
    """Who to chase first: broken promises, then nobody called yet, then unreachable, then promises to come;
    those who paid again or lapsed for good go last."""
    return rows.annotate(urgency=Case(
        When(paid_again=True, then=Value(6)),
        When(outcome__in=LAPSING_OUTCOMES, then=Value(5)),
        When(outcome=Outcome.PROMISED, promised_on__lt=today, then=Value(0)),
        When(outcome__isnull=True, then=Value(1)),
        When(outcome=Outcome.UNREACHABLE, then=Value(2)),
        When(outcome=Outcome.PROMISED, then=Value(3)),
        default=Value(4), output_field=IntegerField(),
    )).order_by("urgency", "promised_on", "commune__name", "full_name", "pk")


STATUS_LABELS = {Status.PAID: _lazy("Paid again"), Status.OUTSTANDING: _lazy("Not yet paid"),
                 Status.LAPSED: _lazy("Lapsed")}
OUTCOME_CHOICES = [c for c in Outcome.choices if c[0] != Outcome.PAID]


def worklist_cell(record, month, today, form=None, saved=False):
    """What the outcome cell of one person on a worklist shows (the desktop list and the phone page)."""
    status = status_of(record, month, today)
    return {"record": record, "status": status, "status_label": STATUS_LABELS[status], "month": month,
            "choices": OUTCOME_CHOICES, "form": form, "saved": saved,
            "outcome_label": Outcome(record.outcome).label if record.outcome else ""}


@dataclass
class WorklistCounts:
    due: int
    not_paid: int
    not_contacted: int
    promised_this_week: int


def worklist_counts(participants, month, today):
    """How much renewal work is left this month, in one query."""
    week_end = today + timedelta(days=6 - today.weekday())
    rows = due_list(participants, month).aggregate(
        due=Count("pk"),
        not_paid=Count("pk", filter=Q(paid_again=False)),
        not_contacted=Count("pk", filter=Q(paid_again=False, outcome__isnull=True)),
        promised_this_week=Count("pk", filter=Q(paid_again=False, outcome=Outcome.PROMISED,
                                                promised_on__lte=week_end)),
    )
    return WorklistCounts(**rows)


def due_list_for_officer(queryset, staff):
    """People an officer looks after: whom they mobilised or whose payments they collected."""
    return queryset.filter(Q(payments__mobilised_by_staff=staff) | Q(payments__collected_by_staff=staff)).distinct()


def due_list_for_point(queryset, point_id):
    """People living in the communes a collection point serves (agents' model named by its relation only)."""
    return queryset.filter(commune__serving_points=point_id)


def status_of(row, month, today):
    if row.paid_again:
        return Status.PAID
    if add_months(month, 1) <= today or row.outcome in (Outcome.DECLINED, Outcome.MOVED, Outcome.DIED):
        return Status.LAPSED
    return Status.OUTSTANDING


def renewal_outcome_record(*, participant, due_month, outcome, promised_on=None, reason="", user=None):
    due_month = first_of_month(due_month)
    if not participants_due_in(due_month).filter(pk=participant.pk).exists():
        raise RenewalError(_("%(name)s is not due in %(month)s.") % {"name": participant.full_name,
                                                                     "month": due_month.strftime("%m/%Y")})
    record, _created = RenewalOutcome.objects.update_or_create(
        participant=participant, due_month=due_month,
        defaults={"outcome": outcome, "promised_on": promised_on if outcome == Outcome.PROMISED else None,
                  "reason": reason, "recorded_by": user},
    )
    progress_changed([participant.commune_id], [due_month])
    return record


@dataclass
class RenewalFigures:
    due: int
    paid_again: int
    lapsed: int

    @property
    def outstanding(self):
        return self.due - self.paid_again - self.lapsed

    @property
    def rate(self):
        return percent_of(self.paid_again, self.due)


def renewal_figures(units, month, today, participants=None):
    """{unit_id: RenewalFigures} for a month, for units of any level."""
    units = list(units)
    due = count_by_unit(participants_due_in(month, participants), units)
    paid = count_by_unit(participants_paid_again_in(month, participants), units)
    lapsed = count_by_unit(participants_lapsed_for(month, today, participants), units)
    return {u.pk: RenewalFigures(due.get(u.pk, 0), paid.get(u.pk, 0), lapsed.get(u.pk, 0)) for u in units}


def months_of_year(year):
    return [date(year, m, 1) for m in range(1, 13)]
