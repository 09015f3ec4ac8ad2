"""Run one blocking core call (PIN check, pack install, device check) off the UI thread and
hand its result back on the UI thread."""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Emitter(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], object], emitter: _Emitter) -> None:
        super().__init__()
        self.call = call
        self.emitter = emitter

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as exc:  # shown to staff as a plain failure; the detail goes to the log
            log.exception("staff mode job failed")
            result = exc
        self.emitter.done.emit(result)


class Worker(QObject):
    """One job at a time; `busy` while it runs. Results that raised arrive as the exception."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._emitter = _Emitter()
        self._emitter.done.connect(self._deliver)
        self._on_done: Callable[[object], None] | None = None

    @property
    def busy(self) -> bool:
        return self._on_done is not None

    def run(self, call: Callable[[], object], on_done: Callable[[object], None]) -> None:
        if self.busy:
            raise RuntimeError("a staff job is already running")
        self._on_done = on_done
        self._pool.start(_Job(call, self._emitter))

    def wait(self) -> None:
        """Block until the running job ends (closing staff mode)."""
        self._pool.waitForDone()

    @Slot(object)
    def _deliver(self, result: object) -> None:
        on_done, self._on_done = self._on_done, None
        if on_done is not None:
            on_done(result)
