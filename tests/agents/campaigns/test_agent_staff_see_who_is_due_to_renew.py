import pytest
from django.utils import timezone

from enrollment.shared.months import add_months, first_of_month
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def pay_last_month(commune, full_name, **links):
    """Someone whose coverage ends with last month: due to pay again this month."""
    from enrollment.register.services.participants import payment_record

    person = ParticipantFactory(commune=commune, full_name=full_name, phone="0909123456")
    last_month = add_months(first_of_month(timezone.localdate()), -1)
    payment_record(participant=person, paid_on=last_month, period_start=last_month, method="monthly",
                   monthly_income=2_000_000, **links)
    return person


def test_the_phone_page_lists_people_due_whom_their_organisation_enrolled(client_for, agent_user, agents, tree,
                                                                         first_payment):
    pay_last_month(tree.other_commune, "Người mình vận động", mobilised_by_agent=agents.mai)
    pay_last_month(tree.other_commune, "Người đồng nghiệp thu", collected_by_agent=agents.lan)
    pay_last_month(tree.commune, "Người Hội Nông dân vận động", mobilised_by_agent=agents.hung)
    pay_last_month(tree.commune, "Người ở xã mình do BHXH thu")
    body = client_for(agent_user).get("/field/").content.decode()
    assert "Người mình vận động" in body and "Người đồng nghiệp thu" in body
    assert "Người Hội Nông dân vận động" not in body  # a competitor's, in the same commune
    assert "Người ở xã mình do BHXH thu" not in body  # the office's own
    assert 'href="tel:0909123456"' in body  # the agent calls them
    assert "082085" not in body  # ID numbers stay masked


def test_someone_who_paid_again_is_no_longer_listed(client_for, agent_user, tree):
    from enrollment.register.services.participants import payment_record

    person = pay_last_month(tree.commune, "Người đã đóng tiếp", mobilised_by_agent=agent_user.agent_profile)
    payment_record(participant=person, paid_on=timezone.localdate(), method="monthly", monthly_income=2_000_000)
    assert "Người đã đóng tiếp" not in client_for(agent_user).get("/field/").content.decode()
