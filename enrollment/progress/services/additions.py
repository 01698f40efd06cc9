"""New participants added to the stored figures without recounting their communes.

Every figure counts distinct participants, and a participant registered since the last run was
in none of them: their own counts simply add to what is stored. `PendingParticipant` queues them
from the register; a run counts those it sees (in its repeatable-read snapshot) and removes
exactly those. This holds only for days a full run has counted: before that, their communes are
recounted instead.
"""

from django.db.models import Min

from enrollment.progress.models import (
    PendingParticipant,
    ProgressBreakdown,
    ProgressSnapshot,
    RecomputeKind,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.services.dates import days_affected, parse_days, snapshot_days
from enrollment.progress.services.figures import COUNT_METRICS
from enrollment.progress.services.leaves import leaves_compute
from enrollment.register.models.participants import Participant, Payment
from enrollment.territory.models.units import Level, Unit

CHUNK = 5000


def _chunks(ids):
    ids = list(ids)
    return [ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK)]


def pending_add(participant_ids):
    PendingParticipant.objects.bulk_create([PendingParticipant(participant_id=pk) for pk in participant_ids],
                                           batch_size=CHUNK, ignore_conflicts=True)


def pending_participant_ids():
    return sorted(PendingParticipant.objects.values_list("participant_id", flat=True))


def pending_clear(participant_ids):
    for chunk in _chunks(participant_ids):
        PendingParticipant.objects.filter(participant_id__in=chunk).delete()


def _waiting():
    return PendingParticipant.objects.values("participant_id")


def additions_days(today):
    """The snapshot days the waiting participants' payments can move."""
    found = Payment.objects.filter(participant_id__in=_waiting()).aggregate(paid=Min("paid_on"),
                                                                              start=Min("period_start"))
    return days_affected([d for d in found.values() if d], today)


def additions_communes():
    """Communes the waiting participants count in: their own and those of their payments."""
    return ({*Participant.objects.filter(pk__in=_waiting()).values_list("commune_id", flat=True)}
            | {*Payment.objects.filter(participant_id__in=_waiting()).values_list("commune_id", flat=True)})


def counted_in_full(days):
    """True when the latest full run counted every commune on each of these days."""
    run = (RecomputeRun.objects.filter(kind=RecomputeKind.FULL, status=RecomputeStatus.DONE, as_of__isnull=False)
           .order_by("-finished_at").first())
    if run is None:
        return False
    return set(days) <= {*snapshot_days(run.as_of), *parse_days(run.dates)}


def additions_leaves(days, breakdown_days, recounted, on_step=None):
    """The leaves the waiting participants count in, each with its stored figures plus theirs.

    `recounted` holds the (commune, day) this run has already recounted from the register, which
    count them already. Returns (figures, breakdowns, labels, paths of the units, their communes).
    """
    added = leaves_compute(days, breakdown_days=breakdown_days, on_step=on_step, pending_only=True)
    unit_ids = {unit_id for unit_id, _day in added.figures} | {key[0] for key in added.breakdowns}
    units = {pk: (parent_id if level == Level.VILLAGE else pk, path) for pk, level, parent_id, path in
             Unit.objects.filter(pk__in=unit_ids).values_list("pk", "level", "parent_id", "path")}

    def adds(unit_id, day):
        return (units[unit_id][0], day) not in recounted

    figures = _stored_figures(units, days)
    for (unit_id, day), values in added.figures.items():
        if unit_id in units and adds(unit_id, day):
            target = figures[(unit_id, day)]
            for metric, value in values.items():
                target[metric] = target.get(metric, 0) + value

    breakdowns, labels = _stored_breakdowns(units, breakdown_days)
    for (unit_id, day, dimension, key), added_counts in added.breakdowns.items():
        if unit_id in units and adds(unit_id, day):
            counts = breakdowns.setdefault((unit_id, day, dimension, key), [0, 0, 0])
            for column, value in enumerate(added_counts):
                counts[column] += value
    paths = {pk: path for pk, (_commune, path) in units.items()}
    return figures, breakdowns, labels, paths, {commune for commune, _path in units.values()}


def _stored_figures(units, days):
    figures = {(unit_id, day): {} for unit_id in units for day in days}
    for chunk in _chunks(units):
        rows = ProgressSnapshot.objects.filter(unit_id__in=chunk, date__in=days, metric__in=COUNT_METRICS)
        for unit_id, day, metric, actual in rows.values_list("unit_id", "date", "metric", "actual"):
            figures[(unit_id, day)][metric] = int(actual)
    return figures


def _stored_breakdowns(units, days):
    breakdowns, labels = {}, {}
    if not days:
        return breakdowns, labels
    for chunk in _chunks(units):
        rows = ProgressBreakdown.objects.filter(unit_id__in=chunk, date__in=days).values_list(
            "unit_id", "date", "dimension", "key", "label", "new_participants", "active_participants", "new_in_month")
        for unit_id, day, dimension, key, label, new, active, in_month in rows:
            breakdowns[(unit_id, day, dimension, key)] = [new, active, in_month]
            labels[(dimension, key)] = label
    return breakdowns, labels
