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
    assert "Kế hoạch giao đầu năm" in body or "kế hoạch giao đầu năm" in body


def test_the_charts_use_vietnamese_separators_and_english_is_selectable(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district])
    client = client_for(provincial_manager)
    body = client.get(f"/dashboards/{tree.province.pk}/").content.decode()
    assert '"separators":",."' in body
    client.cookies["django_language"] = "en"
    body = client.get(f"/dashboards/{tree.province.pk}/").content.decode()
    assert 'data-figure="actual">18,816<' in body and 'data-figure="achievement_initial">113.0%<' in body
    assert '"separators":".,"' in body and "Figures at the end of 30/11/2026" in body


def test_a_date_without_figures_says_so(client_for, provincial_manager, tree):
    full_board(tree.province, DAY)
    body = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/?date=2026-01-15").content.decode()
    assert "Chưa có số liệu nào được tính đến ngày 15/01/2026." in body
    assert 'id="key-figures"' not in body


def test_a_bad_date_gets_a_vietnamese_error(client_for, provincial_manager, tree):
    full_board(tree.province, DAY)
    body = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/?date=31-31-2026").content.decode()
    assert "Nhập ngày hợp lệ (dd/mm/yyyy)." in body
