"""The microphone level: silence is an empty bar, a loud tone a nearly full one."""
from __future__ import annotations

import math
import struct
import threading
import wave

from voice.audio_source import SAMPLE_RATE, WavFileSource
from voice.level_meter import LevelMeter, level


def tone(amplitude: float, seconds: float = 0.1) -> bytes:
    count = int(SAMPLE_RATE * seconds)
    return struct.pack(f"<{count}h", *(round(amplitude * 32767 * math.sin(2 * math.pi * 440 * i / SAMPLE_RATE)) for i in range(count)))


def test_level_grows_with_loudness() -> None:
    assert level(b"") == 0.0 and level(bytes(3200)) == 0.0
    quiet, speech, loud = level(tone(0.003)), level(tone(0.1)), level(tone(1.0))
    assert 0.0 < quiet < speech < loud
    assert round(loud, 2) == 0.95  # a full-scale sine is 3 dB under full scale
    assert round(speech, 2) == 0.62


def test_meter_reports_each_chunk_of_a_recording_then_stops(tmp_path) -> None:
    path = tmp_path / "tone.wav"
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(3200) + tone(0.5, 0.2))
    levels: list[float] = []
    finished = threading.Event()
    meter = LevelMeter(WavFileSource(path), lambda value: (levels.append(value), len(levels) == 3 and finished.set()))
    assert finished.wait(5)
    meter.stop()
    meter.stop()
    assert not meter.running
    assert levels[0] == 0.0 and levels[1] > 0.8 and levels[2] > 0.8
