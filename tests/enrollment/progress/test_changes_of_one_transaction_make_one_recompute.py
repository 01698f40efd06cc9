import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from enrollment.models import RecomputeRun
from tests.enrollment.progress.conftest import MONTHLY

pytestmark = pytest.mark.django_db


def test_a_batch_of_payments_queues_one_incremental_recompute_of_their_communes(
        tree, enrol, eager_tasks, django_capture_on_commit_callbacks, figure):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            enrol(tree.commune, [(today, MONTHLY)])
            enrol(tree.commune, [(today, MONTHLY)])
            earlier_this_year = max(today.replace(day=1, month=1), today - datetime.timedelta(days=40))
            enrol(tree.far_commune, [(earlier_this_year, MONTHLY)])

    run = RecomputeRun.objects.get()
    assert (run.kind, run.status) == ("incremental", "done")
    assert run.unit_ids == sorted([tree.commune.pk, tree.far_commune.pk])
    assert figure(tree.province, today, "si_new").actual == 2
    assert figure(None, today, "si_new").actual == 3


def test_nothing_is_queued_when_the_transaction_rolls_back(tree, enrol, eager_tasks,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            enrol(tree.commune, [(timezone.localdate(), MONTHLY)])
            raise RuntimeError("the entry form failed")

    assert not RecomputeRun.objects.exists()
