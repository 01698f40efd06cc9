"""The rows `{% table_rows %}` writes in Python are the rows django-tables2's own template writes:
same values, same links, same masking, same labels of choices, same empty cells."""

import re
from datetime import date

import pytest
from django.test import RequestFactory
from django.utils import translation
from django_tables2 import RequestConfig

from enrollment.register.models.participants import Participant, Payment, PaymentMethod
from enrollment.register.services.participants import payment_record
from enrollment.register.tables import ParticipantTable, PaymentTable
from tests.factories import ParticipantFactory

LIBRARY_TEMPLATE = "django_tables2/bootstrap5-responsive.html"


def body(html):
    rows = re.search(r"<tbody[^>]*>(.*)</tbody>", html, re.S).group(1)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", rows)).strip()


def both_ways(table_class, data, user=None, **options):
    drawn = {}
    for template in ("tables/table.html", LIBRARY_TEMPLATE):
        request = RequestFactory().get("/")
        request.user = user
        table = table_class(data, template_name=template, **({"user": user} if user else {}), **options)
        RequestConfig(request, paginate={"per_page": 50}).configure(table)
        drawn[template] = body(table.as_html(request))
    return drawn["tables/table.html"], drawn[LIBRARY_TEMPLATE]


@pytest.fixture
def people(tree):
    with_village = ParticipantFactory(commune=tree.commune, village=tree.village, phone="0912345678",
                                      full_name="Trần Thị <Bé> & \"Út\"", sex="female", target_group="informal_worker")
    without_village = ParticipantFactory(commune=tree.commune, phone="", support_category="poor")
    payment_record(participant=with_village, paid_on=date(2026, 11, 2), method=PaymentMethod.QUARTERLY,
                   monthly_income=2_000_000)
    return with_village, without_village


@pytest.mark.parametrize("role", ["district_staff", "viewer"])
def test_participant_rows_match_the_library_masked_or_not(request, people, role):
    user = request.getfixturevalue(role)
    queryset = Participant.objects.select_related("commune", "village").order_by("pk")
    with translation.override("vi"):
        ours, library = both_ways(ParticipantTable, queryset, user=user)
    assert ours == library
    assert "Nữ" in ours and "Lao động tự do" in ours  # choices by their labels, in the page's language
    assert "&lt;Bé&gt; &amp; &quot;Út&quot;" in ours or role == "viewer"
    assert "0912345678" not in ours if role == "viewer" else "0912345678" in ours


def test_payment_rows_match_the_library(people):
    payments = Payment.objects.select_related("collected_by_staff", "mobilised_by_staff").order_by("pk")
    with translation.override("vi"):
        ours, library = both_ways(PaymentTable, payments, orderable=False)
    assert ours == library and "3 tháng một lần" in ours and "2.000.000" in ours


def test_an_empty_table_says_so_the_same_way(tree, district_staff):
    with translation.override("vi"):
        ours, library = both_ways(ParticipantTable, Participant.objects.none(), user=district_staff)
    assert ours == library
