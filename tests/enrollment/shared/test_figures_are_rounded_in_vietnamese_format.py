from django.utils import translation

from enrollment.shared.formats import number, percent


def test_percentages_round_half_up_with_a_decimal_comma():
    with translation.override("vi"):
        assert percent(112.96) == "113,0%"
        assert percent(56.034) == "56,0%"
        assert percent(107.05) == "107,1%"
        assert percent(None) == ""


def test_people_counts_use_a_dot_for_thousands_and_round():
    with translation.override("vi"):
        assert number(18816) == "18.816"
        assert number(130.6) == "131"


def test_english_keeps_english_separators():
    with translation.override("en"):
        assert percent(112.96) == "113.0%"
        assert number(18816) == "18,816"
