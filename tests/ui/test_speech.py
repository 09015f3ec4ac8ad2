"""Every instruction is spoken; Nghe lại / Nghe chậm hơn repeat it; a tap cuts old speech."""
import random

import pytest

from kiosk.app import KioskApp
from tests.ui.conftest import Driver, settle
from voice.fake_speaker import FakeSpeaker


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def talking(qtbot, settings, clock, speaker) -> Driver:
    kiosk_app = KioskApp(settings, clock, random.Random(5), speaker=speaker)
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.resize(1920, 1080)
    kiosk_app.window.show()
    settle()
    yield Driver(qtbot, kiosk_app)
    kiosk_app.close()


def test_each_instruction_is_spoken_when_it_appears_and_on_request(talking, speaker):
    talking.click("start")
    talking.click("lesson:vneid-kich-hoat-muc-2")
    first = talking.app.kiosk.lesson_session.step.instruction
    assert speaker.last_text == first
    talking.click("continue")
    second = talking.app.kiosk.lesson_session.step.instruction
    assert speaker.last_text == second
    talking.click("repeat")
    assert (speaker.spoken[-1].text, speaker.spoken[-1].slow) == (second, False)
    talking.click("slower")
    assert (speaker.spoken[-1].text, speaker.spoken[-1].slow) == (second, True)


def test_a_new_screen_cuts_the_old_speech(talking, speaker):
    talking.click("start")
    talking.click("lesson:vneid-kich-hoat-muc-2")
    assert speaker.speaking
    talking.click("toList")
    assert speaker.last_text == "Mời bác chọn một bài học."
    talking.click("end")
    assert not speaker.speaking


def test_the_lesson_lines_are_prerendered_when_it_opens(talking, speaker):
    talking.click("start")
    talking.click("lesson:cham-vuot-go-chu")
    lines = set(speaker.prerendered)
    assert {s.instruction for s in talking.app.kiosk.lesson_session.lesson.steps} <= lines


def test_kiosk_without_a_speaker_still_teaches(driver):
    driver.click("start")
    driver.click("lesson:cham-vuot-go-chu")
    driver.click("continue")
    assert driver.app.kiosk.lesson_session.step.id == "open-messages"


def test_volume_buttons_change_the_loudness_and_say_a_sample(talking, speaker):
    talking.click("start")
    talking.click("lesson:cham-vuot-go-chu")
    before = speaker.volume
    talking.click("volUp")
    assert speaker.volume == pytest.approx(min(1.0, before + 0.1))
    assert speaker.spoken[-1].volume == speaker.volume  # the sample line plays at the new level
    talking.click("volDown")
    talking.click("volDown")
    assert speaker.volume == pytest.approx(min(1.0, before + 0.1) - 0.2)


def test_a_tap_on_the_keyboard_cuts_the_instruction(talking, speaker):
    talking.click("start")
    talking.click("lesson:vneid-kich-hoat-muc-2")
    talking.click("continue")
    talking.click("el:activate")
    assert speaker.speaking
    talking.click("key:0")
    assert not speaker.speaking
