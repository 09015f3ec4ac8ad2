"""A Speaker for tests of the layers above: records what it was asked to say, plays nothing."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from voice.normalise import normalise
from voice.speaker import STATUS_NO_DEVICE, STATUS_OK, Region, check_region, clamp_rate, clamp_volume


@dataclass(frozen=True)
class Utterance:
    text: str
    slow: bool
    region: Region
    volume: float
    rate: int = 150


class FakeSpeaker:
    """Speech "plays" until `finish()` or `stop()`; `spoken` lists every utterance in order."""

    def __init__(self, *, available: bool = True, region: Region = "north", volume: float = 0.9) -> None:
        self._available = available
        self._region = check_region(region)
        self._volume = clamp_volume(volume)
        self.rate = 150
        self._speaking = False
        self.closed = False
        self.spoken: list[Utterance] = []
        self.prerendered: list[str] = []
        self.stops = 0

    @property
    def available(self) -> bool:
        return self._available and not self.closed

    @property
    def status_message(self) -> str:
        return STATUS_OK if self._available else STATUS_NO_DEVICE

    @property
    def speaking(self) -> bool:
        return self._speaking

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def last_text(self) -> str | None:
        return self.spoken[-1].text if self.spoken else None

    def speak(self, text: str, *, slow: bool = False) -> None:
        self._speaking = False
        if not self.available or not normalise(text):
            return
        self.spoken.append(Utterance(text, slow, self._region, self._volume, self.rate))
        self._speaking = True

    def finish(self) -> None:
        """Pretend the current utterance reached its end."""
        self._speaking = False

    def prerender(self, texts: Iterable[str]) -> None:
        if self.available:
            self.prerendered.extend(texts)

    def stop(self) -> None:
        self.stops += 1
        self._speaking = False

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)

    def set_voice(self, region: Region) -> None:
        self._region = check_region(region)

    def set_rate(self, rate: int) -> None:
        self.rate = clamp_rate(rate)

    def close(self) -> None:
        self.stop()
        self.closed = True
