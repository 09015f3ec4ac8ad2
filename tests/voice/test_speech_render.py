"""Real espeak-ng renders through pyttsx3: Vietnamese WAVs, the cache, rates and voices."""
from __future__ import annotations

import array
import os
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from voice.renderer import VOICE_IDS, RenderError, SpeechRenderer
from voice.speaker import slow_rate
from voice.wav_cache import WavCache

SENTENCE = "Kích hoạt tài khoản định danh điện tử mức hai trên ứng dụng."
NORTH, SOUTH = VOICE_IDS["north"], VOICE_IDS["south"]


def wav_facts(path: Path) -> tuple[int, int, int, float, int, float]:
    """(rate, channels, sample width, duration s, peak, seconds before the first loud sample)."""
    with wave.open(str(path), "rb") as wav:
        samples = array.array("h", wav.readframes(wav.getnframes()))
        rate = wav.getframerate()
        first = next(i for i, s in enumerate(samples) if abs(s) > 1000)
        return rate, wav.getnchannels(), wav.getsampwidth(), len(samples) / rate, max(map(abs, samples)), first / rate


@pytest.fixture
def renderer(tmp_path: Path) -> Iterator[SpeechRenderer]:
    r = SpeechRenderer(WavCache(tmp_path / "speech"))
    yield r
    r.close()


def test_renders_vietnamese_speech_wav(renderer: SpeechRenderer) -> None:
    path = renderer.request(SENTENCE, NORTH, 150).result(timeout=20)
    rate, channels, width, duration, peak, lead_in = wav_facts(path)
    assert (rate, channels, width) == (22050, 1, 2)
    assert 2.0 < duration < 8.0  # 16 syllables at 150 wpm
    assert peak > 5000
    assert lead_in < 0.03  # espeak's 67 ms of silence before the first word is trimmed


def test_cache_hit_does_not_render_again(renderer: SpeechRenderer, tmp_path: Path) -> None:
    first = renderer.request(SENTENCE, NORTH, 150).result(timeout=20)
    before = first.stat().st_mtime_ns
    again = renderer.request(SENTENCE, NORTH, 150)
    assert again.done() and again.result() == first
    assert renderer.engine_renders == 1
    later = SpeechRenderer(WavCache(tmp_path / "speech"))  # the cache survives a restart
    try:
        assert later.request(SENTENCE, NORTH, 150).result(timeout=20) == first
        assert later.engine_renders == 0
    finally:
        later.close()
    assert first.stat().st_mtime_ns == before


def test_slow_rate_gives_longer_audio_even_after_voice_changes(renderer: SpeechRenderer) -> None:
    """pyttsx3 loses the rate after a voice change unless it is set twice (tts-vi.md, bug 1)."""
    durations: dict[tuple[str, int, int], float] = {}
    for text_id in range(3):
        for voice in (NORTH, SOUTH):
            for rate in (150, slow_rate(150)):
                path = renderer.request(f"{SENTENCE} Lần {text_id}.", voice, rate).result(timeout=20)
                durations[(voice, rate, text_id)] = wav_facts(path)[3]
    for voice in (NORTH, SOUTH):
        for text_id in range(3):
            assert durations[(voice, slow_rate(150), text_id)] > 1.25 * durations[(voice, 150, text_id)]


def test_southern_voice_sounds_different(renderer: SpeechRenderer) -> None:
    north = renderer.request("giấy tờ của bác", NORTH, 150).result(timeout=20)
    south = renderer.request("giấy tờ của bác", SOUTH, 150).result(timeout=20)
    assert north != south and north.read_bytes() != south.read_bytes()


def test_engine_failure_is_reported_not_raised(tmp_path: Path) -> None:
    def broken() -> object:
        raise OSError("libespeak-ng.so.1: cannot open shared object file")

    renderer = SpeechRenderer(WavCache(tmp_path), engine_factory=broken)
    try:
        assert renderer.wait_ready(timeout=20)
        assert "libespeak-ng" in (renderer.error or "")
        with pytest.raises(RenderError):
            renderer.request("Xin chào", NORTH, 150).result(timeout=5)
    finally:
        renderer.close()


def test_cache_prune_removes_oldest_first(tmp_path: Path) -> None:
    cache = WavCache(tmp_path, max_bytes=2500)
    for i, name in enumerate(["old", "mid", "new"]):
        path = cache.path_for(name, NORTH, 150)
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1000 + i, 1000 + i))
    assert cache.prune() == 1
    assert cache.lookup("old", NORTH, 150) is None
    assert cache.lookup("new", NORTH, 150) is not None
