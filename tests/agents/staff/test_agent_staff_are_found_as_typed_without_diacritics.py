"""The staff list's search box finds a name typed without its diacritics, in any case, within the reader's area."""

import pytest

pytestmark = pytest.mark.django_db


def names_found(client, query):
    body = client.get("/agents/staff/", {"q": query, "_export": "csv"}).content.decode()
    return {name for name in ("Nguyễn Thị Mai", "Lê Văn Hùng", "Trần Thị Lan", "Đỗ Minh Quân") if name in body}


@pytest.mark.parametrize("query", ["nguyen thi mai", "NGUYỄN THỊ", "thi mai", "Nguyễn Thị Mai"])
def test_a_name_typed_with_or_without_diacritics_is_found(client_for, district_staff, agents, query):
    assert names_found(client_for(district_staff), query) == {"Nguyễn Thị Mai"}


def test_the_d_with_a_stroke_is_typed_as_d_and_the_area_still_holds(client_for, provincial_manager, district_staff, agents):
    assert names_found(client_for(provincial_manager), "do minh") == set()  # another province's staff member
    assert names_found(client_for(provincial_manager), "van hung") == {"Lê Văn Hùng"}
    assert names_found(client_for(district_staff), "tran thi lan") == set()  # the province's, but in Mỹ Tho


def test_a_renamed_member_is_found_by_the_new_name(client_for, district_staff, agents):
    agents.mai.full_name = "Phạm Thị Mai"
    agents.mai.save(update_fields=["full_name"])
    client = client_for(district_staff)
    assert "Phạm Thị Mai" in client.get("/agents/staff/", {"q": "pham thi", "_export": "csv"}).content.decode()
    assert names_found(client, "nguyen thi mai") == set()
