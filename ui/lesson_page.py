"""A guided lesson: the instruction panel beside the practice phone, the keyboard below when typing."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.intents import BackToMenu, ChangeVolume, Continue, GoBack, Help, Intent, Repeat, StartListening
from kiosk.views import LessonView
from ui import texts
from ui.keyboard import Keyboard
from ui.menu_page import header
from ui.phone import PhoneView
from ui.style import Look
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]


class LessonPage(QFrame):
    def __init__(self, look: Look, send: Send, view: LessonView, voice_input: bool = False) -> None:
        super().__init__()
        self.setObjectName("page")
        self._look = look
        self._send = send
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.step_label = label("", "muted", wrap=False)
        to_list = WrapButton(texts.LESSON_LIST, "secondary", look.main_target, lambda: send(BackToMenu()), "toList")
        to_list.setFixedWidth(look.px(60))
        volume = [
            WrapButton(words, "secondary", look.main_target, lambda d=direction: send(ChangeVolume(d)), name)
            for words, direction, name in ((texts.QUIETER, -1, "volDown"), (texts.LOUDER, 1, "volUp"))
        ]
        for button in volume:
            button.setFixedWidth(look.px(36))
        outer.addWidget(header(look, view.lesson_title, [self.step_label, *volume, to_list], role="heading"))
        body = QHBoxLayout()
        body.setContentsMargins(30, 12, 30, 12)
        body.setSpacing(30)
        body.addWidget(self._instruction_panel(voice_input), 5)
        self.phone = PhoneView(look, send)
        self.phone.setMinimumWidth(look.px(100))
        self.phone.setMaximumWidth(look.px(160))
        body.addWidget(self.phone, 3)
        outer.addLayout(body, 1)
        self._bottom = QHBoxLayout()  # keyboard and, while typing, the action buttons beside it
        self._bottom.setContentsMargins(0, 0, 12, 8)
        self._bottom.setSpacing(12)
        outer.addLayout(self._bottom)
        self._keyboard: Keyboard | None = None
        self.show_view(view)

    def _instruction_panel(self, voice_input: bool) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.instruction = label("", "instruction")
        self.instruction.setObjectName("instruction")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.feedback = label("")
        self.feedback.setObjectName("feedback")
        layout.addWidget(self.instruction)
        layout.addWidget(self.feedback)
        self.heard = label("", "muted")
        self.heard.setObjectName("heard")
        layout.addWidget(self.heard)
        layout.addStretch(1)
        self.continue_button = WrapButton(texts.CONTINUE, "primary", self._look.main_target, lambda: self._send(Continue()), "continue")
        layout.addWidget(self.continue_button)
        self.mic = WrapButton(texts.MIC, "primary", self._look.main_target, lambda: self._send(StartListening()), "mic")
        self.mic.setVisible(voice_input)  # hidden without a model or a microphone
        layout.addWidget(self.mic)
        self.actions = QWidget()
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.actions)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        actions = (
            (texts.REPEAT, Repeat(), "repeat"),
            (texts.SLOWER, Repeat(slow=True), "slower"),
            (texts.BACK, GoBack(), "back"),
            (texts.HELP, Help(), "help"),
        )
        for words, intent, name in actions:
            row.addWidget(WrapButton(words, "secondary", self._look.main_target, lambda i=intent: self._send(i), name))
        layout.addWidget(self.actions)
        self._panel_layout = layout
        return panel

    def show_voice(self, listening: bool, heard: str) -> None:
        self.mic.findChild(QLabel).setText(texts.MIC_LISTENING if listening else texts.MIC)
        self.heard.setText(texts.HEARD.format(text=heard) if heard else "")
        self.heard.setVisible(bool(heard))

    def show_view(self, view: LessonView) -> None:
        self.step_label.setText(texts.STEP_OF.format(n=view.step_number, total=view.step_count))
        self.instruction.setText(view.instruction)
        self.feedback.setText(view.feedback)
        self.feedback.setProperty("feedback", view.feedback_kind)
        self.feedback.setVisible(bool(view.feedback))
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)
        self.continue_button.setVisible(view.step_kind == "info")
        self.phone.show_view(view)
        self._show_keyboard(view.keyboard)

    def _show_keyboard(self, layout_name: str) -> None:
        if (self._keyboard.layout_name if self._keyboard else "") == layout_name:
            return
        if self._keyboard is not None:
            self._keyboard.deleteLater()
            self._keyboard = None
        row = self.actions.layout()
        assert isinstance(row, QBoxLayout)
        if layout_name:
            # Typing: the keyboard takes the bottom, the actions stand in a column beside it,
            # so the instruction keeps its room on small screens.
            self._keyboard = Keyboard(self._look, self._send, layout_name)
            self._bottom.addWidget(self._keyboard, 1)
            self._bottom.addWidget(self.actions)
            row.setDirection(QBoxLayout.Direction.TopToBottom)
            self.actions.setFixedWidth(self._look.px(76))
        else:
            self._panel_layout.addWidget(self.actions)
            row.setDirection(QBoxLayout.Direction.LeftToRight)
            self.actions.setMinimumWidth(0)
            self.actions.setMaximumWidth(16777215)
