import factory
from factory.django import DjangoModelFactory

from enrollment.models import (
    CodeSet,
    LabourForce,
    Level,
    Role,
    Staff,
    Unit,
    UnitType,
    User,
)

DEFAULT_TYPES = {
    Level.PROVINCE: UnitType.PROVINCE,
    Level.DISTRICT: UnitType.GRASSROOTS_AREA,
    Level.COMMUNE: UnitType.RURAL_COMMUNE,
    Level.VILLAGE: UnitType.HAMLET,
}


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    code_set = CodeSet.CURRENT
    parent = None
    level = factory.LazyAttribute(lambda o: o.parent.level + 1 if o.parent else Level.PROVINCE)
    code = factory.Sequence(lambda n: f"{90000 + n}")
    name = factory.LazyAttribute(lambda o: f"{Level(o.level).label} {o.code}")
    unit_type = factory.LazyAttribute(lambda o: DEFAULT_TYPES[o.level])


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    role = Role.DISTRICT_STAFF
    scope_unit = None
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class StaffFactory(DjangoModelFactory):
    class Meta:
        model = Staff

    full_name = factory.Sequence(lambda n: f"Cán bộ {n}")
    position = "officer"


class LabourForceFactory(DjangoModelFactory):
    class Meta:
        model = LabourForce

    year = 2026
    labour_force = 10_000


class ParticipantFactory(DjangoModelFactory):
    """A man born 15/04/1985: personal IDs 082085xxxxxx agree with him."""

    class Meta:
        model = "enrollment.Participant"

    personal_id = factory.Sequence(lambda n: f"082085{n:06d}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    birth_date = factory.LazyFunction(lambda: __import__("datetime").date(1985, 4, 15))
    sex = "male"
    target_group = "farmer"
    support_category = "other"
