def test_it_sees_its_whole_province(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    for unit in (tree.province, tree.district, tree.other_district, tree.commune, tree.village):
        assert client.get(f"/units/{unit.pk}/").status_code == 200


def test_another_province_answers_404(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    assert client.get(f"/units/{tree.other_province.pk}/").status_code == 404
    assert client.get(f"/units/{tree.far_commune.pk}/").status_code == 404


def test_the_browser_opens_on_its_province(client_for, provincial_manager, tree):
    response = client_for(provincial_manager).get("/units/")
    assert response.status_code == 302
    assert response.url == f"/units/{tree.province.pk}/"


def test_breadcrumbs_stop_at_the_users_scope(client_for, district_staff, tree):
    body = client_for(district_staff).get(f"/units/{tree.village.pk}/").content.decode()
    assert f'href="/units/{tree.district.pk}/"' in body
    assert f'href="/units/{tree.commune.pk}/"' in body
    assert f'href="/units/{tree.province.pk}/"' not in body
