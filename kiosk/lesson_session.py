"""One citizen working through one lesson: a pure state machine, no Qt, no I/O.

`handle(intent)` returns a `Result`: what to say, which attempts to record, and whether
the lesson is finished or left. `view()` describes what the screen should show now.
"""
from __future__ import annotations

import random
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from content.model import Element, Lesson, Step, step_element, step_elements
from kiosk import texts
from kiosk.intents import (
    Choose,
    ClosePicker,
    Continue,
    Erase,
    GoBack,
    Help,
    LessonIntent,
    Repeat,
    Submit,
    Swipe,
    Tap,
    TypeChar,
    TypeTone,
)
from kiosk.keyboard_edit import typed
from kiosk.lesson_answers import (
    answer_lines,
    because,
    explained,
    help_for_ticks,
    lit,
    targets,
    ticks_off,
    verdict,
)
from kiosk.lesson_fill import fill, fill_screen, fill_step, pick_data
from kiosk.lesson_resume import resumed
from kiosk.picker import Picker, is_long
from kiosk.typed_answer import typed_mistake
from kiosk.views import LessonView

HIGHLIGHT_AFTER_WRONG = 2
MAX_FIELD_CHARS = 40


@dataclass(frozen=True)
class Attempt:
    step_id: str
    step_index: int
    outcome: str  # "correct" | "wrong" | "hint" | "viewed"
    level: int = 0  # a hint in a Tự làm run: 1 the next thing in words, 2 the place, 3 the highlight


@dataclass(frozen=True)
class Run:
    """One run of a lesson, as progress records it: "guided" (Học có hướng dẫn) or "solo" (Tự
    làm); once a solo run is finished, whether it was done alone and, for a judged drill, its
    decisions right (or safe) out of those given."""

    id: str
    mode: str
    judged: tuple[int, int] | None = None
    alone: bool = False


@dataclass
class Result:
    speak: list[tuple[str, bool]] = field(default_factory=list)  # (text, slow)
    attempts: list[Attempt] = field(default_factory=list)
    finished: bool = False
    left: bool = False  # went back from the first step


