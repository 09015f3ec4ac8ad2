"""A citizen walks the VNeID activation lesson by touching the simulated phone and keyboard."""
from PySide6.QtWidgets import QLabel

from kiosk.app import KioskApp
from kiosk.walkthrough import correct_intents
from tests.ui.conftest import Driver
from ui import texts
from ui.theme import SIZES


def walk_current_step(driver) -> None:
    """Answer the step on screen right, by touching what a person would."""
    for intent in correct_intents(driver.app.kiosk.lesson_session):
        driver.perform(intent)


def test_citizen_completes_vneid_activation_by_touch(driver, store):
    driver.click("start")
    assert texts.MENU_TITLE in driver.visible_texts()
    driver.click("lesson:vneid-kich-hoat-muc-2")
    driver.click("continue")  # the introduction

    # Two wrong taps: gentle words, then the right button is highlighted.
    driver.click("el:login")
    assert "Chưa đúng, bác thử lại nhé." in driver.visible_texts()
    assert driver.button("el:activate").property("highlight") == "false"
    driver.click("el:login")
    assert driver.button("el:activate").property("highlight") == "true"
    driver.click("el:activate")

    # The CCCD is typed on the big digit pad and shows in the practice field.
    cccd = driver.app.kiosk.lesson_session.step.expect.replace(" ", "")  # shown in groups, typed as digits
    driver.type_text(cccd[:4])
    assert driver.button("el:cccd").text().startswith(cccd[:4])
    driver.click("key:erase")
    assert driver.button("el:cccd").text().startswith(cccd[:3] + "|")
    driver.type_text(cccd[3:])
    driver.click("key:done")

    while driver.app.kiosk.lesson_session is not None:
        walk_current_step(driver)

    shown = driver.visible_texts()
    assert texts.CONGRATS in shown
    assert any("Không bao giờ đọc mã OTP" in t or "OTP" in t for t in shown)
    summary = next(store.db["lesson_summaries"].rows_where("lesson_id = ?", ["vneid-kich-hoat-muc-2"]))
    assert summary["status"] == "completed"
    assert summary["wrong_count"] == 2
    assert summary["steps_done"] == 21
    outcomes = [r["outcome"] for r in store.db["attempts"].rows]
    assert outcomes.count("wrong") == 2 and outcomes.count("correct") + outcomes.count("viewed") == 21


def test_typing_vietnamese_with_tone_keys(driver):
    driver.click("start")
    driver.click("lesson:cham-vuot-go-chu")
    for _ in range(4):
        walk_current_step(driver)
    driver.type_text("Cam")
    driver.click("tone:hỏi")
    driver.type_text(" ơn con")
    assert driver.button("el:reply").text() == "Cảm ơn con|"
    driver.click("key:done")
    assert driver.app.kiosk.lesson_session.step.id == "send-reply"


def test_text_size_switch_makes_the_instruction_bigger(driver):
    driver.click("start")
    driver.click("size:large")
    assert driver.button("size:large").isChecked()
    driver.click("lesson:cham-vuot-go-chu")
    instruction = driver.page().findChild(QLabel, "instruction")
    instruction.ensurePolished()
    assert instruction.font().pixelSize() == SIZES["large"].instruction


def test_a_password_can_be_shown_and_hidden_while_typing(driver):
    driver.click("start")
    driver.click("lesson:vneid-kich-hoat-muc-2")
    while driver.app.kiosk.lesson_session.step.id != "type-password":
        walk_current_step(driver)
    driver.type_text("Lan@")
    assert driver.button("el:new-password").text() == "••••|"
    driver.click("el:new-password:show")
    assert driver.button("el:new-password").text() == "Lan@|"
    driver.click("el:new-password:show")
    assert driver.button("el:new-password").text() == "••••|"


def test_deferred_start_up_still_answers_the_first_touch(qtbot, settings, clock):
    """`hocvuso run` paints the attract screen before loading lessons; an early tap must work."""
    kiosk_app = KioskApp(settings, clock, defer_core=True)
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.show()
    assert texts.ATTRACT_CALL in Driver(qtbot, kiosk_app).visible_texts()
    Driver(qtbot, kiosk_app).click("start")
    assert texts.MENU_TITLE in Driver(qtbot, kiosk_app).visible_texts()
    kiosk_app.close()
