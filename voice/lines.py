"""Spoken lines as recordings see them: a recording belongs to one sentence, keyed by its text.

`sentences` cuts what the kiosk says into sentences the same way wherever it is asked (the kiosk
when it speaks, staff when they record, a voice pack when it is checked), so a sentence recorded
once is found again in any line that contains it. `line_key` is the sentence's text with Unicode
and spaces normalised: a changed word, sign or tone gives another key, so an old recording is
simply no longer used.
"""
from __future__ import annotations

import re
import unicodedata

from voice.normalise import normalise

ABBREVIATIONS = ("TP.", "Tp.", "v.v.")  # a full stop that does not end a sentence
_END = re.compile(r"(?<=[.!?…])[\"”»)']?\s+")


def line_key(text: str) -> str:
    """The key of a recording: NFC text with runs of white space made one space, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def sentences(text: str) -> list[str]:
    """`text` cut after each . ! ? or … that is followed by a space (abbreviations excepted); keys."""
    text = line_key(text)
    pieces: list[str] = []
    start = 0
    for end in _END.finditer(text):
        head = text[start:end.start()]
        if head.endswith(ABBREVIATIONS):
            continue
        pieces.append(text[start:end.end()].strip())
        start = end.end()
    pieces.append(text[start:].strip())
    return [piece for piece in pieces if piece]


def syllables(text: str) -> int:
    """How many syllables `text` has when read aloud (numbers, codes and terms as words)."""
    return len(re.findall(r"\w+", normalise(text)))
