"""Counts of active, trained and carded agent staff, per unit and per organisation."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from agents.staff.models import AgentCard, TrainingRecord, TrainingResult


@dataclass
class TrainingCount:
    pk: int
    name: str
    staff: int = 0
    trained: int = 0
    carded: int = 0


def _annotated(staff, day):
    trained = TrainingRecord.objects.filter(staff=OuterRef("pk"), result=TrainingResult.PASSED)
    carded = AgentCard.objects.filter(staff=OuterRef("pk"), issued_on__lte=day, expires_on__gte=day)
    return staff.filter(is_active=True).annotate(trained=Exists(trained), carded=Exists(carded))


def counts_by_organisation(staff, day):
    rows = (_annotated(staff, day).values("point__organisation", "point__organisation__name")
            .annotate(n=Count("pk"), n_trained=Count("pk", filter=Q(trained=True)),
                      n_carded=Count("pk", filter=Q(carded=True)))
            .order_by("point__organisation__name"))
    return [TrainingCount(r["point__organisation"], r["point__organisation__name"], r["n"], r["n_trained"],
                          r["n_carded"]) for r in rows]


def counts_by_unit(staff, units, day):
    """Per unit of `units` (e.g. the districts of a province), the staff whose point lies in it."""
    units = list(units)
    totals = {u.pk: TrainingCount(u.pk, u.name) for u in units}
    rows = (_annotated(staff, day).values_list("point__unit__path")
            .annotate(n=Count("pk"), n_trained=Count("pk", filter=Q(trained=True)),
                      n_carded=Count("pk", filter=Q(carded=True))).order_by())
    for path, n, n_trained, n_carded in rows:
        for unit in units:
            if path.startswith(unit.path):
                total = totals[unit.pk]
                total.staff, total.trained, total.carded = total.staff + n, total.trained + n_trained, \
                    total.carded + n_carded
    return [totals[u.pk] for u in units]
