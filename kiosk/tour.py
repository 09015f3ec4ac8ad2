"""The screenshot tour: walks a kiosk through every screen of every lesson, pausing
wherever a reviewer should see the screen. Pure core: the caller renders and saves."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intake_tour import skipped_intake, suggested_path
from kiosk.intents import (
    BackToMenu,
    BackToTopics,
    Choose,
    Continue,
    EndSession,
    EnterCode,
    GoBack,
    LessonIntent,
    OpenLesson,
    OpenTopic,
    SetTextSize,
    Submit,
    TakeSlip,
    Tap,
    Touched,
    TypeChar,
)
from kiosk.learner_tour import (
    LessonHelp,
    confidence_after,
    confidence_before,
    menu_help,
    practise_again,
)
from kiosk.lesson_session import LessonSession
from kiosk.picker import is_long
from kiosk.solo_tour import solo_runs
from kiosk.views import MenuView
from kiosk.walkthrough import correct_intents
from kiosk.word_tour import WordStops


@dataclass(frozen=True)
class Stop:
    name: str  # file name stem, unique in the tour
    caption: str


def _answers_explained(kiosk: Kiosk, session: LessonSession, stem: str) -> Iterator[Stop]:
    """Each answer of the current step that has its own words, given once to show them: a wrong
    or safe one (the step stays), and a right one when the step before can be answered again
    (not typing, which would add to what was typed): back there, and here again, fresh."""
    step, index = session.step, session.index
    for answer, _ in step.why:
        giving = _giving(session, answer)
        kind = session.verdict(answer)
        if not giving or (kind == "right" and (index == 0 or session.lesson.steps[index - 1].kind == "type")):
            continue
        for intent in giving:
            kiosk.handle(intent)
        yield Stop(f"{stem}-{kind}-{_slug(session, answer)}", f"An answer explained in its own words ({kind})")
        if kind == "right":
            kiosk.handle(GoBack())
            for intent in correct_intents(session):
                kiosk.handle(intent)
        elif step.kind == "choose_many" and answer in session.chosen:
            kiosk.handle(Tap(answer))  # untick what was ticked to show it


def _giving(session: LessonSession, answer: str) -> list[LessonIntent]:
    """The intents that give `answer` to the current step ([] when the tour cannot show it)."""
    step = session.step
    if step.kind == "choose":
        select = session.element(step.target)
        if select is None or is_long(select) or answer not in select.options:
            return []
        return [Choose(step.target, select.options.index(answer))]
    element = session.element(answer)
    if element is None or not element.tappable:
        return []
    if element.kind == "checkbox" and step.kind == "choose_many":
        return [] if answer in step.targets else [Tap(answer), Tap(step.target)]  # ticked, then checked
    return [Tap(answer)]


def _slug(session: LessonSession, answer: str) -> str:
    select = session.element(session.step.target) if session.step.kind == "choose" else None
    return f"option{select.options.index(answer) + 1}" if select is not None else answer


def tour(kiosk: Kiosk, clock: ManualClock, lesson_ids: list[str], text_size: str = "normal") -> Iterator[Stop]:
    """Yield after each state worth a screenshot; `kiosk` is left on the attract screen."""
    yield Stop("00-attract", "Attract screen")
    kiosk.handle(Touched())
    kiosk.handle(SetTextSize(text_size))
    yield from (Stop(*each) for each in skipped_intake(kiosk))
    yield Stop("01-menu-topics", "Menu: the topics")
    page = kiosk.view().page
    assert isinstance(page, MenuView)
    for group in page.topics:
        kiosk.handle(OpenTopic(group.id))
        yield Stop(f"01-menu-{group.id}", f"Menu: the lessons of {group.title}")
        kiosk.handle(BackToTopics())
    yield from (Stop(*each) for each in suggested_path(kiosk))
    yield from (Stop(*each) for each in menu_help(kiosk))
    lesson_help = LessonHelp()
    words = WordStops()
    for number, lesson_id in enumerate(lesson_ids, start=1):
        kiosk.handle(OpenLesson(lesson_id))
        yield from (Stop(*each) for each in confidence_before(kiosk, number, lesson_id))
        session = kiosk.lesson_session
        assert session is not None
        shown_wrong = False
        while kiosk.lesson_session is not None:
            step = session.step
            stem = f"{number:02d}-{lesson_id}-{session.index + 1:02d}-{step.id}"
            yield Stop(stem, f"{session.lesson.title} — bước {session.index + 1}: {step.id}")
            yield from (Stop(*each) for each in lesson_help.stops(kiosk, stem))
            yield from (Stop(*each) for each in words.stops(kiosk, stem))
            elements = session.view().screen.elements
            wrong = next((e.id for e in elements if e.tappable and session.verdict(e.id) == "wrong" and e.id not in step.needs), None)
            if step.kind == "tap" and wrong and not shown_wrong:
                kiosk.handle(Tap(wrong))
                kiosk.handle(Tap(wrong))
                shown_wrong = True
                yield Stop(f"{stem}-wrong", "After two wrong taps: the target is highlighted")
            yield from _answers_explained(kiosk, session, stem)
            for intent in correct_intents(session):
                if isinstance(intent, Submit):
                    yield Stop(f"{stem}-typed", "Typed on the on-screen keyboard")
                elif isinstance(intent, Choose) and session.view().picker is not None:
                    yield Stop(f"{stem}-picker-typed", "A few letters typed, no tone marks: the long list narrowed down")
                elif isinstance(intent, Continue) and step.kind != "info":
                    yield Stop(f"{stem}-answered", "Right answer explained; the next-step button shows")
                kiosk.handle(intent)
                if isinstance(intent, Tap) and session.view().picker is not None:
                    yield Stop(f"{stem}-picker", "A long list opened as a picker, with the keyboard")
        yield from (Stop(*each) for each in confidence_after(kiosk, number, lesson_id))
        yield Stop(f"{number:02d}-{lesson_id}-done", f"{session.lesson.title} — completion")
        kiosk.handle(BackToMenu())
    yield from (Stop(*each) for each in solo_runs(kiosk, lesson_ids))
    yield Stop("90-menu-progress", "Menu: the last lesson's topic, with this session's progress")
    kiosk.handle(TakeSlip())
    code = getattr(kiosk.view().page, "code", "")
    yield Stop("90a-slip", "Practice slip: what was practised, its code and QR code")
    kiosk.handle(EnterCode())
    for digit in "1234":
        kiosk.handle(TypeChar(digit))
    yield Stop("90b-code-entry", "Typing a practice-slip code on the digit pad")
    yield from (Stop(*each) for each in practise_again(kiosk, code, text_size))
    kiosk.handle(BackToMenu())
    clock.advance(kiosk.idle_warning_s)
    kiosk.tick()
    yield Stop("91-idle-warning", "Idle warning with countdown")
    kiosk.handle(EndSession())
