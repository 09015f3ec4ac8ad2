"""The progress database in trouble at start-up, as staff meet it: a damaged file set aside
is told on every start until staff press "Đã biết"; a healthy file in trouble (data from a
newer app, a full disk) is never set aside, the panel says why, and what the kiosk held in
memory reaches the file once it can."""
from __future__ import annotations

import datetime
import random
import sqlite3

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.app import KioskApp
from kiosk.intents import OpenLesson
from kiosk.progress import SCHEMA_VERSION, ProgressStore
from kiosk.settings import Settings
from kiosk.staff_pin import set_pin
from kiosk.walkthrough import correct_intents
from tests.kiosk.disk_kit import fill
from tests.ui.conftest import Driver, settle
from tests.ui.test_staff import FAST, PIN, hold_corner, type_pin, unlock


def banners(driver: Driver) -> list[str]:
    return [w.text() for w in driver.window.findChildren(QLabel, "staffMessage") if w.isVisible()]


@pytest.fixture
def damaged_database(settings) -> None:
    settings.database.parent.mkdir(parents=True)
    settings.database.write_bytes(b"not a database " * 300)


def test_the_set_aside_file_is_told_until_staff_acknowledge_it(damaged_database, driver, kiosk_app, settings, qtbot,
                                                                clock, tmp_path) -> None:
    aside = [p.name for p in settings.database.parent.glob("progress.db.broken-*")]
    assert len(aside) == 1
    unlock(driver, kiosk_app.staff, settings)
    shown = banners(driver)
    assert len(shown) == 1 and aside[0] in shown[0] and "hocvuso db restore" in shown[0]
    driver.window.grab().save(str(tmp_path.parent / "staff-set-aside.png"))
    driver.click("staff:acknowledge")
    assert banners(driver) == [] and not driver.visible("staff:acknowledge")
    driver.click("staff:close")
    unlock(driver, kiosk_app.staff, settings)
    assert banners(driver) == []

    restarted = KioskApp(settings, clock, random.Random(5))  # the next start
    qtbot.addWidget(restarted.window)
    restarted.window.resize(1920, 1080)
    restarted.window.show()
    settle()
    again = Driver(qtbot, restarted)
    unlock(again, restarted.staff, settings)
    assert banners(again) == []
    restarted.close()


@pytest.fixture
def newer_database(settings) -> None:
    store = ProgressStore.open(settings.database)
    store.start_visit("kiosk-01", datetime.datetime(2026, 11, 27, 7, tzinfo=datetime.UTC))
    store.close()
    conn = sqlite3.connect(settings.database)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    conn.close()


def test_data_from_a_newer_app_keeps_the_kiosk_teaching_and_staff_told_why_nothing_is_recorded(
        newer_database, driver, kiosk_app, settings) -> None:
    driver.click("start")
    kiosk_app.send(OpenLesson(kiosk_app.kiosk.packs[0].lessons[0].id))
    for intent in correct_intents(kiosk_app.kiosk.lesson_session):
        kiosk_app.send(intent)
    assert kiosk_app.kiosk.lesson_session.index == 1 and kiosk_app.kiosk.store_problem == ""
    unlock(driver, kiosk_app.staff, settings)
    shown = banners(driver)
    assert len(shown) == 1 and "phiên bản phần mềm mới hơn" in shown[0] and "không ghi kết quả" in shown[0]
    assert not driver.visible("staff:acknowledge")
    assert [p.name for p in settings.database.parent.glob("progress.db*")] == ["progress.db"]


def test_a_kiosk_started_on_a_full_disk_writes_what_it_held_once_there_is_room(tmpfs_mount, qtbot, clock) -> None:
    disk = tmpfs_mount("disk", size="2m")
    settings = Settings(data_dir=disk, screen_dpi=96.0, confidence_questions=False)
    ProgressStore.open(settings.database).close()
    set_pin(settings.data_dir, PIN, FAST)
    filler = fill(disk)
    app = KioskApp(settings, clock, random.Random(5))
    qtbot.addWidget(app.window)
    app.window.resize(1920, 1080)
    app.window.show()
    settle()
    driver = Driver(qtbot, app)
    assert app.store.held_for == settings.database and app.store_timer.isActive()
    driver.click("start")
    lesson = app.kiosk.packs[0].lessons[0]
    app.send(OpenLesson(lesson.id))
    for intent in correct_intents(app.kiosk.lesson_session):
        app.send(intent)
    hold_corner(driver, app.staff)
    type_pin(driver, app.staff, PIN)
    shown = banners(driver)
    assert len(shown) == 1 and "ổ đĩa của trạm đã đầy" in shown[0] and "bộ nhớ" in shown[0]
    driver.click("staff:close")

    filler.unlink()  # a technician makes room
    app.store_timer.timeout.emit()  # a minute later
    assert app.store.path == settings.database and not app.store_timer.isActive()
    conn = sqlite3.connect(settings.database)
    assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM attempts WHERE lesson_id = ?", [lesson.id]).fetchone()[0] >= 1
    conn.close()
    hold_corner(driver, app.staff)
    type_pin(driver, app.staff, PIN)
    assert "không mất gì" in banners(driver)[0]
    app.close()
