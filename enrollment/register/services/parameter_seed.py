"""The dated parameters a fresh database starts with (the admin edits them afterwards).

Migration 0004 seeds them from this list; a database emptied by `flush` (the transactional tests, a reset
demo) gets them back through post_migrate, since no contribution can be computed without them.
"""

from datetime import date
from decimal import Decimal

D134 = "Nghị định 134/2015/NĐ-CP"
D159 = "Nghị định 159/2025/NĐ-CP"
TOP_UP = "Mức hỗ trợ thêm của tỉnh"

# The social insurance fund's investment return of each year (a yearly rate, valid from 1 January of
# the year it was earned): payments in advance are discounted, and lump sums for missing years bear
# interest, at the monthly average (the rate ÷ 12) of the year before the payment (Decree 134/2015
# Art. 9 and Circular 01/2016/TT-BLĐTBXH; Decree 159/2025). The starting value is to be replaced in
# the admin by the rates Vietnam Social Security publishes.
FUND_RETURN_SEED = [
    ("fund_investment_return", date(2015, 1, 1), "0.06",
     "Lãi suất đầu tư quỹ BHXH bình quân năm: giá trị ban đầu, cập nhật theo công bố của BHXH Việt Nam"),
]

SEED = [
    ("base_salary", date(2017, 7, 1), "1300000", "Nghị định 47/2017/NĐ-CP"),
    ("base_salary", date(2018, 7, 1), "1390000", "Nghị định 72/2018/NĐ-CP"),
    ("base_salary", date(2019, 7, 1), "1490000", "Nghị định 38/2019/NĐ-CP"),
    ("base_salary", date(2023, 7, 1), "1800000", "Nghị định 24/2023/NĐ-CP"),
    ("base_salary", date(2024, 7, 1), "2340000", "Nghị định 73/2024/NĐ-CP"),
    ("rural_poverty_line", date(2018, 1, 1), "700000", "Quyết định 59/2015/QĐ-TTg"),
    ("rural_poverty_line", date(2022, 1, 1), "1500000", "Nghị định 07/2021/NĐ-CP"),
    ("rural_poverty_line", date(2027, 1, 1), "2200000", "Dự kiến chuẩn nghèo 2026–2030 (chưa chắc chắn)"),
    ("si_rate", date(2018, 1, 1), "0.22", "Luật BHXH"),
    ("income_ceiling_multiple", date(2018, 1, 1), "20", "Trần thu nhập = 20 × lương cơ sở"),
    ("support_max_years", date(2018, 1, 1), "10", "Hỗ trợ tối đa 10 năm mỗi người"),
    ("support_rate_poor", date(2018, 1, 1), "0.30", D134),
    ("support_rate_near_poor", date(2018, 1, 1), "0.25", D134),
    ("support_rate_ethnic_minority", date(2018, 1, 1), "0.10", D134),
    ("support_rate_island_commune", date(2018, 1, 1), "0.10", D134),
    ("support_rate_other", date(2018, 1, 1), "0.10", D134),
    ("support_rate_poor", date(2025, 7, 1), "0.50", D159),
    ("support_rate_near_poor", date(2025, 7, 1), "0.40", D159),
    ("support_rate_ethnic_minority", date(2025, 7, 1), "0.30", D159),
    ("support_rate_island_commune", date(2025, 7, 1), "0.50", D159),
    ("support_rate_other", date(2025, 7, 1), "0.20", D159),
    ("local_top_up_poor", date(2018, 1, 1), "0", TOP_UP),
    ("local_top_up_near_poor", date(2018, 1, 1), "0", TOP_UP),
    ("local_top_up_ethnic_minority", date(2018, 1, 1), "0", TOP_UP),
    ("local_top_up_island_commune", date(2018, 1, 1), "0", TOP_UP),
    ("local_top_up_other", date(2018, 1, 1), "0", TOP_UP),
    ("hi_household_rate", date(2018, 1, 1), "0.045", "Luật BHYT"),
    ("hi_household_share_2", date(2018, 1, 1), "0.70", "Người thứ 2"),
    ("hi_household_share_3", date(2018, 1, 1), "0.60", "Người thứ 3"),
    ("hi_household_share_4", date(2018, 1, 1), "0.50", "Người thứ 4"),
    ("hi_household_share_5", date(2018, 1, 1), "0.40", "Người thứ 5 trở đi"),
] + FUND_RETURN_SEED


def parameters_ensure(sender=None, using="default", **kwargs):
    """Seed the parameters into an empty table (never touches a table that holds any row)."""
    from enrollment.register.models.parameters import Parameter

    if Parameter.objects.using(using).exists():
        return
    Parameter.objects.using(using).bulk_create([
        Parameter(key=key, valid_from=valid_from, value=Decimal(value), note=note)
        for key, valid_from, value, note in SEED
    ])
