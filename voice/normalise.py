"""Turn kiosk text into words espeak-ng reads correctly in Vietnamese.

Raw espeak-ng misreads money, dates, times, long digit strings and abbreviations
(see ../shared/reference/tts-vi.md). `normalise` rewrites them as plain words:
"Phí 22.000đ" → "Phí hai mươi hai nghìn đồng". Abbreviations come from a data table
(`voice/data/terms-vi.yaml`) so new terms need no code. What a learner types is read so they
can type it: passwords and codes spelled, web addresses by their parts (voice.spelling), and long
numbers in the groups they are shown in ("1900 1234" → "một chín không không, một hai ba bốn").
The emergency numbers 111–115 are read as they are dialled: "gọi 113" → "gọi một một ba".
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources

import yaml

from voice.spelling import ADDRESS, CODE, SIGN, read_address, spell, spelling_table
from voice.vi_numbers import read_decimal, read_digits, read_number

_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"  # 1.000.000 (dot groups thousands) or 2025
_MONTHS = {4: "tư"}  # "tháng tư", not "tháng bốn"
MIN_GROUPED_DIGITS = 7  # fewer digits in groups are ordinary numbers ("12 30" stays twelve and thirty)


def normalise(text: str, terms: Mapping[str, str] | None = None) -> str:
    """Return `text` (NFC) with numbers, money, dates, times, digit strings and terms spelled out."""
    text = unicodedata.normalize("NFC", text)
    text = ADDRESS.sub(lambda m: read_address(m.group(0)), text)  # before terms: "vneid-gov.top" is one address
    text = _replace_terms(text, terms if terms is not None else default_terms())
    for pattern, reader in _RULES:
        text = pattern.sub(reader, text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1)
def default_terms() -> Mapping[str, str]:
    """The project's term table for Vietnamese (voice/data/terms-vi.yaml)."""
    source = resources.files("voice").joinpath("data/terms-vi.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    return {str(k): unicodedata.normalize("NFC", str(v)) for k, v in data["terms"].items()}


def _replace_terms(text: str, terms: Mapping[str, str]) -> str:
    if not terms:
        return text
    keys = sorted(terms, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
    return pattern.sub(lambda m: terms[m.group(0)], text)


def _int(number: str) -> int:
    return int(number.replace(".", ""))


def _amount(whole: str, fraction: str | None) -> str:
    return read_decimal(whole.replace(".", ""), fraction) if fraction else read_number(_int(whole))


def _money(m: re.Match[str]) -> str:
    return f"{_amount(m['whole'], m['frac'])} đồng"


def _percent(m: re.Match[str]) -> str:
    return f"{_amount(m['whole'], m['frac'])} phần trăm"


def _month(month: int) -> str:
    return _MONTHS.get(month, read_number(month))


def _valid_day_month(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def _date(m: re.Match[str]) -> str:
    if not _valid_day_month(m["d"], m["m"]):
        return m.group(0)
    day = "Ngày" if (m["pre"] or "").startswith("N") else "ngày"  # "Ngày 15/10 là…" keeps its capital
    words = f"{day} {read_number(int(m['d']))} tháng {_month(int(m['m']))}"
    return f"{words} năm {read_number(int(m['y']))}" if m["y"] else words


def _month_year(m: re.Match[str]) -> str:
    if not 1 <= int(m["m"]) <= 12:
        return m.group(0)
    month = "Tháng" if (m["pre"] or "").startswith("T") else "tháng"
    return f"{month} {_month(int(m['m']))} năm {read_number(int(m['y']))}"


def _time(m: re.Match[str]) -> str:
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if hour > 24 or minute > 59:
        return m.group(0)
    words = f"{read_number(hour)} giờ"
    return f"{words} {read_number(minute)} phút" if minute else words


def _fraction(m: re.Match[str]) -> str:
    """"bước 3/5" → "bước ba trên năm"."""
    return f"{read_number(int(m['a']))} trên {read_number(int(m['b']))}"


def _grouped_digits(m: re.Match[str]) -> str:
    """Phone numbers: digit by digit, with a short pause between the written groups."""
    return ", ".join(read_digits(group) for group in re.split(r"[ .]", m.group(0)))


def _digit_groups(m: re.Match[str]) -> str:
    """Long numbers written in groups ("1900 1234", "4111 1111 1111"): each group digit by digit."""
    if sum(c.isdigit() for c in m.group(0)) < MIN_GROUPED_DIGITS:
        return m.group(0)
    return _grouped_digits(m)


def _digit_string(m: re.Match[str]) -> str:
    return read_digits(m.group(0))


def _number(m: re.Match[str]) -> str:
    return _amount(m["whole"], m["frac"])


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]
_RULES: tuple[_Rule, ...] = (
    (re.compile(rf"(?<![\d.,])(?P<whole>{_NUMBER})(?:,(?P<frac>\d+))?\s*(?:đồng|đ|₫|VNĐ|VND)(?!\w)"), _money),
    (re.compile(r"(?<![\d/])(?P<pre>[Nn]gày\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"), _date),
    (re.compile(r"(?<![\d/])(?P<pre>[Nn]gày\s+)(?P<d>\d{1,2})/(?P<m>\d{1,2})(?P<y>)(?![\d/])"), _date),
    (re.compile(r"(?<![\d/])(?P<pre>[Tt]háng\s+)?(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"), _month_year),
    (re.compile(r"(?<![\d:])(?P<h>\d{1,2})(?:\s*[h:]\s*(?P<min>\d{2})(?:\s*(?:phút|p)(?!\w))?|h)(?![\w:])"), _time),
    (CODE, lambda m: spell(m.group(0))),
    (SIGN, lambda m: spelling_table().symbols[m.group(0)]),
    (re.compile(rf"(?<![\d.,])(?P<whole>{_NUMBER})(?:,(?P<frac>\d+))?\s*%"), _percent),
    (re.compile(r"(?<![\d/])(?P<a>\d{1,3})/(?P<b>\d{1,3})(?![\d/])"), _fraction),
    (re.compile(r"(?<![\d.])0\d{2,3}(?:[ .]\d{3,4}){1,2}(?![\d.])"), _grouped_digits),
    (re.compile(r"(?<![\d.,])\d{2,4}(?: \d{2,4}){1,4}(?![\d.,]?\d)"), _digit_groups),
    (re.compile(r"(?<![\d.,])(?:0\d+|\d{5,}|11[1-5])(?![\d.,]?\d)"), _digit_string),
    (re.compile(rf"(?<![\d.,])(?P<whole>{_NUMBER})(?:,(?P<frac>\d+))?(?![\d])"), _number),
    (re.compile(r"\d+"), _digit_string),  # whatever digits are left (".5", "1.2.3"): one by one
)
