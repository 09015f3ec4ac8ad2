"""One citizen's visit as written to the progress store. A write that fails (disk full,
read-only file) never stops the lesson: staff are told, and a visit begun while writes
failed is recorded as soon as they work again, so writing resumes without a restart (the
progress of the failed writes themselves is not kept). After each write that works, `written`
saves what waits for the disk (the slip-code guard's wrong codes, kiosk.slip_desk.CodeGuard)."""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from pathlib import Path

from kiosk.clock import Clock
from kiosk.progress import ProgressStore
from kiosk.store_trouble import CAUSES_VI, diagnose

log = logging.getLogger(__name__)

OFFLINE = "offline"  # the visit's id while it could not be written
STORE_FAILING = ("Không ghi được tiến độ học vào ổ đĩa từ {at} vì {cause}. "
                 "Trạm vẫn dạy bình thường. Hãy báo cán bộ kỹ thuật.")
STORE_RECOVERED = "Từ {at}, trạm đã ghi lại được bình thường."


class VisitRecord:
    def __init__(self, store: ProgressStore, clock: Clock, kiosk_id: Callable[[], str],
                 written: Callable[[], object]) -> None:
        self.store = store
        self._clock = clock
        self._kiosk_id = kiosk_id
        self._written = written  # after each write that works: what else waits to be written
        self._visit = ""  # "" between citizens
        self._started = clock.now()
        self.problem = ""  # for staff, in Vietnamese, when progress could not be written
        self.failing = False  # the last progress write failed

    @property
    def active(self) -> bool:
        return bool(self._visit)

    def begin(self) -> None:
        self._visit, self._started = OFFLINE, self._clock.now()
        self.write(lambda visit: None)  # records the visit

    def end(self, reason: str) -> None:
        self.write(lambda visit: self.store.end_visit(visit, self._clock.now(), reason))
        self._visit = ""

    def write(self, operation: Callable[[str], object]) -> None:
        """Run `operation(visit_id)`; on a disk or database error keep teaching and tell staff."""
        try:
            if self._visit == OFFLINE:
                self._visit = self.store.start_visit(self._kiosk_id(), self._started)
            operation(self._visit)
        except (sqlite3.Error, OSError) as exc:
            log.error("progress not written: %s", exc)
            if not self.failing:
                cause = CAUSES_VI[diagnose(exc, self.store.path or Path.cwd() / "progress.db").cause]
                self.failing, self.problem = True, STORE_FAILING.format(at=self._now(), cause=cause)
            return
        self._written()
        if self.failing:
            log.warning("progress is being written again")
            self.failing, self.problem = False, f"{self.problem} {STORE_RECOVERED.format(at=self._now())}"

    def _now(self) -> str:
        return self._clock.now().astimezone().strftime("%H:%M %d/%m")
