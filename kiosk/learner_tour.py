"""The screenshot tour's stops (kiosk.tour) for "Gọi cán bộ hỗ trợ", the confidence questions
and "Tập lại chỗ bác hay nhầm": the help request on the menu, on a lesson's first step and
on the first steps typed with each keyboard (asked, then staff coming), the faces before the first lesson and after it with "will you try
it on your real phone", and a new visit bringing the slip code back to practise again."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kiosk.intents import (
    AnswerConfidence,
    AnswerHelp,
    CallStaff,
    EndSession,
    EnterCode,
    PractiseAgain,
    SetTextSize,
    Submit,
    Touched,
    TypeChar,
)
from kiosk.views import ConfidenceView, LessonView, MenuView
from kiosk.walkthrough import correct_intents

if TYPE_CHECKING:
    from kiosk.flow import Kiosk

Stop = tuple[str, str]  # a kiosk.tour.Stop's name and caption


def menu_help(kiosk: Kiosk) -> Iterator[Stop]:
    """"Gọi cán bộ" pressed on the topics page; staff then close it."""
    kiosk.handle(CallStaff())
    yield ("01-help-menu", "Gọi cán bộ hỗ trợ pressed on the menu: the button says staff were told")
    kiosk.handle(AnswerHelp("helped"))


class LessonHelp:
    """The help request on the first step of a lesson, the first typed with letters and the
    first typed with digits (the button takes each of its forms there): asked, then staff
    coming; closed before the step is answered."""

    def __init__(self) -> None:
        self._shown: set[str] = set()  # keyboards ("" none) shown with a help request

    def stops(self, kiosk: Kiosk, stem: str) -> Iterator[Stop]:
        page = kiosk.view().page
        if not isinstance(page, LessonView) or page.keyboard in self._shown or page.computer is not None:
            return
        keyboard = page.keyboard
        self._shown.add(keyboard)
        kiosk.handle(CallStaff())
        yield (f"{stem}-help", "Gọi cán bộ hỗ trợ pressed in a lesson: the place is kept")
        kiosk.handle(AnswerHelp("coming"))
        yield (f"{stem}-help-coming", "Staff pressed Cán bộ đang đến on the staff panel")
        kiosk.handle(AnswerHelp("helped"))


def confidence_before(kiosk: Kiosk, number: int, lesson_id: str) -> Iterator[Stop]:
    """The faces before the visit's first lesson (when the kiosk asks them); one is tapped."""
    if isinstance(kiosk.view().page, ConfidenceView):
        yield (f"{number:02d}-{lesson_id}-00-confidence-before", "Before the first lesson: how confident, three faces")
        kiosk.handle(AnswerConfidence(1))


def confidence_after(kiosk: Kiosk, number: int, lesson_id: str) -> Iterator[Stop]:
    """After that lesson: the faces again, then "will you try it on your real phone"."""
    while isinstance(page := kiosk.view().page, ConfidenceView):
        yield (f"{number:02d}-{lesson_id}-99-confidence-{page.question}", f"After the lesson: {page.question}")
        kiosk.handle(AnswerConfidence(3 if page.question == "after" else 1))


def practise_again(kiosk: Kiosk, code: str, text_size: str) -> Iterator[Stop]:
    """A new visit types the slip's code: the menu offers the steps that went wrong, as a run."""
    if not code:
        return
    kiosk.handle(EndSession())
    kiosk.handle(Touched())
    kiosk.handle(SetTextSize(text_size))
    kiosk.handle(EnterCode())
    for digit in code:
        kiosk.handle(TypeChar(digit))
    kiosk.handle(Submit())
    page = kiosk.view().page
    if not isinstance(page, MenuView) or page.practice is None:
        return
    yield ("90c-menu-practice", "A slip code brought back: Tập lại chỗ bác hay nhầm on the menu")
    kiosk.handle(PractiseAgain())
    yield ("90d-practice-run", "Tập lại: the first step that went wrong last time")
    while isinstance(kiosk.view().page, LessonView) and kiosk.lesson_session is not None:
        for intent in correct_intents(kiosk.lesson_session):
            kiosk.handle(intent)
    yield ("90e-practice-done", "Tập lại: done")
