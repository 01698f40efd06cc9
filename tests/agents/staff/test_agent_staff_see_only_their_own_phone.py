"""Agent staff see their colleagues' names but not their phones, on the page, in exports and on the
colleague's page; their own phone they see. Offices see every phone of their area."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_colleagues_phone_is_masked_in_the_list_and_the_export(client_for, agent_user, agents):
    client = client_for(agent_user)
    for body in (client.get("/agents/staff/").content.decode(),
                 client.get("/agents/staff/?_export=csv").content.decode()):
        assert "Trần Thị Lan" in body
        assert "0987654321" not in body and "*******321" in body
        assert "0912345678" in body  # their own


def test_a_colleagues_page_masks_the_phone(client_for, agent_user, agents):
    client = client_for(agent_user)
    assert "0987654321" not in client.get(f"/agents/staff/{agents.lan.pk}/").content.decode()
    assert "0912345678" in client.get(f"/agents/staff/{agents.mai.pk}/").content.decode()


def test_an_office_sees_the_phones(client_for, provincial_manager, agents):
    body = client_for(provincial_manager).get("/agents/staff/").content.decode()
    assert "0987654321" in body and "0912345678" in body
