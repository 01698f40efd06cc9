from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enrollment.models import PaymentMethod
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def enrol(tree, count):
    for _ in range(count):
        person = ParticipantFactory(commune=tree.commune, village=tree.village)
        payment_record(participant=person, paid_on=date(2026, 11, 2), method=PaymentMethod.MONTHLY,
                       monthly_income=1_500_000)


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/participants/", "/renewals/?month=12/2026", "/households/"])
def test_list_pages_do_not_grow_with_their_rows(client_for, district_staff, tree, url, django_assert_max_num_queries):
    client = client_for(district_staff)
    enrol(tree, 3)
    few = queries(client, url)
    enrol(tree, 30)
    with django_assert_max_num_queries(few):
        client.get(url)
    assert few <= 15
