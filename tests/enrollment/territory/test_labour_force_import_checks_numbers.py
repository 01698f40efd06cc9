from enrollment.models import ImportStatus, LabourForce


def test_non_numeric_and_negative_values_are_reported(client_for, provincial_manager, tree, upload_import):
    content = "unit_code;year;labour_force\n822;2026;abc\n815;2026;-5\n28594;20x6;100\n82;2026;1.441.476\n"
    job = upload_import(client_for(provincial_manager), "labour_force", content.encode())
    assert job.status == ImportStatus.REJECTED
    assert {(e["line"], e["column"]) for e in job.errors} == {(2, "labour_force"), (3, "labour_force"), (4, "year")}
    assert LabourForce.objects.count() == 0


def test_vietnamese_thousand_separators_are_read(client_for, provincial_manager, tree, upload_import):
    upload_import(client_for(provincial_manager), "labour_force", b"unit_code;year;labour_force\n82;2026;1.441.476\n")
    assert LabourForce.objects.get(unit=tree.province, year=2026).labour_force == 1_441_476


def test_the_list_shows_only_the_users_area(client_for, district_staff, tree):
    LabourForce.objects.create(unit=tree.district, year=2026, labour_force=51_000)
    LabourForce.objects.create(unit=tree.other_district, year=2026, labour_force=77_000)
    body = client_for(district_staff).get("/labour-force/").content.decode()
    assert "51.000" in body and "77.000" not in body
    assert ">2026<" in body
