"""A file naming collection agents is checked in bulk on PostgreSQL like any other: the same agents credited,
the same wrong agent cells reported, as when it is checked row by row."""

import pytest
from django.db import connection

from tests.agents.campaigns.test_import_credits_payments_to_agents import csv, network, row  # noqa: F401
from tests.enrollment.register.test_import_in_bulk_matches_row_by_row import outcome

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk path is PostgreSQL's")]


@pytest.mark.parametrize("options", [{}, {"allow_partial": True}], ids=["refused whole", "good rows kept"])
def test_agent_columns_give_the_same_outcome_both_ways(district_staff, network, settings, options):  # noqa: F811
    agents, _golden = network
    post = agents.post.code
    content = csv(
        row(1, post, agents.post_point.code, "082190001234"),
        row(2, staff="082190001234", campaign="tuan le vang thang 8"),
        row(3),
        row(4, post, agents.post_point.code, "THE-0042"),  # Hùng works for the union
        row(5, "DL99999", staff="082190001234", paid_on="32/08/2025"),  # no such organisation, no such day
        row(6, post),  # nobody credited
    )
    in_bulk = outcome(settings, district_staff, True, content=content, **options)
    assert in_bulk["job"][-1] and any(p[-3] for p in in_bulk["payments"]) == bool(options)
    assert in_bulk == outcome(settings, district_staff, False, content=content, **options)
