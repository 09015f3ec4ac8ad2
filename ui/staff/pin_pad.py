"""The big PIN pad. The PIN is checked off the UI thread (scrypt takes ~0.5 s); what the
core says (wrong PIN, wait, locked, not set) is shown as it says it. While staff mode is
locked the keys still take the longer recovery code."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.staff_pin import RECOVERY_DIGITS, PinResult, PinState, StaffAuth
from ui.staff import texts
from ui.staff.worker import Worker
from ui.style import Look
from ui.widgets import WrapButton, label

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "enter")


class PinPad(QWidget):
    def __init__(self, look: Look, auth: StaffAuth, worker: Worker,
                 on_accepted: Callable[[], None], on_close: Callable[[], None]) -> None:
        super().__init__()
        self._auth = auth
        self._worker = worker
        self._on_accepted = on_accepted
        self._pin = ""
        self._note: tuple[str, PinState | None] = ("", None)  # what the last check said, in which state
        layout = QVBoxLayout(self)
        layout.setSpacing(20)
        top = QHBoxLayout()
        top.addWidget(label(texts.TITLE, "title"), 1)
        close = WrapButton(texts.CLOSE, "secondary", look.main_target, on_close, "staff:close")
        close.setMaximumWidth(look.px(60))
        top.addWidget(close)
        layout.addLayout(top)
        self.message = label("", "instruction")
        self.message.setObjectName("pinMessage")
        layout.addWidget(self.message)
        self.dots = label("", "huge", wrap=False)
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setMinimumHeight(look.main_target)
        layout.addWidget(self.dots)
        grid = QGridLayout()
        grid.setSpacing(look.px(3))
        self._keys: list[WrapButton] = []
        for index, key in enumerate(KEYS):
            text = {"erase": texts.ERASE, "enter": texts.ENTER}.get(key, key)
            role = "keyaction" if key == "enter" else "key"
            button = WrapButton(text, role, look.main_target, lambda k=key: self._press(k), f"pin:{key}")
            button.setMinimumSize(look.px(30), look.main_target)
            grid.addWidget(button, index // 3, index % 3)
            self._keys.append(button)
        pad = QWidget()
        pad.setLayout(grid)
        pad.setMaximumWidth(look.px(30) * 3 + look.px(3) * 4 + look.px(20))
        layout.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(lambda: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Show what the core says now, after what the last check said while the state it
        said it in lasts; keys work when a PIN or, while locked, the recovery code may be
        tried. Counts a wait down every second."""
        status = self._auth.status()
        self._set_keys(status.state in (PinState.READY, PinState.LOCKED))
        if status.wait_s:
            self._wait_timer.start()
        else:
            self._wait_timer.stop()
        note, state = self._note
        if not note or state is not status.state:
            self.message.setText(status.message_vi)
        else:
            self.message.setText(note if status.state is PinState.READY else f"{note}\n{status.message_vi}")

    def _set_keys(self, enabled: bool) -> None:
        for button in self._keys:
            button.setEnabled(enabled)

    def _press(self, key: str) -> None:
        if key == "erase":
            self._pin = self._pin[:-1]
        elif key == "enter":
            self._check()
        elif len(self._pin) < RECOVERY_DIGITS:
            self._pin += key
        self.dots.setText("●" * len(self._pin))

    def _check(self) -> None:
        if not self._pin:
            return
        pin, self._pin = self._pin, ""
        self.dots.setText("")
        self._note = ("", None)
        self._set_keys(False)
        self.message.setText(texts.CHECKING_PIN)
        self._worker.run(lambda: self._auth.try_pin(pin), self._checked)

    def _checked(self, result: object) -> None:
        if isinstance(result, PinResult) and result.accepted:
            self._on_accepted()
            return
        if not isinstance(result, PinResult):
            self._note = (texts.FAILED, self._auth.status().state)
        elif result.message_vi != result.status.message_vi:  # more than the state says (a wait counts down itself)
            self._note = (result.message_vi, result.status.state)
        self.refresh()
