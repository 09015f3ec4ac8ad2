"""The lesson menu: topics with big lesson tiles, the text-size switch and the end button."""
from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.intents import EndSession, EnterCode, Intent, OpenLesson, ResumeLesson, SetTextSize, TakeSlip
from kiosk.views import LessonTile, MenuView
from ui import texts
from ui.style import Look
from ui.widgets import WrapButton, label, scroll_area

ICONS = Path(__file__).parent / "icons"
Send = Callable[[Intent], None]


def header(look: Look, title: str, right: list[QWidget], role: str = "title") -> QFrame:
    bar = QFrame()
    bar.setObjectName("header")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(30, 8, 30, 8)
    layout.setSpacing(16)
    layout.addWidget(label(title, role), 1)
    for widget in right:
        layout.addWidget(widget)
    return bar


def text_size_switch(look: Look, send: Send, current: str) -> list[QWidget]:
    buttons = []
    for size, words in (("normal", texts.TEXT_NORMAL), ("large", texts.TEXT_LARGE)):
        button = WrapButton(words, "secondary", look.main_target, lambda s=size: send(SetTextSize(s)), f"size:{size}")
        button.setCheckable(True)
        button.setChecked(size == current)
        button.setFixedWidth(look.px(48))
        buttons.append(button)
    return buttons


def menu_page(look: Look, send: Send, view: MenuView) -> QWidget:
    page = QFrame()
    page.setObjectName("page")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    end = WrapButton(texts.END, "primary", look.main_target, lambda: send(EndSession()), "end")
    end.setFixedWidth(look.px(70))
    outer.addWidget(header(look, texts.MENU_TITLE, [*text_size_switch(look, send, look.text_size), end]))
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(40, 20, 40, 40)
    layout.setSpacing(18)
    _slip_row(look, send, view, layout)
    for group in view.topics:
        heading = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QIcon(str(ICONS / f"{group.icon}.svg")).pixmap(QSize(look.px(12), look.px(12))))
        heading.addWidget(icon)
        heading.addWidget(label(group.title, "title"), 1)
        layout.addLayout(heading)
        grid = QGridLayout()
        grid.setSpacing(18)
        for index, tile in enumerate(group.tiles):
            grid.addWidget(_tile(look, send, tile), index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
    layout.addStretch(1)
    outer.addWidget(scroll_area(body, dpi=look.dpi), 1)
    return page


def _slip_row(look: Look, send: Send, view: MenuView, layout: QVBoxLayout) -> None:
    """The practice slip's ways in: a code to continue, the slip of today, the lessons a code opened."""
    row = QHBoxLayout()
    row.setSpacing(18)
    row.addWidget(WrapButton(texts.HAVE_CODE, "secondary", look.main_target, lambda: send(EnterCode()), "haveCode"), 1)
    if view.can_take_slip:
        row.addWidget(WrapButton(texts.TAKE_SLIP, "secondary", look.main_target, lambda: send(TakeSlip()), "takeSlip"), 1)
    else:
        row.addStretch(1)
    layout.addLayout(row)
    if view.notice:
        notice = label(view.notice)
        notice.setProperty("feedback", "info")
        layout.addWidget(notice)
    if view.unfinished:
        layout.addWidget(label(texts.UNFINISHED, "title"))
        grid = QGridLayout()
        grid.setSpacing(18)
        for index, tile in enumerate(view.unfinished):
            grid.addWidget(_tile(look, send, tile), index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)


def _tile(look: Look, send: Send, tile: LessonTile) -> WrapButton:
    date = datetime.date.fromisoformat(tile.updated).strftime("%d/%m/%Y")
    details = [texts.ABOUT_MINUTES.format(minutes=tile.minutes), texts.UPDATED.format(date=date)]
    if tile.status == "resume":
        details = [texts.RESUME_AT.format(n=tile.resume_step, total=tile.step_count)]
        button = WrapButton(tile.title, "tile", look.px(30), lambda: send(ResumeLesson(tile.lesson_id)), f"resume:{tile.lesson_id}")
    else:
        if tile.status:
            details.insert(0, texts.STATUS[tile.status])
        button = WrapButton(tile.title, "tile", look.px(30), lambda: send(OpenLesson(tile.lesson_id)), f"lesson:{tile.lesson_id}")
    button.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    button.set_title_role("tiletitle")
    button.add_line(" · ".join(details))
    return button