class LessonSession:
    """`start` > 0 continues a lesson left unfinished (a practice-slip code): see `_resume`.
    `data`: the run's placeholder values (default: picked with `rng`). A guided run; a Tự làm
    run is a `kiosk.solo_session.SoloSession`, which overrides the hooks marked below."""

    mode = "guided"

    def __init__(self, lesson: Lesson, rng: random.Random, start: int = 0, data: Mapping[str, str] | None = None) -> None:
        self.lesson = lesson
        self.data = dict(data) if data is not None else pick_data(lesson, rng)
        self.run_id = uuid.uuid4().hex
        data = self.data
        self._steps = tuple(fill_step(s, data) for s in lesson.steps)
        self._screens = {sid: fill_screen(screen, data, rng) for sid, screen in lesson.screens.items()}
        recap = [fill(line, data) for line in lesson.recap]
        remember = fill(lesson.remember, data)
        self.recap = tuple(recap + [remember] if remember and remember not in recap else recap)
        self.index = 0
        self.values: dict[str, str] = {}
        self.chosen: dict[str, int] = {}
        self._wrong = 0
        self._hinted = False
        self._answered = False  # right, with an explanation to read before "Bước tiếp theo"
        self._picker: Picker | None = None  # a long select opened on a choose step
        self._feedback = ("", "")
        self.entered = 0  # steps entered so far: tells one stay on a step from the next
        if start > 0:
            self.index, self.values, self.chosen = resumed(self._steps, self._screens, start)

    @property
    def step(self) -> Step:
        return self._steps[self.index]

    @property
    def run(self) -> Run:
        return Run(self.run_id, self.mode)

    @property
    def takes_swipe(self) -> bool:
        """A drag of the phone answers this step (on any other step it means nothing)."""
        return self.step.kind == "swipe" and not self._answered

    def lines(self) -> tuple[str, ...]:
        """Everything this lesson may say, for pre-rendering speech."""
        said = [s.instruction for s in self._steps] + [s.hint for s in self._steps if s.hint]
        said += [texts.SWIPE_HOW[s.direction] for s in self._steps if s.kind == "swipe"]
        said += answer_lines(self._steps)
        prompts = (texts.CORRECT, texts.WRONG, texts.READ_THEN_CONTINUE, texts.PRESS_NEXT, texts.PICKER_HOW)
        return (*prompts, *dict.fromkeys(said))

    def start(self) -> Result:
        return Result(speak=[(self.step.instruction, False)])

    def view(self) -> LessonView:
        step = self.step
        target = self._target()
        typing = step.kind == "type" and target is not None and not self._answered
        shown = not self._answered and self._lit()
        highlight = lit(step, self.elements(), self.chosen) if shown else ""
        if highlight and step.kind == "choose" and self._picker is None and (right := self._expected_option()) >= 0:
            highlight = f"{highlight}:{right}"  # the right option of the list, not every option
        return LessonView(
            lesson_id=self.lesson.id,
            lesson_title=self.lesson.title,
            step_number=self.index + 1,
            step_count=len(self._steps),
            step_kind=step.kind,
            instruction=step.instruction,
            feedback=self._feedback[0],
            feedback_kind=self._feedback[1],
            screen=self._screens[step.screen],
            computer=self._screens[step.computer] if step.computer else None,
            values=dict(self.values),
            chosen=dict(self.chosen),
            focus=step.target if typing else "",
            keyboard="text" if self._picker else target.keyboard if typing and target else "",
            highlight=highlight,
            swipe=step.direction if step.kind == "swipe" else "",
            targets=targets(step),
            needs=step.needs,
            can_continue=step.kind == "info" or self._answered,
            picker=self._picker.view(self._expected_option() if shown else -1) if self._picker else None,
        )

    def handle(self, intent: LessonIntent) -> Result:
        step = self.step
        match intent:
            case Repeat(slow=slow):  # once answered: the explanation again
                return Result(speak=[(self._feedback[0] if self._answered else self._instruction(), slow)])
            case GoBack():
                return self._back()
            case Continue():
                if step.kind == "info":
                    return self._advance(Attempt(step.id, self.index, "viewed"), praise=False)
                return self._move_on() if self._answered else self._note(texts.ACT_ON_PHONE)
        if self._answered:  # the phone waits for "Bước tiếp theo"; a drag means nothing
            return Result() if isinstance(intent, Swipe) else self._note(texts.PRESS_NEXT)
        match intent:
            case Help():
                return self._help()
            case ClosePicker():
                self._picker = None
                return Result()
            case TypeChar() | TypeTone() | Erase() if self._picker is not None:
                self._picker.type(intent)
                self._clear_note()
                return Result()
            case Submit() if self._picker is not None:  # "Xong": the one name left is the choice
                found = self._picker.matches()
                if len(found) == 1:
                    return self._choose(self._picker.element.id, found[0])
                return self._note(texts.PICK_FROM_LIST if found else texts.NO_MATCH)
            case Tap(element=element) if step.kind == "choose" and element == step.target and is_long(target := self._target()):
                self._picker = Picker(target)
                return Result(speak=[(texts.PICKER_HOW, False)])  # said, not shown: the instruction says it too
            case Swipe(direction=direction) if self.takes_swipe:
                if direction == step.direction:
                    return self._advance(Attempt(step.id, self.index, "correct"))
                return self._wrong_swipe(texts.WRONG_WAY)
            case Tap(element=element):
                if step.kind == "swipe":
                    return self._wrong_swipe(texts.WRONG)
                if step.kind == "choose_many":
                    return self._tick(element)
                if step.kind == "tap" and self.verdict(element) == "right":
                    if self._is_checkbox(element):
                        self.chosen[element] = 0
                    return self._advance(Attempt(step.id, self.index, "correct"), why=step.why_for(element))
                if step.kind == "info":
                    return self._note(texts.READ_THEN_CONTINUE)
                if element in step.needs:  # the message with the code: read, not tapped
                    return self._note(f"{texts.READ_ONLY} {texts.TYPE_WITH_KEYBOARD}" if step.kind == "type" else texts.READ_ONLY)
                if step.kind == "type" and element == step.target:
                    return self._note(texts.TYPE_WITH_KEYBOARD)
                return self._not_right(element)
            case Choose(element=element, option=option):
                return self._choose(element, option)
            case TypeChar() | TypeTone() | Erase() if step.kind == "type":
                self._edit(intent)
                return Result()
            case Submit() if step.kind == "type":
                mistake = typed_mistake(step, self._target(), self.values.get(step.target, ""), self.values)
                if mistake is None:
                    return self._advance(Attempt(step.id, self.index, "correct"))
                return self._wrong_try(mistake or self._late_hint())
        return Result()

    def verdict(self, answer: str) -> str:
        """What `answer` (an element tapped; a choose step's option text) is on this step:
        "right" (the target, or also right), "safe" (not wrong, but not what the step asks)
        or "wrong"."""
        return verdict(self.step, answer)

    def element(self, element_id: str) -> Element | None:
        """An element shown during the current step, on the phone or on the computer beside it."""
        return step_element(self._screens, self.step, element_id)

    def elements(self) -> tuple[Element, ...]:
        """Every element shown during the current step: the phone's, then the computer's."""
        return step_elements(self._screens, self.step)

    # --- internals -------------------------------------------------------------------
    def _target(self) -> Element | None:
        return self.element(self.step.target)

    def _expected_option(self) -> int:
        target = self._target()
        return target.options.index(self.step.expect) if target is not None and self.step.expect in target.options else -1

    def _choose(self, element: str, option: int) -> Result:
        """An option picked (inline or in the picker, which closes); after the second wrong
        one the picker opens again to show the right one."""
        step, target = self.step, self._target()
        self._picker = None
        why = ""
        if step.kind == "choose" and element == step.target and target is not None and 0 <= option < len(target.options):
            answer = target.options[option]
            why = step.why_for(answer)
            if self.verdict(answer) == "right":
                self.chosen[element] = option
                return self._advance(Attempt(step.id, self.index, "correct"), why=why)
            if self.verdict(answer) == "safe":
                return self._note(why or texts.SAFE)
        result = self._wrong_try(self._late_hint(), why=why)
        if self._lit():
            self._show_expected()
        return result

    def _show_expected(self) -> None:
        """Open a long select's picker with the right option listed (it is highlighted)."""
        target = self._target()
        if self.step.kind == "choose" and is_long(target):
            self._picker = self._picker or Picker(target)
            self._picker.reveal(self._expected_option())

    # --- hooks a Tự làm run (kiosk.solo_session) overrides --------------------------------
    def _lit(self) -> bool:
        """What the step asks for is highlighted now (after Trợ giúp or the second wrong try)."""
        return self._hinted or self._wrong >= HIGHLIGHT_AFTER_WRONG

    def _skips(self, step: Step) -> bool:
        """A step this run passes over (none in a guided run)."""
        return False

    def _instruction(self) -> str:
        """What is said on coming to the current step (and on "Nghe lại")."""
        return self.step.instruction

    def _late_hint(self) -> str:
        """The step's hint, said with a wrong try from the second one on."""
        return self.step.hint if self._wrong + 1 >= HIGHLIGHT_AFTER_WRONG else ""

    def _is_checkbox(self, element_id: str) -> bool:
        element = self.element(element_id)
        return element is not None and element.kind == "checkbox"

    def _tick(self, element: str) -> Result:
        """On a choose_many step: a checkbox toggles; the step's button checks the ticks."""
        step = self.step
        if self._is_checkbox(element):
            if self.chosen.pop(element, None) is None:
                self.chosen[element] = 0
            self._clear_note()
            return Result()
        if element != step.target:
            return self._not_right(element)
        extra, missed = ticks_off(step, self.elements(), self.chosen)
        if extra and step.why_for(extra[0]):
            return self._wrong_try(why=step.why_for(extra[0]))
        if extra or missed:
            return self._wrong_try(" ".join(filter(None, (texts.UNTICK if extra else texts.TICK_MORE, self._late_hint()))))
        return self._advance(Attempt(step.id, self.index, "correct"))

    def _not_right(self, answer: str) -> Result:
        """An answer that does not finish the step: a safe one is explained kindly, a wrong one
        is a wrong try, with its own explanation if it has one."""
        why = self.step.why_for(answer)
        if self.verdict(answer) == "safe":
            return self._note(why or texts.SAFE)
        return self._wrong_try(why=why)

    def _edit(self, intent: TypeChar | TypeTone | Erase) -> None:
        target = self._target()
        limit = target.length if target is not None and target.length else MAX_FIELD_CHARS
        self.values[self.step.target] = typed(self.values.get(self.step.target, ""), intent, limit)
        self._clear_note()

    def _clear_note(self) -> None:
        """Typing or ticking clears a note or a hint; a wrong try's words stay until the next try."""
        if self._feedback[1] != "wrong":
            self._feedback = ("", "")

    def _wrong_swipe(self, lead: str) -> Result:
        """A tap, or a drag the wrong way, on a swipe step: say which way the finger goes."""
        return self._wrong_try(" ".join(filter(None, (texts.SWIPE_HOW[self.step.direction], self._late_hint()))), lead)

    def _wrong_try(self, detail: str = "", lead: str = texts.WRONG, why: str = "") -> Result:
        """A wrong try: gentle words, with `why` this answer is wrong if it has its own
        explanation, else `detail` (a rule not met, the hint)."""
        self._wrong += 1
        highlighted = self._wrong >= HIGHLIGHT_AFTER_WRONG
        message = texts.WRONG_HIGHLIGHT if highlighted and not detail else lead
        if detail:
            message = f"{message} {detail}"
        if why:
            message = because(why, highlighted)
        self._feedback = (message, "wrong")
        return Result(speak=[(message, False)], attempts=[Attempt(self.step.id, self.index, "wrong")])

    def _note(self, message: str) -> Result:
        self._feedback = (message, "info")
        return Result(speak=[(message, False)])

    def _help(self) -> Result:
        step = self.step
        if step.kind == "swipe":
            message = step.hint or texts.SWIPE_HOW[step.direction]
        elif step.kind == "choose_many" and (pointed := lit(step, self.elements(), self.chosen)) != step.target:
            message = help_for_ticks(step, untick=pointed not in step.targets)
        else:
            message = step.hint or (texts.DEFAULT_HINT if step.target else texts.READ_THEN_CONTINUE)
        first = not self._hinted
        self._hinted = True
        self._feedback = (message, "hint")
        self._show_expected()
        attempts = [Attempt(step.id, self.index, "hint")] if first else []
        return Result(speak=[(message, False)], attempts=attempts)

    def _back(self) -> Result:
        earlier = [i for i in range(self.index) if not self._skips(self._steps[i])]
        if not earlier:
            return Result(left=True)
        self._enter(earlier[-1])
        return Result(speak=[(self._instruction(), False)])

    def _advance(self, attempt: Attempt, praise: bool = True, why: str = "") -> Result:
        """The step is done. Praise is spoken, never left on the next step's screen; a step
        with an explanation (`why` this answer is right, else the step's) stays, answered,
        until "Bước tiếp theo"."""
        if praise and (why or self.step.explain):
            self._answered = True
            self._feedback = (explained(why or self.step.explain), "ok")
            return Result(speak=[(self._feedback[0], False), (texts.READ_THEN_CONTINUE, False)], attempts=[attempt])
        moved = self._move_on()
        if praise and not moved.finished:
            moved.speak.insert(0, (texts.CORRECT, False))
        moved.attempts.append(attempt)
        return moved

    def _move_on(self) -> Result:
        later = [i for i in range(self.index + 1, len(self._steps)) if not self._skips(self._steps[i])]
        if not later:
            return Result(finished=True)
        self._enter(later[0])
        return Result(speak=[(text, False) for text in (self._instruction(),) if text])

    def _enter(self, index: int) -> None:
        self.index = index
        self.entered += 1
        self._wrong = 0
        self._hinted = False
        self._answered = False
        self._picker = None
        self._feedback = ("", "")
