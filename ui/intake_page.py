"""An intake question: the question in big words, answered by one tap on a big button (Có /
Chưa / Không biết) or on a picture tile; "Bỏ qua, tôi tự chọn bài" always there, "Câu trước"
from the second question, "Nghe lại" and the text size on top."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk import intake_texts
from kiosk.intents import AnswerIntake, Intent, PreviousQuestion, Repeat, SkipIntake
from kiosk.views import HelpView, IntakeChoice, IntakeView
from ui import texts
from ui.help_call import HelpCall, help_message
from ui.icons import topic_icon
from ui.kiosk_controls import header, kiosk_button
from ui.menu_page import text_size_switch
from ui.style import Look
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]
TILE_COLUMNS = 3


def question_page(look: Look, send: Send, title: str, help_view: HelpView | None) -> tuple[QFrame, QVBoxLayout]:
    """A page that asks one question (the intake's, the confidence questions): "Nghe lại", the
    text size and "Gọi cán bộ" on top; returns the page and its body, to be filled."""
    page = QFrame()
    page.setObjectName("page")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.setSpacing(0)
    repeat = kiosk_button(look, texts.REPEAT, "repeat", lambda: send(Repeat()), "repeat", main=False)
    controls = [repeat, *text_size_switch(look, send, look.text_size), HelpCall(look, send, help_view)]
    outer.addWidget(header(look, title, controls, role="headerTitle"))
    body = QVBoxLayout()
    gap = look.px(4)
    body.setContentsMargins(look.px(8), gap, look.px(8), gap)
    body.setSpacing(gap)
    body.addWidget(help_message(help_view))
    outer.addLayout(body, 1)
    return page, body


def intake_page(look: Look, send: Send, view: IntakeView, help_view: HelpView | None = None) -> QWidget:
    page, body = question_page(look, send, intake_texts.PAGE_TITLE.format(n=view.number, total=view.count), help_view)
    question = label(view.question, "title")
    question.setObjectName("question")
    body.addWidget(question)
    body.addStretch(1)
    body.addLayout(_tiles(look, send, view) if view.pictures else _answers(look, send, view))
    body.addStretch(1)
    body.addLayout(_ways_out(look, send, view))
    return page


def _answers(look: Look, send: Send, view: IntakeView) -> QHBoxLayout:
    """Có / Chưa / Không biết: big buttons side by side; the answer given before shows filled."""
    row = QHBoxLayout()
    row.setSpacing(look.px(6))
    for choice in view.choices:
        button = WrapButton(choice.label, "secondary", look.px(26), _answer(send, choice), f"answer:{choice.id}",
                            one_line=True)
        button.set_title_role("tiletitle")
        button.setCheckable(True)
        button.setChecked(choice.id == view.chosen)
        row.addWidget(button, 1)
    return row


def _tiles(look: Look, send: Send, view: IntakeView) -> QGridLayout:
    """Picture tiles, three to a row: the picture above its words."""
    grid = QGridLayout()
    grid.setSpacing(look.px(4))
    for index, choice in enumerate(view.choices):
        tile = WrapButton(choice.label, "tile", look.px(36),
                          _answer(send, choice), f"answer:{choice.id}")
        tile.set_title_role("tiletitle")
        picture = QLabel()
        picture.setPixmap(topic_icon(choice.icon, look.px(18)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tile.add_widget(picture, above=True)
        if choice.id == view.chosen:
            tile.add_line(intake_texts.CHOSEN).setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
    for column in range(TILE_COLUMNS):
        grid.setColumnStretch(column, 1)
    return grid


def _ways_out(look: Look, send: Send, view: IntakeView) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setSpacing(look.px(6))
    if view.can_go_back:
        row.addWidget(kiosk_button(look, intake_texts.PREVIOUS, "back", lambda: send(PreviousQuestion()), "previousQuestion",
                                   main=True))
    row.addStretch(1)
    row.addWidget(kiosk_button(look, intake_texts.SKIP, "list", lambda: send(SkipIntake()), "skipIntake", main=True))
    return row


def _answer(send: Send, choice: IntakeChoice) -> Callable[[], None]:
    return lambda: send(AnswerIntake(choice.id))
