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

TONE_KEYS = (("sắc", "á"), ("huyền", "à"), ("hỏi", "ả"), ("ngã", "ã"), ("nặng", "ạ"))
DIGIT_ROWS = ("123", "456", "789")


class Keyboard(QWidget):
    def __init__(self, look: Look, send: Callable[[Intent], None], layout_name: str, key_height: int = 0) -> None:
        """`key_height`: bigger keys where the keyboard is alone on its page (default: the minimum target)."""
        super().__init__()
        self.setObjectName("keyboard")
        self.layout_name = layout_name
        self._look = look
        self._key_height = key_height or look.min_target
        self._send = send
        self._shift = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 8)
        outer.setSpacing(5)
        if layout_name == "digits":
            self._digit_pad(outer)
        else:
            self._letter_board(outer)

    def _key(self, text: str, name: str, intent: Intent | None = None, action: bool = False) -> WrapButton:
        def click() -> None:
            self._send(intent if intent is not None else TypeChar(self._cased(text)))

        key = WrapButton(text, "keyaction" if action else "key", self._key_height, click, name)
        key.layout().setContentsMargins(2, 2, 2, 2)
        return key

    def _cased(self, char: str) -> str:
        if not self._shift:
            return char
        self._set_shift(False)  # one capital, like a phone keyboard
        return char.upper()

    def _set_shift(self, on: bool) -> None:
        self._shift = on
        self._shift_key.setChecked(on)

    def _letter_board(self, outer: QVBoxLayout) -> None:
        """Five rows (fits a 1280×800 screen at large text): digits and symbols, letters
        with erase / done / shift / space at the row ends, Vietnamese vowels and tones."""
        erase = (texts.KEY_ERASE, "key:erase", Erase())
        done = (texts.KEY_DONE, "key:done", Submit())
        space = (texts.KEY_SPACE, "key:space", TypeChar(" "))
        rows = (
            ([], "1234567890@.#", []),
            ([], "qwertyuiopđ", [erase]),
            ([], "asdfghjkl", [done]),
            ([None], "zxcvbnm", [space]),
        )
        for before, chars, after in rows:
            line = self._row()
            if before:
                self._shift_key = WrapButton(texts.KEY_SHIFT, "key", self._look.min_target, lambda: self._set_shift(not self._shift), "key:shift")
                self._shift_key.setCheckable(True)
                line.addWidget(self._shift_key, 3)
            for char in chars:
                line.addWidget(self._key(char, f"key:{char}"), 1)
            for words, name, intent in after:
                line.addWidget(self._key(words, name, intent, action=name == "key:done"), 2 if name != "key:space" else 3)
            outer.addLayout(line)
        line = self._row()
        for char in "ăâêôơư":
            line.addWidget(self._key(char, f"key:{char}"), 1)
        for tone, shown in TONE_KEYS:
            line.addWidget(self._key(shown, f"tone:{tone}", TypeTone(tone)), 1)
        outer.addLayout(line)

    @staticmethod
    def _row() -> QHBoxLayout:
        line = QHBoxLayout()
        line.setSpacing(5)
        return line

    def _digit_pad(self, outer: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setSpacing(8)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.setMaximumHeight(4 * (self._key_height + 8) + 40)
        for r, row in enumerate(DIGIT_ROWS):
            for c, char in enumerate(row):
                grid.addWidget(self._key(char, f"key:{char}"), r, c)
        grid.addWidget(self._key(texts.KEY_ERASE, "key:erase", Erase()), 3, 0)
        grid.addWidget(self._key("0", "key:0"), 3, 1)
        grid.addWidget(self._key(texts.KEY_DONE, "key:done", Submit(), action=True), 3, 2)
        pad = QWidget()
        pad.setLayout(grid)
        pad.setFixedWidth(self._look.px(120) * self._key_height // self._look.min_target)
        outer.addWidget(pad, 0, Qt.AlignmentFlag.AlignHCenter)
