"""Speech really comes out: a private PulseAudio null sink is recorded while the real Speaker talks."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from voice.espeak_speaker import EspeakSpeaker
from voice.normalise import normalise
from voice.null_sink import NullSinkServer
from voice.playback import detect_output
from voice.speaker import STATUS_NO_DEVICE

LONG = ("Bước một: mở ứng dụng VNeID trên điện thoại. Bước hai: nhập số CCCD 001203004567. "
        "Bước ba: nhập mật khẩu, rồi chạm vào nút Đăng nhập.")
SHORT = "Dạ, bác làm đúng rồi."


@pytest.fixture
def speaker(null_sink: NullSinkServer, tmp_path: Path) -> Iterator[EspeakSpeaker]:
    made = EspeakSpeaker(tmp_path, env=null_sink.env, volume=1.0)
    assert made.available, made.status_message
    assert made.renderer.wait_ready(timeout=20)
    yield made
    made.close()


def test_instruction_audio_comes_out(speaker: EspeakSpeaker, null_sink: NullSinkServer, wait: Callable[..., bool]) -> None:
    recording = null_sink.record()
    start = time.monotonic()
    speaker.speak(SHORT)
    assert wait(lambda: not speaker.speaking)
    time.sleep(0.2)
    recording.stop()
    first = recording.first_sound(after=start)
    assert first is not None, "no audio reached the sink"
    assert recording.loud_chunks() * 0.005 > 0.5  # most of a ~1.5 s sentence was heard


def test_stop_cuts_speech(speaker: EspeakSpeaker, null_sink: NullSinkServer, wait: Callable[..., bool]) -> None:
    recording = null_sink.record()
    start = time.monotonic()
    speaker.speak(LONG)  # about 10 s of speech
    assert wait(lambda: recording.first_sound(after=start) is not None)
    speaker.stop()
    stopped = time.monotonic()
    assert not speaker.speaking
    time.sleep(1.0)
    recording.stop()
    last = recording.last_sound()
    assert last is not None and last < stopped + 0.5  # cut, not played to its end


def test_new_speech_replaces_old(speaker: EspeakSpeaker, null_sink: NullSinkServer, wait: Callable[..., bool]) -> None:
    recording = null_sink.record()
    start = time.monotonic()
    speaker.speak(LONG)
    assert wait(lambda: recording.first_sound(after=start) is not None)
    speaker.speak(SHORT)
    assert wait(lambda: not speaker.speaking)
    recording.stop()
    assert recording.last_sound() - start < 5.0  # the long sentence (~10 s) did not go on


def test_volume_changes_loudness(speaker: EspeakSpeaker, null_sink: NullSinkServer, wait: Callable[..., bool]) -> None:
    peaks = []
    for volume in (1.0, 0.25):
        speaker.set_volume(volume)
        recording = null_sink.record()
        speaker.speak(SHORT)
        assert wait(lambda: not speaker.speaking)
        time.sleep(0.2)
        recording.stop()
        peaks.append(max(peak for _, peak in recording.chunks))
    assert peaks[1] < 0.5 * peaks[0]


def test_prerender_fills_the_cache(speaker: EspeakSpeaker, wait: Callable[..., bool]) -> None:
    lines = ["Bước 1: mở ứng dụng.", "Phí 22.000đ.", "Nhập mã OTP 482913."]
    speaker.prerender(lines)
    cache = speaker.renderer.cache
    assert wait(lambda: all(cache.lookup(normalise(t), speaker.voice_id, speaker.rate) for t in lines))
    renders = speaker.renderer.engine_renders
    speaker.speak(lines[1])
    speaker.stop()
    assert speaker.renderer.engine_renders == renders


def test_slow_speech_lasts_longer(speaker: EspeakSpeaker, null_sink: NullSinkServer, wait: Callable[..., bool]) -> None:
    heard = []
    for slow in (False, True):
        recording = null_sink.record()
        speaker.speak(SHORT, slow=slow)
        assert wait(lambda: not speaker.speaking)
        time.sleep(0.2)
        recording.stop()
        heard.append(recording.loud_chunks())
    assert heard[1] > 1.2 * heard[0]


def test_detects_the_null_sink(null_sink: NullSinkServer) -> None:
    output = detect_output(null_sink.env)
    assert output is not None and output.kind == "pulse"


def _has_sound_card() -> bool:
    if os.path.exists("/dev/snd"):
        return True
    if shutil.which("aplay") is None:
        return False
    return "card " in subprocess.run(["aplay", "-l"], capture_output=True, text=True, check=False).stdout


@pytest.mark.skipif(_has_sound_card(), reason="this machine has a sound card")
def test_no_device_means_text_only(tmp_path: Path) -> None:
    env = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path}/no-such-socket"}
    assert detect_output(env) is None
    speaker = EspeakSpeaker(tmp_path, env=env)
    try:
        assert not speaker.available
        assert speaker.status_message == STATUS_NO_DEVICE
        speaker.speak("Xin chào")  # neither raises nor renders
        speaker.prerender(["Bước một."])
        assert speaker.renderer.wait_ready(timeout=20)
        assert not speaker.speaking and speaker.renderer.engine_renders == 0
    finally:
        speaker.close()
