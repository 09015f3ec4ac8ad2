"""A help request on the staff panel: opening it shows where the citizen is ("Bác đang ở bước
6/12 — …"); "Cán bộ đang đến" tells the citizen, "Đã hỗ trợ" closes it; a help_command that
fails is told to staff there, never to the citizen."""
from __future__ import annotations

import dataclasses

import pytest

from kiosk import learner_texts
from kiosk.intents import OpenLesson
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step
from tests.ui.conftest import Driver, settle
from tests.ui.test_staff import message, unlock
from ui import texts as ui_texts
from ui.staff import texts

OTP = "nhan-ma-otp"


@pytest.fixture
def settings(settings):
    return dataclasses.replace(settings, help_command="echo 'no lamp here' >&2; exit 3")


@pytest.fixture
def staff(kiosk_app):
    return kiosk_app.staff


def citizen_asks_at_step(driver: Driver, kiosk_app, number: int) -> LessonView:
    driver.click("start")
    kiosk_app.send(OpenLesson(OTP))
    while kiosk_app.kiosk.view().page.step_number < number:
        kiosk_app.dispatch(complete_step(kiosk_app.kiosk))
    driver.click("callStaff")
    assert kiosk_app.help_alarm.wait(10)
    return kiosk_app.kiosk.view().page


def close_panel(driver: Driver) -> None:
    driver.click("staff:close")
    settle()


def test_staff_see_the_step_say_they_are_coming_then_close_the_request(driver, staff, kiosk_app, settings):
    view = citizen_asks_at_step(driver, kiosk_app, 6)
    unlock(driver, staff, settings)
    shown = message(driver, "helpRequest")
    assert f"Bác đang ở bước 6/{view.step_count} — {view.instruction}" in shown
    assert "Bài «Nhận và đọc mã OTP trong tin nhắn»." in shown and shown.startswith("Có người cần cán bộ hỗ trợ (gọi lúc ")
    driver.click("help:coming")
    assert kiosk_app.kiosk.view().help.coming
    assert texts.HELP_TOLD_COMING in message(driver, "helpRequest")
    assert not driver.visible("help:coming")  # said once
    close_panel(driver)
    assert driver.button("callStaff").text() == ui_texts.HELP_COMING  # the citizen reads it
    assert learner_texts.HELP_COMING in driver.visible_texts()
    unlock(driver, staff, settings)
    driver.click("help:helped")
    assert message(driver, "staffMessage") == texts.HELP_CLOSED
    assert kiosk_app.kiosk.help_request is None
    row = kiosk_app.store.db.execute("SELECT outcome, coming_at IS NOT NULL FROM help_requests").fetchone()
    assert tuple(row) == ("helped", 1)
    close_panel(driver)
    assert driver.button("callStaff").text() == ui_texts.HELP_CALL
    assert learner_texts.HELP_COMING not in driver.visible_texts()
    page = kiosk_app.kiosk.view().page
    assert isinstance(page, LessonView) and page.step_number == 6  # where they were


def test_a_failing_help_command_is_told_to_staff_not_to_the_citizen(driver, staff, kiosk_app, settings):
    citizen_asks_at_step(driver, kiosk_app, 2)
    assert "help_command" not in " ".join(driver.visible_texts())
    assert " ".join(driver.button("callStaff").text().split()) == ui_texts.HELP_CALLED
    assert learner_texts.HELP_ASKED in driver.visible_texts()
    unlock(driver, staff, settings)
    notices = driver.visible_texts()
    assert any(text.startswith("Lệnh báo cán bộ (help_command) không chạy được") and "mã 3" in text for text in notices)


def test_with_no_request_the_panel_opens_as_before(driver, staff, kiosk_app, settings):
    driver.click("start")
    unlock(driver, staff, settings)
    assert not driver.visible("help:coming") and not driver.visible("help:helped")
