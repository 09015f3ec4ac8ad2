""""Gọi cán bộ hỗ trợ" on the menu and lesson pages: the kiosk's own button (a bell). Once
pressed it is filled and says "Đã gọi cán bộ" (then "Cán bộ đang đến"), and the page shows what
the core says about the request (`help_message`: "Đã báo cán bộ, bác chờ một chút nhé."), until
staff close it; pressing it again reminds staff.

Its forms: "short", one line beside other buttons (the menu, a lesson's header), and "tall", a
narrow column beside a lesson's own buttons, the bell above words in two lines."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.intents import CallStaff, Intent
from kiosk.views import HelpView
from ui import texts
from ui import theme as t
from ui.icons import kiosk_icon
from ui.kiosk_controls import kiosk_button
from ui.style import Look
from ui.widgets import WrapButton, label

TALL_MM = 40  # the "tall" form's width: "Gọi cán bộ" in two lines at large text


class HelpCall(QWidget):
    def __init__(self, look: Look, send: Callable[[Intent], None], help_view: HelpView | None,
                 form: str = "short") -> None:
        super().__init__()
        self.setObjectName("helpCall")
        self._look, self._send = look, send
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self.button: WrapButton | None = None
        self._shown: tuple[HelpView | None, str] | None = None
        self.show_help(help_view, form)

    def show_help(self, help_view: HelpView | None, form: str | None = None) -> None:
        form = form or (self._shown[1] if self._shown else "short")
        if (help_view, form) == self._shown:
            return
        self._shown = (help_view, form)
        if self.button is not None:
            self.button.hide()
            self.button.deleteLater()
        words = texts.HELP_CALL if help_view is None else texts.HELP_COMING if help_view.coming else texts.HELP_CALLED
        make = _tall if form == "tall" else _short
        self.button = make(self._look, words, help_view is not None, lambda: self._send(CallStaff()))
        self._column.addWidget(self.button)


def help_message(help_view: HelpView | None) -> QLabel:
    """What the core says about the request, shown while staff are called."""
    message = label(help_view.message if help_view else "")
    message.setObjectName("helpMessage")
    message.setProperty("feedback", "info")
    message.setVisible(help_view is not None)
    return message


def _short(look: Look, words: str, called: bool, on_click: Callable[[], None]) -> WrapButton:
    return kiosk_button(look, words, "bell", on_click, "callStaff", primary=called, main=False,
                        accessible=texts.HELP_CALL_NAME)


def _tall(look: Look, words: str, called: bool, on_click: Callable[[], None]) -> WrapButton:
    """Narrow, in the kiosk's own style: the bell above words that wrap."""
    button = WrapButton(texts.HELP_TALL.get(words, words), "primary" if called else "secondary", look.min_target,
                        on_click, "callStaff", main=False)
    button.setAccessibleName(texts.HELP_CALL_NAME)
    bell = QLabel()
    bell.setPixmap(kiosk_icon("bell", t.PRIMARY_TEXT if called else t.SECONDARY_TEXT, look.px(5)))
    bell.setAlignment(Qt.AlignmentFlag.AlignCenter)
    button.add_widget(bell, above=True)
    button.setMaximumWidth(look.px(TALL_MM))
    return button
