from datetime import date

import pytest

from enrollment.models import Household, HouseholdMember, LabourForce, PaymentMethod
from enrollment.plans.models.plans import Metric
from enrollment.plans.selectors.actuals import actuals, owner_actuals
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_register_counts_roll_up_the_tree(tree):
    officer = StaffFactory(unit=tree.district)
    for commune, count in ((tree.commune, 3), (tree.other_commune, 2)):
        for _ in range(count):
            payment_record(participant=ParticipantFactory(commune=commune, village=tree.village if commune == tree.commune else None),
                           paid_on=date(2026, 3, 5), method=PaymentMethod.YEARLY, monthly_income=1_500_000,
                           mobilised_by_staff=officer)
    LabourForce.objects.create(unit=tree.province, year=2026, labour_force=1000)
    household = Household.objects.create(head_name="Trần Văn Hộ", commune=tree.commune)
    for order in (1, 2):
        HouseholdMember.objects.create(household=household, full_name=f"Thành viên {order}", order=order,
                                       valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31), premium=0)
    units = [tree.province, tree.district, tree.commune, tree.village, tree.far_commune]
    day = date(2026, 6, 30)

    active = actuals(units, 2026, Metric.SI_PARTICIPANTS, day)
    assert active == {tree.province.pk: 5, tree.district.pk: 3, tree.commune.pk: 3, tree.village.pk: 3,
                      tree.far_commune.pk: 0}
    assert actuals(units, 2026, Metric.SI_NEW, day)[tree.province.pk] == 5
    assert actuals([tree.province], 2026, Metric.SI_NEW, date(2026, 2, 28)) == {tree.province.pk: 0}
    assert actuals([tree.province.pk], 2026, Metric.COVERAGE, day) == {tree.province.pk: pytest.approx(0.5)}
    assert actuals(units, 2026, Metric.HI_HOUSEHOLD, day)[tree.district.pk] == 2
    assert owner_actuals("officer", [officer.pk], 2026, None, Metric.SI_NEW) == {officer.pk: 5}
    assert owner_actuals("officer", [officer.pk], 2026, 4, Metric.SI_NEW) == {}
