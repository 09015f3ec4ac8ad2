"""How loud the microphone is, for the staff microphone test: a level from 0 to 1 for every
100 ms of 16 kHz s16le audio, read on its own thread."""
from __future__ import annotations

import array
import logging
import math
import sys
import threading
from collections.abc import Callable

from voice.audio_source import BYTES_PER_SECOND, AudioSource

log = logging.getLogger(__name__)

FLOOR_DB = -60.0  # quieter than this shows as an empty bar
CHUNK_BYTES = BYTES_PER_SECOND // 10


def level(chunk: bytes) -> float:
    """0.0 for silence (or below FLOOR_DB) up to 1.0 for full scale, from the RMS of the samples."""
    samples = array.array("h")
    samples.frombytes(chunk[: len(chunk) // 2 * 2])
    if not samples:
        return 0.0
    if sys.byteorder == "big":
        samples.byteswap()
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    if rms < 1:
        return 0.0
    decibels = 20 * math.log10(rms / 32768)
    return min(1.0, max(0.0, 1 - decibels / FLOOR_DB))


class LevelMeter:
    """Reads `source` until it ends or `stop()`; calls `on_level` (on the meter's thread) per chunk,
    and `on_chunk` with the audio itself when it is kept (a staff recording)."""

    def __init__(self, source: AudioSource, on_level: Callable[[float], None],
                 on_chunk: Callable[[bytes], None] | None = None) -> None:
        self._source = source
        self._on_level = on_level
        self._on_chunk = on_chunk
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="level-meter", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stopped.is_set():
                chunk = self._source.read(CHUNK_BYTES)
                if not chunk:
                    break
                if not self._stopped.is_set():
                    if self._on_chunk is not None:
                        self._on_chunk(chunk)
                    self._on_level(level(chunk))
        except (OSError, ValueError) as exc:  # the microphone went away mid-test
            log.warning("level meter stopped: %r", exc)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        """Stop reading and release the microphone; safe to call twice."""
        self._stopped.set()
        self._source.close()
        self._thread.join(timeout=2)
