"""Small building blocks: buttons whose words wrap instead of being cut, and labels with a role."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.touch_scroll import TouchScroller


def label(text: str, role: str = "", wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


class WrapButton(QPushButton):
    """A push button whose text wraps onto several lines (long Vietnamese labels)."""

    def __init__(self, text: str, role: str, min_height: int, on_click: Callable[[], None], name: str = "") -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setObjectName(name)
        self.setAccessibleName(text)
        self._label = QLabel(text, self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(4)
        layout.addWidget(self._label)
        self.setMinimumHeight(min_height)
        self.setMinimumWidth(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.clicked.connect(lambda: on_click())  # never pass clicked's `checked` into default arguments
        self.toggled.connect(self._show_checked)

    def _show_checked(self, on: bool) -> None:
        """Style sheets cannot see an ancestor's :checked, so mirror it in a property."""
        self.setProperty("on", "true" if on else "false")
        for widget in (self, self._label):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def text(self) -> str:  # type: ignore[override]
        return self._label.text()

    def set_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        self._label.setAlignment(alignment)

    def set_title_role(self, role: str) -> None:
        self._label.setProperty("role", role)

    def add_line(self, text: str) -> None:
        """A second, plainer line under the main words (e.g. duration on a lesson tile)."""
        line = label(text)
        line.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.layout().addWidget(line)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = self.layout().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), hint.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(self.minimumWidth(), self.minimumHeight())



def scroll_area(content: QWidget | None = None, *, dpi: float = 96.0, on_swipe: Callable[[str], None] | None = None,
                clock: Callable[[], float] = time.monotonic) -> QScrollArea:
    """A vertical scroll area with a wide scroll bar that a finger (or mouse) drags anywhere over
    its content, as on a phone; taps on the buttons inside click at once as before, and swipes go
    to `on_swipe` (ui.touch_scroll). `dpi` is the screen's, for sizes in millimetres; `clock`
    (monotonic seconds) times the glide after a flick. (No QScroller: it delays presses to tell
    drags from taps and so loses quick taps on the buttons inside.)"""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if content is not None:
        area.setWidget(content)
    TouchScroller(area, dpi, on_swipe, clock)
    return area
