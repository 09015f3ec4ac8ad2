"""Voice packs go the way lesson packs go: a kiosk's recordings exported as a folder, checked, built
and signed by the province tools, installed on another kiosk from the command line or the staff
route; refused (nothing installed) when unsigned, signed by an unknown key, cut short or too large."""
from __future__ import annotations

import datetime
import random
from dataclasses import replace
from pathlib import Path

import pytest
from bundle_kit import Key, make_key, signed_bundle

from kiosk.bundles import SlotInfo
from kiosk.cli import main
from kiosk.settings import Settings
from kiosk.voice_packs import (
    VOICE_LIMITS,
    VoicePackInstalled,
    VoicePackRefused,
    export_voice,
    install_bundle,
    open_voice_store,
    own_recordings,
    recording_library,
)
from tests.voice.clip_kit import add_recording
from voice.recordings import CLIPS, clip_file, region_dir
from voice.voice_pack import voice_pack_problems

NOW = datetime.datetime(2026, 11, 30, 9, 15, tzinfo=datetime.timezone.utc)
LINES = ("Mời bác chọn một chủ đề.", "Đúng rồi!", "Bác làm tốt lắm.")


def kiosk(tmp_path: Path, name: str, key: Key) -> Settings:
    return Settings(kiosk_id=name, kiosk_name="Trạm thử", commune="Xã Tân Phú", province="tỉnh Đồng Nai",
                    data_dir=tmp_path / name, voice_region="south", trusted_keys=(key.public,))


def on(settings: Settings, monkeypatch: pytest.MonkeyPatch, *command: str) -> int:
    """`hocvuso` run on the kiosk `settings` describes (its kiosk.toml and data folder)."""
    path = settings.data_dir.with_suffix(".toml")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'kiosk_id = "{settings.kiosk_id}"\nvoice_region = "south"\n'
                    f'trusted_keys = ["{settings.trusted_keys[0]}"]\n', encoding="utf-8")
    monkeypatch.setenv("HOCVUSO_DATA_DIR", str(settings.data_dir))
    return main(["--config", str(path), *command])


@pytest.fixture
def exported(tmp_path: Path, key: Key) -> Path:
    """A voice-pack folder exported from kiosk A, where staff recorded three lines."""
    settings = kiosk(tmp_path, "kiosk-a", key)
    for line in LINES:
        add_recording(own_recordings(settings), "nam", line)
    folder, count = export_voice(settings, NOW, into=tmp_path / "usb")
    assert count == len(LINES)
    return folder


