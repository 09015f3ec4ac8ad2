"""Named input rules a "type" step can check, each returning the unmet requirements
as short Vietnamese sentences a citizen can act on (empty list: the input is fine)."""
from __future__ import annotations

from collections.abc import Callable

SPECIALS = set("!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~")


def password(text: str) -> list[str]:
    """VNeID password rule: 8–20 characters with upper- and lower-case letters, a digit and a special character."""
    unmet = []
    if not 8 <= len(text) <= 20:
        unmet.append("Mật khẩu cần dài từ 8 đến 20 ký tự.")
    if not any(c.isupper() for c in text):
        unmet.append("Cần có ít nhất một chữ in hoa.")
    if not any(c.islower() for c in text):
        unmet.append("Cần có ít nhất một chữ thường.")
    if not any(c.isdigit() for c in text):
        unmet.append("Cần có ít nhất một chữ số.")
    if not any(c in SPECIALS for c in text):
        unmet.append("Cần có ít nhất một ký tự đặc biệt, ví dụ @ hoặc #.")
    return unmet


def passcode(text: str) -> list[str]:
    """A 6-digit passcode."""
    return [] if len(text) == 6 and text.isdigit() else ["Passcode gồm đúng 6 chữ số."]


def answer(text: str) -> list[str]:
    """A free answer (e.g. to a security question): at least two letters."""
    return [] if len(text.strip()) >= 2 else ["Bác hãy gõ câu trả lời, ít nhất hai chữ cái."]


RULES: dict[str, Callable[[str], list[str]]] = {
    "password": password,
    "passcode": passcode,
    "answer": answer,
}

# An input that passes each rule: used by the walkthrough (screenshots, tests) to answer steps.
EXAMPLES: dict[str, str] = {
    "password": "Lan@2026",
    "passcode": "135792",
    "answer": "phở",
}
