"""Every Recognizer (the fake, and real Vosk with the Korean model) keeps the same promises."""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from voice.audio_source import AudioSource, WavFileSource
from voice.fake_recognizer import FakeRecognizer
from voice.recognizer import STATUS_NOT_LOADED, STATUS_READY, Recognition, Recognizer
from voice.vosk_recognizer import VoskRecognizer


@dataclass
class Rig:
    """A recognizer plus a way to make the next `listen` hear something."""

    recognizer: Recognizer
    phrases: list[str]
    word: str  # a phrase the rig can say
    prepare: Callable[[str], None]  # the next listen hears this text
    prepare_long: Callable[[], None]  # the next listen hears seconds of silence before anything


@dataclass
class Listener:
    partials: list[str] = field(default_factory=list)
    results: list[Recognition] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)
    done: threading.Event = field(default_factory=threading.Event)

    def on_partial(self, text: str) -> None:
        self.partials.append(text)

    def on_result(self, result: Recognition) -> None:
        self.results.append(result)
        self.threads.add(threading.get_ident())
        self.done.set()


def _fake_rig() -> Rig:
    fake = FakeRecognizer()
    return Rig(fake, ["tiếp theo", "quay lại"], "tiếp theo", fake.say, lambda: None)


def _vosk_rig(model_dir: Path, korean_audio: Callable[..., Path], loader: Callable[[Path], object]) -> Rig:
    audio: dict[str, Path] = {}
    realtime = {"on": False}

    def source() -> AudioSource:
        return WavFileSource(audio["next"], realtime=realtime["on"])

    def prepare(text: str) -> None:
        audio["next"], realtime["on"] = korean_audio(text), False

    def prepare_long() -> None:
        audio["next"], realtime["on"] = korean_audio("계속", lead_s=4.0), True

    recognizer = VoskRecognizer(model_dir, source_factory=source, model_loader=loader)
    return Rig(recognizer, ["계속", "뒤로"], "계속", prepare, prepare_long)


@pytest.fixture(params=["fake", "vosk-ko"])
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    """Vosk rigs share one loaded model; test_vosk_korean.py tests the real loader."""
    if request.param == "fake":
        made = _fake_rig()
    else:
        made = _vosk_rig(request.getfixturevalue("ko_model_dir"), request.getfixturevalue("korean_audio"),
                         request.getfixturevalue("ko_model_loader"))
    yield made
    made.recognizer.close()


def _load(rig: Rig) -> set[int]:
    ready: list[bool] = []
    threads: set[int] = set()
    loaded = threading.Event()

    def on_ready(ok: bool) -> None:
        ready.append(ok)
        threads.add(threading.get_ident())
        loaded.set()

    rig.recognizer.load(on_ready)
    assert loaded.wait(timeout=60)
    assert ready == [True] and rig.recognizer.available
    return threads


def test_is_a_recognizer(rig: Rig) -> None:
    assert isinstance(rig.recognizer, Recognizer)


def test_unloaded_recognizer_answers_with_nothing(rig: Rig) -> None:
    assert not rig.recognizer.available and rig.recognizer.status_message == STATUS_NOT_LOADED
    listener = Listener()
    rig.recognizer.listen(rig.phrases, listener.on_partial, listener.on_result)
    assert len(listener.results) == 1 and not listener.results[0].confident


def test_loads_off_the_calling_thread(rig: Rig) -> None:
    assert threading.get_ident() not in _load(rig)
    assert rig.recognizer.status_message == STATUS_READY and rig.recognizer.reason == ""


def test_hears_a_command_with_partial_then_one_result(rig: Rig) -> None:
    _load(rig)
    rig.prepare(rig.word)
    listener = Listener()
    rig.recognizer.listen(rig.phrases, listener.on_partial, listener.on_result)
    assert listener.done.wait(timeout=30)
    time.sleep(0.2)  # nothing more may arrive
    assert [r.text for r in listener.results] == [rig.word]
    assert listener.results[0].confident
    assert listener.partials and rig.word in listener.partials[-1]  # interim text may still change
    assert not rig.recognizer.listening


def test_cancel_delivers_nothing(rig: Rig) -> None:
    _load(rig)
    rig.prepare_long()
    listener = Listener()
    rig.recognizer.listen(rig.phrases, listener.on_partial, listener.on_result)
    assert rig.recognizer.listening
    rig.recognizer.cancel()
    assert not listener.done.wait(timeout=1.5)
    assert not rig.recognizer.listening


def test_close_makes_it_unavailable(rig: Rig) -> None:
    _load(rig)
    rig.recognizer.close()
    rig.recognizer.close()
    assert not rig.recognizer.available
