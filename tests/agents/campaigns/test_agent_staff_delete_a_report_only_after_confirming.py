import pytest
from django.utils import timezone

from agents.campaigns.services.results import result_record
from agents.models import CampaignResult

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged(agents, tree, agent_user):
    import uuid

    result, _created = result_record(agent=agents.mai, idempotency_key=uuid.uuid4(), day=timezone.localdate(),
                                     commune=tree.commune, user=agent_user, households_visited=7, new_si=2)
    return result


def test_the_delete_button_leads_to_a_confirmation_that_deletes_nothing_by_itself(client_for, agent_user, logged):
    client = client_for(agent_user)
    edit = client.get(f"/field/results/{logged.pk}/").content.decode()
    assert f'href="/field/results/{logged.pk}/delete/"' in edit and f'action="/field/results/{logged.pk}/delete/"' \
        not in edit
    confirmation = client.get(f"/field/results/{logged.pk}/delete/")
    page = confirmation.content.decode()
    assert confirmation.status_code == 200 and "Xóa báo cáo này?" in page and "7 hộ" in page
    assert CampaignResult.objects.filter(pk=logged.pk).exists()

    response = client.post(f"/field/results/{logged.pk}/delete/")
    assert response.url == "/field/#today"
    assert not CampaignResult.objects.filter(pk=logged.pk).exists()


def test_after_saving_the_page_opens_at_the_confirmation_and_todays_figures(client_for, agent_user, tree):
    import uuid

    client = client_for(agent_user)
    response = client.post("/field/", {"key": str(uuid.uuid4()), "commune": tree.commune.pk, "households_visited": 3,
                                       "people_consulted": 4, "attendees": 0, "new_si": 1, "new_hi": 0, "notes": ""})
    assert response.status_code == 302 and response.url == "/field/#today"
    page = client.get(response.url).content.decode()
    today = page.split('id="today"')[1].split("</section>")[0]
    assert 'class="messages"' in today and "Đã lưu" in today  # the confirmation sits with today's figures
    assert page.index('id="today"') < page.index('id="result-form"')


def test_a_report_of_another_agent_cannot_be_opened_for_deletion(client_for, agent_user, agents, tree):
    import uuid

    other, _created = result_record(agent=agents.hung, idempotency_key=uuid.uuid4(), day=timezone.localdate(),
                                    commune=tree.commune, user=None, households_visited=1)
    assert client_for(agent_user).get(f"/field/results/{other.pk}/delete/").status_code == 404
