"""Agents in the test tree: two organisations, points in both districts of the first province and one in
another province, with a staff member each."""

from dataclasses import dataclass

import pytest

from agents.models import (
    AgentOrganisation,
    AgentStaff,
    CollectionPoint,
    OrganisationType,
)
from enrollment.models import Role
from tests.factories import ParticipantFactory


@dataclass
class Agents:
    post: object  # Bưu điện, contracted by the province, points in both districts
    union: object  # Hội Nông dân, contracted by the district, a point in it
    far: object  # an organisation of another province
    post_point: object
    post_city_point: object
    union_point: object
    far_point: object
    mai: object  # post, Chợ Gạo
    lan: object  # post, Mỹ Tho
    hung: object  # union, Chợ Gạo
    quan: object  # far province


def make_point(organisation, commune, name, communes=None):
    point = CollectionPoint.objects.create(organisation=organisation, unit=commune, name=name)
    point.communes.set(communes or [commune])
    return point


@pytest.fixture
def agents(tree):
    post = AgentOrganisation.objects.create(name="Bưu điện tỉnh", organisation_type=OrganisationType.VIETNAM_POST,
                                            unit=tree.province)
    union = AgentOrganisation.objects.create(name="Hội Nông dân Chợ Gạo",
                                             organisation_type=OrganisationType.FARMERS_UNION, unit=tree.district)
    far = AgentOrganisation.objects.create(name="Bưu điện Hà Nội", organisation_type=OrganisationType.VIETNAM_POST,
                                           unit=tree.other_province)
    post_point = make_point(post, tree.commune, "Điểm bưu điện Chợ Gạo")
    post_city_point = make_point(post, tree.other_commune, "Điểm bưu điện Mỹ Tho")
    union_point = make_point(union, tree.commune, "Điểm thu Hội Nông dân")
    far_point = make_point(far, tree.far_commune, "Điểm bưu điện Ba Đình")
    return Agents(
        post, union, far, post_point, post_city_point, union_point, far_point,
        mai=AgentStaff.objects.create(full_name="Nguyễn Thị Mai", point=post_point, phone="0912345678"),
        lan=AgentStaff.objects.create(full_name="Trần Thị Lan", point=post_city_point, phone="0987654321"),
        hung=AgentStaff.objects.create(full_name="Lê Văn Hùng", point=union_point, phone="0911111111"),
        quan=AgentStaff.objects.create(full_name="Đỗ Minh Quân", point=far_point, phone="0922222222"),
    )


@pytest.fixture
def agent_user(make_user, tree, agents):
    """Mai's account: agent staff of the post office in Xã Chợ Gạo."""
    user = make_user(Role.AGENT_STAFF, tree.commune, username="mai")
    agents.mai.user = user
    agents.mai.save()
    return user


@pytest.fixture
def first_payment(db):
    """Record a person's first payment through the register's own service."""
    from enrollment.register.services.participants import payment_record

    def pay(commune, day, **links):
        person = ParticipantFactory(commune=commune)
        return payment_record(participant=person, paid_on=day, method="monthly", monthly_income=2_000_000, **links)

    return pay
