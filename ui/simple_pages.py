"""The attract, completion and idle-warning screens."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import intake_texts
from kiosk.intents import BackToMenu, EndSession, EnterCode, Intent, OpenLesson, Repeat, StillHere, TakeSlip, Touched
from kiosk.views import CompletionView, HelpView, LessonTile
from ui import texts
from ui import theme as t
from ui.help_call import HelpCall, help_message
from ui.style import Look
from ui.kiosk_controls import kiosk_button
from ui.run_summary import run_summary, solo_offer
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]


def _page() -> tuple[QFrame, QVBoxLayout]:
    page = QFrame()
    page.setObjectName("page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(60, 40, 60, 40)
    layout.setSpacing(28)
    return page, layout


def attract_page(look: Look, send: Send, place: str, small_screen: bool = False) -> QWidget:
    """Any tap starts a session: the whole window reports touches (see KioskWindow), except
    on a button, whose own intent starts it ("Tôi có mã phiếu" opens the code page).
    `small_screen`: the screen is below the supported size, and staff are told so here."""
    page, layout = _page()
    if small_screen:
        width, height = (f"{mm / 10:.0f}" for mm in t.MIN_SCREEN_MM)
        notice = label(texts.SMALL_SCREEN.format(width=width, height=height))
        notice.setObjectName("smallScreen")
        notice.setProperty("feedback", "wrong")
        layout.addWidget(notice)
    layout.addStretch(1)
    for text, role in ((texts.PRODUCT, "title"), (texts.ATTRACT_CALL, "huge"), (texts.ATTRACT_PURPOSE, "")):
        widget = label(text, role)
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(widget)
    start = kiosk_button(look, texts.ATTRACT_START, "next", lambda: send(Touched()), "start", primary=True)
    start.setMaximumWidth(look.px(120))
    layout.addWidget(start, 0, Qt.AlignmentFlag.AlignHCenter)
    code = kiosk_button(look, texts.HAVE_CODE, "code", lambda: send(EnterCode()), "haveCode", main=True)
    code.setMaximumWidth(look.px(120))
    layout.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(1)
    if place and place != texts.PRODUCT:  # the default name alone would repeat the title
        where = label(place, "muted")
        where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(where)
    return page


def completion_page(look: Look, send: Send, view: CompletionView, help_view: HelpView | None = None) -> QWidget:
    page, layout = _page()
    layout.setSpacing(16)
    top = QHBoxLayout()
    top.addWidget(label(texts.CONGRATS, "title"), 1)
    top.addWidget(kiosk_button(look, texts.REPEAT, "repeat", lambda: send(Repeat()), "repeat", main=False), 0,
                  Qt.AlignmentFlag.AlignTop)  # what was practised, read aloud
    top.addWidget(HelpCall(look, send, help_view), 0, Qt.AlignmentFlag.AlignTop)
    layout.addLayout(top)
    layout.addWidget(help_message(help_view))
    layout.addWidget(label(view.lesson_title, "instruction"))
    layout.addWidget(run_summary(look, view), 1)
    offer = solo_offer(look, send, view, primary=view.next_in_path is None)
    if offer is not None:
        layout.addLayout(offer)
    row = QHBoxLayout()
    row.setSpacing(30)
    if view.next_in_path is not None:  # in a path the next lesson comes first; the slip waits on the menu
        row.addWidget(_next_in_path(look, send, view.next_in_path))
    row.addWidget(kiosk_button(look, texts.ANOTHER, "list", lambda: send(BackToMenu()), "another",
                               primary=view.next_in_path is None and not view.offer_solo, main=True))
    if view.next_in_path is None:
        row.addWidget(kiosk_button(look, texts.TAKE_SLIP, "slip", lambda: send(TakeSlip()), "takeSlip", main=True))
    row.addWidget(kiosk_button(look, texts.FINISH, "home", lambda: send(EndSession()), "finish", main=True))
    layout.addLayout(row)
    return page


def _next_in_path(look: Look, send: Send, tile: LessonTile) -> WrapButton:
    """"Bài tiếp theo trong lộ trình": the one thing to do next (its title is said, and named to
    screen readers)."""
    return kiosk_button(look, intake_texts.NEXT_BUTTON, "next", lambda: send(OpenLesson(tile.lesson_id)), "nextInPath",
                        primary=True, accessible=f"{intake_texts.NEXT_BUTTON}: {tile.title}")


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
