import pytest

from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree):
    ParticipantFactory(commune=tree.commune, personal_id="082085111111", full_name="Bùi Hoàng Nam")
    ParticipantFactory(commune=tree.commune, personal_id="082085222222", full_name="Đặng Thị Đào")
    ParticipantFactory(commune=tree.far_commune, personal_id="001085333333", full_name="Bùi Hoàng Nam Hà Nội")


def found(client, query):
    response = client.get("/participants/", {"q": query})
    return [p.full_name for p in response.context["table"].data], response.content.decode()


@pytest.mark.parametrize("query", ["bui hoang nam", "BÙI HOÀNG NAM", "  bui   hoàng nam ", "hoang"])
def test_names_are_found_in_any_case_with_or_without_diacritics(client_for, district_staff, people, query):
    assert found(client_for(district_staff), query)[0] == ["Bùi Hoàng Nam"]  # not the one of another province


def test_d_with_stroke_is_found_as_d(client_for, district_staff, people):
    assert found(client_for(district_staff), "dang thi dao")[0] == ["Đặng Thị Đào"]


def test_office_staff_find_by_the_first_digits_of_the_id(client_for, district_staff, people):
    assert found(client_for(district_staff), "0820852")[0] == ["Đặng Thị Đào"]


def test_nothing_found_says_so_with_a_hint(client_for, district_staff, people):
    names, page = found(client_for(district_staff), "trần")
    assert names == []
    assert "Không tìm thấy người tham gia nào khớp với “trần”." in page
    assert "không dấu đều được" in page
