"""The screen/touch test: a page over the whole window with a big square in each corner and
one in the centre. Each turns green when touched; «Thoát» leaves at any time and says how
many squares the screen felt."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui import theme as t
from ui.staff import texts
from ui.style import Look
from ui.widgets import WrapButton, label

PLACES = ("top-left", "top-right", "centre", "bottom-left", "bottom-right")
CELLS = ((0, 0), (0, 2), (1, 1), (2, 0), (2, 2))  # (row, column) in a 3 × 3 grid


class TouchTest(QFrame):
    """`on_done(touched, total)` when staff leave."""

    def __init__(self, parent: QWidget, look: Look, on_done: Callable[[int, int], None]) -> None:
        super().__init__(parent)
        self.setObjectName("touchTest")
        self.setStyleSheet(
            f"#touchTest {{ background: {t.PAGE}; }}"
            f' QPushButton[touched="true"] {{ background: {t.OK_TEXT}; border-color: {t.OK_TEXT}; }}'
            f' QPushButton[touched="true"] QLabel {{ color: {t.PAPER}; }}')
        self._on_done = on_done
        side = look.px(40)  # well over a thumb: a finger that is a little off still lands
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(look.px(4))
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(1, 1)
        self.targets: dict[str, WrapButton] = {}
        for place, (row, column) in zip(PLACES, CELLS, strict=True):
            target = WrapButton(texts.TOUCH_TARGET, "secondary", side, lambda p=place: self._touched(p), f"touch:{place}")
            target.setFixedSize(side, side)
            self.targets[place] = target
            grid.addWidget(target, row, column, Qt.AlignmentFlag.AlignCenter if place == "centre" else _corner(row, column))
        top = QVBoxLayout()
        top.addWidget(label(texts.TOUCH_HELP, "instruction"))
        top.addStretch(1)
        grid.addLayout(top, 0, 1)
        bottom = QVBoxLayout()
        bottom.addStretch(1)
        self.result = label("", "instruction")
        self.result.setObjectName("touch:result")
        self.result.setProperty("banner", "success")
        self.result.hide()
        bottom.addWidget(self.result)
        self.exit = WrapButton(texts.TOUCH_EXIT, "primary", look.main_target, self.leave, "touch:exit")
        self.exit.setFixedWidth(look.px(60))
        bottom.addWidget(self.exit, 0, Qt.AlignmentFlag.AlignHCenter)
        grid.addLayout(bottom, 2, 1)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    @property
    def touched(self) -> int:
        return sum(1 for target in self.targets.values() if target.property("touched") == "true")

    def _touched(self, place: str) -> None:
        target = self.targets[place]
        words = target.findChild(QLabel)
        words.setText(texts.TOUCH_DONE_TARGET)
        target.setProperty("touched", "true")
        for widget in (target, words):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if self.touched == len(PLACES):
            self.result.setText(texts.TOUCH_OK)
            self.result.show()

    def leave(self) -> None:
        self.parentWidget().removeEventFilter(self)
        self.hide()
        self.deleteLater()
        self._on_done(self.touched, len(PLACES))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False


def _corner(row: int, column: int) -> Qt.AlignmentFlag:
    vertical = Qt.AlignmentFlag.AlignTop if row == 0 else Qt.AlignmentFlag.AlignBottom
    return vertical | (Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight)
