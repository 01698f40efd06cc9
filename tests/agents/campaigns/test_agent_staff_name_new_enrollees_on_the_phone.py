"""On the phone page an agent names each new enrollee (name, personal ID, phone); the same person is logged once."""

import uuid
from datetime import date

import pytest
from django.utils import timezone

from agents.models import CampaignResult, Contract, ContractStatus, ResultEnrollee
from enrollment.models import Role
from tests.agents.enrollees import log, named

pytestmark = pytest.mark.django_db


def enrollee_rows(*people, initial=0):
    data = {"enrollee-TOTAL_FORMS": str(len(people)), "enrollee-INITIAL_FORMS": str(initial),
            "enrollee-MIN_NUM_FORMS": "0", "enrollee-MAX_NUM_FORMS": "50"}
    for index, person in enumerate(people):
        data.update({f"enrollee-{index}-{key}": value for key, value in person.items()})
    return data


def person(personal_id, full_name="Phạm Văn Tư", kind="si", phone=""):
    return {"kind": kind, "full_name": full_name, "personal_id": personal_id, "phone": phone}


def submit(client, commune, key, *people, **counts):
    data = {"key": str(key), "commune": commune.pk, "households_visited": 5, "people_consulted": 8, "attendees": 0,
            "new_si": 1, "new_hi": 0, "notes": "", **enrollee_rows(*people), **counts}
    return client.post("/field/", data, follow=True)


def test_an_agent_names_a_new_enrollee_with_the_report(client_for, agent_user, agents, tree):
    response = submit(client_for(agent_user), tree.commune, uuid.uuid4(),
                      person("0820 8500 0777", "  Phạm   Văn Tư ", phone="+84 912 000 111"))
    enrollee = ResultEnrollee.objects.get()
    assert (enrollee.full_name, enrollee.personal_id, enrollee.phone) == ("Phạm Văn Tư", "082085000777", "0912000111")
    assert enrollee.result.agent == agents.mai
    assert "Phạm Văn Tư" in response.content.decode()


def test_resending_the_same_form_records_the_people_once(client_for, agent_user, tree):
    client, key = client_for(agent_user), uuid.uuid4()
    submit(client, tree.commune, key, person("082085000777"))
    second = submit(client, tree.commune, key, person("082085000777"))
    assert CampaignResult.objects.count() == 1 and ResultEnrollee.objects.count() == 1
    assert "không ghi hai lần" in second.content.decode()


def test_a_person_logged_by_another_agent_is_refused_naming_them(client_for, agent_user, agents, tree):
    log(agents.hung, tree.commune, named("082085000777"), day=timezone.localdate())
    response = submit(client_for(agent_user), tree.commune, uuid.uuid4(), person("082085000777"))
    body = response.content.decode()
    assert CampaignResult.objects.count() == 1 and ResultEnrollee.objects.count() == 1
    assert "đã được Lê Văn Hùng ghi" in body


def test_a_bad_personal_id_is_refused_in_vietnamese(client_for, agent_user, tree):
    response = submit(client_for(agent_user), tree.commune, uuid.uuid4(), person("08208500077"))
    assert not CampaignResult.objects.exists()
    assert "12 chữ số" in response.content.decode()


def test_the_count_cannot_be_lower_than_the_people_named(client_for, agent_user, tree):
    response = submit(client_for(agent_user), tree.commune, uuid.uuid4(), person("082085000777"),
                      person("082190000778", "Trần Thị Năm"), new_si=1)
    assert not CampaignResult.objects.exists()
    assert "không thể nhỏ hơn" in response.content.decode()


def test_a_household_hi_enrollee_counts_against_new_hi(client_for, agent_user, tree):
    response = submit(client_for(agent_user), tree.commune, uuid.uuid4(), person("082085000777", kind="hi"), new_hi=0)
    assert not CampaignResult.objects.exists() and "không thể nhỏ hơn" in response.content.decode()
    submit(client_for(agent_user), tree.commune, uuid.uuid4(), person("082085000777", kind="hi"), new_hi=1)
    assert ResultEnrollee.objects.get().kind == "hi"


def test_the_agent_corrects_the_people_of_a_report(client_for, agent_user, agents, tree):
    result = log(agents.mai, tree.commune, named("082085000777", "Phạm Văn Tu"), day=timezone.localdate())
    client = client_for(agent_user)
    page = client.get(f"/field/results/{result.pk}/")
    assert page.context["enrollees"].forms[0]["full_name"].value() == "Phạm Văn Tu"
    data = {"commune": tree.commune.pk, "households_visited": 5, "people_consulted": 8, "attendees": 0, "new_si": 2,
            "new_hi": 0, "notes": "", **enrollee_rows(person("082085000777", "Phạm Văn Tư"),
                                                    person("082190000778", "Trần Thị Năm"), initial=1)}
    client.post(f"/field/results/{result.pk}/", data)
    assert sorted(result.enrollees.values_list("full_name", flat=True)) == ["Phạm Văn Tư", "Trần Thị Năm"]
    data.update({"enrollee-INITIAL_FORMS": "2", "enrollee-1-DELETE": "on", "new_si": 1})
    response = client.post(f"/field/results/{result.pk}/", data)
    assert response.status_code == 302, response.content.decode()
    assert list(result.enrollees.values_list("full_name", flat=True)) == ["Phạm Văn Tư"]


def test_agents_see_only_their_organisations_named_people(client_for, make_user, agents, tree):
    log(agents.mai, tree.commune, named("082085000777", "Phạm Văn Tư"), day=date(2026, 5, 23))
    union_user = make_user(Role.AGENT_STAFF, tree.commune, username="hung")
    agents.hung.user = union_user
    agents.hung.save()
    client = client_for(union_user)
    assert client.get(f"/agents/staff/{agents.mai.pk}/").status_code == 404
    body = client.get(f"/agents/staff/{agents.hung.pk}/").content.decode()
    assert "Phạm Văn Tư" not in body


def test_a_viewer_sees_named_people_masked(client_for, viewer, agents, tree):
    log(agents.mai, tree.commune, named("082085000777", "Phạm Văn Tư"), day=date(2026, 5, 23))
    body = client_for(viewer).get(f"/agents/staff/{agents.mai.pk}/").content.decode()
    assert "Phạm V. T." in body and "*********777" in body and "082085000777" not in body


def test_staff_of_an_organisation_whose_contract_ended_cannot_log(client_for, agent_user, agents, tree):
    Contract.objects.create(organisation=agents.post, number="HĐ-1", signed_on=date(2024, 1, 1),
                            valid_from=date(2024, 1, 1), status=ContractStatus.TERMINATED,
                            terminated_on=date(2025, 6, 30), termination_reason="Không đạt chỉ tiêu")
    client = client_for(agent_user)
    assert "hợp đồng" in client.get("/field/").content.decode().lower()
    response = submit(client, tree.commune, uuid.uuid4())
    assert not CampaignResult.objects.exists()
    assert "hợp đồng" in response.content.decode().lower()
