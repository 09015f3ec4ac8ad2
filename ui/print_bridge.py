"""Carries the slip printer's answer from its worker thread to the UI thread as a Qt signal."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class PrintBridge(QObject):
    finished = Signal(int, bool)  # the session that asked, and whether the printer took the job

    def on_finished(self, session: int, ok: bool) -> None:
        self.finished.emit(session, ok)
