"""One citizen working through one lesson: a pure state machine, no Qt, no I/O.

`handle(intent)` returns a `Result`: what to say, which attempts to record, and whether
the lesson is finished or left. `view()` describes what the screen should show now.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field, replace

from content.model import Lesson, Screen, Step
from content.rules import RULES
from kiosk import texts
from kiosk.intents import Choose, Continue, Erase, GoBack, Help, LessonIntent, Repeat, Submit, Tap, TypeChar, TypeTone
from kiosk.vietnamese_input import apply_tone
from kiosk.views import LessonView

HIGHLIGHT_AFTER_WRONG = 2
MAX_FIELD_CHARS = 40
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Attempt:
    step_id: str
    step_index: int
    outcome: str  # "correct" | "wrong" | "hint" | "viewed"


@dataclass
class Result:
    speak: list[tuple[str, bool]] = field(default_factory=list)  # (text, slow)
    attempts: list[Attempt] = field(default_factory=list)
    finished: bool = False
    left: bool = False  # went back from the first step


def fill(text: str, data: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: data.get(m.group(1), m.group(0)), text)


def _squash(text: str, digits: bool) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", "", text) if digits else " ".join(text.split())


class LessonSession:
    def __init__(self, lesson: Lesson, rng: random.Random) -> None:
        self.lesson = lesson
        data = {name: rng.choice(values) for name, values in lesson.data.items()}
        self._steps = tuple(
            replace(s, instruction=fill(s.instruction, data), hint=fill(s.hint, data), expect=fill(s.expect, data))
            for s in lesson.steps
        )
        self._screens = {sid: _fill_screen(screen, data) for sid, screen in lesson.screens.items()}
        self.recap = tuple(fill(line, data) for line in lesson.recap)
        self.index = 0
        self.values: dict[str, str] = {}
        self.chosen: dict[str, int] = {}
        self._wrong = 0
        self._hinted = False
        self._feedback = ("", "")

    @property
    def step(self) -> Step:
        return self._steps[self.index]

    def start(self) -> Result:
        return Result(speak=[(self.step.instruction, False)])

    def view(self) -> LessonView:
        step = self.step
        screen = self._screens[step.screen]
        target = screen.element(step.target)
        typing = step.kind == "type" and target is not None
        highlight = step.target if (self._hinted or self._wrong >= HIGHLIGHT_AFTER_WRONG) else ""
        return LessonView(
            lesson_id=self.lesson.id,
            lesson_title=self.lesson.title,
            step_number=self.index + 1,
            step_count=len(self._steps),
            step_kind=step.kind,
            instruction=step.instruction,
            feedback=self._feedback[0],
            feedback_kind=self._feedback[1],
            screen=screen,
            values=dict(self.values),
            chosen=dict(self.chosen),
            focus=step.target if typing else "",
            keyboard=target.keyboard if typing and target else "",
            highlight=highlight,
        )

    def handle(self, intent: LessonIntent) -> Result:
        step = self.step
        match intent:
            case Repeat(slow=slow):
                return Result(speak=[(step.instruction, slow)])
            case Help():
                return self._help()
            case GoBack():
                return self._back()
            case Continue():
                if step.kind == "info":
                    return self._advance(Attempt(step.id, self.index, "viewed"), praise=False)
                return self._note(texts.ACT_ON_PHONE)
            case Tap(element=element):
                if step.kind == "tap" and element == step.target:
                    return self._advance(Attempt(step.id, self.index, "correct"))
                if step.kind == "info":
                    return self._note(texts.READ_THEN_CONTINUE)
                if step.kind == "type" and element == step.target:
                    return self._note(texts.TYPE_WITH_KEYBOARD)
                return self._wrong_try()
            case Choose(element=element, option=option):
                target = self._screens[step.screen].element(step.target)
                if step.kind == "choose" and element == step.target and target is not None:
                    if not step.expect or target.options[option] == step.expect:
                        self.chosen[element] = option
                        return self._advance(Attempt(step.id, self.index, "correct"))
                return self._wrong_try()
            case TypeChar() | TypeTone() | Erase() if step.kind == "type":
                self._edit(intent)
                return Result()
            case Submit() if step.kind == "type":
                return self._check_typed()
        return Result()

    # --- internals -------------------------------------------------------------------
    def _edit(self, intent: TypeChar | TypeTone | Erase) -> None:
        current = self.values.get(self.step.target, "")
        if isinstance(intent, TypeChar):
            current = (current + intent.char)[:MAX_FIELD_CHARS]
        elif isinstance(intent, TypeTone):
            current = apply_tone(current, intent.tone)
        else:
            current = current[:-1]
        self.values[self.step.target] = current
        if self._feedback[1] != "wrong":
            self._feedback = ("", "")

    def _check_typed(self) -> Result:
        step = self.step
        typed = self.values.get(step.target, "")
        target = self._screens[step.screen].element(step.target)
        digits = target is not None and target.keyboard == "digits"
        if not typed.strip():
            return self._wrong_try(texts.EMPTY)
        if step.expect and _squash(typed, digits) != _squash(step.expect, digits):
            return self._wrong_try(step.hint if self._wrong + 1 >= HIGHLIGHT_AFTER_WRONG else "")
        if step.rule:
            unmet = RULES[step.rule](typed)
            if unmet:
                return self._wrong_try(" ".join(unmet))
        if step.same_as and typed != self.values.get(step.same_as, ""):
            return self._wrong_try(texts.NOT_SAME)
        return self._advance(Attempt(step.id, self.index, "correct"))

    def _wrong_try(self, detail: str = "") -> Result:
        self._wrong += 1
        message = texts.WRONG_HIGHLIGHT if self._wrong >= HIGHLIGHT_AFTER_WRONG and not detail else texts.WRONG
        if detail:
            message = f"{message} {detail}"
        self._feedback = (message, "wrong")
        return Result(speak=[(message, False)], attempts=[Attempt(self.step.id, self.index, "wrong")])

    def _note(self, message: str) -> Result:
        self._feedback = (message, "info")
        return Result(speak=[(message, False)])

    def _help(self) -> Result:
        step = self.step
        message = step.hint or (texts.DEFAULT_HINT if step.target else texts.READ_THEN_CONTINUE)
        first = not self._hinted
        self._hinted = True
        self._feedback = (message, "hint")
        attempts = [Attempt(step.id, self.index, "hint")] if first else []
        return Result(speak=[(message, False)], attempts=attempts)

    def _back(self) -> Result:
        if self.index == 0:
            return Result(left=True)
        self._enter(self.index - 1)
        return Result(speak=[(self.step.instruction, False)])

    def _advance(self, attempt: Attempt, praise: bool = True) -> Result:
        if self.index + 1 >= len(self._steps):
            return Result(attempts=[attempt], finished=True)
        self._enter(self.index + 1)
        if praise:
            self._feedback = (texts.CORRECT, "ok")
        speech = [(texts.CORRECT, False)] if praise else []
        return Result(speak=[*speech, (self.step.instruction, False)], attempts=[attempt])

    def _enter(self, index: int) -> None:
        self.index = index
        self._wrong = 0
        self._hinted = False
        self._feedback = ("", "")


def _fill_screen(screen: Screen, data: dict[str, str]) -> Screen:
    elements = tuple(
        replace(
            e,
            label=fill(e.label, data),
            value=fill(e.value, data),
            placeholder=fill(e.placeholder, data),
            sender=fill(e.sender, data),
            options=tuple(fill(o, data) for o in e.options),
        )
        for e in screen.elements
    )
    return replace(screen, title=fill(screen.title, data), elements=elements)
