"""Reading what a learner must type, the way a helper beside them would say it.

- Passwords and codes are spelled one character at a time: "Lan@2026" → "e lờ hoa, a, en, a còng,
  hai không hai sáu" (a run of digits is read digit by digit as one group; "hoa" marks a capital
  only where the word mixes capitals and small letters).
- Web addresses are read by their parts: "dichvucong.gov.vn" → "dịch vụ công chấm gov chấm vê en".
  A part not in the table is read as toneless Vietnamese syllables when it splits into them
  ("capnhat" → "cap nhat"), else spelled.

The letter names, signs and address words are data (voice/data/terms-vi.yaml).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from voice.vi_numbers import read_digits

# Known top-level domains: a dotted word ends in one of these to count as a web address.
TOP_LEVEL = ("vn", "com", "net", "org", "gov", "edu", "top", "online", "cc", "info", "io", "xyz", "site",
             "app", "me", "shop", "asia", "biz", "link", "click")
ADDRESS = re.compile(
    r"(?<![\w@.])(?:https?://)?(?:[A-Za-z0-9-]+\.)+(?:" + "|".join(TOP_LEVEL) + r")(?:/[\w./-]*)?(?![\w-])",
    re.IGNORECASE,
)
# A word a learner types character by character: letters mixed with digits or signs (not a time, money
# or date: those rules run first), e.g. Lan@2026, Hoa#1958, H75.2511.0042, A1.
CODE = re.compile(r"(?<![\w@#])(?=[\w@#.&*_-]*[A-Za-z])(?=[\w@#.&*_-]*[\d@#&*_])[A-Za-z0-9@#&*_]+"
                  r"(?:[.-][A-Za-z0-9@#&*_]+)*(?![\w@#])")
SIGN = re.compile(r"(?<!\S)[@#](?!\S)")  # a sign on its own: "Nút @ nằm ở hàng ký hiệu"

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x"
_OPEN = "oai|oay|uay|uoi|ieu|yeu|ai|ao|au|ay|eo|eu|iu|oi|ui|uu|ia|ua"  # rhymes that take no final consonant
_CLOSABLE = "uye|ie|ye|uo|oa|oe|uy|a|e|i|o|u|y"
_SYLLABLE = re.compile(rf"(?:{_ONSETS})?(?:{_OPEN}|(?:{_CLOSABLE})(?:ch|nh|ng|c|m|n|p|t)?)")


@dataclass(frozen=True)
class SpellingTable:
    letters: dict[str, str]
    capital: str
    symbols: dict[str, str]
    address_words: dict[str, str]


@lru_cache(maxsize=1)
def spelling_table() -> SpellingTable:
    source = resources.files("voice").joinpath("data/terms-vi.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)

    def nfc(mapping: dict[object, object]) -> dict[str, str]:
        return {str(k): unicodedata.normalize("NFC", str(v)) for k, v in mapping.items()}

    return SpellingTable(nfc(data["letters"]), str(data["capital"]), nfc(data["symbols"]), nfc(data["address_words"]))


def spell(word: str, table: SpellingTable | None = None) -> str:
    """Each character of `word` by name, with a pause (comma) between; digit runs as one group."""
    table = table or spelling_table()
    mixed_case = any(c.isupper() for c in word) and any(c.islower() for c in word)
    said: list[str] = []
    for run in re.findall(r"\d+|\D", word):
        if run.isdigit():
            said.append(read_digits(run))
        elif run.lower() in table.letters:
            name = table.letters[run.lower()]
            said.append(f"{name} {table.capital}" if mixed_case and run.isupper() else name)
        elif run in table.symbols:
            said.append(table.symbols[run])
    return ", ".join(said)


def read_address(address: str, table: SpellingTable | None = None) -> str:
    """A web address by its parts: labels joined by "chấm", hyphens as "gạch ngang"; the scheme is left out."""
    table = table or spelling_table()
    host, _, path = re.sub(r"^https?://", "", address, flags=re.IGNORECASE).partition("/")
    words = [_address_part(label, table) for label in host.split(".")]
    said = f" {table.symbols['.']} ".join(words)
    if path.strip("/"):
        said += f" {table.symbols['/']} " + f" {table.symbols['/']} ".join(
            _address_part(part, table) for part in path.strip("/").split("/"))
    return said


def _address_part(label: str, table: SpellingTable) -> str:
    pieces = [_address_word(piece, table) for piece in label.split("-") if piece]
    return f" {table.symbols['-']} ".join(pieces)


def _address_word(word: str, table: SpellingTable) -> str:
    lower = word.lower()
    if lower in table.address_words:
        return table.address_words[lower]
    syllables = _syllables(lower) if lower.isalpha() else None
    return " ".join(syllables) if syllables else spell(lower, table)


@lru_cache(maxsize=512)
def _syllables(word: str) -> tuple[str, ...] | None:
    """The fewest toneless Vietnamese syllables that make up `word`, or None."""
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 7), end):
            before = best[start]
            if before is not None and _SYLLABLE.fullmatch(word[start:end]):
                candidate = (*before, word[start:end])
                if best[end] is None or len(candidate) < len(best[end]):  # type: ignore[arg-type]
                    best[end] = candidate
    return best[-1]
