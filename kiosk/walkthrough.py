"""The right answer to each step, as intents: drives screenshot tours and lesson tests."""
from __future__ import annotations

from content.rules import EXAMPLES
from kiosk.actions import Action
from kiosk.flow import Kiosk
from kiosk.intents import Choose, Continue, LessonIntent, Submit, Swipe, Tap, TypeChar, TypeTone
from kiosk.lesson_session import LessonSession
from kiosk.picker import is_long, short_query
from kiosk.vietnamese_input import keystrokes


def answer_text(session: LessonSession) -> str:
    """What to type for the current (type) step, using only keys its keyboard has."""
    step = session.step
    text = session.values.get(step.same_as, "") if step.same_as else step.expect or EXAMPLES[step.rule]
    if session.view().keyboard == "digits":  # e.g. a date "05/03/2025" is typed 05032025
        text = "".join(c for c in text if c.isdigit())
    return text


def correct_intents(session: LessonSession) -> list[LessonIntent]:
    """Intents that complete the current step on the first try (in a guided run an explained
    answer is read, then "Bước tiếp theo")."""
    step = session.step
    if step.kind == "info":
        return [Continue()]
    answer = _answer(session)
    explained = step.explain or (step.kind == "tap" and step.why_for(step.target)) or (
        step.kind == "choose" and step.why_for(_option(session)))
    return [*answer, Continue()] if explained and session.mode == "guided" else answer  # Tự làm explains nothing


def _option(session: LessonSession) -> str:
    """The option a choose step is answered with: the expected one, or the first when any will do."""
    step = session.step
    target = session.element(step.target)
    assert target is not None
    return step.expect or target.options[0]


def _answer(session: LessonSession) -> list[LessonIntent]:
    step = session.step
    if step.kind == "tap":
        return [Tap(step.target)]
    if step.kind == "swipe":
        return [Swipe(step.direction)]
    if step.kind == "choose_many":
        checkboxes = [e.id for e in session.elements() if e.kind == "checkbox"]
        toggles = [Tap(c) for c in checkboxes if (c in session.chosen) != (c in step.targets)]
        return [*toggles, Tap(step.target)]
    if step.kind == "choose":
        target = session.element(step.target)
        assert target is not None
        answer = _option(session)
        choose = Choose(step.target, target.options.index(answer))
        if not is_long(target):
            return [choose]
        letters = [TypeChar(c) for c in short_query(target.options, answer)]  # the picker narrowed down
        return [Tap(step.target), *letters, choose]
    typed: list[LessonIntent] = [
        TypeChar(value) if kind == "char" else TypeTone(value) for kind, value in keystrokes(answer_text(session))
    ]
    return [*typed, Submit()]


def complete_step(kiosk: Kiosk) -> list[Action]:
    """Answer the kiosk's current lesson step correctly; the actions of the last intent."""
    session = kiosk.lesson_session
    assert session is not None, "no lesson is open"
    actions: list[Action] = []
    for intent in correct_intents(session):
        actions = kiosk.handle(intent)
    return actions
