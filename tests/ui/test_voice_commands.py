"""Spoken commands drive a lesson like taps; without a model or a microphone the button hides."""
import random

import pytest

from kiosk.app import KioskApp
from kiosk.walkthrough import complete_step
from tests.ui.conftest import Driver, settle
from ui import texts
from voice.fake_recognizer import FakeRecognizer
from voice.fake_speaker import FakeSpeaker
from voice.recognizer import ASK_AGAIN


def voice_driver(qtbot, settings, clock, recognizer):
    speaker = FakeSpeaker()
    kiosk_app = KioskApp(settings, clock, random.Random(5), speaker=speaker, recognizer=recognizer)
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.resize(1920, 1080)
    kiosk_app.window.show()
    with qtbot.waitSignal(kiosk_app.bridge.ready, timeout=5000):
        kiosk_app.start_voice()
    settle()
    return Driver(qtbot, kiosk_app), speaker


@pytest.fixture
def recognizer():
    return FakeRecognizer()


@pytest.fixture
def voiced(qtbot, settings, clock, recognizer):
    driver, speaker = voice_driver(qtbot, settings, clock, recognizer)
    driver.click("start")
    driver.click("lesson:vneid-kich-hoat-muc-2")
    yield driver, speaker
    driver.app.close()


def say(driver, recognizer, words, confidence=1.0):
    driver.click("mic")
    assert texts.MIC_LISTENING in [b.text() for b in [driver.button("mic")]]
    recognizer.say(words, confidence)
    settle()


def test_saying_tiep_theo_advances_and_shows_what_was_heard(voiced, recognizer):
    driver, _ = voiced
    say(driver, recognizer, "tiếp theo")
    assert driver.app.kiosk.lesson_session.step.id == "tap-activate"
    assert texts.HEARD.format(text="tiếp theo") in driver.visible_texts()


def test_nhac_lai_speaks_the_instruction_again(voiced, recognizer):
    driver, speaker = voiced
    before = len(speaker.spoken)
    say(driver, recognizer, "nhắc lại")
    assert len(speaker.spoken) == before + 1
    assert speaker.last_text == driver.app.kiosk.lesson_session.step.instruction


def test_unsure_hearing_asks_again_instead_of_acting(voiced, recognizer):
    driver, speaker = voiced
    say(driver, recognizer, "tiếp theo", confidence=0.2)
    assert driver.app.kiosk.lesson_session.step.id == "intro"
    assert speaker.last_text == ASK_AGAIN
    assert texts.HEARD.format(text=ASK_AGAIN) in driver.visible_texts()


def test_digits_can_be_spoken_into_a_number_field(voiced, recognizer):
    driver, _ = voiced
    driver.click("continue")
    driver.click("el:activate")
    say(driver, recognizer, "không không một")
    assert driver.button("el:cccd").text() == "001|"


def test_an_option_is_chosen_by_saying_it(qtbot, settings, clock, recognizer):
    driver, _ = voice_driver(qtbot, settings, clock, recognizer)
    driver.click("start")
    driver.click("lesson:vneid-kich-hoat-muc-2")
    session = driver.app.kiosk.lesson_session
    while session.step.id != "choose-question-1":
        driver.app.dispatch(complete_step(driver.app.kiosk))
    driver.window.render(driver.app.kiosk.view())
    option = session.view().screen.element("pick-1").options[1]
    say(driver, recognizer, option.lower().rstrip("?"))
    assert session.view().chosen == {"pick-1": 1}
    driver.app.close()


def test_no_model_or_no_microphone_hides_the_button_and_touch_still_works(qtbot, settings, clock):
    driver, _ = voice_driver(qtbot, settings, clock, FakeRecognizer(available=False))
    driver.click("start")
    driver.click("lesson:cham-vuot-go-chu")
    settle()
    assert not [b for b in driver.window.findChildren(type(driver.button("continue")), "mic") if b.isVisible()]
    driver.click("continue")
    assert driver.app.kiosk.lesson_session.step.id == "open-messages"
    driver.app.close()