def test_exported_recordings_are_signed_and_installed_on_another_kiosk(exported: Path, tmp_path: Path, key: Key,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert exported.name == "giong-doc-nam-kiosk-a-20261130-0915"
    assert voice_pack_problems(exported) == []
    bundle = tmp_path / "nam.hvsbundle"
    assert main(["pack", "build", str(exported), "--out", str(bundle)]) == 0
    assert main(["pack", "sign", str(bundle), "--key", str(key.path)]) == 0
    other = kiosk(tmp_path, "kiosk-b", key)
    library = recording_library(other)
    assert library.plan(" ".join(LINES[1:]), "nam") is None
    capsys.readouterr()
    assert on(other, monkeypatch, "voice", "import", str(bundle)) == 0
    assert "3 câu giọng miền Nam" in capsys.readouterr().out
    library.reload()
    assert library.plan(" ".join(LINES[1:]), "nam") is not None
    assert on(other, monkeypatch, "voice", "status") == 0
    status = capsys.readouterr().out
    assert "Câu chung của trạm (lời mời, lời khen, lời nhắc): 3/" in status and "giong-nam-kiosk-a" in status


def test_the_staff_route_sends_lesson_bundles_to_lessons_and_voice_bundles_to_voice(
        exported: Path, bundle_v1: Path, tmp_path: Path, key: Key) -> None:
    settings = kiosk(tmp_path, "kiosk-b", key)
    voice = signed_bundle(exported, tmp_path / "nam.hvsbundle", key)
    installed = install_bundle(settings, voice)
    assert isinstance(installed, VoicePackInstalled) and installed.region == "nam" and installed.count == 3
    assert "Đã cài xong gói giọng đọc" in installed.message_vi
    lessons = install_bundle(settings, bundle_v1)
    assert isinstance(lessons, SlotInfo) and lessons.pack_id == "core"
    assert open_voice_store(settings).status().active.pack_id == "giong-nam-kiosk-a"


def refused(settings: Settings, bundle: Path) -> VoicePackRefused:
    with pytest.raises(VoicePackRefused) as caught:
        install_bundle(settings, bundle)
    assert open_voice_store(settings).status().active is None  # nothing installed
    assert "Giọng đọc đang dùng vẫn giữ nguyên." in caught.value.message_vi
    return caught.value


def test_a_voice_pack_signed_by_an_unknown_key_is_refused(exported: Path, tmp_path: Path, key: Key,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    stranger = make_key(tmp_path / "stranger", "stranger")
    bundle = signed_bundle(exported, tmp_path / "nam.hvsbundle", stranger)
    with pytest.raises(Exception) as caught:  # refused while the manifest is read: it is nobody's voice pack yet
        install_bundle(kiosk(tmp_path, "kiosk-b", key), bundle)
    assert caught.value.reason == "unknown_key"
    assert on(kiosk(tmp_path, "kiosk-b", key), monkeypatch, "voice", "import", str(bundle)) == 1


def test_a_truncated_voice_pack_is_refused(exported: Path, tmp_path: Path, key: Key) -> None:
    bundle = signed_bundle(exported, tmp_path / "nam.hvsbundle", key)
    data = bundle.read_bytes()
    bundle.write_bytes(data[: len(data) * 2 // 3])
    assert refused(kiosk(tmp_path, "kiosk-b", key), bundle).reason == "truncated"


def test_a_voice_pack_larger_than_a_kiosk_takes_is_refused(exported: Path, tmp_path: Path, key: Key) -> None:
    folder = region_dir(exported, "nam") / CLIPS
    rng = random.Random(1)
    big = next(folder.iterdir())
    big.write_bytes(rng.randbytes(VOICE_LIMITS.max_file_bytes + 1))
    bundle = signed_bundle(exported, tmp_path / "nam.hvsbundle", key)
    reason = refused(kiosk(tmp_path, "kiosk-b", key), bundle)
    assert reason.reason == "oversize" and "Gói giọng đọc lớn hơn mức trạm cho phép." in reason.message_vi
    assert main(["pack", "build", str(exported), "--out", str(tmp_path / "again.hvsbundle")]) == 1


def test_an_unsigned_voice_pack_is_refused(exported: Path, tmp_path: Path, key: Key) -> None:
    bundle = tmp_path / "nam.hvsbundle"
    assert main(["pack", "build", str(exported), "--out", str(bundle)]) == 0
    with pytest.raises(Exception) as caught:
        install_bundle(kiosk(tmp_path, "kiosk-b", key), bundle)
    assert caught.value.reason == "unsigned"


def test_a_voice_pack_whose_recordings_are_wrong_is_refused_with_each_problem(exported: Path, tmp_path: Path,
                                                                             key: Key) -> None:
    folder = region_dir(exported, "nam")
    (folder / CLIPS / clip_file("Đúng rồi!")).write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt ")  # a WAV named .ogg
    (folder / CLIPS / "stray.ogg").write_bytes(b"OggS")
    problems = voice_pack_problems(exported)
    assert any("Ogg Vorbis, mono, 24000 Hz" in p for p in problems)
    assert any("stray.ogg: not listed" in p for p in problems)
    bundle = signed_bundle(exported, tmp_path / "nam.hvsbundle", key)
    assert refused(kiosk(tmp_path, "kiosk-b", key), bundle).reason == "invalid_pack"


def test_export_needs_recordings_and_a_writable_stick(tmp_path: Path, key: Key) -> None:
    settings = kiosk(tmp_path, "kiosk-a", key)
    with pytest.raises(Exception) as nothing:
        export_voice(settings, NOW, mount_roots=[tmp_path / "media"])
    assert "chưa có câu nào thu giọng miền Nam" in nothing.value.message_vi
    add_recording(own_recordings(settings), "nam", LINES[0])
    with pytest.raises(Exception) as no_stick:
        export_voice(replace(settings), NOW, mount_roots=[tmp_path / "media"])
    assert no_stick.value.message_vi.startswith("Không tìm thấy USB")


def test_doctor_reports_coverage_and_a_broken_voice_pack(exported: Path, tmp_path: Path, key: Key,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    other = kiosk(tmp_path, "kiosk-b", key)
    install_bundle(other, signed_bundle(exported, tmp_path / "nam.hvsbundle", key))
    capsys.readouterr()
    on(other, monkeypatch, "doctor")
    row = next(line for line in capsys.readouterr().out.splitlines() if "recorded_voice" in line)
    assert row.startswith("[OK]") and "Giọng người thật miền Nam: đã thu 3/" in row
    slot = open_voice_store(other).active_pack_dir()
    next((region_dir(slot, "nam") / CLIPS).iterdir()).write_bytes(b"broken")
    on(other, monkeypatch, "doctor")
    row = next(line for line in capsys.readouterr().out.splitlines() if "recorded_voice" in line)
    assert row.startswith("[!!]") and "Gói giọng đọc đã cài bị hỏng" in row


def test_a_lesson_pack_may_carry_its_own_recordings(pack_v2: Path, tmp_path: Path, key: Key) -> None:
    from content.loader import load_pack
    from kiosk.bundles.store import default_validator

    add_recording(pack_v2, "nam", LINES[0])
    assert [str(p) for p in default_validator(pack_v2)] == []
    pack = load_pack(pack_v2).pack
    assert recording_library(kiosk(tmp_path, "kiosk-b", key), [pack]).clip(LINES[0], "nam") is not None
    (region_dir(pack_v2, "nam") / CLIPS / "stray.ogg").write_bytes(b"OggS")
    assert any("stray.ogg: not listed" in str(p) for p in default_validator(pack_v2))
