"""The staff-mode overlay: covers the whole kiosk window (PIN pad, then the panel), closes
itself after two minutes without a touch, and on closing leaves the window as it was."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QFrame, QStackedLayout, QWidget

from ui import theme as t
from ui.staff.panel import StaffPanel
from ui.staff.pin_pad import PinPad
from ui.staff.services import StaffServices
from ui.staff.worker import Worker
from ui.style import Look

IDLE_MS = 120_000
PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress)


class StaffOverlay(QFrame):
    def __init__(self, parent: QWidget, look: Look, services: StaffServices,
                 on_closed: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setObjectName("staffOverlay")
        self.setStyleSheet(f"#staffOverlay {{ background: {t.PAGE}; }}")
        self._look = look
        self._services = services
        self._on_closed = on_closed
        self.worker = Worker(self)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(40, 30, 40, 30)
        self.pin_pad = PinPad(look, services.auth, self.worker, self._unlock, self.close_staff_mode)
        self._stack.addWidget(self.pin_pad)
        self.panel: StaffPanel | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_MS)
        self.idle_timer.timeout.connect(self._idle)
        self.idle_timer.start()
        QApplication.instance().installEventFilter(self)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        parent = self.parentWidget()
        if watched is parent and event.type() == QEvent.Type.ChildAdded:
            self.raise_()  # stay above pages the kiosk puts in while staff mode is open
        elif watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        elif event.type() in PRESSES and isinstance(watched, QWidget) and self.isAncestorOf(watched):
            self.idle_timer.start()
        return False

    def _unlock(self) -> None:
        self.panel = StaffPanel(self._look, self._services, self.worker, self.close_staff_mode)
        self._stack.addWidget(self.panel)
        self._stack.setCurrentWidget(self.panel)

    def _idle(self) -> None:
        if self.worker.busy:  # never walk away from an install half-way: wait for it
            self.idle_timer.start()
        else:
            self.close_staff_mode()

    def close_staff_mode(self) -> None:
        self.idle_timer.stop()
        if self.panel is not None:
            self.panel.stop_tests()  # release the microphone a device test holds
        QApplication.instance().removeEventFilter(self)
        self.parentWidget().removeEventFilter(self)
        self.worker.wait()
        self.hide()
        self.deleteLater()
        self._on_closed()
