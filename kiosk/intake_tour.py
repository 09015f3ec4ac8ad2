"""The intake's stops on the screenshot tour (kiosk.tour): its first question skipped at the
start of a visit, then every question asked again from "Gợi ý bài cho tôi", gone back over,
and the topics page with the path on top."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kiosk.intake import pack_intake
from kiosk.intents import AnswerIntake, OpenIntake, PreviousQuestion, SkipIntake
from kiosk.views import IntakeView

if TYPE_CHECKING:
    from kiosk.flow import Kiosk

Stop = tuple[str, str]  # a kiosk.tour.Stop's name and caption


def skipped_intake(kiosk: Kiosk) -> Iterator[Stop]:
    """When the visit started on the intake: its first question, then "Bỏ qua, tôi tự chọn bài"."""
    if isinstance(kiosk.view().page, IntakeView):
        yield ("00b-intake-first", "The intake's first question, as a visit starts")
        kiosk.handle(SkipIntake())


def suggested_path(kiosk: Kiosk) -> Iterator[Stop]:
    """From the topics page: every question, answered so that the most questions are asked
    and the longest path comes out; from the last, back ("Câu trước") to the first, each
    showing its answer chosen, and forward again; then the path."""
    intake = pack_intake(kiosk.packs)
    if intake is None:
        return
    answers = max(intake.every_answer(), key=lambda each: (len(each), len(intake.path(each))))
    kiosk.handle(OpenIntake())
    went_back = False
    shown: set[str] = set()
    while isinstance(page := kiosk.view().page, IntakeView):
        name = f"01-intake-{page.number}-{page.question_id}"
        if name not in shown:
            shown.add(name)
            yield (name, f"Intake question {page.number}: {page.question_id}")
        if page.number == len(answers) and page.can_go_back and not went_back:
            went_back = True
            while isinstance(page := kiosk.view().page, IntakeView) and page.can_go_back:
                kiosk.handle(PreviousQuestion())
                yield (f"01-intake-back-{page.number - 1}", "Back to the previous question: its answer shows chosen")
            continue
        kiosk.handle(AnswerIntake(answers[page.question_id]))
    yield ("01-menu-path", "Menu: the topics, with the path suggested for the answers on top")
