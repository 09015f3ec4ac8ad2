"""When nobody has touched the kiosk for a while: first a warning, then the session ends."""
from __future__ import annotations

import math

from kiosk.clock import Clock


class IdlePolicy:
    def __init__(self, clock: Clock, warning_after_s: float, grace_s: float) -> None:
        self._clock = clock
        self.warning_after_s = warning_after_s
        self.grace_s = grace_s
        self._last = clock.monotonic()

    def touched(self) -> None:
        self._last = self._clock.monotonic()

    def seconds_left(self) -> int | None:
        """None while active; during the warning, whole seconds until the session ends (0: end it now)."""
        idle = self._clock.monotonic() - self._last
        if idle < self.warning_after_s:
            return None
        return max(0, math.ceil(self.warning_after_s + self.grace_s - idle))
