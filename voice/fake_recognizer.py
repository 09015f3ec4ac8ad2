"""A Recognizer for tests of the layers above: `say()` what the citizen says."""
from __future__ import annotations

import threading
from collections.abc import Sequence

from voice.recognizer import (
    DEFAULT_THRESHOLD, STATUS_NO_MODEL, STATUS_NOT_LOADED, STATUS_READY,
    PartialCallback, ReadyCallback, Recognition, ResultCallback, WordScore,
)


class FakeRecognizer:
    """Behaves like Vosk in grammar mode: words outside the listened phrases come back as "[unk]".

    `say(text, confidence)` delivers to a listen in progress, or to the next `listen`.
    """

    def __init__(self, *, available: bool = True, threshold: float = DEFAULT_THRESHOLD) -> None:
        self._can_load = available
        self._loaded = False
        self.threshold = threshold
        self.listens: list[list[str]] = []
        self.cancels = 0
        self._pending: tuple[str, float] | None = None
        self._callbacks: tuple[PartialCallback, ResultCallback] | None = None
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self._loaded

    @property
    def status_message(self) -> str:
        if not self._can_load:
            return STATUS_NO_MODEL
        return STATUS_READY if self._loaded else STATUS_NOT_LOADED

    @property
    def reason(self) -> str:
        return "" if self._loaded else ("fake: no model" if not self._can_load else "not loaded yet")

    @property
    def listening(self) -> bool:
        return self._callbacks is not None

    def load(self, on_ready: ReadyCallback | None = None) -> None:
        def run() -> None:
            self._loaded = self._can_load
            if on_ready is not None:
                on_ready(self._loaded)
        threading.Thread(target=run, name="fake-recognizer-load", daemon=True).start()

    def listen(self, phrases: Sequence[str], on_partial: PartialCallback, on_result: ResultCallback) -> None:
        self.cancel()
        if not self.available:
            on_result(Recognition("", threshold=self.threshold))
            return
        with self._lock:
            self.listens.append(list(phrases))
            self._callbacks = (on_partial, on_result)
            pending, self._pending = self._pending, None
        if pending is not None:
            self.say(*pending)

    def say(self, text: str, confidence: float = 1.0) -> None:
        with self._lock:
            callbacks, self._callbacks = self._callbacks, None
            if callbacks is None:
                self._pending = (text, confidence)
                return
            vocabulary = {w for phrase in self.listens[-1] for w in phrase.split()}
        on_partial, on_result = callbacks
        words = tuple(
            WordScore(w, confidence) if w in vocabulary else WordScore("[unk]", 0.0) for w in text.split()
        )
        heard = " ".join(w.word for w in words if w.word != "[unk]")
        if heard:
            on_partial(heard)
        on_result(Recognition(heard, words, self.threshold))

    def cancel(self) -> None:
        with self._lock:
            if self._callbacks is not None:
                self.cancels += 1
            self._callbacks = None

    def close(self) -> None:
        self.cancel()
        self._loaded = False
