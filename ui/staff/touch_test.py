"""The screen/touch test: a page over the whole window with a big square in each corner and
one in the centre. Each turns green when touched; «Thoát» leaves at any time and says how
many squares the screen felt."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from ui import theme as t
from ui.staff import texts
from ui.style import Look
from ui.widgets import WrapButton, label

PLACES = ("top-left", "top-right", "centre", "bottom-left", "bottom-right")


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
        self._side = look.px(32)  # well over a thumb: a finger that is a little off still lands
        self.targets: dict[str, WrapButton] = {}
        for place in PLACES:
            target = WrapButton(texts.TOUCH_TARGET, "secondary", self._side, lambda p=place: self._touched(p), f"touch:{place}")
            target.setFixedSize(self._side, self._side)
            self.targets[place] = target
            target.setParent(self)
        self.help = label(texts.TOUCH_HELP, "instruction", parent=self)
        self.result = label("", "instruction", parent=self)
        self.result.setObjectName("touch:result")
        self.result.setProperty("banner", "success")
        self.result.hide()
        self.exit = WrapButton(texts.TOUCH_EXIT, "primary", look.main_target, self.leave, "touch:exit")
        self.exit.setParent(self)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self._place()
        self.raise_()
        self.show()

    @property
    def touched(self) -> int:
        return sum(1 for target in self.targets.values() if target.property("touched") == "true")

    def _touched(self, place: str) -> None:
        target = self.targets[place]
        target.setProperty("touched", "true")
        target.findChild(QLabel).setText(texts.TOUCH_DONE_TARGET)
        target.style().unpolish(target)
        target.style().polish(target)
        if self.touched == len(PLACES):
            self.result.setText(texts.TOUCH_OK)
            self.result.show()
            self._place()

    def leave(self) -> None:
        self.parentWidget().removeEventFilter(self)
        self.hide()
        self.deleteLater()
        self._on_done(self.touched, len(PLACES))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self._place()
        return False

    def _place(self) -> None:
        width, height, side = self.width(), self.height(), self._side
        spots = {"top-left": (0, 0), "top-right": (width - side, 0), "centre": ((width - side) // 2, (height - side) // 2),
                 "bottom-left": (0, height - side), "bottom-right": (width - side, height - side)}
        for place, (x, y) in spots.items():
            self.targets[place].move(x, y)
        between = QRect(side + 20, 20, width - 2 * side - 40, (height - side) // 2 - 40)
        self.help.setGeometry(between.x(), between.y(), between.width(), self.help.heightForWidth(between.width()))
        exit_width = min(between.width(), self._side * 2)
        exit_height = self.exit.heightForWidth(exit_width)
        self.exit.setGeometry((width - exit_width) // 2, height - exit_height - 20, exit_width, exit_height)
        result_top = (height + side) // 2 + 20
        self.result.setGeometry(between.x(), result_top, between.width(), self.result.heightForWidth(between.width()))
