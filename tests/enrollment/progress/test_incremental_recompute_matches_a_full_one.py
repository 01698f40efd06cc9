import datetime

import pytest

from enrollment.models import ProgressBreakdown, ProgressSnapshot, RecomputeRun
from enrollment.progress.services.engine import progress_recompute, progress_run_execute
from tests.enrollment.progress.conftest import MONTHLY, QUARTERLY, YEARLY

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)
D = datetime.date
FIELDS = ("unit_id", "date", "metric", "actual", "plan_initial", "plan_in_force", "phased_to_date",
          "achievement_initial", "achievement_in_force", "achievement_phased", "gap", "forecast", "status")


def everything():
    snapshots = set(ProgressSnapshot.objects.values_list(*FIELDS))
    breakdowns = set(ProgressBreakdown.objects.values_list("unit_id", "date", "dimension", "key", "new_participants",
                                                           "active_participants"))
    return snapshots, breakdowns


@pytest.fixture
def history(tree, enrol, approved_plan):
    approved_plan(tree.province, 2026, "si_participants", 10)
    approved_plan(tree.district, 2026, "si_new", 3)
    enrol(tree.commune, [(D(2025, 2, 3), QUARTERLY), (D(2025, 5, 2), QUARTERLY)], village=tree.village)
    enrol(tree.other_commune, [(D(2025, 11, 5), MONTHLY), (D(2025, 12, 5), MONTHLY)])
    enrol(tree.far_commune, [(D(2026, 1, 5), YEARLY)])


def test_recomputing_only_the_changed_commune_gives_the_figures_of_a_full_run(tree, history, enrol):
    progress_recompute(full=True, today=TODAY)
    enrol(tree.commune, [(D(2025, 10, 7), QUARTERLY), (D(2026, 1, 6), QUARTERLY)], village=tree.village)
    enrol(tree.other_commune, [(D(2026, 3, 2), MONTHLY)], target_group="student")

    run = progress_recompute(unit_ids=[tree.village.pk, tree.other_commune.pk], days=[D(2025, 10, 7), D(2026, 3, 2)],
                             today=TODAY)
    incremental = everything()
    assert run.kind == "incremental" and run.status == "done"
    assert run.snapshot_rows < ProgressSnapshot.objects.count()  # only what the change could move was written

    progress_recompute(full=True, today=TODAY)
    assert everything() == incremental


def test_running_twice_changes_nothing(tree, history):
    progress_recompute(full=True, today=TODAY)
    first = everything()
    count = ProgressSnapshot.objects.count(), ProgressBreakdown.objects.count()

    progress_recompute(full=True, today=TODAY)

    assert everything() == first
    assert (ProgressSnapshot.objects.count(), ProgressBreakdown.objects.count()) == count


def test_a_run_stopped_half_way_leaves_the_previous_figures_and_the_next_run_is_right(tree, history, enrol, figure):
    progress_recompute(full=True, today=TODAY)
    before = everything()
    enrol(tree.commune, [(D(2026, 3, 1), MONTHLY)])

    run = RecomputeRun.objects.create(kind="full", triggered_by="test")
    run = progress_run_execute(run_id=run.pk, today=TODAY, fail_after_step=6)

    assert run.status == "failed" and "stopped after step 6" in run.error
    assert everything() == before
    assert progress_recompute(full=True, today=TODAY).status == "done"
    assert figure(tree.commune, TODAY, "si_new").actual == 1
