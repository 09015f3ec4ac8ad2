"""The hidden way in: an invisible square in the top-left corner that opens staff mode after
being held down for five seconds. A tap there does nothing (and is not a citizen's touch)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

HOLD_MS = 5000


class StaffCorner(QWidget):
    def __init__(self, parent: QWidget, size: int, on_held: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("staffCorner")
        self.setGeometry(0, 0, size, size)
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(HOLD_MS)
        self.hold_timer.timeout.connect(on_held)
        parent.installEventFilter(self)
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.hold_timer.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.hold_timer.stop()
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Stay above every page the window puts in later."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False
