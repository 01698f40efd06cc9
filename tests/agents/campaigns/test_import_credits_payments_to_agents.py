"""The participants and payments import credits payments to collection agents through its agent columns:
organisation, point and staff member must belong together, lie in the uploader's area, and have a contract in
force on the payment date; a campaign must run on that date. Every wrong cell is reported with its line and
column, in Vietnamese, and nothing is saved."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from agents.models import AgentCard, Campaign, Contract, ContractStatus
from enrollment.models import ImportStatus, Payment

pytestmark = pytest.mark.django_db

HEADER = ("personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income,"
          "Mã đại lý thu,Mã điểm thu,Nhân viên đại lý thu (CCCD hoặc số thẻ),Chiến dịch\n")


def row(number, organisation="", point="", staff="", campaign="", paid_on="05/08/2025", commune="28594"):
    return (f"0820850000{number:02d},Người Số {number},15/04/1985,Nam,{commune},{paid_on},monthly,1.500.000,"
            f"{organisation},{point},{staff},{campaign}\n")


def csv(*lines):
    return (HEADER + "".join(lines)).encode()


@pytest.fixture
def network(agents, tree):
    """Contracts: the post's in force through 2026; the union's ended on 30/06/2025. Mai has a personal ID,
    Hùng a card; a golden week ran in the province in August 2025."""
    Contract.objects.create(organisation=agents.post, number="HĐ-BĐ/2025", signed_on=date(2025, 1, 1),
                            valid_from=date(2025, 1, 1), valid_to=date(2026, 12, 31))
    Contract.objects.create(organisation=agents.union, number="HĐ-HND/2024", signed_on=date(2024, 1, 1),
                            valid_from=date(2024, 1, 1), valid_to=date(2025, 6, 30), status=ContractStatus.EXPIRED)
    Contract.objects.create(organisation=agents.far, number="HĐ-HN/2025", signed_on=date(2025, 1, 1),
                            valid_from=date(2025, 1, 1))
    agents.mai.personal_id = "082190001234"
    agents.mai.save()
    agents.lan.personal_id = "082190005678"
    agents.lan.save()
    AgentCard.objects.create(staff=agents.hung, number="THE-0042", issued_on=date(2024, 1, 1),
                             expires_on=date(2027, 1, 1))
    golden = Campaign.objects.create(name="Tuần lễ vàng tháng 8", campaign_type="golden_week",
                                     starts_on=date(2025, 8, 1), ends_on=date(2025, 8, 7), unit=tree.province)
    return agents, golden


def test_organisations_and_points_get_codes_and_old_ones_keep_theirs(agents):
    assert agents.post.code == f"DL{agents.post.pk:05d}"
    assert agents.post_point.code == f"DT{agents.post_point.pk:05d}"
    agents.union.code = "HND-CG"
    agents.union.save()
    agents.union.refresh_from_db()
    assert agents.union.code == "HND-CG"


def test_a_file_naming_agents_is_checked_saves_nothing_then_credits_each_payment(
        client_for, district_staff, network, upload_import):
    agents, golden = network
    client = client_for(district_staff)
    good = csv(
        row(1, agents.post.code, agents.post_point.code, "082190001234"),
        row(2, staff="082190001234", campaign="tuan le vang thang 8"),
        row(3),
    )
    check = upload_import(client, "participants", good, dry_run="on")
    assert (check.status, check.errors) == (ImportStatus.DONE, []), check.errors
    assert not Payment.objects.exists()

    job = upload_import(client, "participants", good, name="real.csv")
    assert (job.status, job.created_rows) == (ImportStatus.DONE, 3)
    credited = {p.participant.personal_id: (p.collected_by_agent_id, p.mobilised_by_agent_id, p.campaign_id)
                for p in Payment.objects.select_related("participant")}
    assert credited == {"082085000001": (agents.mai.pk, agents.mai.pk, None),
                        "082085000002": (agents.mai.pk, agents.mai.pk, golden.pk),
                        "082085000003": (None, None, None)}


def test_every_wrong_agent_cell_is_reported_with_its_line_and_column(client_for, district_staff, network,
                                                                     upload_import):
    agents, _golden = network
    post, union, far = agents.post.code, agents.union.code, agents.far.code
    job = upload_import(client_for(district_staff), "participants", csv(
        row(1, "DL99999", staff="082190001234"),  # line 2: no such organisation
        row(2, union, agents.union_point.code, "THE-0042"),  # line 3: the union's contract ended 30/06/2025
        row(3, post, agents.union_point.code, "082190001234"),  # line 4: the union's point
        row(4, post, agents.post_point.code, "THE-0042"),  # line 5: Hùng works for the union
        row(5, far, staff="082190001234"),  # line 6: another province's organisation
        row(6, staff="082190005678"),  # line 7: Lan works in the other district
        row(7, post),  # line 8: nobody credited
        row(8, staff="082190001234", campaign="Tuần lễ vàng tháng 8", paid_on="20/08/2025"),  # line 9: over
        row(10, post, agents.post_point.code, "082190001234"),  # a good row
    ))
    assert job.status == ImportStatus.REJECTED
    by_line = {}
    for error in job.errors:
        by_line.setdefault(error["line"], {})[error["column"]] = error["message"]
    assert {line: set(columns) for line, columns in by_line.items()} == {
        2: {"agent_organisation"}, 3: {"agent_organisation"}, 4: {"agent_point"}, 5: {"agent_staff"},
        6: {"agent_organisation"}, 7: {"agent_staff"}, 8: {"agent_staff"}, 9: {"campaign"},
    }
    assert by_line[2]["agent_organisation"] == "không có đại lý thu mã DL99999 trong địa bàn của bạn"
    assert by_line[3]["agent_organisation"] == "Hội Nông dân Chợ Gạo không có hợp đồng còn hiệu lực ngày 05/08/2025"
    assert "thuộc Hội Nông dân Chợ Gạo" in by_line[4]["agent_point"]
    assert "Lê Văn Hùng làm việc cho Hội Nông dân Chợ Gạo" in by_line[5]["agent_staff"]
    assert "trong địa bàn của bạn" in by_line[6]["agent_organisation"]
    assert "trong địa bàn của bạn" in by_line[7]["agent_staff"]
    assert "01/08/2025 đến 07/08/2025" in by_line[9]["campaign"]
    assert not Payment.objects.exists()


def test_an_organisation_collects_only_in_its_contract_area(client_for, provincial_manager, network, upload_import):
    agents, _golden = network
    job = upload_import(client_for(provincial_manager), "participants", csv(
        row(1, agents.union.code, staff="THE-0042", paid_on="05/05/2025", commune="28249")))
    assert [(e["line"], e["column"]) for e in job.errors] == [(2, "agent_organisation")]
    assert "Phường Mỹ Tho nằm ngoài địa bàn hợp đồng của Hội Nông dân Chợ Gạo" in job.errors[0]["message"]


def test_a_payment_while_the_contract_was_in_force_is_credited_after_it_ended(client_for, district_staff,
                                                                              network, upload_import):
    agents, _golden = network
    job = upload_import(client_for(district_staff), "participants",
                        csv(row(1, agents.union.code, agents.union_point.code, "THE-0042", paid_on="05/05/2025")))
    assert job.status == ImportStatus.DONE, job.errors
    assert Payment.objects.get().collected_by_agent == agents.hung


def test_the_template_has_the_agent_columns_in_vietnamese_with_instructions(client_for, district_staff):
    client = client_for(district_staff)
    header = client.get("/imports/template/participants.csv").content.decode("utf-8-sig").splitlines()[0]
    assert header.endswith("Mã đại lý thu,Mã điểm thu,Nhân viên đại lý thu (CCCD hoặc số thẻ),Chiến dịch")
    workbook = load_workbook(io.BytesIO(client.get("/imports/template/participants.xlsx").content))
    rows = {row[0]: row for row in workbook["Hướng dẫn"].iter_rows(values_only=True)}
    assert rows["Mã điểm thu"][1] == "không" and "phải thuộc đại lý thu" in rows["Mã điểm thu"][2]
    assert rows["Mã đại lý thu"][3] == "DL00001"
