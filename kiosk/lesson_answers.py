"""What an answer means on a step, and the words said about it: right (the target, or one of
`also_right`), safe (not wrong, but not what the step asks) or wrong, each with its own `why`;
on a choose_many step, which boxes are still to tick or untick."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from content.model import Element, Step
from kiosk import texts


def verdict(step: Step, answer: str) -> str:
    """"right", "safe" or "wrong" for `answer`: an element tapped, or a choose step's option text."""
    if step.kind == "choose":
        right = not step.expect or answer == step.expect
    else:
        right = bool(step.target) and answer == step.target
    if right or answer in step.also_right:
        return "right"
    return "safe" if answer in step.safe else "wrong"


def targets(step: Step) -> tuple[str, ...]:
    """What the step names on the screen: its target (a choose_many step: the boxes, then its
    button; a tap step: the other right answers too)."""
    if step.kind == "choose_many":
        return (*step.targets, step.target)
    if step.kind == "tap":
        return tuple(dict.fromkeys((step.target, *step.also_right)))
    return (step.target,) if step.target else ()


def ticks_off(step: Step, elements: Iterable[Element], chosen: Mapping[str, int]) -> tuple[list[str], list[str]]:
    """On a choose_many step: the boxes ticked that should not be, and those still to tick."""
    boxes = [e.id for e in elements if e.kind == "checkbox"]
    extra = [b for b in boxes if b in chosen and b not in step.targets]
    return extra, [b for b in boxes if b in step.targets and b not in chosen]


def lit(step: Step, elements: Iterable[Element], chosen: Mapping[str, int]) -> str:
    """What the highlight points at: the target; on a choose_many step a box still to tick,
    then one to untick, then the button."""
    if step.kind != "choose_many":
        return step.target
    extra, missed = ticks_off(step, elements, chosen)
    return (missed or extra or [step.target])[0]


def explained(explain: str) -> str:
    """A right answer and why it is right."""
    return f"{texts.RIGHT} {explain}"


def because(why: str, highlighted: bool) -> str:
    """A wrong answer with its own explanation: what is wrong, then try again (or: look at the highlight)."""
    return f"{texts.NOT_RIGHT} {why} {texts.LIT if highlighted else texts.TRY_AGAIN}"


def help_for_ticks(step: Step, untick: bool) -> str:
    """Trợ giúp on a choose_many step while a box is lit: the hint, then tick (or untick) the lit one."""
    return " ".join(filter(None, (step.hint, texts.UNTICK_LIT if untick else texts.TICK_LIT)))


def answer_lines(steps: Iterable[Step]) -> list[str]:
    """Everything said about the answers of `steps`, for pre-rendering speech."""
    said = [explained(s.explain) for s in steps if s.explain]
    for step in steps:
        for answer, why in step.why:
            kind = verdict(step, answer)
            said += [explained(why)] if kind == "right" else [why] if kind == "safe" else [because(why, False), because(why, True)]
        if step.kind == "choose_many":
            said += [help_for_ticks(step, False), help_for_ticks(step, True)]
    return said
