"""The lesson menu: topics with big lesson tiles, the text-size switch and the end button."""
from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.intents import EndSession, Intent, OpenLesson, SetTextSize
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
    outer.addWidget(scroll_area(body), 1)
    return page


def _tile(look: Look, send: Send, tile: LessonTile) -> WrapButton:
    date = datetime.date.fromisoformat(tile.updated).strftime("%d/%m/%Y")
    details = [texts.ABOUT_MINUTES.format(minutes=tile.minutes), texts.UPDATED.format(date=date)]
    if tile.status:
        details.insert(0, texts.STATUS[tile.status])
    button = WrapButton(tile.title, "tile", look.px(30), lambda: send(OpenLesson(tile.lesson_id)), f"lesson:{tile.lesson_id}")
    button.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    button.set_title_role("tiletitle")
    button.add_line(" · ".join(details))
    return button
