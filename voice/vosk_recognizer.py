"""The real Recognizer: Vosk (Kaldi) in grammar mode on 16 kHz audio from an AudioSource."""
from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from voice.audio_source import BYTES_PER_SECOND, SAMPLE_RATE, AudioSource, CommandSource, microphone_command
from voice.recognizer import (
    DEFAULT_THRESHOLD, STATUS_BROKEN_MODEL, STATUS_NO_MICROPHONE, STATUS_NO_MODEL, STATUS_NOT_LOADED,
    STATUS_READY, PartialCallback, ReadyCallback, Recognition, ResultCallback, WordScore,
)
from voice.vosk_model import model_problem, supports_grammar

log = logging.getLogger(__name__)

UNKNOWN = "[unk]"
CHUNK_BYTES = BYTES_PER_SECOND // 10  # 100 ms: cancel and partial results react within that


def _load_vosk_model(model_dir: Path) -> Any:
    import vosk

    vosk.SetLogLevel(-1)
    return vosk.Model(str(model_dir))


class _Session:
    def __init__(self, on_partial: PartialCallback, on_result: ResultCallback) -> None:
        self.on_partial = on_partial
        self.on_result = on_result
        self.cancelled = threading.Event()
        self.done = threading.Event()
        self.source: AudioSource | None = None


class VoskRecognizer:
    """`source_factory` opens the audio for one listen; None means the detected microphone.
    `model_loader` turns the model directory into a `vosk.Model` (tests share one loaded model).
    """

    def __init__(
        self,
        model_dir: Path | None,
        *,
        source_factory: Callable[[], AudioSource] | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        no_speech_s: float = 5.0,
        max_utterance_s: float = 8.0,
        model_loader: Callable[[Path], Any] | None = None,
    ) -> None:
        self.model_dir = model_dir
        self.threshold = threshold
        self.no_speech_s = no_speech_s
        self.max_utterance_s = max_utterance_s
        self._source_factory = source_factory
        self._model_loader = model_loader or _load_vosk_model
        self._model: Any = None
        self._status = STATUS_NOT_LOADED
        self._reason = "not loaded yet"
        self._lock = threading.Lock()
        self._session: _Session | None = None
        self._vocabulary_checked: dict[str, bool] = {}

    @property
    def available(self) -> bool:
        return self._model is not None

    @property
    def status_message(self) -> str:
        return self._status

    @property
    def reason(self) -> str:
        return self._reason

    @property
    def listening(self) -> bool:
        session = self._session
        return session is not None and not session.done.is_set()

    def load(self, on_ready: ReadyCallback | None = None) -> None:
        threading.Thread(target=self._load, args=(on_ready,), name="vosk-load", daemon=True).start()

    def _load(self, on_ready: ReadyCallback | None) -> None:
        problem = model_problem(self.model_dir)
        if problem is None and self._source_factory is None:
            command = microphone_command()
            if command is None:
                self._set_unavailable(STATUS_NO_MICROPHONE, "no capture device: no PulseAudio source and `arecord -l` lists no card")
            else:
                self._source_factory = lambda: CommandSource(command)
        if problem is not None:
            self._set_unavailable(STATUS_NO_MODEL, problem)
        elif self._source_factory is not None:
            try:
                assert self.model_dir is not None
                if not supports_grammar(self.model_dir):
                    log.warning("model %s has a static graph: grammar mode is ignored", self.model_dir)
                self._model = self._model_loader(self.model_dir)
                self._status, self._reason = STATUS_READY, ""
                log.info("vosk model loaded from %s", self.model_dir)
            except Exception as exc:  # a damaged model must not stop the kiosk
                self._set_unavailable(STATUS_BROKEN_MODEL, f"cannot load {self.model_dir}: {exc!r}")
        if on_ready is not None:
            on_ready(self.available)

    def _set_unavailable(self, status: str, reason: str) -> None:
        self._status, self._reason = status, reason
        log.warning("voice commands disabled: %s", reason)

    def listen(self, phrases: Sequence[str], on_partial: PartialCallback, on_result: ResultCallback) -> None:
        self.cancel()
        if not self.available:
            on_result(Recognition("", threshold=self.threshold))
            return
        session = _Session(on_partial, on_result)
        with self._lock:
            self._session = session
        grammar = self.grammar_json(phrases)
        threading.Thread(target=self._run, args=(session, grammar), name="vosk-listen", daemon=True).start()

    def grammar_json(self, phrases: Sequence[str]) -> str:
        """The Vosk grammar: the phrases whose words the model knows, plus "[unk]" if it has it."""
        usable = [p for p in phrases if p and all(self._knows(w) for w in p.split())]
        dropped = sorted(set(phrases) - set(usable))
        if dropped:
            log.info("phrases not in the model's vocabulary, not listened for: %s", dropped)
        if self._knows(UNKNOWN):
            usable.append(UNKNOWN)
        return json.dumps(usable, ensure_ascii=False)

    def _knows(self, word: str) -> bool:
        if word not in self._vocabulary_checked:
            self._vocabulary_checked[word] = self._model.vosk_model_find_word(word) >= 0
        return self._vocabulary_checked[word]

    def cancel(self) -> None:
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.cancelled.set()
            if session.source is not None:
                session.source.close()

    def close(self) -> None:
        self.cancel()
        self._model = None
        self._status, self._reason = STATUS_NOT_LOADED, "closed"

    def _run(self, session: _Session, grammar: str) -> None:
        try:
            raw = self._decode(session, grammar)
            if not session.cancelled.is_set():
                session.on_result(self.parse_result(raw))
        except Exception:
            log.exception("voice command recognition failed")
            if not session.cancelled.is_set():
                session.on_result(Recognition("", threshold=self.threshold))
        finally:
            session.done.set()

    def _decode(self, session: _Session, grammar: str) -> str:
        import vosk

        recognizer = vosk.KaldiRecognizer(self._model, SAMPLE_RATE, grammar)
        recognizer.SetWords(True)
        session.source = source = self._source_factory()  # type: ignore[misc]
        if session.cancelled.is_set():
            source.close()
        heard_s, last_partial = 0.0, ""
        try:
            while not session.cancelled.is_set():
                data = source.read(CHUNK_BYTES)
                if not data:
                    return recognizer.FinalResult()
                heard_s += len(data) / BYTES_PER_SECOND
                if recognizer.AcceptWaveform(data):
                    result = recognizer.Result()
                    if json.loads(result).get("result"):
                        return result  # end of an utterance: stop on the silence after it
                    continue
                partial = json.loads(recognizer.PartialResult()).get("partial", "")
                if partial != last_partial:
                    last_partial = partial
                    shown = " ".join(w for w in partial.split() if w != UNKNOWN)
                    if shown:
                        session.on_partial(shown)
                if (not last_partial and heard_s >= self.no_speech_s) or heard_s >= self.max_utterance_s:
                    return recognizer.FinalResult()
            return "{}"
        finally:
            source.close()

    def parse_result(self, raw: str) -> Recognition:
        """A Vosk result JSON → Recognition; "[unk]" counts as a word heard with confidence 0."""
        words = tuple(
            WordScore(w["word"], 0.0 if w["word"] == UNKNOWN else float(w.get("conf", 0.0)))
            for w in json.loads(raw).get("result", [])
        )
        text = " ".join(w.word for w in words if w.word != UNKNOWN)
        return Recognition(text, words, self.threshold)
