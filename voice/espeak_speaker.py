"""The real Speaker: a human recording of the line when the kiosk has one for its region (decoded
and cached, see voice.clip_audio), else normalise → render a cached WAV (pyttsx3/espeak-ng); then
play it in a subprocess."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import Future
from pathlib import Path

from voice.clip_audio import ClipRenderer
from voice.normalise import normalise
from voice.playback import AudioOutput, Player, detect_output
from voice.recordings import RecordingLibrary
from voice.renderer import BACKGROUND, URGENT, VOICE_IDS, SpeechRenderer
from voice.speaker import (
    RECORDED_REGIONS, STATUS_NO_DEVICE, STATUS_NO_VOICE, STATUS_OK, Region, check_region, clamp_rate, clamp_volume,
    recording_tempo, slow_rate,
)
from voice.wav_cache import WavCache

log = logging.getLogger(__name__)

_DETECT = object()


class EspeakSpeaker:
    """Speaks through espeak-ng's Vietnamese voices. Every method returns without waiting for audio.

    `output`: an AudioOutput, None for "no device", or leave it out to detect one now (a few ms).
    `recordings`: human recordings to prefer, line by line (None: espeak-ng only).
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
        recordings: RecordingLibrary | None = None,
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
        self.recordings = recordings
        self.clips = ClipRenderer(cache)
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
            recorded = self.recordings.plan(text, RECORDED_REGIONS[self._region]) if self.recordings else None
            if recorded:
                paths = [clip.path for clip in recorded]
                future = self.clips.request(paths, recording_tempo(self.rate, slow))
                if not slow:  # "Nghe chậm hơn" next starts at once: the slow version is made meanwhile
                    self.clips.request(paths, recording_tempo(self.rate, True))
                fallback = (words, rate)  # a clip that cannot be decoded: espeak-ng says the line
            else:
                future = self.renderer.request(words, self.voice_id, rate, priority=URGENT)
                fallback = None
            self._pending = future
        future.add_done_callback(lambda done: self._play(generation, done, fallback))

    def prerender(self, texts: Iterable[str]) -> None:
        if not self.available:
            return
        region = RECORDED_REGIONS[self._region]
        for text in texts:
            recorded = self.recordings.plan(text, region) if self.recordings else None
            words = normalise(text)
            if recorded:
                self.clips.request([clip.path for clip in recorded], recording_tempo(self.rate, False))
            elif words:
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
        self.clips.close()

    def _cancel_locked(self) -> None:
        self._generation += 1
        self._pending = None
        if self._player is not None:
            self._player.stop()

    def _play(self, generation: int, done: Future[Path], fallback: tuple[str, int] | None = None) -> None:
        if done.cancelled():
            return
        with self._lock:
            if generation != self._generation or self._player is None:
                return  # stopped or superseded while rendering
            if done.exception() is None:
                self._pending = None
                self._player.play(done.result(), self._volume)
                return
            if fallback is None or self._closed:
                self._pending = None
                return
            again = self.renderer.request(fallback[0], self.voice_id, fallback[1], priority=URGENT)
            self._pending = again
        again.add_done_callback(lambda rendered: self._play(generation, rendered))  # outside the lock: may run at once
