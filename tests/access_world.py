"""The world the permission matrix walks: two provinces, two districts, two competing agent organisations in one
commune, and one object of every kind in each place:

- own: in the commune of district D (province P), of organisation A (agent A's);
- org: in the same commune, of organisation B, a competitor (agent B's);
- dist: in another district D2 of the same province;
- prov: in another province P2.

Names carry a tag per family and place (QQOWN, UUDIST …): a response shown to a role that may not see a place
must not hold its tag. Units and officers have no organisation: their places are own, dist and prov.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from agents.campaigns.models.campaigns import Campaign, CampaignResult, CampaignType
from agents.organisations.models import (
    AgentNetwork,
    AgentOrganisation,
    CollectionPoint,
    Contract,
    OrganisationType,
)
from agents.performance.models import ContractReview
from agents.staff.models import AgentCard, AgentStaff, TrainingCourse, TrainingRecord
from enrollment.imports.models import ImportJob
from enrollment.models import Allocation, Household, HouseholdMember, Plan, PlanVersion, RecomputeRun, Role, Staff
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory, UnitFactory, UserFactory

PLACES = ("own", "org", "dist", "prov")
AREA_PLACES = ("own", "dist", "prov")
ACTORS = ("anonymous", "national", "provincial", "district", "agent_a", "agent_b", "viewer", "other_province")
TAGS = {"own": "OWN", "org": "ORG", "dist": "DIST", "prov": "PROV"}
LAST_MONTH = datetime.date(2026, 11, 2)


@dataclass
class World:
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)  # kind → {place: object}

    def of(self, kind, place):
        return self.objects.get(kind, {}).get(place)


def _units():
    province = UnitFactory(code="82", name="Tỉnh UUOWN Đồng Tháp")
    district = UnitFactory(parent=province, code="822", name="Huyện UUOWN")
    commune = UnitFactory(parent=district, code="28594", name="Xã UUOWN")
    UnitFactory(parent=commune, code="2859401", name="Ấp UUOWN")
    other_district = UnitFactory(parent=province, code="815", name="Huyện UUDIST")
    other_commune = UnitFactory(parent=other_district, code="28249", name="Phường UUDIST")
    far_province = UnitFactory(code="01", name="Thành phố UUPROV", unit_type="thanh_pho_tw")
    far_district = UnitFactory(parent=far_province, code="001", name="Quận UUPROV")
    far_commune = UnitFactory(parent=far_district, code="00004", name="Phường UUPROV")
    return {"province": province, "district": district, "commune": commune, "other_district": other_district,
            "other_commune": other_commune, "far_province": far_province, "far_district": far_district,
            "far_commune": far_commune}


def build_world():
    world = World()
    u = _units()
    commune = {"own": u["commune"], "org": u["commune"], "dist": u["other_commune"], "prov": u["far_commune"]}
    office = {"own": u["district"], "org": u["district"], "dist": u["other_district"], "prov": u["far_district"]}
    world.objects["unit"] = {"own": u["commune"], "dist": u["other_commune"], "prov": u["far_commune"]}
    world.objects["office"] = {"own": u["district"], "dist": u["other_district"], "prov": u["far_district"]}
    users = world.users
    users["national"] = UserFactory(role=Role.NATIONAL_ADMIN, is_staff=True, username="m_national")
    users["provincial"] = UserFactory(role=Role.PROVINCIAL_MANAGER, scope_unit=u["province"], username="m_provincial")
    users["district"] = UserFactory(role=Role.DISTRICT_STAFF, scope_unit=u["district"], username="m_district")
    users["viewer"] = UserFactory(role=Role.VIEWER, scope_unit=u["district"], username="m_viewer")
    users["other_province"] = UserFactory(role=Role.PROVINCIAL_MANAGER, scope_unit=u["far_province"],
                                          username="m_other_province")
    users["agent_a"] = UserFactory(role=Role.AGENT_STAFF, scope_unit=u["commune"], username="m_agent_a")
    users["agent_b"] = UserFactory(role=Role.AGENT_STAFF, scope_unit=u["commune"], username="m_agent_b")
    users["anonymous"] = None

    objects = {kind: {} for kind in ("organisation", "point", "staff", "contract", "course", "record", "card",
                                     "campaign", "result", "review", "participant", "payment", "household",
                                     "officer", "version", "field_result", "allocation", "network")}
    for place in PLACES:
        tag = "QQ" + TAGS[place]
        # Each organisation is the one branch the world's users may see of a national network of its own.
        objects["network"][place] = AgentNetwork.objects.create(name=f"Mạng lưới {tag}",
                                                                organisation_type=OrganisationType.VIETNAM_POST)
        organisation = AgentOrganisation.objects.create(
            name=f"Tổ chức {tag}", unit=office[place], network=objects["network"][place],
            organisation_type=OrganisationType.VIETTEL if place == "org" else OrganisationType.VIETNAM_POST)
        point = CollectionPoint.objects.create(organisation=organisation, unit=commune[place], name=f"Điểm {tag}")
        point.communes.set([commune[place]])
        staff = AgentStaff.objects.create(full_name=f"Nhân viên {tag}", point=point, phone="0912000000",
                                          user={"own": users["agent_a"], "org": users["agent_b"]}.get(place))
        course = TrainingCourse.objects.create(name=f"Lớp {tag}", unit=office[place], starts_on=LAST_MONTH,
                                               ends_on=LAST_MONTH)
        campaign = Campaign.objects.create(name=f"Đợt {tag}", campaign_type=CampaignType.MOBILISATION_DAY,
                                           unit=office[place], starts_on=LAST_MONTH, ends_on=LAST_MONTH)
        campaign.agents.set([staff])
        objects["organisation"][place] = organisation
        objects["point"][place] = point
        objects["staff"][place] = staff
        objects["contract"][place] = Contract.objects.create(organisation=organisation, number=f"HĐ {tag}",
                                                             signed_on=LAST_MONTH, valid_from=LAST_MONTH)
        objects["course"][place] = course
        objects["record"][place] = TrainingRecord.objects.create(course=course, staff=staff, class_name=f"Lớp {tag}",
                                                                 trained_on=LAST_MONTH)
        objects["card"][place] = AgentCard.objects.create(staff=staff, number=f"THE-{tag}", issued_on=LAST_MONTH,
                                                          expires_on=datetime.date(2028, 1, 1))
        objects["campaign"][place] = campaign
        objects["result"][place] = CampaignResult.objects.create(
            agent=staff, commune=commune[place], day=LAST_MONTH, new_si=1, campaign=campaign,
            idempotency_key=uuid.uuid4(), notes=f"Ghi chú {tag}")
        objects["review"][place] = ContractReview.objects.create(agent=staff, period_end=datetime.date(2026, 10, 1))
        person = ParticipantFactory(commune=commune[place], full_name=f"Người {tag}",
                                    personal_id=f"0820851{PLACES.index(place):05d}",
                                    created_by={"own": users["agent_a"]}.get(place))
        objects["participant"][place] = person
        objects["payment"][place] = payment_record(
            participant=person, paid_on=LAST_MONTH, method="monthly", monthly_income=2_000_000,
            collected_by_agent=staff if place in ("own", "org") else None)
    # Results logged today on the phone page: what the agent may correct.
    for place in ("own", "org"):
        objects["field_result"][place] = CampaignResult.objects.create(
            agent=objects["staff"][place], commune=u["commune"], day=datetime.date(2026, 12, 3),
            households_visited=3, idempotency_key=uuid.uuid4(), recorded_by=objects["staff"][place].user)
    for place in AREA_PLACES:
        tag = TAGS[place]
        objects["officer"][place] = Staff.objects.create(full_name=f"Cán bộ OO{tag}", unit=office[place])
        household = Household.objects.create(head_name=f"Chủ hộ HH{tag}", commune=commune[place])
        HouseholdMember.objects.create(household=household, order=1, full_name=f"Chủ hộ HH{tag}",
                                       valid_from=LAST_MONTH, valid_to=datetime.date(2027, 10, 31), premium=0)
        objects["household"][place] = household
        plan = Plan.objects.create(unit=commune[place], year=2026, metric="si_participants")
        objects["version"][place] = PlanVersion.objects.create(
            plan=plan, seq=1, target=Decimal(120), monthly_targets=[10 * m for m in range(1, 13)])
        # A district's draft allocation to its communes, waiting for the province's approval.
        office_plan = Plan.objects.create(unit=office[place], year=2026, metric="si_participants")
        parent = PlanVersion.objects.create(plan=office_plan, seq=1, target=Decimal(500), status="approved",
                                            monthly_targets=[40 * m for m in range(1, 13)])
        objects["allocation"][place] = Allocation.objects.create(plan=office_plan, seq=1, parent_version=parent,
                                                                 created_by=users["district"])
    world.objects.update(objects)
    world.objects["import_job"] = {"own": ImportJob.objects.create(
        kind="villages", user=users["district"], scope_unit=u["district"], filename="thon.csv", content=b"")}
    world.objects["run"] = {"own": RecomputeRun.objects.create(kind="full", triggered_by="dashboard:1")}
    return world
