"""Text a user typed never becomes a live formula in an exported CSV or XLSX file."""

import csv
import io

import pytest
from openpyxl import load_workbook

from bhxh_targets.spreadsheets import csv_content, xlsx_content
from enrollment.models import ExportRecord
from tests.factories import ParticipantFactory, UnitFactory

pytestmark = pytest.mark.django_db
HYPERLINK = '=HYPERLINK("http://x","y")'
AT_SUM = "@SUM(1)"


@pytest.fixture
def formula_people(tree):
    ParticipantFactory(full_name=HYPERLINK, commune=tree.commune)
    ParticipantFactory(full_name=AT_SUM, commune=tree.commune)


def csv_cells(content):
    return [cell for row in csv.reader(io.StringIO(content.lstrip("\ufeff"))) for cell in row]


def xlsx_cells(content):
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def test_the_participant_list_exports_names_as_text_in_csv(client_for, district_staff, formula_people):
    cells = csv_cells(client_for(district_staff).get("/participants/?_export=csv").content.decode())
    assert "'" + HYPERLINK in cells and "'" + AT_SUM in cells
    assert not [cell for cell in cells if cell.startswith(("=", "@", "+"))]


def test_the_participant_list_exports_names_as_text_in_xlsx(client_for, district_staff, formula_people):
    cells = xlsx_cells(client_for(district_staff).get("/participants/?_export=xlsx").content)
    assert not [cell for cell in cells if cell.data_type == "f"]
    names = {cell.value: cell for cell in cells if cell.value in (HYPERLINK, AT_SUM)}
    assert set(names) == {HYPERLINK, AT_SUM}
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in names.values())


def test_the_allocation_template_exports_unit_names_as_text_and_is_recorded(client_for, provincial_manager, tree):
    UnitFactory(parent=tree.province, code="899", name="=cmd|' /C calc'!A0")
    client = client_for(provincial_manager)
    content = client.get(f"/plans/{tree.province.pk}/allocation/template.csv?year=2026&metric=si_new").content
    assert "'=cmd|' /C calc'!A0" in content.decode("utf-8-sig").replace("\\|", "|")
    workbook = client.get(f"/plans/{tree.province.pk}/allocation/template.xlsx?year=2026&metric=si_new").content
    assert not [cell for cell in xlsx_cells(workbook) if cell.data_type == "f"]
    records = list(ExportRecord.objects.order_by("pk").values_list("user", "filename", "rows"))
    assert records == [(provincial_manager.pk, "phan-bo-82-2026-si_new.csv", 3),
                       (provincial_manager.pk, "phan-bo-82-2026-si_new.xlsx", 3)]


def test_numbers_stay_numbers():
    row = [-5, 1.5, "-12", "1.234,5", "-", "+84 912", "\tTab", "\r=1", "Nguyễn Văn An"]
    cells = xlsx_cells(xlsx_content(["a"] * len(row), [row]))[len(row):]
    assert [cell.value for cell in cells[:2]] == [-5, 1.5] and [cell.data_type for cell in cells[:2]] == ["n", "n"]
    assert [cell.quotePrefix for cell in cells] == [False, False, False, False, True, True, True, True, False]
    assert csv_cells(csv_content(["a"] * len(row), [row]))[len(row):] == [
        "-5", "1.5", "-12", "1.234,5", "'-", "'+84 912", "'\tTab", "'\r=1", "Nguyễn Văn An"]
