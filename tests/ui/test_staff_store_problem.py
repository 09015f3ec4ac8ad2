"""Staff see, as soon as the panel opens, that progress could not be written, and then that
it is written again; the citizen's lesson goes on meanwhile."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kiosk.walkthrough import correct_intents
from tests.ui.conftest import Driver
from tests.ui.test_staff import unlock


def banners(driver: Driver) -> list[str]:
    return [w.text() for w in driver.window.findChildren(QLabel, "staffMessage") if w.isVisible()]


def test_the_panel_opens_with_the_store_problem_and_later_the_recovery(driver, kiosk_app, settings) -> None:
    driver.click("start")
    unlock(driver, kiosk_app.staff, settings)
    assert banners(driver) == []  # nothing to report while writes work
    driver.click("staff:close")
    kiosk_app.store.db.execute("PRAGMA query_only = ON")  # SQLite refuses writes from now on
    lesson = kiosk_app.kiosk.packs[0].lessons[0]
    driver.click(f"lesson:{lesson.id}")
    assert kiosk_app.kiosk.lesson_session is not None  # the lesson opened all the same
    unlock(driver, kiosk_app.staff, settings)
    shown = banners(driver)
    assert len(shown) == 1 and "Không ghi được tiến độ học" in shown[0]
    driver.click("staff:close")
    kiosk_app.store.db.execute("PRAGMA query_only = OFF")
    for intent in correct_intents(kiosk_app.kiosk.lesson_session):  # the citizen answers a step
        kiosk_app.send(intent)
    unlock(driver, kiosk_app.staff, settings)
    shown = banners(driver)
    assert len(shown) == 1 and "đã ghi lại được bình thường" in shown[0]
    assert kiosk_app.store.db["attempts"].count >= 1


def test_the_panel_opens_with_every_extra_pack_that_failed_to_load_and_why(driver, kiosk_app, settings, tmp_path) -> None:
    import dataclasses

    broken = tmp_path / "extra-pack"
    broken.mkdir()
    (broken / "pack.yaml").write_text("schema_version: 99\nid: xa-tan-phu\n", encoding="utf-8")
    kiosk_app.settings = dataclasses.replace(settings, extra_pack_dirs=(broken,))
    kiosk_app.reload_packs()  # as after a restart with this kiosk.toml
    assert kiosk_app.kiosk.packs  # the good packs still teach
    unlock(driver, kiosk_app.staff, settings)
    shown = banners(driver)
    assert len(shown) == 1
    lines = shown[0].splitlines()
    assert lines[0] == f"Gói bài học ở {broken} bị lỗi ({len(kiosk_app.refused_packs[0].problems)} lỗi) nên chưa được dùng. " \
                       "Các bài khác vẫn học bình thường."
    assert str(kiosk_app.refused_packs[0].problems[0]) in lines[1:]  # the validator's own words, with the location
    assert "pack.yaml" in lines[1]
