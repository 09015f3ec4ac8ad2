"""One visit's runs of lessons, guided (Học có hướng dẫn) or solo (Tự làm): the session for a
run in a mode, the cases already seen (a judged drill's Tự làm run is a fresh one), which
lessons were done alone, and the completion page after a run with its offer of a Tự làm run.
Made anew for every citizen, like the rest of the visit."""
from __future__ import annotations

import dataclasses
import random

from content.model import Lesson
from kiosk import solo_texts as words
from kiosk.lesson_fill import pick_data
from kiosk.lesson_session import LessonSession
from kiosk.solo_session import SoloSession
from kiosk.views import CompletionView, LessonTile

FRESH_TRIES = 20  # picks tried for a case not seen in this visit


class LessonRuns:
    def __init__(self) -> None:
        self.solo_done: set[str] = set()  # lesson ids: "Đã tự làm được" in this visit
        self._seen: dict[str, list[dict[str, str]]] = {}  # lesson id → the cases its runs showed

    def session(self, lesson: Lesson, rng: random.Random, mode: str = "guided", start: int = 0) -> LessonSession:
        """A run of `lesson`: a Tự làm run when asked for and the lesson has one, else guided
        (from step index `start`, a lesson continued from a practice-slip code)."""
        if mode == "solo" and lesson.has_solo:
            data = fresh_data(lesson, rng, self._seen.get(lesson.id, [])) if lesson.judged else None
            session: LessonSession = SoloSession(lesson, rng, data)
        else:
            session = LessonSession(lesson, rng, start)
        self._seen.setdefault(lesson.id, []).append(session.data)
        return session

    def completion(self, session: LessonSession, next_in_path: LessonTile | None) -> tuple[CompletionView, list[str]]:
        """The page after a finished run, and what to say after the congratulations."""
        lesson = session.lesson
        page = CompletionView(lesson.title, session.recap, next_in_path, lesson.id, session.mode)
        if isinstance(session, SoloSession):
            if session.solo_done:
                self.solo_done.add(lesson.id)
            outcome = session.outcome()
            return dataclasses.replace(page, outcome=outcome, results=tuple(session.judgements)), [outcome]
        if lesson.has_solo and lesson.id not in self.solo_done:
            return dataclasses.replace(page, offer_solo=True), [words.OFFER]
        return page, []


def fresh_data(lesson: Lesson, rng: random.Random, seen: list[dict[str, str]]) -> dict[str, str]:
    """A run's values showing a case not seen yet in this visit (another variant of a drill,
    else other data values), when the lesson has one."""
    cases = [_case(lesson, values) for values in seen]
    data = pick_data(lesson, rng)
    for _ in range(FRESH_TRIES):
        if _case(lesson, data) not in cases:
            break
        data = pick_data(lesson, rng)
    return data


def _case(lesson: Lesson, data: dict[str, str]) -> dict[str, str]:
    """What makes a run's case: its variant (the caller, what they ask), else all its values."""
    return {name: data[name] for name in lesson.variants[0]} if lesson.variants else data
