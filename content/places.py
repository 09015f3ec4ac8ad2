"""Vietnam's administrative units since 01/7/2025 (34 provinces → communes/wards, no
districts), from the maintained `vietnam-provinces` package: for the pickers of practice
forms (`options_from:` in packs) and the kiosk's own commune setting."""
from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONE_MARKS = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng, as dictionaries
_PROVINCE_PREFIXES = ("thành phố ", "tỉnh ")


@dataclass(frozen=True)
class Province:
    code: int
    name: str  # as the package names it: "Đồng Nai", "Thành phố Hà Nội"
    city: bool  # a centrally governed city (thành phố trung ương)
    communes: tuple[str, ...]  # "Phường Đồng Xoài", "Xã Lộc Ninh", ... in Vietnamese order

    @property
    def title(self) -> str:
        """How an address names it: "tỉnh Đồng Nai", "Thành phố Hà Nội"."""
        return self.name if self.city else f"tỉnh {self.name}"

    @property
    def option(self) -> str:
        """How a picker lists it: "Tỉnh Đồng Nai", "Thành phố Hà Nội"."""
        return self.name if self.city else f"Tỉnh {self.name}"


def collation_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Vietnamese dictionary order: a < ă < â < b ... đ after d; tones only break ties."""
    bases, tones = [], []
    for char in unicodedata.normalize("NFC", text.casefold()):
        parts = unicodedata.normalize("NFD", char)
        tones.append(next((i + 1 for i, m in enumerate(_TONE_MARKS) if m in parts), 0))
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        bases.append(_ALPHABET.index(base) if base in _ALPHABET else -1 if base.isspace() else 1000 + ord(base[0]))
    return tuple(bases), tuple(tones)


def _commune_key(name: str) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], str]:
    kind, _, rest = name.partition(" ")
    if kind == "Đặc":  # "Đặc khu Phú Quốc"
        rest = rest.partition(" ")[2]
    return collation_key(rest), name


@functools.cache
def provinces() -> tuple[Province, ...]:
    """All 34 provinces and centrally governed cities, in Vietnamese alphabetical order."""
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    raw = json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    found = [
        Province(
            code=int(p["code"]),
            name=unicodedata.normalize("NFC", p["name"]),
            city=p["division_type"] == "thành phố trung ương",
            communes=tuple(sorted((unicodedata.normalize("NFC", w["name"]) for w in p["wards"]), key=_commune_key)),
        )
        for p in raw
    ]
    return tuple(sorted(found, key=lambda p: collation_key(_bare(p.name))))


def _bare(name: str) -> str:
    folded = unicodedata.normalize("NFC", name.strip()).casefold()
    for prefix in _PROVINCE_PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix) :]
    return folded


def find_province(name_or_code: str | int) -> Province | None:
    """A province by its code (75) or name, with or without "tỉnh"/"Thành phố" ("Đồng Nai")."""
    text = str(name_or_code).strip()
    if text.isdigit():
        return next((p for p in provinces() if p.code == int(text)), None)
    return next((p for p in provinces() if _bare(p.name) == _bare(text)), None)


def communes(province: str | int) -> tuple[str, ...]:
    """The communes, wards and special zones of a province; empty if there is no such province."""
    found = find_province(province)
    return found.communes if found else ()
