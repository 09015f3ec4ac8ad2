"""One lesson of each topic walked to the end by touching what a citizen would touch."""
import pytest

from kiosk.walkthrough import correct_intents
from ui import texts

LESSONS = ["nhan-ma-otp", "vneid-vi-giay-to", "dvc-thanh-toan-phi", "vssid-the-bhyt", "thanh-toan-qr", "an-toan-gia-danh-cong-an"]


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_lesson_of_each_topic_can_be_finished_by_touch(driver, store, lesson_id):
    driver.click("start")
    driver.click(f"lesson:{lesson_id}")
    steps = 0
    while (session := driver.app.kiosk.lesson_session) is not None:
        for intent in correct_intents(session):
            driver.perform(intent)
        steps += 1
    assert texts.CONGRATS in driver.visible_texts()
    summary = next(store.db["lesson_summaries"].rows_where("lesson_id = ?", [lesson_id]))
    assert summary["status"] == "completed" and summary["wrong_count"] == 0 and summary["steps_done"] == steps
