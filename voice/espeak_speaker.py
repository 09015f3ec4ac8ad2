"""The real Speaker: normalise → render a cached WAV (pyttsx3/espeak-ng) → play it in a subprocess."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from pathlib import Path

from voice.normalise import normalise
from voice.playback import AudioOutput, Player, detect_output
from voice.renderer import BACKGROUND, URGENT, VOICE_IDS, SpeechRenderer
from voice.speaker import (
    STATUS_NO_DEVICE, STATUS_NO_VOICE, STATUS_OK, Region, check_region, clamp_rate, clamp_volume, slow_rate,
)
from voice.wav_cache import WavCache

log = logging.getLogger(__name__)

_DETECT = object()


class EspeakSpeaker:
    """Speaks through espeak-ng's Vietnamese voices. Every method returns without waiting for audio.

    `output`: an AudioOutput, None for "no device", or leave it out to detect one now (a few ms).
    """

    def __init__(
        self,
        cache_dir: Path,
        *,
        region: Region = "north",
        rate: int = 150,
        volume: float = 0.9,
        output: AudioOutput | None | object = _DETECT,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self._region = check_region(region)
        self.rate = clamp_rate(rate)
        self._volume = clamp_volume(volume)
        found = detect_output(env) if output is _DETECT else output
        self.output: AudioOutput | None = found  # type: ignore[assignment]
        self._player = Player(self.output, env) if self.output is not None else None
        self._lock = threading.Lock()
        self._generation = 0
        self._pending: Future[Path] | None = None
        self._closed = False
        cache = WavCache(cache_dir)
        self.renderer = SpeechRenderer(cache)
        if self._player is None:
            log.warning("speech disabled: no audio output device")
        else:
            threading.Thread(target=cache.prune, name="speech-cache-prune", daemon=True).start()

    @property
    def available(self) -> bool:
        return self._player is not None and self.renderer.error is None and not self._closed

    @property
    def status_message(self) -> str:
        if self._player is None:
            return STATUS_NO_DEVICE
        return STATUS_NO_VOICE if self.renderer.error else STATUS_OK

    @property
    def speaking(self) -> bool:
        with self._lock:
            pending = self._pending is not None and not self._pending.done()
            return pending or (self._player is not None and self._player.playing)

    @property
    def volume(self) -> float:
        return self._volume

    @property
    def voice_id(self) -> str:
        return VOICE_IDS[self._region]

    def speak(self, text: str, *, slow: bool = False) -> None:
        with self._lock:
            self._cancel_locked()
            words = normalise(text)
            if not words or not self.available:
                return
            generation = self._generation
            rate = slow_rate(self.rate) if slow else self.rate
            future = self.renderer.request(words, self.voice_id, rate, priority=URGENT)
            self._pending = future
        future.add_done_callback(lambda done: self._play(generation, done))

    def prerender(self, texts: Iterable[str]) -> None:
        if not self.available:
            return
        for text in texts:
            words = normalise(text)
            if words:
                self.renderer.request(words, self.voice_id, self.rate, priority=BACKGROUND)

    def stop(self) -> None:
        with self._lock:
            self._cancel_locked()

    def set_volume(self, volume: float) -> None:
        self._volume = clamp_volume(volume)

    def set_voice(self, region: Region) -> None:
        self._region = check_region(region)

    def set_rate(self, rate: int) -> None:
        self.rate = clamp_rate(rate)

    def close(self) -> None:
        with self._lock:
            self._cancel_locked()
            self._closed = True
        self.renderer.close()

    def _cancel_locked(self) -> None:
        self._generation += 1
        self._pending = None
        if self._player is not None:
            self._player.stop()

    def _play(self, generation: int, done: Future[Path]) -> None:
        if done.cancelled() or done.exception() is not None:
            return
        with self._lock:
            if generation != self._generation or self._player is None:
                return  # stopped or superseded while rendering
            self._pending = None
            self._player.play(done.result(), self._volume)
