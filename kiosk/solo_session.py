"""A Tự làm run: the same lesson, screens and data as Học có hướng dẫn, without the guidance.

- The lesson's goal is said at the start and shown all through, with its practice data on a
  card; info steps are passed over; a step says nothing when it comes, and a right answer moves
  on quietly, as the real app would.
- Nothing is highlighted by itself. Trợ giúp gives one level more each time (kiosk.solo_hints):
  the next thing in words, then its place, then the highlight; each level is a recorded hint.
- A judged drill (`judged: true`) shows each step's words but gives no hint at all: the first
  answer to each decision is kept without a word and judged on the result page at the end
  (kiosk.solo_judging); the kiosk picks a case the citizen has not seen in this visit.
"""
from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import replace

from content.model import Lesson, Step
from kiosk import solo_texts as words
from kiosk import texts
from kiosk.intents import Choose, LessonIntent, Repeat, Submit, Tap
from kiosk.lesson_answers import because, lit
from kiosk.lesson_fill import fill
from kiosk.lesson_session import HIGHLIGHT_AFTER_WRONG, Attempt, LessonSession, Result, Run
from kiosk.solo_hints import LEVELS, hint_words
from kiosk.solo_judging import judge_choice, judge_tap, judge_ticks
from kiosk.views import JudgedAnswer, LessonView

MAX_HINTS_ALONE = 1  # "đã tự làm được": finished with at most this many hints


