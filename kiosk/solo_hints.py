"""Trợ giúp in a Tự làm run, a level at a time: 1 the next thing to do in words (the guided
step's own words), 2 where it is (the step's hint, which lesson authors write as the place or
the text to type; else where the thing is on the screen), 3 the highlight. Each level is one hint."""
from __future__ import annotations

from collections.abc import Mapping

from content.model import TYPABLE, Screen, Step
from kiosk import solo_texts as words
from kiosk import texts

LEVELS = 3


def hint_words(level: int, step: Step, lit: str, screens: Mapping[str, Screen]) -> str:
    """What Trợ giúp says at `level` on `step`; `lit` is what the highlight would point at."""
    if level == 1:
        return words.NEXT.format(instruction=step.instruction)
    if level == 2:
        if step.hint:
            return step.hint
        return texts.SWIPE_HOW[step.direction] if step.kind == "swipe" else place_words(lit, step, screens)
    return words.LIT


def place_words(element_id: str, step: Step, screens: Mapping[str, Screen]) -> str:
    """Where `element_id` is: 'Nút "Gửi yêu cầu" ở phần dưới màn hình điện thoại.' ("" if it is not
    shown). Icons stand in a grid the phone lays out, so only their screen is named."""
    for screen_id in step.screen_ids:
        screen = screens.get(screen_id)
        found = [i for i, e in enumerate(screen.elements) if e.id == element_id] if screen is not None else []
        if screen is None or not found:
            continue
        element = screen.elements[found[0]]
        if element.kind in TYPABLE or element.kind == "select":
            thing = words.FIELD.format(label=element.label)
        else:
            thing = words.THING.get(element.kind, words.THING["button"]).format(label=element.label)
        device = words.DEVICE[screen.device]
        if element.kind == "tile":
            return words.ON_SCREEN.format(thing=thing, device=device)
        third = min(2, found[0] * 3 // len(screen.elements))
        return words.PLACE.format(thing=thing, where=words.WHERE[third], device=device)
    return ""
