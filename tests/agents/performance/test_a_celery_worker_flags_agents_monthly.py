import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from agents.models import ContractReview
from agents.performance.tasks import flag_agents_for_review
from agents.quotas.services import agent_quotas_set
from enrollment.shared.months import add_months, first_of_month


@pytest.mark.django_db(transaction=True)
def test_the_monthly_task_flags_an_agent_who_brought_nobody_in(celery_worker, agents):
    this_month = first_of_month(timezone.localdate())
    for back in (1, 2, 3):
        month = add_months(this_month, -back)
        agent_quotas_set(level="staff", owners=[agents.mai], year=month.year, months=[month.month],
                         metric="si_new", target=3, user=None)
    assert flag_agents_for_review.delay().get(timeout=30) == 1
    assert list(ContractReview.objects.values_list("agent__full_name", flat=True)) == ["Nguyễn Thị Mai"]


@pytest.mark.django_db
def test_the_schedule_is_editable_in_the_admin():
    task = PeriodicTask.objects.get(task="agents.tasks.flag_agents_for_review")
    assert (task.crontab.day_of_month, task.crontab.hour, task.enabled) == ("1", "6", True)
