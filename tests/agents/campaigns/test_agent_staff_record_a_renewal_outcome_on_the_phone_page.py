import pytest
from django.utils import timezone

from enrollment.models import Outcome, RenewalOutcome
from enrollment.shared.months import first_of_month
from tests.agents.campaigns.test_agent_staff_see_who_is_due_to_renew import pay_last_month

pytestmark = pytest.mark.django_db


def test_the_phone_page_offers_tap_to_record_outcomes_without_a_preset(client_for, agent_user, agents, tree):
    # someone their organisation mobilised: theirs to call (docs/ACCESS_POLICY.md)
    person = pay_last_month(tree.commune, "Người cần gọi", mobilised_by_agent=agents.mai)
    body = client_for(agent_user).get("/field/").content.decode()
    assert f'id="outcome-{person.pk}"' in body and f'hx-post="/renewals/{person.pk}/outcome/"' in body
    assert 'name="outcome" value="unreachable"' in body and "chưa liên hệ" in body
    assert "/static/js/htmx.min.js" in body


def test_a_tap_records_the_outcome_and_answers_the_row_only(client_for, agent_user, agents, tree):
    # someone their organisation mobilised: theirs to call (docs/ACCESS_POLICY.md)
    person = pay_last_month(tree.commune, "Người cần gọi", mobilised_by_agent=agents.mai)
    month = first_of_month(timezone.localdate())
    client = client_for(agent_user)
    response = client.post(f"/renewals/{person.pk}/outcome/", {
        "month": month.strftime("%m/%Y"), "outcome": "promised", "promised_on": "28/12/2099", "next": "/field/"},
        HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert "Hẹn đóng 28/12/2099" in response.content.decode()
    outcome = RenewalOutcome.objects.get(participant=person)
    assert (outcome.outcome, outcome.recorded_by) == (Outcome.PROMISED, agent_user)
    assert "Hẹn đóng 28/12/2099" in client.get("/field/").content.decode()


def test_without_javascript_the_phone_page_comes_back_at_the_person(client_for, agent_user, agents, tree):
    # someone their organisation mobilised: theirs to call (docs/ACCESS_POLICY.md)
    person = pay_last_month(tree.commune, "Người cần gọi", mobilised_by_agent=agents.mai)
    month = first_of_month(timezone.localdate())
    response = client_for(agent_user).post(f"/renewals/{person.pk}/outcome/", {
        "month": month.strftime("%m/%Y"), "outcome": "unreachable", "next": "/field/"})
    assert response.url == f"/field/#due-{person.pk}"
