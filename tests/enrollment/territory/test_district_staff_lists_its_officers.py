from tests.factories import StaffFactory


def test_it_lists_the_officers_of_its_district_only(client_for, district_staff, tree):
    StaffFactory(full_name="Trần Văn Nam", unit=tree.district)
    StaffFactory(full_name="Lê Thị Hồng", unit=tree.province)
    StaffFactory(full_name="Võ Minh Trí", unit=tree.other_district)
    body = client_for(district_staff).get("/officers/").content.decode()
    assert "Trần Văn Nam" in body
    assert "Lê Thị Hồng" not in body and "Võ Minh Trí" not in body


def test_an_officer_of_another_district_cannot_be_opened(client_for, district_staff, tree):
    other = StaffFactory(full_name="Võ Minh Trí", unit=tree.other_district)
    assert client_for(district_staff).get(f"/officers/{other.pk}/").status_code == 404


def test_a_phone_number_in_the_wrong_format_is_refused(client_for, district_staff, tree):
    response = client_for(district_staff).post("/officers/new/", {
        "full_name": "Ngô Thanh Tâm", "unit": tree.district.pk, "position": "officer", "phone": "12345",
    })
    assert "gồm 10 chữ số" in response.content.decode()


def test_an_officer_cannot_be_placed_outside_the_users_area(client_for, district_staff, tree):
    response = client_for(district_staff).post("/officers/new/", {
        "full_name": "Ngô Thanh Tâm", "unit": tree.other_district.pk, "position": "officer",
    })
    assert response.status_code == 200
    assert "Ngô Thanh Tâm" not in [s.full_name for s in tree.other_district.staff.all()]


def test_the_list_filters_by_unit_and_exports(client_for, provincial_manager, tree):
    StaffFactory(full_name="Trần Văn Nam", unit=tree.district)
    StaffFactory(full_name="Võ Minh Trí", unit=tree.other_district)
    client = client_for(provincial_manager)
    body = client.get("/officers/", {"unit": tree.district.pk}).content.decode()
    assert "Trần Văn Nam" in body and "Võ Minh Trí" not in body
    export = client.get("/officers/", {"unit": tree.district.pk, "_export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
