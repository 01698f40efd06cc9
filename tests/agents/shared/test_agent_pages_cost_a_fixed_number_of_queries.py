import uuid
from datetime import date

import pytest
from django.utils import timezone

from agents.models import (
    AgentStaff,
    Campaign,
    CampaignResult,
    CampaignType,
    EnrolleeKind,
    ResultEnrollee,
)
from agents.quotas.services import agent_quotas_set
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(agents, tree):
    """Forty more agent staff with quotas and results, so a query per row would show."""
    staff = AgentStaff.objects.bulk_create(
        [AgentStaff(full_name=f"Nhân viên {n}", point=agents.post_point) for n in range(40)])
    today = timezone.localdate()
    agent_quotas_set(level="staff", owners=staff, year=today.year, months=range(1, 13), metric="si_new", target=3,
                     user=None)
    campaign = Campaign.objects.create(name="Ra quân", campaign_type=CampaignType.MOBILISATION_DAY,
                                       unit=tree.province, starts_on=date(today.year, 1, 5),
                                       ends_on=date(today.year, 1, 5))
    campaign.agents.set(staff)
    results = CampaignResult.objects.bulk_create(
        [CampaignResult(agent=member, commune=tree.commune, day=date(today.year, 1, 5), new_si=2, campaign=campaign,
                        idempotency_key=uuid.uuid4()) for member in staff + [agents.mai]])
    registered = ParticipantFactory.create_batch(20, commune=tree.commune, first_paid_on=date(today.year, 1, 9))
    ResultEnrollee.objects.bulk_create(
        [ResultEnrollee(result=result, kind=EnrolleeKind.VOLUNTARY_SI, full_name=f"Người {n}",
                        personal_id=f"082190{n:06d}" if n >= 20 else registered[n].personal_id,
                        participant=registered[n] if n < 20 else None)
         for n, result in enumerate(results)])
    return campaign


@pytest.mark.parametrize("path, most", [
    ("/agents/", 8), ("/agents/staff/", 9), ("/agents/training/", 9), ("/agents/campaigns/{c}/", 12),
    ("/agents/performance/", 11), ("/agents/leaderboard/", 11), ("/agents/leaderboard/?level=organisation", 12),
    ("/field/", 19),
])
def test_pages_for_agent_staff(client_for, agent_user, busy, django_assert_max_num_queries, path, most):
    client = client_for(agent_user)
    client.get("/")  # the session and per-process caches are warm, as on any page after the first
    with django_assert_max_num_queries(most):
        assert client.get(path.format(c=busy.pk)).status_code == 200


@pytest.mark.parametrize("path, most", [
    ("/agents/", 7), ("/agents/staff/", 7), ("/agents/campaigns/{c}/", 12), ("/agents/performance/", 9),
    ("/agents/leaderboard/?level=point", 10), ("/agents/quotas/", 10), ("/agents/reviews/", 6),
])
def test_pages_for_a_provincial_manager(client_for, provincial_manager, busy, django_assert_max_num_queries, path,
                                        most):
    client = client_for(provincial_manager)
    client.get("/")
    with django_assert_max_num_queries(most):
        assert client.get(path.format(c=busy.pk)).status_code == 200
