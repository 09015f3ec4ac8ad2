"""«Thu giọng đọc» by touch, with a real microphone path: a known human voice is played into a
private PulseAudio null sink while staff record from its monitor source; the take is checked,
heard back, redone, kept (trimmed, at the one loudness, under its line) and coverage goes up;
the recordings go to a USB stick as a voice pack."""
from __future__ import annotations

import dataclasses
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea

from kiosk.app.audit import screen_findings
from kiosk.spoken_lines import KIOSK_GROUP
from kiosk.voice_studio import VoiceStudio
from tests.ui.conftest import Driver, settle
from tests.ui.test_staff import unlock, wait_for_worker
from tests.ui.test_touch_scroll import Finger
from ui.staff import recording_texts as texts
from ui.staff.recording_page import RecordingPage
from voice.audio_source import CommandSource
from voice.clip_audio import CLIP_RATE, decode_clips
from voice.lines import syllables
from voice.null_sink import SINK, NullSinkServer, pulseaudio_missing
from voice.take import LEAD_MS, REFUSALS_VI, TAIL_MS, TARGET_DBFS, active_level_dbfs

HUMAN = Path("/usr/share/sounds/alsa/Front_Center.wav")  # "Front, center": a real voice, about 1.2 s


@pytest.fixture(scope="module")
def null_sink() -> Iterator[NullSinkServer]:
    reason = pulseaudio_missing() or (None if HUMAN.is_file() else "alsa-utils' test voice is not installed")
    if reason:
        pytest.skip(reason)
    with NullSinkServer() as server:
        yield server


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


def touch(driver: Driver, name: str) -> None:
    """A finger taps the button (scrolled into view first, as staff would scroll to it)."""
    button = driver.button(name)
    area = next((a for a in driver.window.findChildren(QScrollArea) if a.isAncestorOf(button) and a.isVisible()), None)
    if area is not None:
        area.ensureWidgetVisible(button)
        settle()
    Finger(driver.window).tap(button.mapTo(driver.window, button.rect().center()))
    settle()


def shown(driver: Driver, name: str) -> str:
    found = [w.text() for w in driver.window.findChildren(QLabel, name) if w.isVisible()]
    assert len(found) == 1, (name, found)
    return found[0]


def banners(driver: Driver) -> list[str]:
    return [w.text() for w in driver.window.findChildren(QLabel, "staffMessage") if w.isVisible()]


@pytest.fixture
def studio(kiosk_app, null_sink: NullSinkServer, tmp_path: Path) -> VoiceStudio:
    """The kiosk's studio, its microphone the null sink's monitor at the clips' rate."""
    app_studio = kiosk_app.staff._services.voice
    microphone = ["parec", "-d", f"{SINK}.monitor", f"--rate={CLIP_RATE}", "--channels=1", "--format=s16le",
                  "--raw", "--latency-msec=20"]
    made = VoiceStudio(lambda: kiosk_app.settings, lambda: kiosk_app.kiosk.packs, app_studio.library, null_sink.env,
                       lambda: CommandSource(microphone, null_sink.env), usb_roots=[tmp_path / "media"])
    kiosk_app.staff._services = dataclasses.replace(kiosk_app.staff._services, voice=made)
    return made


def assert_fits(kiosk_app, settings) -> None:
    """The pack audit's checks on what is on screen: big targets apart, no cut text, AAA contrast."""
    findings = [f"{f.kind} {f.element}: {f.detail}" for f in screen_findings(kiosk_app.window, settings.screen_dpi)]
    assert findings == []


def page(kiosk_app) -> RecordingPage:
    return kiosk_app.staff.overlay.panel.recording


def take(driver: Driver, kiosk_app, null_sink: NullSinkServer, voice: bool = True) -> None:
    """Thu, the countdown, the voice played into the sink (or nothing), Dừng; wait for the checks."""
    page(kiosk_app).countdown_s = 1
    touch(driver, "voice:record")
    assert shown(driver, "voice:status").startswith("Chuẩn bị")
    driver.qtbot.waitUntil(lambda: shown(driver, "voice:status") == texts.RECORDING, timeout=5000)
    if voice:
        subprocess.run(["paplay", str(HUMAN)], env=null_sink.env, check=True)
        driver.qtbot.waitUntil(lambda: page(kiosk_app)._bar.peak > 0.3, timeout=3000)  # the live level bar moved
    time.sleep(0.6)
    touch(driver, "voice:stop")
    wait_for_worker(driver, kiosk_app.staff, timeout_ms=20000)


def open_short_line(driver: Driver, kiosk_app) -> str:
    """Open the kiosk's phrases and skip, as staff may, to a line short enough for "Front, center"."""
    touch(driver, "staff:settings")
    touch(driver, "staff:voice")
    touch(driver, f"voice:group:{KIOSK_GROUP}")
    while syllables(shown(driver, "voice:line")) > 8:
        touch(driver, "voice:skip")
    return shown(driver, "voice:line")


