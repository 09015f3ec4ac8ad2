"""The big on-screen keyboard (kiosks have no physical one): letters with Vietnamese
vowels and tone keys (digits and signs behind "123", as on a phone), or a digit pad. Keys
are named `key:<char>`, `tone:<name>`, `key:erase`, `key:space`, `key:done`, `key:shift`,
`key:mode` (123 / abc)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

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
        outer.setContentsMargins(look.px(1.5), look.px(1.5), look.px(1.5), look.px(1.5))
        outer.setSpacing(look.px(2))
        if layout_name == "digits":
            self._digit_pad(outer)
        else:
            self._letter_board(outer)

    def _key(self, text: str, name: str, intent: Intent | None = None, action: bool = False) -> WrapButton:
        def click() -> None:
            self._send(intent if intent is not None else TypeChar(self._cased(text)))

        key = WrapButton(text, "keyaction" if action else "key", self._key_height, click, name, main=False, one_line=True)
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
        """Four rows, as on a phone (and so they fit a 1280×800 screen at large text): three
        rows of letters, or of digits and signs after "123" (back with "abc"), each with erase,
        done, space; then the Vietnamese vowels and tone keys, always there."""
        erase = (texts.KEY_ERASE, "key:erase", Erase(), 2)
        done = (texts.KEY_DONE, "key:done", Submit(), 2.5)
        space = (texts.KEY_SPACE, "key:space", TypeChar(" "), 2.5)
        self._pages = QStackedWidget()
        letters = (
            ("", "qwertyuiopđ", [erase]),
            ("", "asdfghjkl.", [done]),
            ("shift", "zxcvbnm", ["mode", space]),
        )
        signs = (
            ("", "1234567890", [erase]),
            ("", "@.-#/_:,", [done]),
            ("mode", "+*?!()", [space]),
        )
        for rows in (letters, signs):
            page = QWidget()
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(self._look.px(2))
            for before, chars, after in rows:
                line = self._row()
                for extra in ([before] if before else []):
                    self._special(line, extra, 3 if extra == "shift" else 2)
                for char in chars:
                    line.addWidget(self._key(char, f"key:{char}"), 2)
                for extra in after:
                    if isinstance(extra, str):
                        self._special(line, extra, 1.5)
                    else:
                        words, name, intent, width = extra
                        line.addWidget(self._key(words, name, intent, action=name == "key:done"), round(width * 2))
                column.addLayout(line)
            self._pages.addWidget(page)
        outer.addWidget(self._pages)
        line = self._row()
        for char in "ăâêôơư":
            line.addWidget(self._key(char, f"key:{char}"), 1)
        for tone, shown in TONE_KEYS:
            line.addWidget(self._key(shown, f"tone:{tone}", TypeTone(tone)), 1)
        outer.addLayout(line)

    def _special(self, line: QHBoxLayout, which: str, width: float) -> None:
        """Chữ hoa (one capital) or the 123 / abc switch between letters and signs."""
        if which == "shift":
            self._shift_key = WrapButton(texts.KEY_SHIFT, "key", self._key_height, lambda: self._set_shift(not self._shift),
                                         "key:shift", main=False, one_line=True)
            self._shift_key.setCheckable(True)
            line.addWidget(self._shift_key, round(width * 2))
            return
        to_signs = self._pages.count() == 0
        key = WrapButton(texts.KEY_SIGNS if to_signs else texts.KEY_LETTERS, "key", self._key_height,
                         lambda: self._pages.setCurrentIndex(1 if to_signs else 0), "key:mode", main=False, one_line=True)
        line.addWidget(key, round(width * 2))

    def _row(self) -> QHBoxLayout:
        line = QHBoxLayout()
        line.setSpacing(self._look.px(2))  # 2 mm between keys: a shaky finger hits one
        return line

    def _digit_pad(self, outer: QVBoxLayout) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(self._look.px(2.5))
        for column in range(3):
            grid.setColumnStretch(column, 1)
        margins = self.layout().contentsMargins()
        self.setMaximumHeight(4 * self._key_height + 3 * grid.spacing() + margins.top() + margins.bottom())
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
