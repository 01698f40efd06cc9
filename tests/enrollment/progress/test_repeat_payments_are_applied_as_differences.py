"""Payments by people already counted move the stored figures by the difference they make; their
communes are not recounted, and the figures are those of a full run."""

import datetime
from decimal import Decimal

import pytest

from enrollment.models import (
    PendingParticipant,
    PendingPayment,
    ProgressBreakdown,
    ProgressSnapshot,
    RecomputeRun,
    RenewalOutcome,
)
from enrollment.progress.services.engine import (
    progress_added,
    progress_changes_paused,
    progress_recompute,
    progress_run_execute,
)
from enrollment.register.services.participants import payment_record
from tests.enrollment.progress.conftest import MONTHLY, QUARTERLY, YEARLY
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)
D = datetime.date
FIELDS = ("unit_id", "date", "metric", "actual", "plan_initial", "plan_in_force", "phased_to_date",
          "achievement_initial", "achievement_in_force", "achievement_phased", "gap", "forecast", "status",
          "last_year", "growth", "growth_percent")


def everything():
    snapshots = set(ProgressSnapshot.objects.values_list(*FIELDS))
    breakdowns = set(ProgressBreakdown.objects.values_list("unit_id", "date", "dimension", "key", "new_participants",
                                                           "active_participants", "new_in_month"))
    return snapshots, breakdowns


@pytest.fixture
def people(tree, enrol, approved_plan):
    """Counted by a full run on TODAY: someone due this month, someone who lapsed in January, someone
    paid up to December, and others around them."""
    approved_plan(tree.province, 2026, "si_participants", 10)
    approved_plan(tree.district, 2026, "si_new", 3)
    first_officer = StaffFactory(unit=tree.district)
    due_now = enrol(tree.commune, [(D(2025, 12, 3), QUARTERLY)], village=tree.village,
                    mobilised_by_staff=first_officer)
    lapsed = enrol(tree.other_commune, [(D(2025, 11, 5), MONTHLY), (D(2025, 12, 5), MONTHLY)],
                   target_group="student")
    paid_up = enrol(tree.far_commune, [(D(2026, 1, 5), YEARLY)])
    enrol(tree.commune, [(D(2025, 2, 3), QUARTERLY), (D(2025, 5, 2), QUARTERLY)], village=tree.village)
    enrol(tree.other_commune, [(D(2026, 2, 10), MONTHLY)])
    progress_recompute(full=True, today=TODAY)
    return due_now, lapsed, paid_up


def pay(person, paid_on, method=MONTHLY, **links):
    return payment_record(participant=person, paid_on=paid_on, method=method, monthly_income=Decimal(2_000_000),
                          **links)


def run_the_changes():
    run = RecomputeRun.objects.create(kind="incremental", triggered_by="changes")
    return progress_run_execute(run_id=run.pk, today=TODAY)


def differences_from_a_full_run():
    """Rows the incremental figures and those of a full run do not share (none when they are the same)."""
    incremental = everything()
    progress_recompute(full=True, today=TODAY)
    full = everything()
    return incremental[0] ^ full[0], incremental[1] ^ full[1]


def test_repeat_payments_move_the_figures_without_recounting_a_commune(tree, people, figure):
    due_now, lapsed, paid_up = people
    paid_before = figure(tree.commune, TODAY, "renewals_paid").actual

    pay(due_now, D(2026, 3, 10), mobilised_by_staff=StaffFactory(unit=tree.district))  # due this month, paid by someone else's work
    pay(lapsed, D(2026, 3, 11))  # lapsed in January: pays January late
    pay(paid_up, D(2026, 3, 12), YEARLY)  # next year in advance: no figure of this year moves
    assert PendingPayment.objects.count() == 3

    run = run_the_changes()

    assert run.status == "done"
    assert run.unit_ids == []  # no commune recounted
    assert not PendingPayment.objects.exists()
    assert figure(tree.commune, TODAY, "renewals_paid").actual == paid_before + 1
    assert figure(tree.village, TODAY, "renewals_paid").actual == paid_before + 1
    assert differences_from_a_full_run() == (set(), set())


