"""Render speech to WAV files with pyttsx3 (espeak driver) on one worker thread.

pyttsx3 2.99 workarounds (../shared/reference/tts-vi.md §1): set the voice, then the rate
twice; one empty `runAndWait` to warm up a fresh engine; one `save_to_file` per `runAndWait`;
silence the driver's "Audio saved to" print. espeak-ng is one library per process, so the
process keeps one engine and every renderer uses it under `_ENGINE_LOCK`.
"""
from __future__ import annotations

import array
import atexit
import heapq
import itertools
import logging
import os
import sys
import threading
import wave
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from voice.wav_cache import WavCache

log = logging.getLogger(__name__)

VOICE_IDS = {"north": "aav/vi", "central": "aav/vi-vn-x-central", "south": "aav/vi-vn-x-south"}
URGENT, BACKGROUND = 0, 1
RENDER_ATTEMPTS = 3
WAV_HEADER_BYTES = 44

_ENGINE_LOCK = threading.Lock()
_ENGINE: list[Any] = []  # the process's one engine, released only at exit (see open_espeak_engine)


class RenderError(RuntimeError):
    """The speech engine could not produce a WAV file."""


def open_espeak_engine() -> Any:
    """The process's pyttsx3 espeak engine, warmed up, with its stdout print silenced.

    espeak-ng initialises once per process and pyttsx3 unregisters its synthesis callback when an
    engine is garbage-collected, which silently breaks any newer engine. So the first engine is kept
    for the life of the process, and let go at exit while the modules pyttsx3's finaliser needs
    are still there (else Python prints an ignored AttributeError from DriverProxy.__del__).
    Call with `_ENGINE_LOCK` held. Raises if espeak-ng is missing.
    """
    if not _ENGINE:
        import pyttsx3
        from pyttsx3.drivers import espeak as espeak_driver

        espeak_driver.print = lambda *args, **kwargs: None  # the driver prints on every save
        engine = pyttsx3.init("espeak")
        engine.runAndWait()  # warm-up: the first runAndWait on a fresh engine returns too early
        _ENGINE.append(engine)
        atexit.register(_ENGINE.clear)
    return _ENGINE[0]


class SpeechRenderer:
    """Turns (text, voice, rate) into a cached WAV path; urgent requests jump the queue."""

    def __init__(self, cache: WavCache, *, engine_factory: Callable[[], Any] = open_espeak_engine) -> None:
        self.cache = cache
        self.engine_renders = 0  # cache misses actually synthesised
        self.error: str | None = None  # set when the engine cannot start
        self._engine_factory = engine_factory
        self._queue: list[tuple[int, int, str, str, int, Future[Path]]] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._closed = False
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="speech-renderer", daemon=True)
        self._thread.start()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the engine has started (or failed); for tools and tests, not the UI."""
        return self._ready.wait(timeout)

    def request(self, text: str, voice: str, rate: int, *, priority: int = URGENT) -> Future[Path]:
        """A future WAV path for `text`; already done on a cache hit."""
        future: Future[Path] = Future()
        cached = self.cache.lookup(text, voice, rate)
        if cached is not None:
            future.set_result(cached)
            return future
        with self._cond:
            if self._closed or self.error:
                future.set_exception(RenderError(self.error or "renderer closed"))
                return future
            heapq.heappush(self._queue, (priority, next(self._seq), text, voice, rate, future))
            self._cond.notify()
        return future

    def close(self) -> None:
        with self._cond:
            self._closed = True
            pending, self._queue = self._queue, []
            self._cond.notify()
        for *_, future in pending:
            future.cancel()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        try:
            with _ENGINE_LOCK:
                engine = self._engine_factory()
        except Exception as exc:  # espeak-ng missing or broken: the app runs text-only
            self._fail(f"speech engine unavailable: {exc!r}")
            return
        finally:
            self._ready.set()
        while True:
            with self._cond:
                while not self._queue and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                _, _, text, voice, rate, future = heapq.heappop(self._queue)
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._render(engine, text, voice, rate))
            except Exception as exc:
                log.warning("speech render failed for %r: %r", text, exc)
                future.set_exception(RenderError(str(exc)))

    def _render(self, engine: Any, text: str, voice: str, rate: int) -> Path:
        final = self.cache.path_for(text, voice, rate)
        if final.is_file():  # rendered meanwhile by an earlier request
            return final
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.cache.tmp_path(final)
        for attempt in range(1, RENDER_ATTEMPTS + 1):
            with _ENGINE_LOCK:
                engine.setProperty("voice", voice)
                engine.setProperty("rate", rate)
                engine.setProperty("rate", rate)  # rate is lost after a voice change unless set twice
                engine.save_to_file(text, str(tmp))
                engine.runAndWait()
            if tmp.is_file() and tmp.stat().st_size > WAV_HEADER_BYTES:
                break
            tmp.unlink(missing_ok=True)  # pyttsx3 now and then writes an empty file (~1 in 100)
            log.info("espeak wrote no audio for %r (attempt %d)", text, attempt)
        else:
            raise RenderError(f"espeak wrote no audio for {text!r} in {RENDER_ATTEMPTS} attempts")
        trim_leading_silence(tmp)
        os.replace(tmp, final)
        self.engine_renders += 1
        return final

    def _fail(self, message: str) -> None:
        log.warning(message)
        with self._cond:
            self.error = message
            pending, self._queue = self._queue, []
        for *_, future in pending:
            future.set_exception(RenderError(message))


def trim_leading_silence(path: Path, *, threshold: int = 100, keep_ms: int = 10) -> None:
    """Cut espeak's ~67 ms of silence before the first word, so playback is heard sooner."""
    with wave.open(str(path), "rb") as source:
        params = source.getparams()
        frames = source.readframes(params.nframes)
    samples = array.array("h", frames)
    if sys.byteorder == "big":
        samples.byteswap()
    first = next((i for i, s in enumerate(samples) if abs(s) > threshold), 0)
    start = max(0, first - params.framerate * keep_ms // 1000)
    if start == 0:
        return
    with wave.open(str(path), "wb") as out:
        out.setparams(params)
        out.writeframes(frames[start * params.sampwidth :])
