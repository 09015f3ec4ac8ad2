"""Finger gestures in numbers, without Qt: which way a swipe went, how fast the finger was moving
as it let go, and where a flick then carries the content while friction slows it. Positions are
pixels, times are milliseconds given by the caller (event timestamps, a clock): no sleeps in tests."""
from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

VELOCITY_WINDOW_MS = 100.0
TIME_CONSTANT_MS = 325.0  # a phone's "normal" friction: the speed falls by e every 325 ms
SWIPE_DOMINANCE = 1.5  # "mostly one way": the main axis at least 1.5 × the other (within ~34°)


def swipe_direction(dx: float, dy: float, min_distance: float) -> str | None:
    """"up", "down", "left" or "right": the way a finger that moved (dx, dy) pixels (y grows
    downwards) went, if it went at least `min_distance` mostly one way; else None."""
    major, minor = max(abs(dx), abs(dy)), min(abs(dx), abs(dy))
    if major < min_distance or major < minor * SWIPE_DOMINANCE:
        return None
    if abs(dy) >= abs(dx):
        return "up" if dy < 0 else "down"
    return "left" if dx < 0 else "right"


class FingerTrack:
    """The finger's recent positions with their times; its speed over the last `window_ms`."""

    def __init__(self, window_ms: float = VELOCITY_WINDOW_MS) -> None:
        self._window_ms = window_ms
        self._samples: deque[tuple[float, float]] = deque()

    def add(self, time_ms: float, position: float) -> None:
        if self._samples and time_ms < self._samples[-1][0]:
            self._samples.clear()  # time went backwards: the older samples say nothing now
        self._samples.append((time_ms, position))
        while self._samples[0][0] < time_ms - self._window_ms:
            self._samples.popleft()

    def velocity(self) -> float:
        """Pixels per millisecond between the oldest and newest sample in the window; 0 when the
        finger rested for the whole window. Samples under a millisecond apart count as 1 ms."""
        if len(self._samples) < 2:
            return 0.0
        (first_time, first), (last_time, last) = self._samples[0], self._samples[-1]
        return (last - first) / max(last_time - first_time, 1.0)


@dataclass(frozen=True)
class Fling:
    """Content thrown from `start` at `velocity` (px/ms). Friction slows it exponentially; it
    stops once slower than `stop_speed` (px/ms), having travelled at most velocity × time constant."""

    start: float
    velocity: float
    stop_speed: float
    time_constant_ms: float = TIME_CONSTANT_MS

    @property
    def duration_ms(self) -> float:
        speed = abs(self.velocity)
        return self.time_constant_ms * math.log(speed / self.stop_speed) if speed > self.stop_speed else 0.0

    def position(self, elapsed_ms: float) -> float:
        elapsed = min(max(elapsed_ms, 0.0), self.duration_ms)
        return self.start + self.velocity * self.time_constant_ms * (1.0 - math.exp(-elapsed / self.time_constant_ms))

    def finished(self, elapsed_ms: float) -> bool:
        return elapsed_ms >= self.duration_ms
