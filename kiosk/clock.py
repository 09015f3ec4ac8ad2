"""Time, injected: the system clock for the kiosk, a hand-moved one for tests and tours."""
from __future__ import annotations

import datetime
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds, never going backwards: for timeouts."""

    def now(self) -> datetime.datetime:
        """Wall-clock time (UTC): for records."""


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime.datetime:
        return datetime.datetime.now(datetime.UTC)


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime.datetime | None = None) -> None:
        self._mono = 0.0
        self._start = start or datetime.datetime(2026, 11, 27, 8, 0, tzinfo=datetime.UTC)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime.datetime:
        return self._start + datetime.timedelta(seconds=self._mono)

    def advance(self, seconds: float) -> None:
        self._mono += seconds
