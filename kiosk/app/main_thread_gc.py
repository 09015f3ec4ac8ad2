"""Python's cyclic garbage collector, run on the UI thread only.

Automatic collection runs in whichever thread happens to allocate: a worker (the slip
printer, the xAPI forwarder, speech rendering) could then finalise Qt widgets of a replaced
page while the UI thread is using Qt, which crashes the process (seen: a segfault in
`segno` on the print thread while the UI thread processed events). So while a kiosk runs,
automatic collection is off and a timer on the UI thread collects instead, generation by
generation as the thresholds say (the pattern of PyQt's long-lived apps).
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadGc(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @staticmethod
    def collect() -> None:
        """Collect the generations whose thresholds are passed, as automatic collection would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Back to automatic collection (the kiosk is closing)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
