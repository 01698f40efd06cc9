"""An XLSX export opens in Excel ready to read: a title block, Excel number and % formats, a frozen header
with filters, a totals row; the CSV of the same table stays plain."""

import csv
import datetime
import io
import re
from decimal import Decimal

from django.utils import timezone
from openpyxl import load_workbook

from enrollment.progress.models import ProgressMetric
from tests.progress_factories import snapshot

DAY = datetime.date(2026, 11, 30)


def sheet_of(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def test_the_units_table_exports_with_title_formats_filter_and_totals(client_for, provincial_manager, tree):
    snapshot(tree.province, DAY, 300, 400, 400, 380)
    snapshot(tree.district, DAY, 130, 232, 232, 120, forecast=Decimal("140.60"))  # 56,03% of the plan
    snapshot(tree.other_district, DAY, 170, 90, 90, 80, forecast=Decimal("188.45"))  # 188,89%
    client = client_for(provincial_manager)
    sheet = sheet_of(client.get(f"/dashboards/{tree.province.pk}/tables/?date=30/11/2026&_export=xlsx"))
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    values = [[cell.value for cell in row] for row in rows]

    assert values[0][0] == "Đơn vị trực thuộc"
    title = {row[0]: row[1] for row in values[1:6]}
    assert title["Đơn vị"] == "Tỉnh Đồng Tháp" and title["Ngày số liệu"] == "30/11/2026"
    assert title["Chỉ tiêu"] == "Người tham gia BHXH tự nguyện" and title["Người xuất"] == str(provincial_manager)
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", title["Thời điểm xuất"])
    assert title["Thời điểm xuất"].startswith(timezone.localdate().strftime("%d/%m/%Y"))  # Asia/Ho_Chi_Minh

    top = next(n for n, row in enumerate(values) if row[:3] == ["Đơn vị", "Mã", "Thực hiện"]) + 1  # 1-based
    header = values[top - 1]
    assert sheet.freeze_panes == f"A{top + 1}"
    last = rows[top - 1][-1].column_letter
    assert sheet.auto_filter.ref == f"A{top}:{last}{top + 2}"  # the header and the two units, not the totals

    data = {row[0].value: dict(zip(header, row, strict=True)) for row in rows[top:top + 2]}
    chogao = data["BHXH cơ sở huyện Chợ Gạo"]
    assert chogao["Thực hiện"].value == 130 and chogao["Thực hiện"].number_format == "#,##0"
    percent = chogao["Đạt KH hiện hành (%)"]
    assert percent.value == 0.5603 and percent.number_format == "0.0%"  # a number, shown 56,0% by Excel
    assert data["BHXH cơ sở thành phố Mỹ Tho"]["Đạt KH hiện hành (%)"].value == 1.8889
    assert chogao["Dự báo cuối năm"].value == 141  # whole persons
    assert data["BHXH cơ sở thành phố Mỹ Tho"]["Dự báo cuối năm"].value == 188

    totals = dict(zip(header, values[top + 2], strict=True))
    assert totals["Đơn vị"] == "Tổng" and totals["Thực hiện"] == 300 and totals["Kế hoạch hiện hành"] == 322
    assert totals["Dự báo cuối năm"] == 329 and totals["Đạt KH hiện hành (%)"] is None  # shares do not add up
    assert rows[top + 2][0].font.b

    plain = list(csv.reader(io.StringIO(client.get(
        f"/dashboards/{tree.province.pk}/tables/?date=30/11/2026&_export=csv").content.decode("utf-8"))))
    assert plain[0][:3] == ["Đơn vị", "Mã", "Thực hiện"] and len(plain) == 3  # no title, no totals
    assert plain[1][header.index("Đạt KH hiện hành (%)")] in ("56.03", "188.89")


def test_a_rate_metric_exports_two_decimals_and_no_totals(client_for, provincial_manager, tree):
    snapshot(tree.province, DAY, 300, 400, 400, 380)
    snapshot(tree.district, DAY, Decimal("35.12"), Decimal("40.00"), metric=ProgressMetric.COVERAGE)
    snapshot(tree.other_district, DAY, Decimal("20.50"), Decimal("25.00"), metric=ProgressMetric.COVERAGE)
    client = client_for(provincial_manager)
    sheet = sheet_of(client.get(
        f"/dashboards/{tree.province.pk}/tables/?date=30/11/2026&metric=coverage&_export=xlsx"))
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    top = next(n for n, row in enumerate(values) if row[:3] == ["Đơn vị", "Mã", "Thực hiện"])
    assert {row[2] for row in values[top + 1:]} == {35.12, 20.5}
    assert all(row[0] != "Tổng" for row in values)
    assert sheet.cell(row=top + 2, column=3).number_format == "#,##0.00"
