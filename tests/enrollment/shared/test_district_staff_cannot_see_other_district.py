import pytest


@pytest.mark.parametrize("url_name", ["unit_detail"])
def test_it_answers_404_for_a_unit_of_another_district(client_for, district_staff, tree, url_name):
    client = client_for(district_staff)
    for unit in (tree.other_district, tree.other_commune, tree.province, tree.far_commune):
        assert client.get(f"/units/{unit.pk}/").status_code == 404


def test_it_cannot_export_another_district(client_for, district_staff, tree):
    client = client_for(district_staff)
    assert client.get(f"/units/{tree.other_district.pk}/?_export=csv").status_code == 404


def test_its_export_holds_only_its_own_units(client_for, district_staff, tree):
    response = client_for(district_staff).get(f"/units/{tree.district.pk}/?_export=csv")
    body = response.content.decode("utf-8")
    assert response.status_code == 200
    assert "Xã Chợ Gạo" in body
    assert "Phường Mỹ Tho" not in body


def test_search_finds_nothing_outside_its_district(client_for, district_staff, tree):
    response = client_for(district_staff).get("/units/", {"q": "My Tho"})
    assert "Phường Mỹ Tho" not in response.content.decode()
    response = client_for(district_staff).get("/units/", {"q": "cho gao"})
    assert "Xã Chợ Gạo" in response.content.decode()
