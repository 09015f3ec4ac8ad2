"""Turns the voice layer's worker-thread callbacks into Qt signals on the UI thread."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class VoiceBridge(QObject):
    ready = Signal(bool)  # the recogniser finished loading: usable or not
    heard = Signal(object)  # a voice.recognizer.Recognition

    def on_ready(self, available: bool) -> None:
        self.ready.emit(available)

    def on_result(self, recognition: object) -> None:
        self.heard.emit(recognition)
