"""A confidence question: how sure the citizen is to do this on their own phone, answered with
one tap on one of three big faces (or Có / Chưa: will they try it on their real phone); "Bỏ
qua" always there; "Nghe lại" and the text size on top."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.intents import AnswerConfidence, Intent, SkipConfidence
from kiosk.views import ConfidenceChoice, ConfidenceView, HelpView
from ui import texts
from ui import theme as t
from ui.icons import kiosk_icon
from ui.intake_page import question_page
from ui.kiosk_controls import kiosk_button
from ui.style import Look
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]


def confidence_page(look: Look, send: Send, view: ConfidenceView, help_view: HelpView | None = None) -> QWidget:
    page, body = question_page(look, send, view.heading, help_view)
    if view.lead:
        body.addWidget(label(view.lead, "instruction"))
    question = label(view.ask, "title")
    question.setObjectName("question")
    body.addWidget(question)
    body.addStretch(1)
    row = QHBoxLayout()
    row.setSpacing(look.px(6))
    for choice in view.choices:
        row.addWidget(_face(look, send, choice) if choice.face else _word(look, send, choice), 1)
    body.addLayout(row)
    body.addStretch(1)
    skip = QHBoxLayout()
    skip.addStretch(1)
    skip.addWidget(kiosk_button(look, texts.SKIP_QUESTION, "next", lambda: send(SkipConfidence()), "skipQuestion", main=True))
    body.addLayout(skip)
    return page


def _face(look: Look, send: Send, choice: ConfidenceChoice) -> WrapButton:
    """A big face above its words ("Chưa tự tin", "Hơi tự tin", "Rất tự tin")."""
    tile = WrapButton(choice.label, "tile", look.px(48), _answer(send, choice), f"answer:{choice.answer}", one_line=True)
    tile.set_title_role("tiletitle")
    picture = QLabel()
    picture.setPixmap(kiosk_icon(f"face-{choice.face}", t.SECONDARY_TEXT, look.px(26)))
    picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
    tile.add_widget(picture, above=True)
    return tile


def _word(look: Look, send: Send, choice: ConfidenceChoice) -> WrapButton:
    """Có / Chưa: big buttons side by side."""
    button = WrapButton(choice.label, "secondary", look.px(26), _answer(send, choice), f"answer:{choice.answer}",
                        one_line=True)
    button.set_title_role("tiletitle")
    return button


def _answer(send: Send, choice: ConfidenceChoice) -> Callable[[], None]:
    return lambda: send(AnswerConfidence(choice.answer))
