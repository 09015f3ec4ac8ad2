"""Administrative units since 01/7/2025, from the vietnam-provinces package."""
from content.places import collation_key, communes, find_province, provinces


def test_there_are_34_provinces_and_no_districts():
    all_provinces = provinces()
    assert len(all_provinces) == 34
    names = {p.name for p in all_provinces}
    assert "Bình Phước" not in names and "Đồng Nai" in names
    assert not any(c.startswith(("Huyện", "Quận")) for p in all_provinces for c in p.communes)


def test_dong_nai_includes_former_binh_phuoc_communes():
    dong_nai = find_province("Đồng Nai")
    assert dong_nai is not None and dong_nai.title == "tỉnh Đồng Nai"
    assert len(dong_nai.communes) == 95
    assert {"Phường Đồng Xoài", "Xã Lộc Ninh", "Xã Bù Đăng"} <= set(dong_nai.communes)


def test_provinces_are_found_by_code_or_any_usual_name():
    hcm = find_province("Thành phố Hồ Chí Minh")
    assert find_province("hồ chí minh") == hcm == find_province(79) == find_province("79")
    assert hcm.title == "Thành phố Hồ Chí Minh"
    assert find_province("tỉnh Đồng Nai") == find_province("Đồng Nai")
    assert find_province("Bình Phước") is None and communes("Bình Phước") == ()


def test_lists_are_in_vietnamese_dictionary_order():
    words = ["Đồng Xoài", "Bù Đăng", "Cà Mau", "Cao Bằng", "An Lộc", "Ân Thi", "Dầu Giây"]
    assert sorted(words, key=collation_key) == ["An Lộc", "Ân Thi", "Bù Đăng", "Cà Mau", "Cao Bằng", "Dầu Giây", "Đồng Xoài"]
    names = [p.name.removeprefix("Thành phố ") for p in provinces()]
    assert names == sorted(names, key=collation_key)
