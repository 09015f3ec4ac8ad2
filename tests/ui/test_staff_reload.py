"""After a USB update or a rollback the running kiosk teaches the new lessons: the menu shows
them at the next visit, without a restart, and a citizen mid-lesson keeps their lesson."""
from __future__ import annotations

import dataclasses

import pytest

from kiosk.bundles import find_bundles
from kiosk.settings import Settings
from kiosk.views import LessonView, MenuView
from tests.kiosk.bundles.bundle_kit import make_key, make_pack, signed_bundle
from tests.ui.test_staff import message, unlock, wait_for_worker

NEW_TITLE = "Đặt lịch khám bệnh (bài mới từ USB)"


@pytest.fixture
def key(tmp_path):
    return make_key(tmp_path / "keys")


@pytest.fixture
def settings(tmp_path, key) -> Settings:
    return Settings(data_dir=tmp_path / "data", screen_dpi=96.0, trusted_keys=(key.public,), intake_at_start=False,
                    confidence_questions=False)


@pytest.fixture
def stick(tmp_path, key, core_pack):
    """A USB stick with version 2 of the built-in pack, its first lesson renamed."""
    source = make_pack(tmp_path / "src", 2)
    lesson_file = source / "lessons" / f"{core_pack.lessons[0].id}.yaml"
    text = lesson_file.read_text(encoding="utf-8").replace(f"title: {core_pack.lessons[0].title}", f"title: {NEW_TITLE}", 1)
    lesson_file.write_text(text, encoding="utf-8")
    (tmp_path / "media" / "USB").mkdir(parents=True)
    signed_bundle(source, tmp_path / "media" / "USB" / "bai-hoc.hvsbundle", key)
    return tmp_path / "media"


def menu_titles(kiosk_app) -> list[str]:
    page = kiosk_app.kiosk.view().page
    assert isinstance(page, MenuView)
    return [tile.title for topic in page.topics for tile in topic.tiles]


def install(driver, kiosk_app, settings, stick) -> None:
    staff = kiosk_app.staff
    staff._services = dataclasses.replace(staff._services, find_bundles=lambda: find_bundles([stick]))
    unlock(driver, staff, settings)
    driver.click("staff:update")
    driver.click("bundle:0")
    driver.click("confirm:yes")
    wait_for_worker(driver, staff, timeout_ms=60_000)
    assert message(driver, "staffMessage").startswith("Đã cài xong bộ bài học")


def test_menu_lists_the_new_lesson_after_install_and_the_old_one_after_rollback(driver, kiosk_app, settings, stick, core_pack) -> None:
    install(driver, kiosk_app, settings, stick)
    driver.click("staff:close")
    driver.click("start")
    assert NEW_TITLE in menu_titles(kiosk_app) and core_pack.lessons[0].title not in menu_titles(kiosk_app)
    driver.find_lesson(core_pack.lessons[0].id)
    assert NEW_TITLE in "\n".join(driver.visible_texts())
    driver.click("end")
    unlock(driver, kiosk_app.staff, settings)
    driver.click("staff:rollback")
    driver.click("confirm:yes")
    wait_for_worker(driver, kiosk_app.staff)
    driver.click("staff:close")
    driver.click("start")
    assert core_pack.lessons[0].title in menu_titles(kiosk_app) and NEW_TITLE not in menu_titles(kiosk_app)


def test_a_citizen_mid_lesson_keeps_it_and_sees_the_new_lessons_next_visit(driver, kiosk_app, settings, stick, core_pack) -> None:
    driver.click("start")
    driver.click(f"lesson:{core_pack.lessons[1].id}")
    assert isinstance(kiosk_app.kiosk.view().page, LessonView)
    install(driver, kiosk_app, settings, stick)
    driver.click("staff:close")
    assert kiosk_app.kiosk.view().page.lesson_id == core_pack.lessons[1].id  # not disturbed
    driver.click("toList")
    assert NEW_TITLE not in menu_titles(kiosk_app)  # the same citizen's visit keeps its list
    driver.click("end")
    driver.click("start")
    assert NEW_TITLE in menu_titles(kiosk_app)
