"""The middle of the completion page: what the run did, and after a guided run of a lesson that
has a Tự làm form, the offer "Bác thử tự làm một lần nhé?"."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk import solo_texts as words
from kiosk.intents import Intent, OpenLesson
from kiosk.views import CompletionView, JudgedAnswer
from ui import texts
from ui.kiosk_controls import kiosk_button
from ui.style import Look
from ui.widgets import label, scroll_area

FEEDBACK = {"right": "ok", "safe": "ok", "wrong": "wrong"}


def run_summary(look: Look, view: CompletionView) -> QWidget:
    """The recap cards; after a Tự làm run how it went first; after a judged drill each decision
    judged instead (what was done, right or not, and why). Scrolls by finger when long."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(look.px(2))
    if view.outcome:
        outcome = label(view.outcome, "instruction")
        outcome.setObjectName("soloOutcome")
        column.addWidget(outcome)
    if view.results:
        column.addWidget(label(words.RESULT_TITLE, "heading"))
        for number, answer in enumerate(view.results):
            column.addWidget(_judged(answer, number))
    else:
        column.addWidget(label(texts.PRACTISED, "heading"))
        for line in view.recap:
            column.addWidget(label(f"✓  {line}"))
    column.addStretch(1)
    return scroll_area(content, dpi=look.dpi)


def _judged(answer: JudgedAnswer, number: int) -> QWidget:
    box = QWidget()
    lines = QVBoxLayout(box)
    lines.setContentsMargins(0, 0, 0, 0)
    lines.setSpacing(4)
    verdict = label(f"{words.VERDICT[answer.verdict]}. {answer.answer}")
    verdict.setObjectName(f"judged:{number}")
    verdict.setProperty("feedback", FEEDBACK[answer.verdict])
    lines.addWidget(verdict)
    why = " ".join(filter(None, (answer.why, answer.right)))
    if why:
        lines.addWidget(label(why))
    return box


def solo_offer(look: Look, send: Callable[[Intent], None], view: CompletionView, primary: bool) -> QHBoxLayout | None:
    """"Bác thử tự làm một lần nhé?" with its button, after a guided run of a lesson with a Tự làm form."""
    if not view.offer_solo:
        return None
    row = QHBoxLayout()
    row.setSpacing(look.px(6))
    row.addWidget(label(words.OFFER_QUESTION, "instruction"), 1)
    row.addWidget(kiosk_button(look, words.OFFER_BUTTON, "next", lambda: send(OpenLesson(view.lesson_id, "solo")), "trySolo",
                               primary=primary, main=True))
    return row
