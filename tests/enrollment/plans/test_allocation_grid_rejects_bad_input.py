import pytest

from enrollment.models import Allocation

GRID = "/plans/{pk}/allocation/?year={year}&metric=si_new"


def _post(client, unit, targets, year=2026):
    data = {"year": str(year), "metric": "si_new", "action": "save"}
    data.update({f"target_{u.pk}": v for u, v in targets.items()})
    return client.post(GRID.format(pk=unit.pk, year=year), data)


@pytest.mark.parametrize("value, problem", [
    ("abc", "“abc” không phải là số"),
    ("-5", "không được âm"),
    ("12,5", "“12,5” không phải số nguyên"),
    ("", "bắt buộc"),
])
def test_a_bad_figure_names_the_row_and_column_and_saves_nothing(client_for, provincial_manager, tree,
                                                                province_plan, value, problem):
    response = _post(client_for(provincial_manager), tree.province, {tree.district: "600", tree.other_district: value})
    page = response.content.decode()
    assert response.status_code == 400
    # Children are listed by code: 815 (Mỹ Tho) is row 1, 822 (Chợ Gạo) row 2.
    assert "Dòng 1 (815 BHXH cơ sở thành phố Mỹ Tho), cột Chỉ tiêu" in page
    assert problem in page
    assert "Không có gì được lưu." in page
    assert not Allocation.objects.exists()


def test_a_missing_row_is_refused(client_for, provincial_manager, tree, province_plan):
    response = _post(client_for(provincial_manager), tree.province, {tree.district: "600"})
    assert response.status_code == 400
    assert "Dòng 1 (815 BHXH cơ sở thành phố Mỹ Tho)" in response.content.decode()
    assert not Allocation.objects.exists()


def test_a_year_without_a_parent_plan_is_refused(client_for, provincial_manager, tree, province_plan):
    response = _post(client_for(provincial_manager), tree.province, {tree.district: "6", tree.other_district: "4"},
                     year=2027)
    page = response.content.decode()
    assert response.status_code == 400
    assert "chưa có kế hoạch" in page
    assert not Allocation.objects.exists()


def test_the_grids_field_names_are_not_formatted_as_numbers(client_for, provincial_manager, tree, province_plan):
    from tests.factories import UnitFactory

    big = UnitFactory(pk=123_456, parent=tree.province, code="899")
    page = client_for(provincial_manager).get(GRID.format(pk=tree.province.pk, year=2026)).content.decode()
    assert f'name="target_{big.pk}"' in page
