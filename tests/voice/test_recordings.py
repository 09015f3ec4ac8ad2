"""Which recording the kiosk finds for a line: sentences keyed by their text, all or nothing per line,
the kiosk's own recordings first, an index read again when it changes, broken ones ignored."""
from __future__ import annotations

import math
import os
import struct
import wave
from pathlib import Path

import pytest

from tests.voice.clip_kit import add_recording, bursts_pcm
from voice.clip_audio import CLIP_RATE, decode_clips, vorbis_format, vorbis_seconds
from voice.lines import line_key, sentences, syllables
from voice.recordings import INDEX, RecordingLibrary, region_dir


def test_sentences_are_cut_after_their_end_and_keys_ignore_spacing() -> None:
    assert sentences("Đúng rồi!  Bác làm tốt lắm.") == ["Đúng rồi!", "Bác làm tốt lắm."]
    assert sentences('Bác chọn "Phiếu số 1". Đây là loại thường dùng.') == ['Bác chọn "Phiếu số 1".', "Đây là loại thường dùng."]
    assert sentences("Ở TP. Hồ Chí Minh và dichvucong.gov.vn.") == ["Ở TP. Hồ Chí Minh và dichvucong.gov.vn."]
    assert sentences("Số tiền 2.000.000 đ. Phải bấm Hủy.") == ["Số tiền 2.000.000 đ.", "Phải bấm Hủy."]
    assert line_key(" Mời  bác\nchọn ") == "Mời bác chọn"
    assert line_key("Mời bác cho\u0323n") == "Mời bác chọn"  # NFD tone marks are the same text


def test_syllables_count_what_is_read_aloud() -> None:
    assert syllables("Đúng rồi!") == 2
    assert syllables("Mã OTP 482913.") == 1 + 3 + 6


def test_a_line_is_recorded_only_when_every_sentence_is(tmp_path: Path) -> None:
    library = RecordingLibrary(lambda: [tmp_path])
    add_recording(tmp_path, "nam", "Đúng rồi!")
    assert library.plan("Đúng rồi!", "nam") is not None
    assert library.plan("Đúng rồi! Bác làm tốt lắm.", "nam") is None  # never half a person, half espeak-ng
    add_recording(tmp_path, "nam", "Bác làm tốt lắm.")
    plan = library.plan("Đúng rồi!   Bác làm tốt lắm.", "nam")
    assert plan is not None and [c.text for c in plan] == ["Đúng rồi!", "Bác làm tốt lắm."]
    assert library.plan("Đúng rồi!", "bac") is None  # another region's voice is not used
    assert library.plan("Đúng rồi.", "nam") is None  # a changed line is another line


def test_the_kiosks_own_recording_comes_first(tmp_path: Path) -> None:
    own, pack = tmp_path / "own", tmp_path / "pack"
    mine = add_recording(own, "nam", "Đúng rồi!")
    add_recording(pack, "nam", "Đúng rồi!")
    assert RecordingLibrary(lambda: [own, pack]).clip("Đúng rồi!", "nam") == mine


def test_a_kept_take_is_found_at_once_and_a_new_root_after_reload(tmp_path: Path) -> None:
    roots = [tmp_path / "a"]
    library = RecordingLibrary(lambda: list(roots))
    assert library.clip("Đúng rồi!", "nam") is None
    add_recording(roots[0], "nam", "Đúng rồi!")
    assert library.clip("Đúng rồi!", "nam") is not None
    roots.append(tmp_path / "b")
    add_recording(roots[1], "nam", "Chưa đúng.")
    assert library.clip("Chưa đúng.", "nam") is None
    library.reload()
    assert library.clip("Chưa đúng.", "nam") is not None


def test_a_broken_index_or_missing_clip_is_not_used(tmp_path: Path) -> None:
    library = RecordingLibrary(lambda: [tmp_path])
    clip = add_recording(tmp_path, "nam", "Đúng rồi!")
    os.unlink(clip.path)
    assert library.clip("Đúng rồi!", "nam") is None
    (region_dir(tmp_path, "nam") / INDEX).write_text("lines: [", encoding="utf-8")
    assert library.clip("Đúng rồi!", "nam") is None
    (region_dir(tmp_path, "nam") / INDEX).write_text(
        "schema_version: 1\nlines:\n- {text: x, file: ../../../etc/passwd.ogg, seconds: 1}\n", encoding="utf-8")
    assert library.clips("nam") == {}


def test_clips_are_ogg_vorbis_mono_24k_with_their_length(tmp_path: Path) -> None:
    clip = add_recording(tmp_path, "nam", "Đúng rồi!")
    assert vorbis_format(clip.path) == (1, CLIP_RATE)
    assert vorbis_seconds(clip.path) == pytest.approx(1.55, abs=0.02)
    assert vorbis_format(Path(__file__)) is None


def _zero_crossings_per_s(path: Path) -> tuple[float, float]:
    with wave.open(str(path)) as w:
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    crossings = sum(1 for a, b in zip(samples, samples[1:]) if (a < 0) != (b < 0))
    return crossings / (len(samples) / rate), len(samples) / rate


def test_slower_playback_keeps_the_pitch(tmp_path: Path) -> None:
    clip = add_recording(tmp_path, "nam", "Một câu.", bursts_pcm(((2.0, 0.0),), hz=300))
    normal, slow = tmp_path / "normal.wav", tmp_path / "slow.wav"
    decode_clips([clip.path], normal)
    decode_clips([clip.path], slow, tempo=0.7)
    (normal_zc, normal_s), (slow_zc, slow_s) = _zero_crossings_per_s(normal), _zero_crossings_per_s(slow)
    assert slow_s == pytest.approx(normal_s / 0.7, rel=0.05)
    assert slow_zc == pytest.approx(normal_zc, rel=0.03) and normal_zc == pytest.approx(2 * 300, rel=0.03)
    assert not math.isclose(slow_s, normal_s, rel_tol=0.2)
