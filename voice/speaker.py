"""The `Speaker` interface: speech out, as the app sees it.

The app runs without it (touch and text only) when `available` is False.
Every method returns at once; speech happens on the adapter's own threads.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol, runtime_checkable

Region = Literal["north", "central", "south"]
REGIONS: tuple[Region, ...] = ("north", "central", "south")
RECORDED_REGIONS: dict[Region, str] = {"north": "bac", "central": "trung", "south": "nam"}  # voice packs' names
DEFAULT_RATE = 150  # words per minute; recordings play at their own speed at this rate

SLOW_FACTOR = 0.7  # "Nghe chậm hơn" speaks at 70 % of the normal rate
MIN_RATE = 80

STATUS_OK = "Loa hoạt động bình thường"
STATUS_NO_DEVICE = "Không tìm thấy loa"
STATUS_NO_VOICE = "Không có giọng đọc tiếng Việt"


@runtime_checkable
class Speaker(Protocol):
    """Speaks kiosk text in Vietnamese; cancels the previous utterance on each call."""

    @property
    def available(self) -> bool:
        """False when nothing can be heard (no output device, no voice); the app shows text only."""

    @property
    def status_message(self) -> str:
        """Vietnamese status for staff, e.g. "Không tìm thấy loa"."""

    @property
    def speaking(self) -> bool:
        """True from `speak` until the audio has finished or was stopped."""

    @property
    def volume(self) -> float:
        """Playback volume, 0.0–1.0."""

    @property
    def rate(self) -> int:
        """Speaking speed in words per minute."""

    def speak(self, text: str, *, slow: bool = False) -> None:
        """Stop what is playing and speak `text` (at the slow rate if `slow`). Never blocks."""

    def prerender(self, texts: Iterable[str]) -> None:
        """Prepare `texts` in the background so that speaking them later starts at once."""

    def stop(self) -> None:
        """Cut the current speech (within 100 ms) and drop any speech still being prepared."""

    def set_volume(self, volume: float) -> None:
        """Set the volume, clamped to 0.0–1.0; applies from the next utterance."""

    def set_voice(self, region: Region) -> None:
        """Choose the northern, central or southern voice (recordings of that region, else espeak-ng's
        matching voice); ValueError for any other region."""

    def set_rate(self, rate: int) -> None:
        """Speaking speed in words per minute (at least MIN_RATE); applies from the next utterance."""

    def close(self) -> None:
        """Stop speaking and release threads and processes; safe to call twice."""


def recording_tempo(rate: int, slow: bool) -> float:
    """How fast a recording plays: its own speed at DEFAULT_RATE, following the staff's rate
    setting otherwise, and SLOW_FACTOR of that for "Nghe chậm hơn" (sox tempo: pitch unchanged)."""
    tempo = clamp_rate(rate) / DEFAULT_RATE * (SLOW_FACTOR if slow else 1.0)
    return min(2.0, max(0.5, tempo))


def slow_rate(rate: int) -> int:
    """The rate used for "Nghe chậm hơn"."""
    return max(MIN_RATE, round(rate * SLOW_FACTOR))


def check_region(region: str) -> Region:
    if region not in REGIONS:
        raise ValueError(f"voice region must be one of {REGIONS}, not {region!r}")
    return region  # type: ignore[return-value]


def clamp_rate(rate: int) -> int:
    return max(MIN_RATE, int(rate))


def clamp_volume(volume: float) -> float:
    return min(1.0, max(0.0, float(volume)))