def test_a_late_payment_changes_the_month_end_it_reaches_back_to(tree, people, figure):
    _due_now, lapsed, _paid_up = people
    january = D(2026, 1, 31)
    assert figure(tree.other_commune, january, "renewals_lapsed").actual == 1
    assert figure(tree.other_commune, january, "si_participants").actual == 0
    province_before = figure(tree.province, january, "si_participants").actual

    pay(lapsed, D(2026, 3, 11))  # covers January: paid again in January, due (and lapsed) in February instead

    assert run_the_changes().status == "done"
    assert figure(tree.other_commune, january, "renewals_lapsed").actual == 0
    assert figure(tree.other_commune, january, "renewals_paid").actual == 1
    assert figure(tree.other_commune, january, "si_participants").actual == 1
    assert figure(tree.other_commune, D(2026, 2, 28), "renewals_lapsed").actual == 1
    assert figure(tree.province, january, "si_participants").actual == province_before + 1
    assert differences_from_a_full_run() == (set(), set())


def test_repeat_payments_and_recounted_communes_in_one_run(tree, people, enrol):
    due_now, lapsed, _paid_up = people
    pay(due_now, D(2026, 3, 10))
    pay(lapsed, D(2026, 3, 11))
    enrol(tree.commune, [(D(2026, 3, 9), MONTHLY)], village=tree.village)  # a first payment: its commune recounted

    run = run_the_changes()

    assert run.status == "done" and run.unit_ids == [tree.commune.pk]
    assert differences_from_a_full_run() == (set(), set())


@pytest.mark.parametrize("outcome", ["declined", "promised"])
def test_a_payment_that_overwrites_a_renewal_outcome_recounts_its_commune(tree, people, outcome):
    due_now, lapsed, _paid_up = people
    RenewalOutcome.objects.create(participant=due_now, due_month=D(2026, 3, 1), outcome=outcome)
    progress_recompute(full=True, today=TODAY)

    pay(due_now, D(2026, 3, 10))
    pay(lapsed, D(2026, 3, 11))

    assert list(PendingPayment.objects.values_list("participant_id", flat=True)) == [lapsed.pk]
    run = run_the_changes()
    assert run.status == "done" and run.unit_ids == [tree.commune.pk]
    assert differences_from_a_full_run() == (set(), set())


def test_a_new_person_paying_again_before_the_run_is_counted_once(tree, people, enrol, figure):
    with progress_changes_paused():
        newcomer = enrol(tree.far_commune, [(D(2026, 2, 2), MONTHLY)])
    progress_added([newcomer.pk], [D(2026, 2, 2)])  # as an import queues its new people
    pay(newcomer, D(2026, 3, 3))

    run = run_the_changes()

    assert run.status == "done" and run.unit_ids == [] and run.added_participants == 1
    assert not PendingParticipant.objects.exists() and not PendingPayment.objects.exists()
    assert figure(tree.far_commune, TODAY, "si_participants").actual == 2
    assert differences_from_a_full_run() == (set(), set())


def test_a_run_stopped_half_way_keeps_the_payments_waiting_for_the_next(tree, people):
    due_now, lapsed, _paid_up = people
    before = everything()
    pay(due_now, D(2026, 3, 10))
    pay(lapsed, D(2026, 3, 11))

    stopped = RecomputeRun.objects.create(kind="incremental", triggered_by="changes")
    stopped = progress_run_execute(run_id=stopped.pk, today=TODAY, fail_after_step=3)

    assert stopped.status == "failed"
    assert everything() == before
    assert PendingPayment.objects.count() == 2
    assert run_the_changes().status == "done"
    assert not PendingPayment.objects.exists()
    assert differences_from_a_full_run() == (set(), set())


def test_before_a_full_run_has_counted_the_days_the_payers_commune_is_recounted(tree, people, figure):
    ProgressSnapshot.objects.all().delete()
    RecomputeRun.objects.all().delete()
    due_now = people[0]
    pay(due_now, D(2026, 3, 10))

    assert run_the_changes().status == "done"
    assert not PendingPayment.objects.exists()
    # Recounted from the register: a difference added to no stored figure would read 0 here.
    assert figure(tree.commune, TODAY, "si_participants").actual == 1
    assert figure(tree.commune, TODAY, "renewals_paid").actual == 1
