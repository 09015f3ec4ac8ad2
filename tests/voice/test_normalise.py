"""Readings espeak-ng would get wrong without normalisation (../shared/reference/tts-vi.md §1)."""
from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voice.normalise import default_terms, normalise
from voice.spelling import spelling_table
from voice.vi_numbers import read_digits, read_number


@pytest.mark.parametrize(("text", "spoken"), [
    ("Phí 22.000đ", "Phí hai mươi hai nghìn đồng"),
    ("Phí 22.000 đồng.", "Phí hai mươi hai nghìn đồng."),
    ("1.000.000 đồng", "một triệu đồng"),
    ("Trả 1.500.000.000 VNĐ", "Trả một tỷ năm trăm triệu đồng"),
    ("ngày 01/7/2025", "ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm"),
    ("Hạn 30/4/2025.", "Hạn ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi lăm."),
    ("ngày 2/9", "ngày hai tháng chín"),
    ("Hết hạn 12/2030", "Hết hạn tháng mười hai năm hai nghìn không trăm ba mươi"),
    ("lúc 14h30", "lúc mười bốn giờ ba mươi phút"),
    ("lúc 8h sáng", "lúc tám giờ sáng"),
    ("lúc 14:05", "lúc mười bốn giờ năm phút"),
    ("mã OTP 482913", "mã ô tê pê bốn tám hai chín một ba"),
    ("CCCD 001203004567", "căn cước công dân không không một hai không ba không không bốn năm sáu bảy"),
    ("Gọi 0912 345 678", "Gọi không chín một hai, ba bốn năm, sáu bảy tám"),
    ("UBND xã", "ủy ban nhân dân xã"),
    ("VNeID mức 2", "vê en e ai đi mức hai"),
    ("BHYT và BHXH", "bảo hiểm y tế và bảo hiểm xã hội"),
    ("Đổi GPLX", "Đổi giấy phép lái xe"),
    ("Quét mã QR", "Quét mã kiu a"),
    ("giảm 2,5%", "giảm hai phẩy năm phần trăm"),
    ("bước 3/5", "bước ba trên năm"),
    ("Bác 75 tuổi", "Bác bảy mươi lăm tuổi"),
    ("Gọi 1900 1234", "Gọi một chín không không, một hai ba bốn"),
    ("Khẩn cấp thì gọi 113, cứu hỏa 114, cấp cứu 115.", "Khẩn cấp thì gọi một một ba, cứu hỏa một một bốn, cấp cứu một một năm."),
    ("Bài có 116 câu.", "Bài có một trăm mười sáu câu."),
    ("Thẻ 4111 1111 1111", "Thẻ bốn một một một, một một một một, một một một một"),
    ("Mật khẩu abc_123", "Mật khẩu a, bê, xê, gạch dưới, một hai ba"),
    ("Vào capnhat-xyz.com", "Vào cập nhật gạch ngang ích xì, i dài, dét chấm com"),
    ("Vào https://dichvucong.gov.vn/home", "Vào dịch vụ công chấm gov chấm vê en gạch chéo hôm"),
    ("Trang thanhtoan-phinhanh.vn", "Trang thanh toán gạch ngang phi nhanh chấm vê en"),
    ("Nút # ở góc", "Nút thăng ở góc"),
])
def test_readings(text: str, spoken: str) -> None:
    assert normalise(text) == spoken


@pytest.mark.parametrize(("n", "spoken"), [
    (0, "không"), (5, "năm"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"),
    (105, "một trăm linh năm"), (110, "một trăm mười"), (1005, "một nghìn không trăm linh năm"),
    (2025, "hai nghìn không trăm hai mươi lăm"), (22000, "hai mươi hai nghìn"),
    (1_000_000, "một triệu"), (1_000_050, "một triệu không trăm năm mươi"),
    (3_000_000_000, "ba tỷ"), (2_000_000_001, "hai tỷ không trăm linh một"),
])
def test_numbers(n: int, spoken: str) -> None:
    assert read_number(n) == spoken


def test_digits_are_read_one_by_one() -> None:
    assert read_digits("0912") == "không chín một hai"


@given(st.integers(min_value=0, max_value=10**12))
def test_any_number_becomes_words(n: int) -> None:
    spoken = read_number(n)
    assert spoken and not re.search(r"\d", spoken)
    assert "  " not in spoken


@given(st.text(alphabet="0123456789.,/:%h đ", max_size=30))
def test_normalised_text_keeps_no_digit(text: str) -> None:
    assert not re.search(r"\d", normalise(text))


def test_terms_table_is_nfc_and_every_reading_is_words() -> None:
    for term, reading in default_terms().items():
        assert unicodedata.is_normalized("NFC", reading), term
        assert reading and not re.search(r"[A-Z\d]", reading), term


def test_terms_match_whole_words_only() -> None:
    assert normalise("OTPX và TOTP") == "OTPX và TOTP"


def test_spelling_tables_are_nfc_words() -> None:
    table = spelling_table()
    for reading in (*table.letters.values(), *table.symbols.values(), *table.address_words.values(), table.capital):
        assert unicodedata.is_normalized("NFC", reading) and reading and not re.search(r"[A-Z\d]", reading), reading
    assert set(table.letters) >= set("abcdefghijklmnopqrstuvwxyz")
