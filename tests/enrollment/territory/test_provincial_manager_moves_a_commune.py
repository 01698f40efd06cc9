from enrollment.models import Unit


def test_it_moves_the_commune_and_its_villages(client_for, provincial_manager, tree):
    response = client_for(provincial_manager).post(
        f"/units/{tree.commune.pk}/move/", {"district": tree.other_district.pk}
    )
    assert response.status_code == 302
    tree.commune.refresh_from_db()
    tree.village.refresh_from_db()
    assert tree.commune.parent == tree.other_district
    assert tree.commune.path == f"{tree.other_district.path}28594/"
    assert tree.village.path == f"{tree.commune.path}2859401/"


def test_the_commune_leaves_the_old_districts_scope(client_for, provincial_manager, district_staff, tree):
    client_for(provincial_manager).post(f"/units/{tree.commune.pk}/move/", {"district": tree.other_district.pk})
    staff_client = client_for(district_staff)
    assert staff_client.get(f"/units/{tree.commune.pk}/").status_code == 404
    assert staff_client.get(f"/units/{tree.village.pk}/").status_code == 404


def test_it_cannot_move_a_commune_to_another_province(client_for, national_admin, tree):
    far_district = tree.far_commune.parent
    client_for(national_admin).post(f"/units/{tree.commune.pk}/move/", {"district": far_district.pk})
    tree.commune.refresh_from_db()
    assert tree.commune.parent == tree.district


def test_district_staff_cannot_move_communes(client_for, district_staff, tree):
    response = client_for(district_staff).post(f"/units/{tree.commune.pk}/move/", {"district": tree.other_district.pk})
    assert response.status_code == 403
    assert Unit.objects.get(pk=tree.commune.pk).parent == tree.district
