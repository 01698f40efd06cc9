import csv
import datetime
import io

from openpyxl import load_workbook

from tests.progress_factories import full_board, snapshot

DAY = datetime.date(2026, 11, 30)


def rows_of_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_the_district_table_lists_its_communes_with_their_figures(client_for, district_staff, tree):
    full_board(tree.district, DAY, children=[])
    snapshot(tree.commune, DAY, 130, 232, 232, 120)  # Chi Lăng 2018: 130 of 232 = 56,0%
    client = client_for(district_staff)
    body = client.get(f"/dashboards/{tree.district.pk}/tables/").content.decode()
    assert "Xã Chợ Gạo" in body and "56,0%" in body and "108,3%" in body
    rows = rows_of_csv(client.get(f"/dashboards/{tree.district.pk}/tables/?_export=csv"))
    header, commune = rows[0], rows[1]
    assert header[:3] == ["Đơn vị", "Mã", "Thực hiện"]
    assert commune[0] == "Xã Chợ Gạo" and commune[2] == "130" and commune[7] == "56.03"


def test_the_filter_keeps_the_lagging_units_only(client_for, provincial_manager, tree):
    snapshot(tree.province, DAY, 210, 200, 200, 190)
    snapshot(tree.district, DAY, 90, 100, 100, 95)
    snapshot(tree.other_district, DAY, 120, 100, 100, 95)
    client = client_for(provincial_manager)
    body = client.get(f"/dashboards/{tree.province.pk}/tables/?date=2026-11-30&status=at_risk").content.decode()
    assert "Chợ Gạo" in body and "Mỹ Tho" not in body
    body = client.get(f"/dashboards/{tree.province.pk}/tables/?date=2026-11-30&name=my tho").content.decode()
    assert "Chợ Gạo" not in body and "Mỹ Tho" in body


def test_a_breakdown_exports_to_excel(client_for, provincial_manager, tree):
    full_board(tree.province, DAY)
    response = client_for(provincial_manager).get(
        f"/dashboards/{tree.province.pk}/tables/?view=agent_type&_export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = values.index(["Tên", "Mã", "Người tham gia mới", "Người đang tham gia"])  # under the title block
    assert ["agent_type 2", "agent_type-2", 300, 1200] in values[header + 1:]


def test_new_participants_per_month_come_from_the_month_end_figures(client_for, provincial_manager, tree):
    full_board(tree.province, DAY)  # 310 in January, 320 in February … 4.200 in the year to 30 November
    client = client_for(provincial_manager)
    body = client.get(f"/dashboards/{tree.province.pk}/tables/?view=month").content.decode()
    assert "01/2026" in body and "310" in body
    rows = rows_of_csv(client.get(f"/dashboards/{tree.province.pk}/tables/?view=month&_export=csv"))
    assert rows[0] == ["Tháng", "Người tham gia mới"]
    assert rows[1] == ["01/2026", "310"] and rows[10] == ["10/2026", "400"]
    assert rows[11] == ["11/2026", str(4_200 - sum(300 + 10 * m for m in range(1, 11)))]


def test_coded_breakdowns_show_their_labels_never_their_codes(client_for, provincial_manager, tree):
    from enrollment.progress.models import ProgressBreakdown

    snapshot(tree.province, DAY, 210, 200, 200, 190)
    for dimension, key in (("target_group", "farmer"), ("agent_type", "vietnam_post")):
        ProgressBreakdown.objects.create(unit=tree.province, date=DAY, dimension=dimension, key=key, label=key,
                                         new_participants=5, active_participants=9)
    client = client_for(provincial_manager)
    page = client.get(f"/dashboards/{tree.province.pk}/tables/?date=30/11/2026&view=target_group").content.decode()
    assert "Nông dân" in page and "farmer" not in page
    page = client.get(f"/dashboards/{tree.province.pk}/tables/?date=30/11/2026&view=agent_type").content.decode()
    assert "Bưu điện" in page and "vietnam_post" not in page
    rows = rows_of_csv(client.get(f"/dashboards/{tree.province.pk}/tables/?date=30/11/2026&view=target_group"
                                  "&_export=csv"))
    assert rows[1][:2] == ["Nông dân", "farmer"]  # the code stays in the export, beside its label