def test_staff_record_listen_redo_and_keep_a_line_by_touch(driver, kiosk_app, settings, studio, null_sink) -> None:
    unlock(driver, kiosk_app.staff, settings)
    line = open_short_line(driver, kiosk_app)
    assert_fits(kiosk_app, settings)
    before = next(c for c in studio.coverage() if c.group.id == KIOSK_GROUP)

    take(driver, kiosk_app, null_sink)
    assert texts.TAKE_OK in shown(driver, "voice:status")
    assert_fits(kiosk_app, settings)
    recording = null_sink.record()
    assert recording.streaming.wait(5)
    start = time.monotonic()
    touch(driver, "voice:listen")  # Nghe lại: the take comes out of the speaker
    driver.qtbot.waitUntil(lambda: recording.first_sound(after=start) is not None, timeout=5000)
    recording.stop()

    take(driver, kiosk_app, null_sink)  # Thu lại
    assert texts.TAKE_OK in shown(driver, "voice:status")
    touch(driver, "voice:keep")
    wait_for_worker(driver, kiosk_app.staff)
    assert shown(driver, "voice:status") == texts.KEPT.format(coverage=f"{before.title_vi}: {before.recorded + 1}/{before.total} câu đã thu")
    assert shown(driver, "voice:line") != line  # on to the next line still to record

    clip = studio.library.clip(line, studio.region)
    assert clip is not None and clip.path.is_relative_to(settings.data_dir / "recordings")
    decoded = clip.path.with_suffix(".check.wav")
    decode_clips([clip.path], decoded)
    pcm = decoded.read_bytes()[44:]
    assert active_level_dbfs(pcm, CLIP_RATE) == pytest.approx(TARGET_DBFS, abs=1.5)  # the one loudness
    speech_and_margins = clip.seconds - (LEAD_MS + TAIL_MS) / 1000
    assert 0.8 < speech_and_margins < 1.6  # trimmed to the ~1.2 s of speech: the silence before and after is gone

    touch(driver, "voice:back")
    assert_fits(kiosk_app, settings)
    assert driver.button(f"voice:group:{KIOSK_GROUP}").text() == (
        f"{before.title_vi}: {before.recorded + 1}/{before.total} câu đã thu")


def test_a_silent_take_is_refused_with_the_reason_and_can_be_recorded_again(driver, kiosk_app, settings, studio,
                                                                            null_sink) -> None:
    unlock(driver, kiosk_app.staff, settings)
    open_short_line(driver, kiosk_app)
    take(driver, kiosk_app, null_sink, voice=False)
    assert shown(driver, "voice:status") == REFUSALS_VI["silent"]
    assert driver.visible("voice:record") and not driver.visible("voice:keep")
    touch(driver, "voice:back")


def test_recordings_go_to_usb_as_a_voice_pack(driver, kiosk_app, settings, studio, null_sink, tmpfs_mount) -> None:
    unlock(driver, kiosk_app.staff, settings)
    open_short_line(driver, kiosk_app)
    take(driver, kiosk_app, null_sink)
    touch(driver, "voice:keep")
    wait_for_worker(driver, kiosk_app.staff)
    stick = tmpfs_mount("STICK", size="8m")
    touch(driver, "voice:back")
    touch(driver, "voice:export")
    touch(driver, "confirm:yes")
    wait_for_worker(driver, kiosk_app.staff)
    folders = [p for p in stick.iterdir() if p.name.startswith("giong-doc-bac-")]
    assert len(folders) == 1 and (folders[0] / "pack.yaml").is_file()
    assert banners(driver)[0].startswith("Đã chép 1 câu giọng miền Bắc vào USB")


def test_staff_see_how_codes_and_addresses_are_read() -> None:
    from ui.staff.recording_page import spelled

    assert spelled("Bác gõ mật khẩu tập luyện Lan@2026 rồi bấm Xong.") == ["Lan@2026"]
    assert spelled("Mã hồ sơ là H75.2511.0042, gọi 0899 000 113.") == ["H75.2511.0042", "0899 000 113"]
    assert spelled("Kiểm tra lại trên dichvucong.gov.vn nhé.") == ["dichvucong.gov.vn"]
    assert spelled("Có VNeID mức 2, lệ phí 200.000 đồng.") == []


def test_the_central_voice_region_is_chosen_by_touch_and_recording_follows_it(driver, kiosk_app, settings, studio) -> None:
    from kiosk.settings import load_settings
    from ui.staff import texts as staff_texts

    unlock(driver, kiosk_app.staff, settings)
    touch(driver, "staff:settings")
    touch(driver, "setting:voice_region")
    assert [driver.button(f"choice:{r}").text() for r in ("north", "central", "south")] == [
        "Giọng miền Bắc (đang dùng)", "Giọng miền Trung", "Giọng miền Nam"]
    touch(driver, "choice:central")
    touch(driver, "confirm:yes")
    assert kiosk_app.settings.voice_region == "central" and load_settings().voice_region == "central"
    touch(driver, "settings:back")
    assert driver.button("setting:voice_region").text() == f"{staff_texts.SETTING_NAMES['voice_region']}: Giọng miền Trung"
    touch(driver, "staff:voice")
    assert texts.REGION.format(region="miền Trung") in driver.visible_texts() and studio.region == "trung"
