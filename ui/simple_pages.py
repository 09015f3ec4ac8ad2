"""The attract, completion and idle-warning screens."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.intents import BackToMenu, EndSession, EnterCode, Intent, StillHere, TakeSlip, Touched
from kiosk.views import CompletionView
from ui import texts
from ui.style import Look
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]


def _page() -> tuple[QFrame, QVBoxLayout]:
    page = QFrame()
    page.setObjectName("page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(60, 40, 60, 40)
    layout.setSpacing(28)
    return page, layout


def attract_page(look: Look, send: Send, place: str) -> QWidget:
    """Any tap starts a session: the whole window reports touches (see KioskWindow), except
    on a button, whose own intent starts it ("Tôi có mã phiếu" opens the code page)."""
    page, layout = _page()
    layout.addStretch(1)
    for text, role in ((texts.PRODUCT, "title"), (texts.ATTRACT_CALL, "huge"), (texts.ATTRACT_PURPOSE, "")):
        widget = label(text, role)
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(widget)
    start = WrapButton(texts.ATTRACT_START, "primary", look.main_target, lambda: send(Touched()), "start")
    start.setMaximumWidth(look.px(120))
    layout.addWidget(start, 0, Qt.AlignmentFlag.AlignHCenter)
    code = WrapButton(texts.HAVE_CODE, "secondary", look.main_target, lambda: send(EnterCode()), "haveCode")
    code.setMaximumWidth(look.px(120))
    layout.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(1)
    if place and place != texts.PRODUCT:  # the default name alone would repeat the title
        where = label(place, "muted")
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(where)
    return page


def completion_page(look: Look, send: Send, view: CompletionView) -> QWidget:
    page, layout = _page()
    layout.setSpacing(16)
    layout.addWidget(label(texts.CONGRATS, "title"))
    layout.addWidget(label(view.lesson_title, "instruction"))
    layout.addWidget(label(texts.PRACTISED, "heading"))
    for line in view.recap:
        layout.addWidget(label(f"✓  {line}"))
    layout.addStretch(1)
    row = QHBoxLayout()
    row.setSpacing(30)
    row.addWidget(WrapButton(texts.ANOTHER, "primary", look.main_target, lambda: send(BackToMenu()), "another"))
    row.addWidget(WrapButton(texts.TAKE_SLIP, "secondary", look.main_target, lambda: send(TakeSlip()), "takeSlip"))
    row.addWidget(WrapButton(texts.FINISH, "secondary", look.main_target, lambda: send(EndSession()), "finish"))
    layout.addLayout(row)
    return page


class IdleOverlay(QFrame):
    """Covers the whole window while the idle countdown runs."""

    def __init__(self, look: Look, send: Send, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.setSpacing(40)
        layout.addStretch(1)
        question = label(texts.IDLE_QUESTION, "huge")
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(question)
        self.countdown = label("", "instruction")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.countdown)
        button = WrapButton(texts.STILL_HERE, "primary", look.px(30), lambda: send(StillHere()), "stillHere")
        button.setMaximumWidth(look.px(200))
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def show_seconds(self, seconds: int) -> None:
        self.countdown.setText(texts.IDLE_COUNTDOWN.format(seconds=seconds))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
