import pytest
from django.core.management import call_command

from enrollment.models import CodeSet, Level, Unit


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_units", *args, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


@pytest.mark.django_db
def test_it_loads_the_2025_set_and_prints_the_summary():
    line = run()
    districts = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.DISTRICT).count()
    assert line == f"units: provinces=34 districts={districts} communes=3321 villages=0"
    assert 600 < districts < 720


@pytest.mark.django_db
def test_a_second_run_changes_nothing():
    first = run()
    before = list(Unit.objects.values_list("id", "path", "name", "unit_type").order_by("id"))
    second = run()
    assert first == second
    assert list(Unit.objects.values_list("id", "path", "name", "unit_type").order_by("id")) == before


@pytest.mark.django_db
def test_every_commune_has_a_district_of_its_own_province():
    run()
    communes = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.COMMUNE).select_related("parent__parent")
    assert all(c.parent.level == Level.DISTRICT for c in communes)
    assert all(c.path.startswith(c.parent.parent.path) for c in communes)


@pytest.mark.django_db
def test_the_demo_province_absorbed_tien_giang():
    run()
    dong_thap = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.PROVINCE, code="82")
    assert dong_thap.name == "Tỉnh Đồng Tháp"
    districts = set(dong_thap.children.values_list("name", flat=True))
    assert "BHXH cơ sở huyện Chợ Gạo" in districts  # a legacy Tiền Giang district
    assert "BHXH cơ sở huyện Châu Thành (Tiền Giang)" in districts
    assert "BHXH cơ sở huyện Châu Thành (Đồng Tháp)" in districts


@pytest.mark.django_db
def test_only_the_six_centrally_run_cities_are_typed_as_cities():
    run()
    cities = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE, unit_type="thanh_pho_tw")
    assert sorted(cities.values_list("code", flat=True)) == ["01", "31", "46", "48", "79", "92"]
    assert Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.PROVINCE, code="22").name == "Tỉnh Quảng Ninh"


@pytest.mark.django_db
def test_the_legacy_set_loads_beside_the_2025_set():
    run()
    line = run("--legacy")
    assert line == "units: provinces=63 districts=696 communes=10051 villages=0"
    assert Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE).count() == 34


@pytest.mark.django_db
def test_a_rerun_keeps_a_commune_a_manager_moved():
    run()
    commune = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.COMMUNE, code="28222")
    other = commune.parent.parent.children.exclude(pk=commune.parent_id).first()
    commune.parent = other
    commune.save()
    run()
    commune.refresh_from_db()
    assert commune.parent == other
