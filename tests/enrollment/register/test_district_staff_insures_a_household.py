from datetime import date

import pytest

from enrollment.models import Household, HouseholdMember
from enrollment.register.services.households import household_monthly_premium

pytestmark = pytest.mark.django_db


def test_premium_falls_with_member_order():
    day = date(2026, 1, 1)
    assert [household_monthly_premium(order, day) for order in range(1, 7)] == [
        105_300, 73_710, 63_180, 52_650, 42_120, 42_120]
    assert household_monthly_premium(1, date(2024, 1, 1)) == 81_000  # 4.5% of 1,800,000


def test_a_household_of_five_for_a_year(client_for, district_staff, tree):
    names = ["Trần Văn Chủ", "Nguyễn Thị Vợ", "Trần Văn Con", "Trần Thị Út", "Lê Thị Bà"]
    data = {"head_name": "Trần Văn Chủ", "commune": tree.commune.pk, "village": tree.village.pk, "address": "Ấp 3",
            "valid_from": "01/01/2026", "months": "12", "members-TOTAL_FORMS": "6", "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "1", "members-MAX_NUM_FORMS": "1000"}
    for index, name in enumerate(names):
        data[f"members-{index}-full_name"] = name
    response = client_for(district_staff).post("/households/new/", data)
    household = Household.objects.get()
    assert response["Location"] == f"/households/{household.pk}/"
    members = list(household.members.order_by("order"))
    assert [m.full_name for m in members] == names
    assert [m.premium for m in members] == [1_263_600, 884_520, 758_160, 631_800, 505_440]
    assert members[0].valid_to == date(2026, 12, 31)
    page = client_for(district_staff).get(response["Location"]).content.decode()
    assert "1.263.600" in page and "505.440" in page


def test_a_bad_personal_id_saves_nothing(client_for, district_staff, tree):
    data = {"head_name": "A", "commune": tree.commune.pk, "valid_from": "01/01/2026", "months": "12",
            "members-TOTAL_FORMS": "1", "members-INITIAL_FORMS": "0", "members-MIN_NUM_FORMS": "1",
            "members-MAX_NUM_FORMS": "1000", "members-0-full_name": "A", "members-0-personal_id": "123"}
    response = client_for(district_staff).post("/households/new/", data)
    assert response.status_code == 200 and "12 chữ số" in response.content.decode()
    assert not Household.objects.exists() and not HouseholdMember.objects.exists()


def test_households_of_another_area_are_a_404(client_for, district_staff, tree):
    far = Household.objects.create(head_name="Xa", commune=tree.far_commune)
    assert client_for(district_staff).get(f"/households/{far.pk}/").status_code == 404
