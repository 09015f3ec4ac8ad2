"""A judged drill's decisions (kiosk.solo_session): the first answer to each decision step is
kept, said nothing about, and judged on the result page at the end: what was done, whether it
was right, safe or wrong, and why (the step's own `why`, `explain` and `hint`)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from content.model import Element, Step
from kiosk import solo_texts as words
from kiosk.lesson_answers import ticks_off, verdict
from kiosk.views import JudgedAnswer


def judge_tap(step: Step, element: Element, right: Element | None) -> JudgedAnswer:
    """A tap on a tap step (`right`: its target), or on anything but a box on a choose_many step
    (the scam's link: wrong, with no one right thing to tap instead)."""
    done = words.TAPPED.format(answer=_name(element))
    kind = verdict(step, element.id) if step.kind == "tap" else "wrong"
    return _judged(step, kind, done, step.why_for(element.id), _name(right) if right is not None and step.kind == "tap" else "")


def judge_choice(step: Step, option: str) -> JudgedAnswer:
    right = step.expect or option
    return _judged(step, verdict(step, option), words.CHOSE.format(answer=option), step.why_for(option), right)


def judge_ticks(step: Step, elements: Iterable[Element], chosen: Mapping[str, int]) -> JudgedAnswer:
    """The button of a choose_many step, with the boxes ticked so far."""
    shown = {e.id: e for e in elements}
    ticked = [_name(shown[b]) for b in chosen if b in shown and shown[b].kind == "checkbox"]
    done = words.TICKED.format(answers=_quoted(ticked)) if ticked else words.TICKED_NONE
    extra, missed = ticks_off(step, shown.values(), chosen)
    if not extra and not missed:
        return JudgedAnswer("right", done, step.explain)
    why = next((step.why_for(box) for box in extra if step.why_for(box)), "")
    notes = [why,
             words.NOT_A_SIGN.format(answers=_quoted(_name(shown[b]) for b in extra)) if extra and not why else "",
             words.MISSED.format(answers=_quoted(_name(shown[b]) for b in missed)) if missed else ""]
    return JudgedAnswer("wrong", done, " ".join(filter(None, notes)))


def _judged(step: Step, kind: str, done: str, why: str, right: str) -> JudgedAnswer:
    if kind == "wrong":
        return JudgedAnswer("wrong", done, why or step.hint or step.explain, words.RIGHT_ONE.format(answer=right) if right else "")
    return JudgedAnswer(kind, done, why or step.explain)


def _name(element: Element) -> str:
    return element.label or element.sender or element.value or element.id


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)
