"""A national network (Bưu điện Việt Nam) works through a branch per province, each with its own quotas and staff:
national users rank every branch by both shares of quota, a province sees its own branch only, and agent staff
of one branch never see another's."""

import csv
import io
from datetime import date

import pytest

from agents.models import (
    AgentNetwork,
    AgentOrganisation,
    AgentStaff,
    NetworkContract,
    OrganisationQuota,
    OrganisationType,
)
from enrollment.models import Role
from tests.agents.conftest import make_point

pytestmark = pytest.mark.django_db

PERIOD = "?start=01/01/2026&end=30/04/2026"


@pytest.fixture
def post(tree, first_payment):
    """Branch Đồng Tháp: a year quota of 120 and 12 new participants by April (30% phased, 10% of the year).
    Branch Hà Nội: 1 a month to April then 15 a month (4 phased, 124 a year) and 6 new (150% phased, 4.8%)."""
    network = AgentNetwork.objects.create(name="Bưu điện Việt Nam", organisation_type=OrganisationType.VIETNAM_POST)
    NetworkContract.objects.create(network=network, number="HĐ-BHXHVN-VNPost/2026", signed_on=date(2025, 12, 20),
                                   valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31))
    branches, staff = {}, {}
    for key, unit, commune, new in (("dt", tree.province, tree.commune, 12), ("hn", tree.other_province,
                                                                            tree.far_commune, 6)):
        branch = AgentOrganisation.objects.create(name=f"Bưu điện {unit.name}", unit=unit, network=network,
                                                  organisation_type=OrganisationType.VIETNAM_POST)
        point = make_point(branch, commune, f"Điểm bưu điện {commune.name}")
        member = AgentStaff.objects.create(full_name=f"Nhân viên {key}", point=point)
        for n in range(new):
            first_payment(commune, date(2026, 1 + n % 4, 10), mobilised_by_agent=member)
        branches[key], staff[key] = branch, member
    OrganisationQuota.objects.create(organisation=branches["dt"], year=2026, month=None, target=120)
    OrganisationQuota.objects.bulk_create(
        [OrganisationQuota(organisation=branches["hn"], year=2026, month=m, target=1 if m <= 4 else 15)
         for m in range(1, 13)])
    return network, branches, staff


def exported(client, url):
    response = client.get(url + "&_export=csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_national_managers_rank_every_branch_by_either_share_of_quota(client_for, national_admin, post):
    network, branches, _staff = post
    client = client_for(national_admin)
    page = client.get(f"/agents/networks/{network.pk}/{PERIOD}&by=phased")
    text = page.content.decode()
    assert "Tỷ lệ đạt chỉ tiêu cả năm (%)" in text and "Tỷ lệ đạt chỉ tiêu phân kỳ đến kỳ này (%)" in text
    phased = exported(client, f"/agents/networks/{network.pk}/{PERIOD}&by=phased")
    assert [(r["Hạng"], r["Chi nhánh"], r["Người tham gia mới"], r["Tỷ lệ đạt chỉ tiêu phân kỳ đến kỳ này (%)"],
             r["Tỷ lệ đạt chỉ tiêu cả năm (%)"]) for r in phased] == [
        ("1", "Bưu điện Thành phố Hà Nội", "6", "150", "4.84"),
        ("2", "Bưu điện Tỉnh Đồng Tháp", "12", "30", "10"),
    ]
    by_year = exported(client, f"/agents/networks/{network.pk}/{PERIOD}&by=year")
    assert [r["Chi nhánh"] for r in by_year] == ["Bưu điện Tỉnh Đồng Tháp", "Bưu điện Thành phố Hà Nội"]
    assert [(r["Chỉ tiêu cả năm"], r["Chỉ tiêu phân kỳ đến kỳ này"]) for r in by_year] == [("120", "40"),
                                                                                         ("124", "4")]


def test_a_province_sees_its_own_branch_only(client_for, provincial_manager, make_user, tree, post):
    network, branches, _staff = post
    client = client_for(provincial_manager)
    rows = exported(client, f"/agents/networks/{network.pk}/{PERIOD}&by=phased")
    assert [r["Chi nhánh"] for r in rows] == ["Bưu điện Tỉnh Đồng Tháp"]
    assert "Hà Nội" not in client.get(f"/agents/networks/{network.pk}/{PERIOD}").content.decode()
    assert client.get(f"/agents/organisations/{branches['hn'].pk}/").status_code == 404
    assert client.get(f"/agents/organisations/{branches['dt'].pk}/").status_code == 200

    other = client_for(make_user(Role.PROVINCIAL_MANAGER, tree.other_province))
    assert [r["Chi nhánh"] for r in exported(other, f"/agents/networks/{network.pk}/{PERIOD}")] == [
        "Bưu điện Thành phố Hà Nội"]
    assert other.get(f"/agents/organisations/{branches['dt'].pk}/").status_code == 404


def test_a_network_without_a_branch_in_the_province_is_not_found(client_for, provincial_manager, post):
    elsewhere = AgentNetwork.objects.create(name="Viettel", organisation_type=OrganisationType.VIETTEL)
    client = client_for(provincial_manager)
    assert client.get(f"/agents/networks/{elsewhere.pk}/").status_code == 404
    assert "Viettel" not in client.get("/agents/networks/").content.decode()


def test_agent_staff_of_one_branch_never_see_another(client_for, make_user, tree, post):
    network, branches, staff = post
    user = make_user(Role.AGENT_STAFF, tree.commune)
    staff["dt"].user = user
    staff["dt"].save()
    client = client_for(user)
    assert [r["Chi nhánh"] for r in exported(client, f"/agents/networks/{network.pk}/{PERIOD}")] == [
        "Bưu điện Tỉnh Đồng Tháp"]
    assert client.get(f"/agents/organisations/{branches['hn'].pk}/").status_code == 404


def test_a_branch_collects_under_the_national_contract_in_the_import(client_for, provincial_manager, tree, post,
                                                                    upload_import):
    _network, branches, staff = post
    staff["dt"].personal_id = "082190001234"
    staff["dt"].save()
    header = "personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income,Mã đại lý thu,"
    header += "Nhân viên đại lý thu (CCCD hoặc số thẻ)\n"
    line = "082085000099,Người Mới,15/04/1985,Nam,28594,{day},monthly,1.500.000,{code},082190001234\n"
    client = client_for(provincial_manager)
    before = upload_import(client, "participants", (header + line.format(
        day="20/12/2025", code=branches["dt"].code)).encode())
    assert [e["column"] for e in before.errors] == ["agent_organisation"]
    assert "không có hợp đồng còn hiệu lực ngày 20/12/2025" in before.errors[0]["message"]
    during = upload_import(client, "participants", (header + line.format(
        day="05/02/2026", code=branches["dt"].code)).encode(), name="b.csv")
    assert during.status == "done", during.errors
