"""Units before the 2025 reform under the test tree's 2025 units, with their real codes (the official
ward table maps them): former Tiền Giang (now in Đồng Tháp) and a corner of former Hà Nội."""

from collections import namedtuple

from tests.factories import UnitFactory

LegacyTree = namedtuple("LegacyTree", "tien_giang cho_gao my_tho cho_gao_wards my_tho_wards ha_noi ba_dinh split_ward")


def legacy_units():
    def unit(parent, code, name, unit_type):
        return UnitFactory(code_set="legacy", parent=parent, code=code, name=name, unit_type=unit_type)

    tien_giang = unit(None, "82", "Tỉnh Tiền Giang", "tinh")
    cho_gao = unit(tien_giang, "822", "Huyện Chợ Gạo", "huyen")
    my_tho = unit(tien_giang, "815", "Thành phố Mỹ Tho", "thanh_pho")
    # 28594, 28630 and 28636 became the 2025 commune 28594; 28249, 28252 and 28282 became 28249.
    cho_gao_wards = [unit(cho_gao, code, f"Xã {code}", "xa") for code in ("28594", "28630", "28636")]
    my_tho_wards = [unit(my_tho, code, f"Phường {code}", "phuong") for code in ("28249", "28252", "28282")]
    ha_noi = unit(None, "01", "Thành phố Hà Nội", "thanh_pho_tw")
    ba_dinh = unit(ha_noi, "001", "Quận Ba Đình", "quan")
    split_ward = unit(ba_dinh, "00016", "Phường Trúc Bạch", "phuong")  # split between 00004 and 00008
    return LegacyTree(tien_giang, cho_gao, my_tho, cho_gao_wards, my_tho_wards, ha_noi, ba_dinh, split_ward)
