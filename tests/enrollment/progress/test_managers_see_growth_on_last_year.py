"""Growth on last year: each figure against the same unit on the same day a year before, computed
by the engine from its snapshots and shown on the dashboard, the tables, the exports and the digest."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from enrollment.models import PaymentMethod, ProgressSnapshot
from enrollment.progress.services.digest import digest_send
from enrollment.progress.services.engine import progress_changes_paused, progress_recompute

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)
YEARLY = PaymentMethod.YEARLY


@pytest.fixture
def two_years(tree, enrol):
    """4 participants joined before 15/03/2025 (one of them lapsed), 6 joined by 15/03/2026."""
    with progress_changes_paused():
        for n in range(4):
            enrol(tree.commune, [(datetime.date(2025, 1 + n % 2, 10), YEARLY)])
        for n in range(3):
            enrol(tree.commune, [(datetime.date(2026, 1, 5 + n), YEARLY)])
        for n in range(3):
            enrol(tree.other_commune, [(datetime.date(2026, 2, 5 + n), YEARLY)])
    progress_recompute(full=True, today=TODAY)


def snapshot(unit, metric, day=TODAY):
    return ProgressSnapshot.objects.get(unit=unit, date=day, metric=metric)


def test_the_engine_stores_last_years_figure_difference_and_percent(tree, two_years):
    new = snapshot(tree.province, "si_new")
    assert (new.actual, new.last_year, new.growth, new.growth_percent) == (6, 4, 2, Decimal("50.00"))
    # Last year's yearly payers were covered through December: 4 active then, the 6 new ones now.
    active = snapshot(tree.province, "si_participants")
    assert (active.actual, active.last_year, active.growth, active.growth_percent) == (6, 4, 2, Decimal("50.00"))
    national = snapshot(None, "si_new")
    assert (national.last_year, national.growth) == (4, 2)
    # The other commune had nobody a year before: a difference, no percent.
    other = snapshot(tree.other_commune, "si_new")
    assert (other.last_year, other.growth, other.growth_percent) == (0, 3, None)


def test_a_day_whose_last_year_was_never_computed_has_no_growth(tree, two_years):
    # 31/01/2025 is a snapshot day, but 31/01/2024 was never computed: unknown, not zero.
    january = snapshot(tree.province, "si_new", datetime.date(2025, 1, 31))
    assert january.actual == 2
    assert (january.last_year, january.growth, january.growth_percent) == (None, None, None)


def test_the_dashboard_tables_and_export_show_growth(tree, two_years, provincial_manager, client_for, settings):
    client = client_for(provincial_manager)
    page = client.get(f"/dashboards/{tree.province.pk}/?date=2026-03-15").content.decode()
    assert 'data-figure="growth">+2 (+50,0%)' in page
    assert "Cùng ngày năm trước (15/03/2025): 4" in page

    ranked = client.get(f"/dashboards/{tree.province.pk}/?date=2026-03-15&metric=si_new&rank=growth")
    assert ranked.status_code == 200
    assert ranked.context["board"].ranking == "growth"

    table = client.get(f"/dashboards/{tree.district.pk}/tables/?date=2026-03-15&sort=-growth_percent")
    assert "Tăng so với cùng kỳ năm trước" in table.content.decode()
    export = client.get(f"/dashboards/{tree.district.pk}/tables/?date=2026-03-15&_export=csv").content.decode()
    header, *rows = export.strip().splitlines()
    assert "Cùng ngày năm trước" in header
    chogao = next(r for r in rows if tree.commune.name in r)
    assert chogao.endswith(",4,-1,-25,,Chưa có kế hoạch")  # 3 active now against 4 a year before


def test_the_digest_tells_growth(tree, two_years, provincial_manager, settings):
    provincial_manager.email = "tinh@example.vn"
    provincial_manager.save()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digest_send(day=TODAY) >= 1
    body = next(m.body for m in mail.outbox if m.to == ["tinh@example.vn"])
    assert "+2 (+50,0%) so với cùng kỳ năm trước" in body
