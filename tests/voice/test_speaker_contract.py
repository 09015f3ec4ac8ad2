"""Every Speaker (the fake and the real one, with and without a sound device) keeps the same promises."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from voice.espeak_speaker import EspeakSpeaker
from voice.fake_speaker import FakeSpeaker
from voice.null_sink import NullSinkServer
from voice.speaker import MIN_RATE, STATUS_NO_DEVICE, STATUS_NO_VOICE, STATUS_OK, Speaker

Maker = Callable[[Path], Speaker]


def _fake(tmp: Path) -> Speaker:
    return FakeSpeaker()


def _fake_no_device(tmp: Path) -> Speaker:
    return FakeSpeaker(available=False)


def _espeak_no_device(tmp: Path) -> Speaker:
    return EspeakSpeaker(tmp, output=None)


@pytest.fixture(params=["fake", "fake-no-device", "espeak-no-device", "espeak-null-sink"])
def speaker(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Speaker]:
    if request.param == "espeak-null-sink":
        server: NullSinkServer = request.getfixturevalue("null_sink")
        made: Speaker = EspeakSpeaker(tmp_path, env=server.env)
    else:
        made = {"fake": _fake, "fake-no-device": _fake_no_device, "espeak-no-device": _espeak_no_device}[request.param](tmp_path)
    yield made
    made.close()


def test_is_a_speaker(speaker: Speaker) -> None:
    assert isinstance(speaker, Speaker)


def test_status_message_matches_availability(speaker: Speaker) -> None:
    if speaker.available:
        assert speaker.status_message == STATUS_OK
    else:
        assert speaker.status_message in (STATUS_NO_DEVICE, STATUS_NO_VOICE)


def test_speak_then_stop(speaker: Speaker) -> None:
    speaker.speak("Mời bác chạm vào nút Bắt đầu để học cách dùng ứng dụng VNeID.")
    assert speaker.speaking == speaker.available
    speaker.stop()
    assert not speaker.speaking


def test_blank_text_says_nothing(speaker: Speaker) -> None:
    speaker.speak("   ")
    assert not speaker.speaking


def test_volume_is_clamped(speaker: Speaker) -> None:
    speaker.set_volume(1.7)
    assert speaker.volume == 1.0
    speaker.set_volume(-0.2)
    assert speaker.volume == 0.0
    speaker.set_volume(0.5)
    assert speaker.volume == 0.5


def test_voice_region_is_checked(speaker: Speaker) -> None:
    speaker.set_voice("south")
    speaker.set_voice("north")
    with pytest.raises(ValueError):
        speaker.set_voice("west")  # type: ignore[arg-type]


def test_rate_is_kept_at_or_above_the_minimum(speaker: Speaker) -> None:
    speaker.set_rate(170)
    assert speaker.rate == 170
    speaker.set_rate(10)
    assert speaker.rate == MIN_RATE


def test_close_twice_then_silent(speaker: Speaker) -> None:
    speaker.prerender(["Bước một.", "Bước hai."])
    speaker.close()
    speaker.close()
    assert not speaker.available
    speaker.speak("Xin chào")
    assert not speaker.speaking


def test_fake_records_what_the_layers_above_asked() -> None:
    fake = FakeSpeaker(region="south")
    fake.speak("Nghe lại", slow=True)
    fake.prerender(["a", "b"])
    assert fake.last_text == "Nghe lại"
    assert fake.spoken[0].slow and fake.spoken[0].region == "south"
    assert fake.prerendered == ["a", "b"]
    fake.finish()
    assert not fake.speaking
