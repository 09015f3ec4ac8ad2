"""One key of the on-screen keyboard applied to the text being typed (a field, a picker's search)."""
from __future__ import annotations

from kiosk.intents import Erase, TypeChar, TypeTone
from kiosk.vietnamese_input import apply_tone


def typed(text: str, key: TypeChar | TypeTone | Erase, limit: int) -> str:
    """`text` after `key`: a character added (up to `limit` characters), a tone put on the
    word being typed, or the last character erased."""
    if isinstance(key, TypeChar):
        return (text + key.char)[:limit]
    if isinstance(key, TypeTone):
        return apply_tone(text, key.tone)
    return text[:-1]
