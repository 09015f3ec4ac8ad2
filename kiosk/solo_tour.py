"""Tự làm's stops on the screenshot tour (kiosk.tour), so the pack audit sees its pages: a run of
the lesson with the longest practice-data card (the goal page, a word of the goal explained, which
stays open through Trợ giúp at each of its three levels,
each keyboard with the card, the end), then a judged drill answered once wrongly, to its result
page, and once more done alone, for the menu and the slip."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from content.model import Lesson, step_element
from kiosk.intents import BackToMenu, Choose, ExplainTerm, Help, LessonIntent, OpenLesson, Tap
from kiosk.picker import is_long
from kiosk.views import LessonView
from kiosk.walkthrough import correct_intents

if TYPE_CHECKING:
    from kiosk.flow import Kiosk
    from kiosk.lesson_session import LessonSession

Stop = tuple[str, str]  # a kiosk.tour.Stop's name and caption
HINT_LEVELS = 3


def solo_runs(kiosk: Kiosk, lesson_ids: Sequence[str]) -> Iterator[Stop]:
    lessons = [lesson for pack in kiosk.packs for lesson in pack.lessons if lesson.id in lesson_ids]
    solo = max((lesson for lesson in lessons if lesson.card and not lesson.judged), key=_layout_load, default=None)
    if solo is not None:
        yield from _solo_run(kiosk, solo.id)
    judged = next((lesson for lesson in lessons if lesson.judged), None)
    if judged is not None:
        yield from _judged_run(kiosk, judged.id)
        _done_alone(kiosk, judged.id)  # the menu and the slip after the tour show it "Đã tự làm được"


def _layout_load(lesson: Lesson) -> tuple[int, int]:
    """The hardest to lay out: the longest card, beside the most kinds of keyboard."""
    keyboards = {e.keyboard for s in lesson.steps if s.kind == "type"
                 for e in (step_element(lesson.screens, s, s.target),) if e is not None}
    return len(lesson.card), len(keyboards)


def _solo_run(kiosk: Kiosk, lesson_id: str) -> Iterator[Stop]:
    stem = f"80-solo-{lesson_id}"
    session = _open_solo(kiosk, lesson_id)
    yield (f"{stem}-goal", "Tự làm: the goal and the practice-data card, no step-by-step words")
    page = kiosk.view().page
    terms = [term for term, _ in page.terms] if isinstance(page, LessonView) else []
    if terms:
        kiosk.handle(ExplainTerm(max(terms, key=len)))
        yield (f"{stem}-meaning", "Tự làm: a word of the goal explained under it (the card stands aside if short of room)")
    for level in range(1, HINT_LEVELS + 1):
        kiosk.handle(Help())
        yield (f"{stem}-hint-{level}", f"Tự làm: Trợ giúp, level {level} (1 words, 2 the place, 3 the highlight)")
    keyboards = {""}
    while kiosk.lesson_session is not None:
        keyboard = session.view().keyboard
        if keyboard not in keyboards:
            keyboards.add(keyboard)
            yield (f"{stem}-{session.index + 1:02d}-{session.step.id}", f"Tự làm: the card beside the {keyboard} keyboard")
        for intent in correct_intents(session):
            kiosk.handle(intent)
    yield (f"{stem}-done", "Tự làm finished: how it went")
    kiosk.handle(BackToMenu())


def _judged_run(kiosk: Kiosk, lesson_id: str) -> Iterator[Stop]:
    """The drill's Tự làm run with its first decision answered wrongly, the others rightly."""
    stem = f"81-judged-{lesson_id}"
    session = _open_solo(kiosk, lesson_id)
    yield (f"{stem}-goal", "A judged drill's Tự làm run: the goal over the step's words, no hints")
    kiosk.handle(Help())
    yield (f"{stem}-no-hints", "A judged drill: Trợ giúp says there are no hints, the result comes at the end")
    wrong_given = False
    while kiosk.lesson_session is not None:
        wrong = [] if wrong_given or not session.step.decides else _wrong_answer(session)
        wrong_given = wrong_given or bool(wrong)
        for intent in wrong or correct_intents(session):
            kiosk.handle(intent)
    yield (f"{stem}-result", "A judged drill's result page: each decision, right or not, and why")
    kiosk.handle(BackToMenu())


def _done_alone(kiosk: Kiosk, lesson_id: str) -> None:
    session = _open_solo(kiosk, lesson_id)
    while kiosk.lesson_session is not None:
        for intent in correct_intents(session):
            kiosk.handle(intent)
    kiosk.handle(BackToMenu())


def _open_solo(kiosk: Kiosk, lesson_id: str) -> LessonSession:
    kiosk.handle(OpenLesson(lesson_id, "solo"))
    session = kiosk.lesson_session
    assert session is not None
    return session


def _wrong_answer(session: LessonSession) -> list[LessonIntent]:
    """A wrong answer to the current decision ([] when the tour cannot give one)."""
    step = session.step
    if step.kind == "choose_many":
        return [Tap(step.target)]  # checked with no box ticked: the signs missed
    if step.kind == "choose":
        select = session.element(step.target)
        if select is None or is_long(select):
            return []
        wrong = [i for i, option in enumerate(select.options) if session.verdict(option) == "wrong"]
        return [Choose(step.target, wrong[0])] if wrong else []
    wrong_taps = [e.id for e in session.elements() if e.tappable and e.id not in step.needs and session.verdict(e.id) == "wrong"]
    return [Tap(wrong_taps[0])] if wrong_taps else []
