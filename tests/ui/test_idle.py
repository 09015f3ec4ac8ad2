"""Idle: the warning, "Tôi vẫn đang học", and the wipe that leaves nothing for the next person."""
from PySide6.QtWidgets import QAbstractButton, QLabel

from ui import texts
from ui.simple_pages import IdleOverlay


def overlay(driver) -> IdleOverlay:
    return driver.window.findChild(IdleOverlay)


def start_typing_cccd(driver, digits: str) -> None:
    driver.click("start")
    driver.click("lesson:vneid-kich-hoat-muc-2")
    driver.click("continue")
    driver.click("el:activate")
    driver.type_text(digits)


def tick(driver) -> None:
    driver.app.dispatch(driver.app.kiosk.tick())


def test_warning_after_120_s_and_still_here_keeps_the_work(driver, clock):
    start_typing_cccd(driver, "0012")
    clock.advance(119)
    tick(driver)
    assert not overlay(driver).isVisible()
    clock.advance(1)
    tick(driver)
    assert overlay(driver).isVisible()
    assert overlay(driver).geometry() == driver.window.rect()  # full screen
    assert texts.IDLE_COUNTDOWN.format(seconds=30) in driver.visible_texts()
    clock.advance(10)
    tick(driver)
    assert texts.IDLE_COUNTDOWN.format(seconds=20) in driver.visible_texts()
    driver.click("stillHere")
    assert not overlay(driver).isVisible()
    assert driver.button("el:cccd").text() == "0012|"


def test_no_answer_wipes_everything_back_to_the_attract_screen(driver, clock, store):
    start_typing_cccd(driver, "00120000")
    clock.advance(120)
    tick(driver)
    clock.advance(30)
    tick(driver)
    assert not overlay(driver).isVisible()
    assert texts.ATTRACT_CALL in driver.visible_texts()
    everything = [w.text() for w in driver.window.findChildren(QLabel)]
    everything += [w.text() for w in driver.window.findChildren(QAbstractButton)]
    assert not any("00120000" in text for text in everything)
    assert not any("Kích hoạt" in text for text in everything)  # no lesson widget left, hidden or not
    assert store.db.execute("select end_reason from visits").fetchall() == [("idle",)]


def test_next_person_starts_fresh(driver, clock):
    start_typing_cccd(driver, "0012")
    clock.advance(150)
    tick(driver)
    tick(driver)
    driver.click("start")
    assert texts.MENU_TITLE in driver.visible_texts()
    assert not any(texts.STATUS["started"] in t for t in [b.text() for b in driver.window.findChildren(QAbstractButton)])
