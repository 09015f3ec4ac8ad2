"""The big on-screen keyboard (kiosks have no physical one): letters with Vietnamese
vowels and tone keys, or a digit pad. Keys are named `key:<char>`, `tone:<name>`,
`key:erase`, `key:space`, `key:done`, `key:shift`."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.intents import Erase, Intent, Submit, TypeChar, TypeTone
from ui import texts
from ui.style import Look
from ui.widgets import WrapButton

LETTER_ROWS = ("1234567890", "qwertyuiop", "asdfghjklđ", "zxcvbnm@.#", "ăâêôơư")
TONE_KEYS = (("sắc", "á"), ("huyền", "à"), ("hỏi", "ả"), ("ngã", "ã"), ("nặng", "ạ"))
DIGIT_ROWS = ("123", "456", "789")


class Keyboard(QWidget):
    def __init__(self, look: Look, send: Callable[[Intent], None], layout_name: str) -> None:
        super().__init__()
        self.setObjectName("keyboard")
        self.layout_name = layout_name
        self._look = look
        self._send = send
        self._shift = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(8)
        if layout_name == "digits":
            self._digit_pad(outer)
        else:
            self._letter_board(outer)

    def _key(self, text: str, name: str, intent: Intent | None = None, action: bool = False) -> WrapButton:
        def click() -> None:
            self._send(intent if intent is not None else TypeChar(self._cased(text)))

        return WrapButton(text, "keyaction" if action else "key", self._look.min_target, click, name)

    def _cased(self, char: str) -> str:
        if not self._shift:
            return char
        self._set_shift(False)  # one capital, like a phone keyboard
        return char.upper()

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        self._shift_key.setChecked(on)

    def _letter_board(self, outer: QVBoxLayout) -> None:
        for row in LETTER_ROWS:
            line = QHBoxLayout()
            line.setSpacing(6)
            for char in row:
                line.addWidget(self._key(char, f"key:{char}"))
            if row == LETTER_ROWS[-1]:
                for tone, shown in TONE_KEYS:
                    line.addWidget(self._key(shown, f"tone:{tone}", TypeTone(tone)))
            outer.addLayout(line)
        last = QHBoxLayout()
        last.setSpacing(6)
        self._shift_key = WrapButton(texts.KEY_SHIFT, "key", self._look.min_target, lambda: self._set_shift(not self._shift), "key:shift")
        self._shift_key.setCheckable(True)
        last.addWidget(self._shift_key, 2)
        last.addWidget(self._key(texts.KEY_SPACE, "key:space", TypeChar(" ")), 4)
        last.addWidget(self._key(texts.KEY_ERASE, "key:erase", Erase()), 2)
        last.addWidget(self._key(texts.KEY_DONE, "key:done", Submit(), action=True), 2)
        outer.addLayout(last)

    def _digit_pad(self, outer: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setSpacing(8)
        self.setMaximumHeight(4 * (self._look.min_target + 8) + 40)
        for r, row in enumerate(DIGIT_ROWS):
            for c, char in enumerate(row):
                grid.addWidget(self._key(char, f"key:{char}"), r, c)
        grid.addWidget(self._key(texts.KEY_ERASE, "key:erase", Erase()), 3, 0)
        grid.addWidget(self._key("0", "key:0"), 3, 1)
        grid.addWidget(self._key(texts.KEY_DONE, "key:done", Submit(), action=True), 3, 2)
        pad = QWidget()
        pad.setLayout(grid)
        pad.setMaximumWidth(self._look.px(180))
        outer.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
