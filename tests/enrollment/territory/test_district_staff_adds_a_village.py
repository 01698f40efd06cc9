from enrollment.models import Level, Unit


def test_it_adds_a_village_to_a_commune_of_its_district(client_for, district_staff, tree):
    response = client_for(district_staff).post(
        f"/units/{tree.commune.pk}/villages/add/", {"name": "Ấp Hòa Bình", "unit_type": "ap"}
    )
    assert response.status_code == 302
    village = Unit.objects.get(parent=tree.commune, name="Ấp Hòa Bình")
    assert village.level == Level.VILLAGE
    assert village.code == "2859402"  # the commune's code and the next serial
    assert village.path == f"{tree.commune.path}2859402/"


def test_a_duplicate_name_is_refused_in_vietnamese(client_for, district_staff, tree):
    response = client_for(district_staff).post(
        f"/units/{tree.commune.pk}/villages/add/", {"name": "ấp bình thạnh", "unit_type": "ap"}
    )
    assert response.status_code == 200
    assert "đã có thôn/ấp tên" in response.content.decode()
    assert Unit.objects.filter(parent=tree.commune).count() == 1


def test_it_cannot_add_a_village_in_another_district(client_for, district_staff, tree):
    response = client_for(district_staff).post(
        f"/units/{tree.other_commune.pk}/villages/add/", {"name": "Khu phố 9", "unit_type": "to_dan_pho"}
    )
    assert response.status_code == 404
    assert not Unit.objects.filter(name="Khu phố 9").exists()


def test_a_viewer_cannot_add_villages(client_for, viewer, tree):
    response = client_for(viewer).post(f"/units/{tree.commune.pk}/villages/add/", {"name": "Ấp Mới", "unit_type": "ap"})
    assert response.status_code == 403
