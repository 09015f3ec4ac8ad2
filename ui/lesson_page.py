"""A guided lesson: the kiosk's side (instruction, feedback, its own round buttons with icons)
beside the practice phone; while typing, the keyboard takes the bottom of the screen with
the kiosk's buttons in a column beside it, and the phone keeps what the step needs in view."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.intents import BackToMenu, ChangeVolume, Continue, GoBack, Help, Intent, Repeat, StartListening
from kiosk.views import HelpView, LessonView
from ui import texts
from ui.computer import ComputerView
from ui.help_call import HelpCall, help_message
from ui.keyboard import Keyboard
from ui.kiosk_controls import header, kiosk_button
from ui.phone import PhoneView
from ui.solo_panel import SoloPanel
from ui.style import Look
from ui.widgets import label, repolish
from ui.word_meanings import WordMeanings

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
        outer.addWidget(self._header(view))
        gap = look.px(2)
        body = QHBoxLayout()
        body.setContentsMargins(look.px(6), gap, look.px(6), gap)
        body.setSpacing(look.px(6))
        body.addWidget(self._instruction_panel(voice_input), 5)
        self.phone = PhoneView(look, send)
        self.phone.setMinimumWidth(look.px(88))
        self.phone.setMaximumWidth(look.px(150))
        body.addWidget(self.phone, 3)
        outer.addLayout(body, 1)
        self._bottom = QHBoxLayout()  # keyboard and, while typing, the kiosk's buttons beside it
        self._bottom.setContentsMargins(gap, 0, look.px(6), gap)
        self._bottom.setSpacing(look.px(4))
        outer.addLayout(self._bottom)
        self._keyboard: Keyboard | None = None
        self._keyboard_in_panel = False
        self.show_view(view)

    def _header(self, view: LessonView) -> QFrame:
        look, send = self._look, self._send
        title = label(view.lesson_title, "headerTitle")
        self.step_label = label("", "progress", wrap=False)
        self.progress = QProgressBar()
        self.progress.setObjectName("stepProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(look.px(2.5))
        steps = QWidget()
        column = QVBoxLayout(steps)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.step_label)
        column.addWidget(self.progress)
        self.progress.setMinimumWidth(look.px(30))
        volume = [
            kiosk_button(look, words, icon, lambda d=direction: send(ChangeVolume(d)), name, accessible=spoken)
            for words, spoken, icon, direction, name in (
                (texts.QUIETER, texts.QUIETER_NAME, "quieter", -1, "volDown"),
                (texts.LOUDER, texts.LOUDER_NAME, "louder", 1, "volUp"),
            )
        ]
        to_list = kiosk_button(look, texts.LESSON_LIST, "list", lambda: send(BackToMenu()), "toList")
        self._steps = steps
        self._help_slot = QWidget()  # "Gọi cán bộ" while a keyboard takes the kiosk's buttons aside
        QHBoxLayout(self._help_slot).setContentsMargins(0, 0, 0, 0)
        self._help_slot.hide()
        return header(look, title, [steps, self._help_slot, *volume, to_list])

    def _instruction_panel(self, voice_input: bool) -> QWidget:
        look = self._look
        panel = self._panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.px(2.5))
        self.solo = SoloPanel(look)  # a Tự làm run: the goal and the practice data, all through
        layout.addWidget(self.solo)
        self.instruction = label("", "instruction")
        self.instruction.setObjectName("instruction")
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.instruction)
        self.words = WordMeanings(look, self._send)  # "… là gì?": the glossary's words in the words shown
        layout.addWidget(self.words)  # under the instruction; in a Tự làm run, under the goal
        self._words_at = layout.indexOf(self.words)
        self._words_in_solo = False
        self.feedback = label("")
        self.feedback.setObjectName("feedback")
        layout.addWidget(self.feedback)
        self.heard = label("", "muted")
        self.heard.setObjectName("heard")
        layout.addWidget(self.heard)
        self.computer = ComputerView(look, self._send)  # a web page beside the phone, on some steps
        self.computer.hide()
        layout.addWidget(self.computer, 10)
        layout.addStretch(1)
        self.continue_button = kiosk_button(look, texts.CONTINUE, "next", lambda: self._send(Continue()), "continue", primary=True)
        layout.addWidget(self.continue_button)
        self.mic = kiosk_button(look, texts.MIC, "repeat", lambda: self._send(StartListening()), "mic", primary=True)
        self.mic.setVisible(voice_input)  # hidden without a model or a microphone
        layout.addWidget(self.mic)
        self.actions = QWidget()
        self.actions.setObjectName("kioskActions")
        self._grid = QGridLayout(self.actions)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(look.px(2.5))
        self._action_buttons = [
            kiosk_button(look, words, icon, lambda i=intent: self._send(i), name)
            for words, icon, intent, name in (
                (texts.REPEAT, "repeat", Repeat(), "repeat"),
                (texts.SLOWER, "slower", Repeat(slow=True), "slower"),
                (texts.BACK, "back", GoBack(), "back"),
                (texts.HELP, "help", Help(), "help"),
            )
        ]
        self.help_call = HelpCall(look, self._send, None)  # "Gọi cán bộ": always here, by the kiosk's buttons
        self._help_view: HelpView | None = None
        self.help_message = help_message(None)
        layout.addWidget(self.help_message)
        self._arrange_actions(columns=2)
        self._work = QHBoxLayout()  # the digit pad (when typing digits) and the kiosk's buttons
        self._work.setSpacing(look.px(4))
        self._work.addWidget(self.actions, 1)
        layout.addLayout(self._work)
        return panel

    def _arrange_actions(self, columns: int) -> None:
        for button in self._action_buttons:
            self._grid.removeWidget(button)
        for index, button in enumerate(self._action_buttons):
            self._grid.addWidget(button, index // columns, index % columns)
        self._place_help(columns)

    def _place_help(self, columns: int) -> None:
        """"Gọi cán bộ" as a narrow column beside the kiosk's buttons in two columns; in the
        header, in the step counter's place, while they stand in one column beside a keyboard
        (no height of its own either way: the title keeps its width, the header its height,
        so the instruction and the phone keep their room)."""
        self._grid.removeWidget(self.help_call)
        self._help_slot.layout().removeWidget(self.help_call)
        for column in (0, 1):  # two columns share the width the narrow one leaves; one takes it all
            self._grid.setColumnStretch(column, 1 if columns == 2 else 0)
        if columns == 2:
            self._grid.addWidget(self.help_call, 0, 2, 2, 1)
        else:
            self._help_slot.layout().addWidget(self.help_call)
        self._help_slot.setVisible(columns != 2)
        self._steps.setVisible(columns == 2)
        self.show_help(self._help_view, "tall" if columns == 2 else "short")

    def show_help(self, help_view: HelpView | None, form: str | None = None) -> None:
        self._help_view = help_view
        self.help_call.show_help(help_view, form)
        self.help_message.setText(help_view.message if help_view else "")
        self.help_message.setVisible(help_view is not None)

    def show_voice(self, listening: bool, heard: str) -> None:
        self.mic.set_text(texts.MIC_LISTENING if listening else texts.MIC)
        self.heard.setText(texts.HEARD.format(text=heard) if heard else "")
        self.heard.setVisible(bool(heard))

    def show_view(self, view: LessonView) -> None:
        self.step_label.setText(texts.STEP_OF.format(n=view.step_number, total=view.step_count))
        self.progress.setRange(0, view.step_count)
        self.progress.setValue(view.step_number)
        self._place_words(solo=view.mode == "solo")
        self.solo.show_view(view)
        self.instruction.setText(view.instruction)
        self.instruction.setVisible(bool(view.instruction))  # a Tự làm run gives no step-by-step words
        self.feedback.setText(view.feedback)
        self.feedback.setProperty("feedback", view.feedback_kind)
        self.feedback.setVisible(bool(view.feedback))
        repolish(self.feedback)
        self.words.show_view(view)
        self.continue_button.setVisible(view.can_continue)
        self._show_keyboard(view.keyboard, beside_computer=view.computer is not None)
        self.computer.show_view(view)
        self.phone.show_view(view)
        if view.mode == "solo" and view.meaning:
            panel = self._panel
            panel.layout().activate()
            self.solo.make_room(panel.height() - panel.layout().heightForWidth(panel.width()))

    def _place_words(self, solo: bool) -> None:
        """The "… là gì?" buttons under the words they explain: the step's instruction, or in a Tự
        làm run the goal (above the card, which the explanation would otherwise push aside)."""
        if solo == self._words_in_solo:
            return
        self._words_in_solo = solo
        if solo:
            self.solo.hold_words(self.words)
        else:
            self.instruction.parentWidget().layout().insertWidget(self._words_at, self.words)

    def _show_keyboard(self, layout_name: str, beside_computer: bool = False) -> None:
        in_panel = layout_name == "digits" and not beside_computer
        if (self._keyboard.layout_name if self._keyboard else "", self._keyboard_in_panel) == (layout_name, in_panel):
            return
        self._keyboard_in_panel = in_panel
        if self._keyboard is not None:
            self._keyboard.hide()
            self._keyboard.deleteLater()
            self._keyboard = None
        if in_panel:
            # The digit pad is narrow: it sits under the instruction with the kiosk's buttons
            # beside it, and the phone keeps its full height. (Beside a computer, which takes
            # that room, it goes to the bottom of the screen as the letter keyboard does.)
            self._keyboard = Keyboard(self._look, self._send, layout_name)
            self._work.insertWidget(0, self._keyboard, 0, Qt.AlignmentFlag.AlignBottom)
            self._work.addWidget(self.actions, 1, Qt.AlignmentFlag.AlignBottom)
            self._arrange_actions(columns=1)
        elif layout_name:
            # The letter keyboard takes the bottom of the screen, the kiosk's buttons stand in
            # a column beside it, so the instruction and the phone keep their room.
            self._keyboard = Keyboard(self._look, self._send, layout_name)
            self._bottom.addWidget(self._keyboard, 1)
            self._bottom.addWidget(self.actions, 0, Qt.AlignmentFlag.AlignTop)
            self._arrange_actions(columns=2 if layout_name == "digits" else 1)  # the narrow pad leaves room
        else:
            self._work.addWidget(self.actions, 1)
            self._arrange_actions(columns=2)

