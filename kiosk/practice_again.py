""""Tập lại chỗ bác hay nhầm": the steps of an earlier visit that had wrong tries or help
(kiosk.learner_records.tricky_steps, brought back by a practice-slip code), as one short
guided run, lesson by lesson.

Each stretch of steps (kiosk.lesson_resume.practice_plan) is an ordinary guided LessonSession
started where the stretch begins, with the screens as the earlier steps left them; once the
citizen moves past the stretch's last step the run jumps to the next stretch. A lesson keeps
its practice data (names, numbers) across its stretches.
"""
from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping

from content.model import Lesson
from kiosk import learner_texts as words
from kiosk import texts
from kiosk.lesson_resume import practice_plan
from kiosk.lesson_session import LessonSession, Result
from kiosk.views import CompletionView, LessonView, PracticeTile

Plan = tuple[tuple[Lesson, tuple[tuple[int, int], ...]], ...]  # lessons, each with its stretches (first, last)
MAX_STEPS = 12  # a short run: the stretches met first, up to this many steps (always the first one)


def plan_for(tricky: Mapping[str, tuple[str, ...]], lessons: Mapping[str, Lesson]) -> Plan:
    """The run for an earlier visit's tricky steps (lesson id → step ids, in the order met),
    over the lessons this kiosk still has, cut to MAX_STEPS."""
    plan: list[tuple[Lesson, tuple[tuple[int, int], ...]]] = []
    steps = 0
    for lesson_id, step_ids in tricky.items():
        lesson = lessons.get(lesson_id)
        kept = []
        for first, last in practice_plan(lesson.steps, step_ids) if lesson is not None else ():
            if steps and steps + last - first + 1 > MAX_STEPS:
                break
            kept.append((first, last))
            steps += last - first + 1
        if lesson is not None and kept:
            plan.append((lesson, tuple(kept)))
    return tuple(plan)


def tile(plan: Plan, done: bool) -> PracticeTile | None:
    return PracticeTile(_count(plan), tuple(lesson.title for lesson, _ in plan), done) if plan else None


def _count(plan: Plan) -> int:
    return sum(last - first + 1 for _, stretches in plan for first, last in stretches)


class PracticeRun:
    def __init__(self, plan: Plan, seed: int) -> None:
        assert plan, "a practice run needs steps"
        self._plan = plan
        self._seed = seed
        self._at = (0, 0)  # (lesson, stretch) being practised
        self.session = self._session()

    @property
    def steps(self) -> int:
        return _count(self._plan)

    def start(self) -> Result:
        said = words.PRACTICE_START.format(steps=self.steps)
        first = self.session.start()
        return Result(speak=[(said, False), *first.speak])

    def steer(self, result: Result) -> Result:
        """After the session handled an intent: past the stretch's last step (or at the lesson's
        end) the run goes on to the next stretch, or is finished (`result.finished`)."""
        lesson_index, stretch = self._at
        _, stretches = self._plan[lesson_index]
        if result.left or not (result.finished or self.session.index > stretches[stretch][1]):
            return result
        moved = Result(attempts=result.attempts)
        if stretch + 1 < len(stretches):
            self._at = (lesson_index, stretch + 1)
        elif lesson_index + 1 < len(self._plan):
            self._at = (lesson_index + 1, 0)
            moved.speak.append((words.PRACTICE_NEXT_LESSON.format(title=self._plan[lesson_index + 1][0].title), False))
        else:
            moved.finished = True
            return moved
        self.session = self._session()
        moved.speak = [(texts.CORRECT, False), *moved.speak, *self.session.start().speak]
        return moved

    def view(self, view: LessonView) -> LessonView:
        """The lesson's view as part of the run: its title says it is practice, and the steps
        count through the run."""
        lesson_index, _ = self._at
        before = sum(last - first + 1 for _, stretches in self._plan[:lesson_index] for first, last in stretches)
        indexes = [i for first, last in self._plan[lesson_index][1] for i in range(first, last + 1)]
        index = self.session.index
        number = before + (indexes.index(index) if index in indexes else sum(i < index for i in indexes)) + 1
        return dataclasses.replace(view, lesson_title=words.PRACTICE_LESSON.format(title=view.lesson_title),
                                   step_number=min(number, self.steps), step_count=self.steps)

    def completion(self) -> CompletionView:
        recap = tuple(words.PRACTICE_RECAP.format(title=lesson.title, steps=sum(b - a + 1 for a, b in stretches))
                      for lesson, stretches in self._plan)
        return CompletionView(words.PRACTICE_TITLE, recap)

    def _session(self) -> LessonSession:
        lesson_index, stretch = self._at
        lesson, stretches = self._plan[lesson_index]
        rng = random.Random(f"{self._seed}/{lesson.id}")  # the same practice data in every stretch of a lesson
        return LessonSession(lesson, rng, stretches[stretch][0])
