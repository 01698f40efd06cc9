import io

from openpyxl import load_workbook

from enrollment.models import (
    Metric,
    PlanChange,
    PlanVersion,
    ReportedFigure,
    VersionKind,
)
from enrollment.plans.selectors.plans import initial_plan, plan_in_force

OVERVIEW = "/plans/{pk}/?year=2026&metric=si_participants"
NEW_VERSION = "/plans/{pk}/versions/new/"


def _record(client, unit, target, number, date="15/01/2026"):
    return client.post(NEW_VERSION.format(pk=unit.pk), {
        "year": "2026", "metric": "si_participants", "target": target, "document_number": number,
        "document_date": date, "curve": "seasonal", "approve": "on",
    })


def test_a_manager_records_the_initial_and_supplemental_plans_and_sees_achievement_against_both(
        client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    assert _record(client, tree.province, "16.650", "120/QĐ-BHXH").status_code == 302
    assert _record(client, tree.province, "17585", "275/BHXH-TST", "20/07/2026").status_code == 302
    ReportedFigure.objects.create(unit=tree.province, year=2026, month=12, metric=Metric.SI_PARTICIPANTS, value=18_816)

    initial = initial_plan(tree.province, 2026, Metric.SI_PARTICIPANTS)
    in_force = plan_in_force(tree.province, 2026, Metric.SI_PARTICIPANTS)
    assert (initial.target, initial.kind, initial.document_number) == (16_650, VersionKind.INITIAL, "120/QĐ-BHXH")
    assert (in_force.target, in_force.kind, in_force.document_date.isoformat()) == (
        17_585, VersionKind.SUPPLEMENTAL, "2026-07-20")

    page = client.get(OVERVIEW.format(pk=tree.province.pk)).content.decode()
    assert "17.585" in page and "16.650" in page and "18.816" in page
    assert "113,0%" in page and "107,0%" in page
    assert "275/BHXH-TST" in page and "20/07/2026" in page
    assert 'src="/static/js/plotly-basic.min.js"' in page  # the partial bundle the charts use
    history = PlanChange.objects.filter(unit=tree.province, action="version_approved").order_by("id")
    assert [(c.old_value, c.new_value) for c in history] == [("", "16.650"), ("16.650", "17.585")]


def test_bad_figures_are_refused_in_vietnamese_and_nothing_is_saved(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    for bad, message in (("abc", "“abc” không phải là số"), ("-3", "không được âm")):
        response = _record(client, tree.province, bad, "1/QĐ")
        assert response.status_code == 400
        assert message in response.content.decode()
    response = _record(client, tree.province, "100", "1/QĐ", date="31/02/2026")
    assert response.status_code == 400
    assert not PlanVersion.objects.exists()


def test_only_managers_record_plans(client_for, district_staff, viewer, tree):
    assert _record(client_for(district_staff), tree.district, "100", "x").status_code == 403
    assert _record(client_for(viewer), tree.district, "100", "x").status_code == 403
    assert client_for(viewer).get(OVERVIEW.format(pk=tree.district.pk)).status_code == 200
    assert not PlanVersion.objects.exists()


def test_plans_of_other_areas_are_not_found(client_for, district_staff, provincial_manager, tree):
    assert client_for(district_staff).get(OVERVIEW.format(pk=tree.other_district.pk)).status_code == 404
    assert client_for(district_staff).get(OVERVIEW.format(pk=tree.province.pk)).status_code == 404
    assert client_for(provincial_manager).get(OVERVIEW.format(pk=tree.other_province.pk)).status_code == 404
    assert _record(client_for(provincial_manager), tree.other_province, "100", "x").status_code == 404


def test_a_draft_version_is_not_in_force_until_approved(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    client.post(NEW_VERSION.format(pk=tree.province.pk), {
        "year": "2026", "metric": "si_participants", "target": "500", "curve": "even"})
    version = PlanVersion.objects.get()
    assert plan_in_force(tree.province, 2026, Metric.SI_PARTICIPANTS) is None
    assert client.post(f"/plans/versions/{version.pk}/approve/").status_code == 400  # no document: not approved
    assert plan_in_force(tree.province, 2026, Metric.SI_PARTICIPANTS) is None
    assert client.post(f"/plans/versions/{version.pk}/approve/", {
        "document_number": "9/QĐ-BHXH", "document_date": "09/01/2026"}).status_code == 302
    assert plan_in_force(tree.province, 2026, Metric.SI_PARTICIPANTS) == version


def test_every_table_of_the_overview_exports(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    _record(client, tree.province, "1000", "1/QĐ")
    for table in ("versions", "children", "history"):
        response = client.get(OVERVIEW.format(pk=tree.province.pk) + f"&_export=xlsx&table={table}")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        assert load_workbook(io.BytesIO(response.content)).active.max_row >= 2
        response = client.get(OVERVIEW.format(pk=tree.province.pk) + f"&_export=csv&table={table}")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    versions_csv = client.get(OVERVIEW.format(pk=tree.province.pk) + "&_export=csv&table=versions").content.decode()
    assert "1000" in versions_csv and "1/QĐ" in versions_csv
    children_csv = client.get(OVERVIEW.format(pk=tree.province.pk) + "&_export=csv&table=children").content.decode()
    assert "BHXH cơ sở huyện Chợ Gạo" in children_csv and "Phường Ba Đình" not in children_csv


def test_the_history_page_lists_changes_in_the_users_area_only(client_for, provincial_manager, district_staff,
                                                               tree):
    _record(client_for(provincial_manager), tree.province, "1000", "1/QĐ")
    _record(client_for(provincial_manager), tree.district, "300", "2/QĐ")
    page = client_for(district_staff).get(f"/plans/{tree.district.pk}/history/").content.decode()
    assert "2/QĐ" in page and "1/QĐ" not in page
    csv_text = client_for(district_staff).get(f"/plans/{tree.district.pk}/history/?_export=csv").content.decode()
    assert "300" in csv_text
