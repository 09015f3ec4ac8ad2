"""The kiosk speaks a recorded line in the recorded voice, and every other line with espeak-ng:
what reaches a real PulseAudio null sink is captured and its shape compared with the clip."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.voice.clip_kit import BURSTS, add_recording, heard_shape, same_shape
from voice.espeak_speaker import EspeakSpeaker
from voice.null_sink import NullSinkServer
from voice.recordings import RecordingLibrary
from voice.speaker import SLOW_FACTOR

RECORDED = "Mời bác chọn một chủ đề."
OTHER = "Mời bác chọn một bài học."


@pytest.fixture
def recordings(tmp_path: Path) -> Path:
    root = tmp_path / "recordings"
    add_recording(root, "nam", RECORDED)
    return root


@pytest.fixture
def speaker(null_sink: NullSinkServer, tmp_path: Path, recordings: Path) -> Iterator[EspeakSpeaker]:
    made = EspeakSpeaker(tmp_path / "cache", region="south", env=null_sink.env, volume=1.0,
                         recordings=RecordingLibrary(lambda: [recordings]))
    assert made.available and made.renderer.wait_ready(timeout=20)
    yield made
    made.close()


def heard(speaker: EspeakSpeaker, null_sink: NullSinkServer, wait: Callable[..., bool], text: str,
          slow: bool = False) -> list[float]:
    recording = null_sink.record()
    assert recording.streaming.wait(timeout=5)  # nothing played before the capture runs is missed
    start = time.monotonic()
    speaker.speak(text, slow=slow)
    assert wait(lambda: recording.first_sound(after=start) is not None) and wait(lambda: not speaker.speaking)
    time.sleep(0.2)
    recording.stop()
    return heard_shape(recording, start)


def test_a_recorded_line_plays_the_recording_not_espeak(speaker, null_sink, wait) -> None:
    renders = speaker.renderer.engine_renders
    shape = heard(speaker, null_sink, wait, RECORDED)
    assert same_shape(shape), shape
    assert speaker.renderer.engine_renders == renders
    assert wait(lambda: speaker.clips.decodes == 2)  # the line, and its slow version made meanwhile


def test_other_lines_are_spoken_by_espeak(speaker, null_sink, wait) -> None:
    shape = heard(speaker, null_sink, wait, OTHER)
    assert speaker.renderer.engine_renders == 1 and speaker.clips.decodes == 0
    assert not same_shape(shape), shape


def test_a_line_whose_text_changed_falls_back_to_espeak(speaker, null_sink, wait) -> None:
    changed = RECORDED.replace("chủ đề", "chủ đề học")
    shape = heard(speaker, null_sink, wait, changed)
    assert speaker.renderer.engine_renders == 1 and not same_shape(shape)


def test_a_line_with_one_recorded_sentence_is_all_espeak(speaker, null_sink, wait) -> None:
    heard(speaker, null_sink, wait, f"{RECORDED} {OTHER}")
    assert speaker.renderer.engine_renders == 1 and speaker.clips.decodes == 0


def test_listen_slower_slows_the_recording(speaker, null_sink, wait) -> None:
    """The whole clip (1.55 s) lasts 1/SLOW_FACTOR as long; the pitch is kept (test_recordings.py)."""
    spans = []
    for slow in (False, True):
        shape = heard(speaker, null_sink, wait, RECORDED, slow=slow)
        spans.append(shape)
    normal = sum(on + off for on, off in BURSTS)
    assert same_shape(spans[0])
    assert sum(spans[1]) == pytest.approx(sum(on for on, _ in BURSTS) / SLOW_FACTOR, abs=0.15), spans[1]
    assert speaker.renderer.engine_renders == 0 and speaker.clips.decodes == 2 and normal == pytest.approx(1.55)


def test_another_region_speaks_with_its_espeak_voice(speaker, null_sink, wait) -> None:
    speaker.set_voice("central")
    heard(speaker, null_sink, wait, RECORDED)
    assert speaker.renderer.engine_renders == 1 and speaker.voice_id == "aav/vi-vn-x-central"


def test_a_broken_clip_is_spoken_by_espeak(speaker, null_sink, wait, recordings: Path) -> None:
    clip = speaker.recordings.clip(RECORDED, "nam")
    clip.path.write_bytes(b"OggS not really")
    shape = heard(speaker, null_sink, wait, RECORDED)
    assert speaker.renderer.engine_renders == 1 and not same_shape(shape)


def test_recorded_prerender_decodes_without_espeak(speaker, wait) -> None:
    speaker.prerender([RECORDED])
    assert wait(lambda: speaker.clips.decodes == 1)
    assert speaker.renderer.engine_renders == 0
