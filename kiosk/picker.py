"""A long option list (34 provinces, 100+ communes) shown as a picker instead of a page-long
list: a few letters typed on the keyboard narrow it down.

Matching is forgiving: case, tone marks and other diacritics do not count (đ is d), and every
word typed must be the start of a word of the option, in the same order; "dong xoai",
"Đồng X" and "xoai" all find "Phường Đồng Xoài"."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TypeGuard

from content.model import Element
from kiosk.intents import Erase, TypeChar, TypeTone
from kiosk.keyboard_edit import typed
from kiosk.views import PickerView

MAX_INLINE_OPTIONS = 8  # a select with more options opens as a picker
MAX_QUERY_CHARS = 40
FEW = 3  # a query that leaves this many options or fewer is short enough


def is_long(element: Element | None) -> TypeGuard[Element]:
    return element is not None and element.kind == "select" and len(element.options) > MAX_INLINE_OPTIONS


def fold(text: str) -> str:
    """Lower case with no tone marks or other diacritics, đ as d: "Đồng Xoài" → "dong xoai"."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def matches(options: Sequence[str], query: str) -> tuple[int, ...]:
    """Indices of the options that every word of `query` starts a word of, in order."""
    wanted = _words(query)
    return tuple(i for i, option in enumerate(options) if _starts_words(wanted, _words(option)))


def _starts_words(wanted: list[str], words: list[str]) -> bool:
    rest = iter(words)  # shared: each query word is looked for after the previous one's match
    return all(any(word.startswith(w) for word in rest) for w in wanted)


def short_query(options: Sequence[str], answer: str) -> str:
    """What a person would type to find `answer`: no tone marks, without the unit word many
    options start with ("Tỉnh", "Phường"), whole words until a few options are left, or
    letters until only the answer is ("dong x" for "Phường Đồng Xoài")."""
    words, listed = _words(answer), [_words(option) for option in options]
    skip = 0
    while skip < len(words) - 1 and 10 * sum(o[: skip + 1] == words[: skip + 1] for o in listed) >= len(options):
        skip += 1
    rest = " ".join(words[skip:])
    index = options.index(answer)
    for end in range(1, len(rest)):
        query, found = rest[:end], matches(options, rest[:end])
        whole_word = rest[end] == " " and not query.endswith(" ")
        if found == (index,) or (whole_word and index in found and len(found) <= FEW):
            return query
    return rest


class Picker:
    """The picker open on a select: the letters typed so far."""

    def __init__(self, element: Element) -> None:
        self.element = element
        self.query = ""

    def type(self, key: TypeChar | TypeTone | Erase) -> None:
        self.query = typed(self.query, key, MAX_QUERY_CHARS)

    def matches(self) -> tuple[int, ...]:
        return matches(self.element.options, self.query)

    def reveal(self, index: int) -> None:
        """Make sure option `index` is listed (the letters typed hid it: start again)."""
        if index not in self.matches():
            self.query = ""

    def view(self, highlight: int) -> PickerView:
        return PickerView(self.element.id, self.query, self.matches(), highlight)
