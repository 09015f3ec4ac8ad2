"""The `Recognizer` interface: a few spoken commands in, as the app sees it.

Push-to-talk: `listen` records until the speaker falls silent, then reports one `Recognition`.
Callbacks run on the recogniser's own thread; the UI bridge turns them into Qt signals.
Without a model or a microphone `available` is False and the app hides the microphone button.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

ASK_AGAIN = "Bác nói lại được không?"
DEFAULT_THRESHOLD = 0.6

STATUS_READY = "Micrô và nhận dạng giọng nói sẵn sàng"
STATUS_NOT_LOADED = "Chưa nạp nhận dạng giọng nói"
STATUS_NO_MODEL = "Chưa cài mô hình nhận dạng giọng nói"
STATUS_NO_MICROPHONE = "Không tìm thấy micrô"
STATUS_BROKEN_MODEL = "Mô hình nhận dạng giọng nói bị hỏng"


@dataclass(frozen=True)
class WordScore:
    word: str
    confidence: float


@dataclass(frozen=True)
class Recognition:
    """What was heard. `text` is "" when nothing was understood."""

    text: str
    words: tuple[WordScore, ...] = ()
    threshold: float = DEFAULT_THRESHOLD

    @property
    def confident(self) -> bool:
        """True when something was heard and every word reached the threshold; else ask `ASK_AGAIN`."""
        return bool(self.words) and all(w.confidence >= self.threshold for w in self.words)

    @property
    def confidence(self) -> float:
        return min((w.confidence for w in self.words), default=0.0)


PartialCallback = Callable[[str], None]
ResultCallback = Callable[[Recognition], None]
ReadyCallback = Callable[[bool], None]


@runtime_checkable
class Recognizer(Protocol):
    @property
    def available(self) -> bool:
        """True once a model is loaded and a microphone was found."""

    @property
    def status_message(self) -> str:
        """Vietnamese status for staff ("Chưa cài mô hình nhận dạng giọng nói", …)."""

    @property
    def reason(self) -> str:
        """Why it is unavailable, for developers (paths, errors); "" when available."""

    @property
    def listening(self) -> bool:
        """True from `listen` until its result was delivered or it was cancelled."""

    def load(self, on_ready: ReadyCallback | None = None) -> None:
        """Load the model on a background thread, then call `on_ready(available)`. Returns at once."""

    def listen(self, phrases: Sequence[str], on_partial: PartialCallback, on_result: ResultCallback) -> None:
        """Listen for one utterance made of `phrases`; report partial text, then exactly one result.

        Returns at once. Cancels a listen in progress. When unavailable, delivers an empty result.
        """

    def cancel(self) -> None:
        """Stop listening now; no result is delivered for the cancelled listen."""

    def close(self) -> None:
        """Cancel and release the model; safe to call twice."""
