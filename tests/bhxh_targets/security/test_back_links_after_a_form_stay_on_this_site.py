"""After recording a renewal outcome or queueing a recompute, the user goes back to a page of this site only."""

import pytest

from tests.enrollment.register.test_district_staff_works_the_renewal_list import due  # noqa: F401

pytestmark = pytest.mark.django_db
ELSEWHERE = ["//evil.example", "https://evil.example", "https://evil.example/renewals/", "/\\evil.example",
             "http:///evil.example", "javascript:alert(1)"]


@pytest.mark.parametrize("next_url", ELSEWHERE)
def test_a_renewal_outcome_falls_back_to_the_list(client_for, district_staff, due, next_url):  # noqa: F811
    response = client_for(district_staff).post(f"/renewals/{due['an'].pk}/outcome/", {
        "month": "11/2026", "outcome": "promised", "promised_on": "20/11/2026", "next": next_url})
    # back to the list, at the person's row
    assert response.status_code == 302 and response["Location"] == f"/renewals/#due-{due['an'].pk}"


def test_a_renewal_outcome_goes_back_to_the_page_of_this_site(client_for, district_staff, due):  # noqa: F811
    response = client_for(district_staff).post(f"/renewals/{due['an'].pk}/outcome/", {
        "month": "11/2026", "outcome": "promised", "promised_on": "20/11/2026", "next": "/renewals/?status=paid"})
    assert response["Location"] == f"/renewals/?status=paid#due-{due['an'].pk}"


@pytest.mark.parametrize("next_url", ELSEWHERE)
def test_a_recompute_falls_back_to_the_dashboards(client_for, provincial_manager, next_url):
    response = client_for(provincial_manager).post("/dashboards/recompute/", {"date": "2099-01-01", "next": next_url})
    assert response.status_code == 302 and response["Location"] == "/dashboards/"
