"""Staff pages typed on the big on-screen keyboard: a line of text (the kiosk's name) and a long
list of places (provinces, communes) that narrows as staff type a few letters. The lists
scroll with big rows, so typing is a shortcut, never a must."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.intents import Erase, Intent, Submit, TypeChar, TypeTone
from kiosk.staff_settings import matching_places
from kiosk.vietnamese_input import apply_tone
from ui.keyboard import Keyboard
from ui.staff import texts
from ui.style import Look
from ui.widgets import WrapButton, label, scroll_area


def typed(text: str, intent: Intent) -> str:
    """`text` after one key of the on-screen keyboard (Submit leaves it as it is)."""
    if isinstance(intent, TypeChar):
        return text + intent.char
    if isinstance(intent, TypeTone):
        return apply_tone(text, intent.tone)
    if isinstance(intent, Erase):
        return text[:-1]
    return text


class _KeyboardPage(QWidget):
    """A question with a way back, what the page shows in between, then the keyboard."""

    def __init__(self, look: Look, question: str, on_back: Callable[[], None]) -> None:
        super().__init__()
        self.look = look
        self.text = ""
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(label(question, "instruction"), 1)
        back = WrapButton(texts.BACK_TO_SETTINGS, "secondary", look.main_target, on_back, "typing:back")
        back.setMaximumWidth(look.px(70))
        top.addWidget(back)
        self.rows.addLayout(top)
        self.field = label("", "instruction")
        self.field.setObjectName("typing:field")
        self.field.setProperty("banner", "info")
        self.rows.addWidget(self.field)

    def add_keyboard(self) -> None:
        self.rows.addWidget(Keyboard(self.look, self.key, "letters"))

    def key(self, intent: Intent) -> None:
        raise NotImplementedError


class TextEntry(_KeyboardPage):
    """One line of text; «Xong» hands it to `on_done`."""

    def __init__(self, look: Look, question: str, text: str, on_done: Callable[[str], None],
                 on_back: Callable[[], None]) -> None:
        super().__init__(look, question, on_back)
        self._on_done = on_done
        self.text = text
        self.rows.addStretch(1)
        self.add_keyboard()
        self._refresh()

    def key(self, intent: Intent) -> None:
        if isinstance(intent, Submit):
            self._on_done(self.text.strip())
            return
        self.text = typed(self.text, intent)
        self._refresh()

    def _refresh(self) -> None:
        self.field.setText(self.text + "▏")


class PlaceList(_KeyboardPage):
    """Every name as a big row; typing narrows the list. Tapping a row hands it to `on_pick`."""

    def __init__(self, look: Look, question: str, names: Sequence[str], on_pick: Callable[[str], None],
                 on_back: Callable[[], None]) -> None:
        super().__init__(look, question, on_back)
        self._names = names
        self._on_pick = on_pick
        self.area = scroll_area(dpi=look.dpi)
        self.rows.addWidget(self.area, 1)
        self.add_keyboard()
        self._refresh()

    def key(self, intent: Intent) -> None:
        if not isinstance(intent, Submit):  # «Xong» keeps the list as it is
            self.text = typed(self.text, intent)
            self._refresh()

    def shown(self) -> list[str]:
        return [button.text() for button in self.area.widget().findChildren(WrapButton)]

    def _refresh(self) -> None:
        self.field.setText(texts.FILTER.format(query=self.text + "▏"))
        found = matching_places(self.text, self._names)
        content = QWidget()
        column = QVBoxLayout(content)
        column.setSpacing(8)
        if not found:
            column.addWidget(label(texts.NOTHING_FOUND.format(query=self.text), "instruction"))
        for index, name in enumerate(found):
            row = WrapButton(name, "tile", self.look.main_target, lambda n=name: self._on_pick(n), f"place:{index}")
            column.addWidget(row)
        column.addStretch(1)
        self.area.setWidget(content)

