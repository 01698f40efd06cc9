"""Changes to the stored figures made without recounting communes: new participants added, repeat
payments applied as differences.

Every figure counts distinct participants, so it is a sum of each participant's own counts.

- A participant registered since the last run was in none of them: their counts simply add to
  what is stored. `PendingParticipant` queues them from the register.
- A payment by someone already counted (`PendingPayment`, queued by the register only when the
  payment changes nothing else the figures read) moves that person's counts alone: the run counts
  them with and without the payments waiting, and applies the difference.

A run counts the rows it sees (in its repeatable-read snapshot) and removes exactly those. This
holds only for days a full run has counted: before that, the communes are recounted instead.
"""

from django.db import connection
from django.db.models import Min

from enrollment.progress.models import (
    PendingParticipant,
    PendingPayment,
    RecomputeKind,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.services.dates import days_affected, parse_days, snapshot_days
from enrollment.progress.services.deltas import figures_moved
from enrollment.progress.services.leaves import Leaves, People, leaves_compute
from enrollment.register.models.participants import Participant, Payment
from enrollment.territory.models.units import Level, Unit

CHUNK = 5000
NEW_PEOPLE = f"SELECT participant_id FROM {PendingParticipant._meta.db_table}"
WAITING_PAYMENTS = f"SELECT payment_id FROM {PendingPayment._meta.db_table}"
# People paying again; a new participant's later payments are counted with them, whole.
PAYING_AGAIN = (f"SELECT participant_id FROM {PendingPayment._meta.db_table} "
                f"WHERE participant_id NOT IN ({NEW_PEOPLE})")


def _chunks(ids):
    ids = list(ids)
    return [ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK)]


def pending_add(participant_ids):
    if connection.vendor == "postgresql":  # one statement, whatever the size of an import
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {PendingParticipant._meta.db_table} (participant_id) "
                           "SELECT unnest(%s::bigint[]) ON CONFLICT DO NOTHING", [list(participant_ids)])
        return
    PendingParticipant.objects.bulk_create([PendingParticipant(participant_id=pk) for pk in participant_ids],
                                           batch_size=CHUNK, ignore_conflicts=True)


def pending_payments_add(payments):
    """Queue payments ((payment id, participant id) pairs) of people already counted."""
    PendingPayment.objects.bulk_create([PendingPayment(payment_id=pay, participant_id=par) for pay, par in payments],
                                       batch_size=CHUNK, ignore_conflicts=True)


def pending_statistics_refresh():
    """PostgreSQL: statistics of the waiting lists as they stand. Never analysed, they read as some
    9,000 rows whatever they hold, and the queries joining them to the payments scan all of those."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {PendingParticipant._meta.db_table}, {PendingPayment._meta.db_table}")


def pending_participant_ids():
    return sorted(PendingParticipant.objects.values_list("participant_id", flat=True))


def pending_payment_ids():
    return sorted(PendingPayment.objects.values_list("payment_id", flat=True))


def pending_clear(participant_ids, payment_ids=()):
    for chunk in _chunks(participant_ids):
        PendingParticipant.objects.filter(participant_id__in=chunk).delete()
    for chunk in _chunks(payment_ids):
        PendingPayment.objects.filter(payment_id__in=chunk).delete()


def additions_days(today):
    """The snapshot days the waiting participants' and payments' figures can move: from the earliest
    payment of a new person and the earliest repeat payment waiting (two queries: one with OR reads
    every payment)."""
    found = []
    for waiting in (Payment.objects.filter(participant_id__in=PendingParticipant.objects.values("participant_id")),
                    Payment.objects.filter(pk__in=PendingPayment.objects.values("payment_id"))):
        found += waiting.aggregate(paid=Min("paid_on"), start=Min("period_start")).values()
    return days_affected([d for d in found if d], today)


def additions_communes():
    """Communes the waiting people count in: their own and those of all their payments."""
    people = {*PendingParticipant.objects.values_list("participant_id", flat=True),
              *PendingPayment.objects.values_list("participant_id", flat=True)}
    communes = set()
    for chunk in _chunks(people):
        communes |= {*Participant.objects.filter(pk__in=chunk).values_list("commune_id", flat=True),
                     *Payment.objects.filter(participant_id__in=chunk).values_list("commune_id", flat=True)}
    return communes


def counted_in_full(days):
    """True when the latest full run counted every commune on each of these days."""
    run = (RecomputeRun.objects.filter(kind=RecomputeKind.FULL, status=RecomputeStatus.DONE, as_of__isnull=False)
           .order_by("-finished_at").first())
    if run is None:
        return False
    return set(days) <= {*snapshot_days(run.as_of), *parse_days(run.dates)}


def _accumulate(total, leaves, sign):
    for key, values in leaves.figures.items():
        target = total.figures[key]
        for metric, value in values.items():
            target[metric] = target.get(metric, 0) + sign * value
    for key, counts in leaves.breakdowns.items():
        target = total.breakdowns[key]
        for column, value in enumerate(counts):
            target[column] += sign * value


def additions_changes(days, breakdown_days, new_people=True, paying_again=True, on_step=None):
    """What the waiting people change, per leaf: new people's counts, plus each repeat payer's counts
    with the waiting payments less their counts without them. Entries that change nothing are left out."""
    changes = Leaves()
    if new_people:
        _accumulate(changes, leaves_compute(days, breakdown_days=breakdown_days, on_step=on_step,
                                            people=People(NEW_PEOPLE)), 1)
        on_step = None
    if paying_again:
        _accumulate(changes, leaves_compute(days, breakdown_days=breakdown_days, on_step=on_step,
                                            people=People(PAYING_AGAIN)), 1)
        _accumulate(changes, leaves_compute(days, breakdown_days=breakdown_days,
                                            people=People(PAYING_AGAIN, WAITING_PAYMENTS)), -1)
    changes.figures = {key: values for key, values in changes.figures.items() if any(values.values())}
    changes.breakdowns = {key: counts for key, counts in changes.breakdowns.items() if any(counts)}
    return changes


def additions_leaves(days, breakdown_days, recounted, on_step=None, new_people=True, paying_again=True):
    """The leaves the waiting people's changes touch, each with its stored figures plus those changes.

    `recounted` holds the (commune, day) this run has already recounted from the register, which
    count them already. Returns (figures, the rows they move (`figures_moved`), paths of the units, the
    changes added (Leaves of differences), the communes touched).
    """
    added = additions_changes(days, breakdown_days, new_people, paying_again, on_step)
    unit_ids = {unit_id for unit_id, _day in added.figures} | {key[0] for key in added.breakdowns}
    units = {pk: (parent_id if level == Level.VILLAGE else pk, path) for pk, level, parent_id, path in
             Unit.objects.filter(pk__in=unit_ids).values_list("pk", "level", "parent_id", "path")}

    def adds(unit_id, day):
        return unit_id in units and (units[unit_id][0], day) not in recounted

    counted = Leaves()
    counted.figures = {(unit_id, day): values for (unit_id, day), values in added.figures.items() if adds(unit_id, day)}
    counted.breakdowns = {key: counts for key, counts in added.breakdowns.items() if adds(key[0], key[1])}
    figures, moved = figures_moved(list(units), days, counted.figures)
    paths = {pk: path for pk, (_commune, path) in units.items()}
    return figures, moved, paths, counted, {commune for commune, _path in units.values()}
