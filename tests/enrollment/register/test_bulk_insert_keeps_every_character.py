from datetime import date

import pytest
from django.utils import timezone

from enrollment.imports.bulk import bulk_insert
from enrollment.models import Participant

pytestmark = pytest.mark.django_db


def test_tabs_backslashes_and_empty_values_survive(tree):
    name = "Nguyễn\tVăn \\An\nB"
    bulk_insert(Participant, [{
        "personal_id": "082085000001", "full_name": name, "birth_date": date(1985, 4, 15), "sex": "male",
        "si_number": "", "phone": "", "commune_id": tree.commune.pk, "village_id": None, "target_group": "farmer",
        "support_category": "other", "first_paid_on": None, "paid_through": date(2026, 1, 1),
        "created_at": timezone.now(), "created_by_id": None,
    }])
    person = Participant.objects.get()
    assert (person.full_name, person.si_number, person.village, person.paid_through) == (
        name, "", None, date(2026, 1, 1))