class SoloSession(LessonSession):
    mode = "solo"

    def __init__(self, lesson: Lesson, rng: random.Random, data: Mapping[str, str] | None = None) -> None:
        super().__init__(lesson, rng, data=data)
        self.judged = lesson.judged
        self.goal = fill(lesson.goal, self.data)
        self.card = tuple((fill(label, self.data), fill(value, self.data)) for label, value in lesson.card)
        self.hints = 0  # hints used in this run, each level counted
        self.judgements: list[JudgedAnswer] = []
        self._level = 0  # Trợ giúp's level reached on this step
        if self._skips(self.step):
            self._enter(self._shown()[0])

    @property
    def run(self) -> Run:
        right = sum(1 for j in self.judgements if j.verdict != "wrong")
        return Run(self.run_id, self.mode, (right, len(self.judgements)) if self.judged else None, self.solo_done)

    @property
    def solo_done(self) -> bool:
        """Done alone ("Đã tự làm được"): at most one hint; a judged drill: no wrong decision."""
        if self.judged:
            return all(j.verdict != "wrong" for j in self.judgements)
        return self.hints <= MAX_HINTS_ALONE

    def outcome(self) -> str:
        """How the finished run went, in words (said and shown on the completion page)."""
        if self.judged:
            right, total = self.run.judged or (0, 0)
            return words.SCORE.format(right=right, total=total)
        return words.DONE_ALONE if self.solo_done else words.DONE_HINTS.format(hints=self.hints)

    def lines(self) -> tuple[str, ...]:
        """Everything the run may say, for pre-rendering speech: the guided run's lines, the goal,
        Tự làm's own phrases and each step's place on its screen."""
        places = [hint_words(2, step, step.target, self._screens) for step in self._steps if step.target or step.kind == "swipe"]
        return tuple(dict.fromkeys((*super().lines(), self.goal, *words.SPOKEN, *places)))

    def start(self) -> Result:
        lead = (self.goal, words.START_JUDGED if self.judged else words.START, self._instruction())
        return Result(speak=[(text, False) for text in lead if text])

    def view(self) -> LessonView:
        view = super().view()
        shown = self._shown()
        return replace(
            view,
            instruction=self._instruction(),
            mode=self.mode,
            goal=self.goal,
            card=self.card,
            hint_level=self._level,
            step_number=shown.index(self.index) + 1,
            step_count=len(shown),
            swipe=view.swipe if self._lit() else "",  # which way to drag shows with the highlight only
        )

    def handle(self, intent: LessonIntent) -> Result:
        if isinstance(intent, Repeat) and not self._answered:
            said = " ".join(filter(None, (self.goal, self._instruction(), self._feedback[0])))
            return Result(speak=[(said, intent.slow)])
        if self.judged and self.step.decides:
            judgement = self._judge(intent)
            if judgement is not None:
                self.judgements.append(judgement)
                outcome = "wrong" if judgement.verdict == "wrong" else "correct"
                return self._advance(Attempt(self.step.id, self.index, outcome))
        return super().handle(intent)

    # --- a judged drill ------------------------------------------------------------------
    def _judge(self, intent: LessonIntent) -> JudgedAnswer | None:
        """The decision `intent` gives on the current step, or None when it gives none (ticking
        a box, opening a long list, reading the message a step needs)."""
        step = self.step
        if isinstance(intent, Submit) and self._picker is not None:
            found = self._picker.matches()
            intent = Choose(self._picker.element.id, found[0]) if len(found) == 1 else intent
        match intent:
            case Choose(element=element_id, option=option) if step.kind == "choose" and element_id == step.target:
                target = self._target()
                if target is None or not 0 <= option < len(target.options):
                    return None
                self._picker = None
                self.chosen[element_id] = option
                return judge_choice(step, target.options[option])
            case Tap(element=element_id) if step.kind != "choose":
                element = self.element(element_id)
                if element is None or not element.tappable or element_id in step.needs:
                    return None
                if step.kind == "choose_many" and element_id == step.target:
                    return judge_ticks(step, self.elements(), self.chosen)
                if step.kind == "choose_many" and element.kind == "checkbox":
                    return None
                return judge_tap(step, element, self._target())
        return None

    # --- the hooks of LessonSession --------------------------------------------------------
    def _shown(self) -> list[int]:
        return [i for i, step in enumerate(self._steps) if not self._skips(step)]

    def _skips(self, step: Step) -> bool:
        return not self.judged and step.kind == "info"

    def _instruction(self) -> str:
        return self.step.instruction if self.judged else ""

    def _lit(self) -> bool:
        return not self.judged and self._level >= LEVELS

    def _late_hint(self) -> str:
        return ""

    def _help(self) -> Result:
        if self.judged:
            return self._note(words.NO_HINTS)
        step = self.step
        attempts = []
        if self._level < LEVELS:
            self._level += 1
            self.hints += 1
            attempts.append(Attempt(step.id, self.index, "hint", self._level))
        if self._lit():
            self._show_expected()
        message = hint_words(self._level, step, lit(step, self.elements(), self.chosen), self._screens)
        self._feedback = (message, "hint")
        return Result(speak=[(message, False)], attempts=attempts)

    def _wrong_try(self, detail: str = "", lead: str = texts.WRONG, why: str = "") -> Result:
        """Gentle words, the answer's own `why` if it has one; never a highlight. From the second
        wrong try on, where Trợ giúp is."""
        self._wrong += 1
        message = because(why, False) if why else " ".join(filter(None, (lead, detail)))
        if self._wrong >= HIGHLIGHT_AFTER_WRONG and not self.judged and self._level < LEVELS:
            message = f"{message} {words.HELP_IS_THERE}"
        self._feedback = (message, "wrong")
        return Result(speak=[(message, False)], attempts=[Attempt(self.step.id, self.index, "wrong")])

    def _wrong_swipe(self, lead: str) -> Result:
        """Not which way to drag: that is Trợ giúp's place."""
        return self._wrong_try(lead=lead if lead == texts.WRONG else f"{lead} {texts.TRY_AGAIN}")

    def _advance(self, attempt: Attempt, praise: bool = True, why: str = "") -> Result:
        """On to the next step without praise or explanation, as the real app would."""
        moved = self._move_on()
        moved.attempts.append(attempt)
        return moved

    def _enter(self, index: int) -> None:
        super()._enter(index)
        self._level = 0
