"""Vietnamese typing on the on-screen keyboard: a tone key puts its tone on the right
vowel of the word being typed (e.g. "Cam" + hỏi → "Cảm"), as phone keyboards do."""
from __future__ import annotations

import unicodedata

TONES = {"sắc": "\u0301", "huyền": "\u0300", "hỏi": "\u0309", "ngã": "\u0303", "nặng": "\u0323"}
_TONE_MARKS = set(TONES.values())
_VOWELS = set("aăâeêioôơuưy")
_MODIFIED = set("ăâêôơư")


def _base(char: str) -> str:
    """The letter without its tone, lower-cased (keeps â, ơ, ...)."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", char) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", stripped).lower()


def _with_tone(char: str, mark: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", char) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", stripped + mark)


def _tone_position(word: str) -> int | None:
    """Index in `word` of the vowel that carries the tone, or None if it has no vowel."""
    bases = [_base(c) for c in word]
    vowels = [i for i, b in enumerate(bases) if b in _VOWELS]
    # "qu" and "gi" before another vowel: the u / i belongs to the consonant.
    if len(vowels) > 1 and vowels[0] == 1 and bases[0] + bases[1] in ("qu", "gi"):
        vowels = vowels[1:]
    if not vowels:
        return None
    modified = [i for i in vowels if bases[i] in _MODIFIED]
    if modified:
        return modified[-1]  # ươ → ơ, others have one modified vowel
    if len(vowels) == 1:
        return vowels[0]
    ends_with_vowel = vowels[-1] == len(word) - 1
    if len(vowels) == 2:
        return vowels[0] if ends_with_vowel else vowels[1]
    return vowels[1]


def apply_tone(text: str, tone: str) -> str:
    """Put `tone` (a key of TONES) on the last word of `text`; replace any tone it had."""
    head, sep, word = text.rpartition(" ")
    pos = _tone_position(word)
    if pos is None:
        return text
    word = word[:pos] + _with_tone(word[pos], TONES[tone]) + word[pos + 1 :]
    word = "".join(c if i == pos else _with_tone(c, "") for i, c in enumerate(word))
    return head + sep + word


def keystrokes(text: str) -> list[tuple[str, str]]:
    """How to type `text` on the kiosk keyboard: ("char", c) and ("tone", name) presses.

    Each toned letter is typed as its toneless letter (keys exist for ă â ê ô ơ ư đ)
    followed by its tone key.
    """
    names = {mark: name for name, mark in TONES.items()}
    presses: list[tuple[str, str]] = []
    for char in unicodedata.normalize("NFC", text):
        marks = [c for c in unicodedata.normalize("NFD", char) if c in _TONE_MARKS]
        presses.append(("char", _with_tone(char, "")))
        presses.extend(("tone", names[m]) for m in marks)
    return presses
