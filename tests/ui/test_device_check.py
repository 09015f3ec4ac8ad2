"""«Kiểm tra thiết bị» with the speaker, microphone and recogniser the kiosk was given:
the fakes for speech, a real WAV audio source for the microphone, real Qt offscreen."""
from __future__ import annotations

import dataclasses
import math
import struct
import wave

import pytest
from PySide6.QtCore import QPoint

from tests.ui.conftest import Driver, settle
from tests.ui.test_staff import message, unlock, wait_for_worker
from ui.staff import texts
from ui.staff.device_check import LevelBar
from ui.staff.touch_test import PLACES, TouchTest
from voice.audio_source import SAMPLE_RATE, WavFileSource
from voice.fake_recognizer import FakeRecognizer
from voice.fake_speaker import FakeSpeaker


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def recognizer(qtbot) -> FakeRecognizer:
    recognizer = FakeRecognizer()
    loaded: list[bool] = []
    recognizer.load(loaded.append)
    qtbot.waitUntil(lambda: loaded == [True])
    return recognizer


@pytest.fixture
def app_speaker(speaker: FakeSpeaker) -> FakeSpeaker:
    return speaker


@pytest.fixture
def app_recognizer(recognizer: FakeRecognizer) -> FakeRecognizer:
    return recognizer


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


@pytest.fixture
def voice_wav(tmp_path):
    """Half a second of silence, then two seconds of a loud tone, as a microphone would give."""
    path = tmp_path / "voice.wav"
    tone = [round(0.5 * 32767 * math.sin(2 * math.pi * 300 * i / SAMPLE_RATE)) for i in range(SAMPLE_RATE * 2)]
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(SAMPLE_RATE) + struct.pack(f"<{len(tone)}h", *tone))
    return path


def open_devices(driver: Driver, kiosk_app, settings, **services) -> None:
    staff = kiosk_app.staff
    staff._services = dataclasses.replace(staff._services, device_checks=list, **services)
    unlock(driver, staff, settings)
    driver.click("staff:devices")
    wait_for_worker(driver, staff)


def test_speaker_test_plays_a_sentence_and_asks_if_it_was_heard(driver, kiosk_app, settings, speaker) -> None:
    open_devices(driver, kiosk_app, settings)
    driver.click("devices:speaker")
    assert speaker.last_text == texts.SPEAKER_SENTENCE
    assert texts.HEAR_QUESTION in driver.visible_texts()
    driver.click("heard:yes")
    assert message(driver, "staffMessage") == texts.SPEAKER_OK
    driver.click("devices:back")
    wait_for_worker(driver, kiosk_app.staff)
    driver.click("devices:speaker")
    driver.click("heard:no")
    assert message(driver, "staffMessage") == texts.SPEAKER_BAD


def test_without_a_speaker_the_test_says_so(driver, kiosk_app, settings) -> None:
    open_devices(driver, kiosk_app, settings, speaker=FakeSpeaker(available=False))
    driver.click("devices:speaker")
    assert message(driver, "staffMessage") == texts.NO_SPEAKER


def test_microphone_level_moves_then_one_word_is_recognised(driver, kiosk_app, settings, recognizer, voice_wav) -> None:
    sources: list[WavFileSource] = []

    def microphone() -> WavFileSource:
        sources.append(WavFileSource(voice_wav, realtime=True))
        return sources[-1]

    open_devices(driver, kiosk_app, settings, microphone=microphone)
    driver.click("devices:microphone")
    bar = driver.window.findChild(LevelBar, "mic:level")
    assert bar.isVisible() and bar.height() >= kiosk_app.window.look.min_target
    driver.qtbot.waitUntil(lambda: bar.level > 0.8, timeout=5000)
    recognizer.say("một")
    driver.click("mic:recognise")
    assert sources[0]._closed  # the meter let go of the microphone for the recogniser
    assert recognizer.listens[-1] == list(texts.WORDS)
    driver.qtbot.waitUntil(lambda: message(driver, "mic:heard") == texts.HEARD.format(text="một"))
    recognizer.say("bốn")  # not one of the words asked for
    driver.click("mic:recognise")
    driver.qtbot.waitUntil(lambda: message(driver, "mic:heard") == texts.NOT_HEARD)
    driver.click("mic:stop")
    assert message(driver, "staffMessage") == texts.MIC_STOPPED
    assert all(source._closed for source in sources)


def test_no_microphone_is_said_plainly(driver, kiosk_app, settings) -> None:
    open_devices(driver, kiosk_app, settings, microphone=lambda: None)
    driver.click("devices:microphone")
    assert message(driver, "staffMessage") == texts.NO_MIC


def test_without_a_speech_model_the_level_bar_still_works(driver, kiosk_app, settings, voice_wav) -> None:
    open_devices(driver, kiosk_app, settings, microphone=lambda: WavFileSource(voice_wav, realtime=True),
                 recognizer=FakeRecognizer(available=False))
    driver.click("devices:microphone")
    assert any(text.startswith("Chưa có nhận dạng giọng nói") for text in driver.visible_texts())
    assert not [b for b in driver.window.findChildren(type(driver.button("mic:stop")), "mic:recognise") if b.isVisible()]


def test_closing_staff_mode_mid_test_releases_the_microphone(driver, kiosk_app, settings, voice_wav) -> None:
    source = WavFileSource(voice_wav, realtime=True)
    open_devices(driver, kiosk_app, settings, microphone=lambda: source)
    driver.click("devices:microphone")
    kiosk_app.staff.overlay.idle_timer.timeout.emit()  # two minutes without a touch
    settle()
    assert kiosk_app.staff.overlay is None and source._closed


def test_touch_test_turns_each_corner_and_the_centre_green(driver, kiosk_app, settings) -> None:
    open_devices(driver, kiosk_app, settings)
    driver.click("devices:touch")
    window = kiosk_app.window
    corners = {"top-left": QPoint(0, 0), "top-right": QPoint(window.width() - 1, 0),
               "bottom-left": QPoint(0, window.height() - 1), "bottom-right": QPoint(window.width() - 1, window.height() - 1),
               "centre": QPoint(window.width() // 2, window.height() // 2)}
    for place, point in corners.items():
        target = driver.button(f"touch:{place}")
        assert target.geometry().contains(target.parentWidget().mapFrom(window, point)), place
        assert target.width() >= window.look.main_target and target.height() >= window.look.main_target
    for place in PLACES[:-1]:
        driver.click(f"touch:{place}")
        assert driver.button(f"touch:{place}").property("touched") == "true"
    assert not driver.window.findChild(TouchTest).result.isVisible()
    driver.click(f"touch:{PLACES[-1]}")
    assert message(driver, "touch:result") == texts.TOUCH_OK
    driver.click("touch:exit")
    assert message(driver, "staffMessage") == texts.TOUCH_OK


def test_touch_test_can_be_left_at_once_and_says_what_was_missed(driver, kiosk_app, settings) -> None:
    open_devices(driver, kiosk_app, settings)
    driver.click("devices:touch")
    driver.click("touch:centre")
    driver.click("touch:exit")
    assert message(driver, "staffMessage") == texts.TOUCH_PARTIAL.format(done=1, total=len(PLACES))
    assert not [w for w in driver.window.findChildren(TouchTest) if w.isVisible()]
