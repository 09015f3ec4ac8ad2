"""Whether what was typed answers a `type` step."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from content.model import DIGITS_ONLY, Element, Step
from content.rules import RULES
from kiosk import texts


def typed_mistake(step: Step, target: Element | None, typed: str, values: Mapping[str, str]) -> str | None:
    """None when `typed` is right; else what to tell the citizen: a rule not met, "not the
    same", nothing typed, or "" for a plain wrong answer (the step's hint may follow)."""
    kind, keyboard = (target.kind, target.keyboard) if target is not None else ("", "")
    if re.fullmatch(r"\d[\d ]*", step.expect):
        keyboard = "digits"  # a number shown in groups ("0012 0000 1234"): the spaces are for reading
    if not typed.strip():
        return texts.EMPTY
    if step.expect and _squash(typed, kind, keyboard) != _squash(step.expect, kind, keyboard):
        return ""
    unmet = RULES[step.rule](typed) if step.rule else []
    if unmet:
        return " ".join(unmet)
    if step.same_as and typed != values.get(step.same_as, ""):
        return texts.NOT_SAME
    return None


def _squash(text: str, kind: str, keyboard: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    if kind in DIGITS_ONLY:  # OTP boxes, dates: only the digits count ("05/03/2025" = "05032025")
        return re.sub(r"\D", "", text)
    return re.sub(r"\s+", "", text) if keyboard == "digits" else " ".join(text.split())
