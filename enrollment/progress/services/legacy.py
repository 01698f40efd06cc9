"""Figures of the units before the 2025 reform: former provinces and districts, for any day.

Records stay on the 2025 tree (their communes), and the ordinary rollup counts them there. A record
imported with a code from before 1 July 2025 also keeps its former unit (`legacy_unit`); this pass
counts those records again by former unit and writes the rows of the former districts and provinces
above it, with plans, growth on last year and status as for any unit (`figures_write`):

- a payment counts under its own former unit, else under its participant's;
- new participants under the participant's former unit;
- former wards get no rows of their own from this pass (the country's row sums the wards below it,
  and these records are already in it through their 2025 communes);
- records entered directly on former communes are in the ordinary rollup of their former district
  and province: this pass adds those sums, so both kinds show together.

Rows of a former unit are rewritten whole for the run's days, whatever the run recounted.
"""

from django.db.models import Q

from enrollment.progress.models import ProgressMetric
from enrollment.progress.services.figures import COUNT_METRICS
from enrollment.progress.services.leaves import (
    NEW_COUNTS,
    Leaves,
    T,
    _add,
    _days_cte,
    _fetch,
    active_join,
    renewals_sql,
)
from enrollment.progress.services.rollup import rollup_figures
from enrollment.progress.services.writes import figures_write
from enrollment.register.models.participants import Participant
from enrollment.territory.models.units import CodeSet, Level, Unit

M = ProgressMetric
# The former unit a payment counts under, and the records that have one.
PAYMENT_LEAF = "COALESCE(pay.legacy_unit_id, par.legacy_unit_id)"
HAS_LEGACY = " AND (pay.legacy_unit_id IS NOT NULL OR par.legacy_unit_id IS NOT NULL)"


def legacy_needed(communes, added):
    """Whether a run over these communes (None: all) and waiting participants moves former units' figures."""
    with_legacy = Participant.objects.filter(legacy_unit__isnull=False)
    if communes is None:
        return with_legacy.exists()
    return with_legacy.filter(Q(commune_id__in=list(communes)) | Q(pk__in=list(added))).exists() or Unit.objects.filter(
        pk__in=list(communes), code_set=CodeSet.LEGACY).exists()


def legacy_leaves(days):
    """{(former unit, day): {metric: count}} at the former unit each record names."""
    leaves = Leaves()
    cte, params = _days_cte(days)
    participant_join = f"JOIN {T['participant']} par ON par.id = pay.participant_id"
    _add(leaves, _fetch(
        f"{cte} SELECT {PAYMENT_LEAF}, NULL, dt.d, COUNT(DISTINCT pay.participant_id) "
        f"FROM dt {active_join()} {participant_join} WHERE 1 = 1{HAS_LEGACY} GROUP BY 1, 2, 3", params),
        [M.SI_PARTICIPANTS])
    _add(leaves, _fetch(
        f"{cte} SELECT par.legacy_unit_id, NULL, dt.d, {NEW_COUNTS} FROM dt JOIN {T['participant']} par "
        f"ON par.first_paid_on >= dt.ystart AND par.first_paid_on <= dt.d "
        f"WHERE par.legacy_unit_id IS NOT NULL GROUP BY 1, 2, 3", params),
        [M.SI_NEW, M.SI_NEW_MONTH])
    _add(leaves, _fetch(renewals_sql(cte, HAS_LEGACY, unit=PAYMENT_LEAF, village="NULL"), params),
         [M.RENEWALS_DUE, M.RENEWALS_PAID, M.RENEWALS_LAPSED, M.RENEWALS_PROMISED])
    return leaves.figures


def _ancestor_paths(path):
    codes = path.strip("/").split("/")
    return ["/".join(codes[:i]) + "/" for i in range(2, len(codes) + 1)]


def legacy_rollup(figures):
    """({(former province or district, day): {metric: sum}}, {unit: path}) from the leaves' figures."""
    leaf_paths = dict(Unit.objects.filter(pk__in={u for u, _d in figures}).values_list("pk", "path"))
    wanted = {p for path in leaf_paths.values() for p in _ancestor_paths(path)}
    above = dict(Unit.objects.filter(path__in=wanted, level__lt=Level.COMMUNE).values_list("path", "pk"))
    totals = {}
    for (leaf, day), values in figures.items():
        for path in _ancestor_paths(leaf_paths.get(leaf, "")):
            if path not in above:
                continue
            target = totals.setdefault((above[path], day), {})
            for metric, value in values.items():
                target[metric] = target.get(metric, 0) + value
    return totals, {pk: path for path, pk in above.items()}


def legacy_figures_write(days, communes, added, computed_at):
    """Rewrite the rows of the former provinces and districts that records name, on `days`; rows written."""
    if not days or not legacy_needed(communes, added):
        return 0
    totals, paths = legacy_rollup(legacy_leaves(days))
    if not totals:
        return 0
    direct = rollup_figures(days, sorted(paths))
    for key, values in totals.items():
        for metric, value in direct.get(key, {}).items():
            if metric in COUNT_METRICS:
                values[metric] = values.get(metric, 0) + int(value)
    return figures_write(totals, paths, days, computed_at)
