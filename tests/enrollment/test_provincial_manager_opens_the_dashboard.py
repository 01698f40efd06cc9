import datetime

from tests.progress_factories import full_board

DAY = datetime.date(2026, 11, 30)


def test_it_shows_the_key_figures_in_vietnamese_formats(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district, tree.other_district])
    response = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/?date=2026-11-30")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'data-figure="actual">18.816<' in body
    assert 'data-figure="achievement_initial">113,0%<' in body
    assert 'data-figure="achievement_in_force">107,0%<' in body
    assert "Số liệu đến hết ngày 30/11/2026" in body
