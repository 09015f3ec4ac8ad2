"""Staff mode driven like a person: hold the corner, type the PIN, use the panel."""
from __future__ import annotations

import dataclasses
import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.app.staff_wiring import export_report
from kiosk.bundles import PackStore, find_bundles
from kiosk.staff_pin import (
    MAX_FAILURES,
    RECOVERY_DIGITS,
    ScryptParams,
    StaffAuth,
    set_pin,
)
from kiosk.staff_pin_texts import locked_message_vi
from kiosk.views import AttractView, MenuView
from tests.kiosk.bundles.bundle_kit import make_key, make_pack, signed_bundle
from tests.ui.conftest import Driver, settle
from ui.staff import texts
from ui.staff.chart import BarChart

PIN = "284916"
FAST = ScryptParams(n=2**10)  # the stored parameters are what try_pin uses: quick in tests


@pytest.fixture
def staff(kiosk_app):
    return kiosk_app.staff


def hold_corner(driver: Driver, staff) -> None:
    driver.qtbot.mousePress(staff.corner, Qt.MouseButton.LeftButton)
    assert staff.corner.hold_timer.isActive()
    staff.corner.hold_timer.timeout.emit()  # five seconds later
    driver.qtbot.mouseRelease(staff.corner, Qt.MouseButton.LeftButton)
    settle()


def wait_for_worker(driver: Driver, staff, timeout_ms: int = 5000) -> None:
    """Let the staff panel's background job (PIN check, install, rollback) finish."""
    driver.qtbot.waitUntil(lambda: not staff.overlay.worker.busy, timeout=timeout_ms)
    settle()


def type_pin(driver: Driver, staff, pin: str) -> None:
    for digit in pin:
        driver.click(f"pin:{digit}")
    driver.click("pin:enter")
    wait_for_worker(driver, staff)


def message(driver: Driver, name: str) -> str:
    labels = [w for w in driver.window.findChildren(QLabel, name) if w.isVisible()]
    assert len(labels) == 1, f"expected one visible {name!r}, found {len(labels)}"
    return labels[0].text()


def unlock(driver: Driver, staff, settings) -> None:
    set_pin(settings.data_dir, PIN, FAST)
    hold_corner(driver, staff)
    type_pin(driver, staff, PIN)
    assert driver.button("staff:figures").isVisible()


def test_a_short_press_on_the_corner_does_nothing_not_even_start_a_session(driver, staff, kiosk_app) -> None:
    driver.qtbot.mousePress(staff.corner, Qt.MouseButton.LeftButton)
    driver.qtbot.mouseRelease(staff.corner, Qt.MouseButton.LeftButton)
    assert not staff.corner.hold_timer.isActive()
    assert staff.overlay is None
    assert isinstance(kiosk_app.kiosk.view().page, AttractView)
    assert staff.corner.hold_timer.interval() == 5000
    driver.click("start")  # a new page goes in; the corner stays on top of it
    assert driver.window.childAt(2, 2) is staff.corner


def test_without_a_pin_staff_mode_says_how_to_set_one(driver, staff, kiosk_app) -> None:
    hold_corner(driver, staff)
    assert "hocvuso set-pin" in message(driver, "pinMessage")
    assert not driver.button("pin:5").isEnabled()
    driver.click("staff:close")
    assert staff.overlay is None
    assert isinstance(kiosk_app.kiosk.view().page, AttractView)


def test_wrong_pin_then_right_pin_opens_the_panel_with_big_keys(driver, staff, settings, kiosk_app) -> None:
    set_pin(settings.data_dir, PIN, FAST)
    hold_corner(driver, staff)
    look = kiosk_app.window.look
    assert driver.button("pin:7").height() >= look.min_target and driver.button("pin:7").width() >= look.min_target
    type_pin(driver, staff, "111222")
    assert message(driver, "pinMessage") == f"Mã PIN không đúng. Còn {MAX_FAILURES - 1} lần thử."
    assert isinstance(kiosk_app.kiosk.view().page, AttractView)  # staff touches are not a citizen's
    type_pin(driver, staff, PIN)
    assert driver.button("staff:end").isVisible()


def test_backoff_shows_the_wait(driver, staff, settings) -> None:
    set_pin(settings.data_dir, PIN, FAST)
    hold_corner(driver, staff)
    for _ in range(5):
        type_pin(driver, staff, "111222")
    assert "Xin đợi" in message(driver, "pinMessage") and "giây" in message(driver, "pinMessage")
    assert not driver.button("pin:1").isEnabled()


def test_figures_show_todays_lessons_with_a_chart(driver, staff, settings, kiosk_app, clock) -> None:
    driver.click("start")
    lesson = kiosk_app.kiosk.packs[0].lessons[0]
    store, now = kiosk_app.store, clock.now()  # the kiosk's own clock, not the machine's
    visit = store.start_visit("kiosk-01", now)
    store.lesson_started(visit, lesson.id, now)
    store.lesson_completed(visit, lesson.id, now)
    store.end_visit(visit, now + datetime.timedelta(minutes=12), "finished")
    unlock(driver, staff, settings)
    driver.click("staff:figures")
    shown = "\n".join(driver.visible_texts())
    for period in texts.PERIOD_NAMES.values():
        assert period in shown
    assert texts.LESSON_LINE.format(title=lesson.title, started=1, completed=1) in shown
    charts = driver.window.findChildren(BarChart, "chart:today")
    assert len(charts) == 1 and charts[0].isVisible() and charts[0].rows == [(lesson.title, 1, 1)]
    # no provincial server configured: the statements (completed, passed, the session) wait on the kiosk
    assert "Chưa cài máy chủ số liệu của tỉnh: 3 bản ghi đang giữ trên trạm" in shown


def test_end_session_asks_then_returns_the_kiosk_to_attract(driver, staff, settings, kiosk_app) -> None:
    driver.click("start")
    assert isinstance(kiosk_app.kiosk.view().page, MenuView)
    unlock(driver, staff, settings)
    driver.click("staff:end")
    assert texts.END_CONFIRM in driver.visible_texts()
    driver.click("confirm:no")
    assert isinstance(kiosk_app.kiosk.view().page, MenuView)
    driver.click("staff:end")
    driver.click("confirm:yes")
    assert isinstance(kiosk_app.kiosk.view().page, AttractView)
    assert message(driver, "staffMessage") == texts.END_DONE
    assert staff.overlay.isVisible()  # still on top of the new attract page
    driver.click("staff:close")
    assert staff.overlay is None
    assert driver.button("start").isVisible()


def test_rollback_with_nothing_to_roll_back_says_so(driver, staff, settings) -> None:
    unlock(driver, staff, settings)
    driver.click("staff:rollback")
    driver.click("confirm:yes")
    wait_for_worker(driver, staff)
    assert message(driver, "staffMessage").startswith("Không có bản bài học trước để khôi phục.")


def test_update_without_usb_stick_says_what_to_do(driver, staff, settings) -> None:
    staff._services = dataclasses.replace(staff._services, find_bundles=lambda: [])  # no stick plugged in
    unlock(driver, staff, settings)
    driver.click("staff:update")
    assert message(driver, "staffMessage") == texts.NO_BUNDLES


def test_device_check_lists_each_part(driver, staff, settings) -> None:
    unlock(driver, staff, settings)
    driver.click("staff:devices")
    wait_for_worker(driver, staff)
    for name in texts.CHECK_NAMES:
        row = message(driver, f"check:{name}")
        assert row.startswith(("✓ ", "✗ ")) and texts.CHECK_NAMES[name] in row


def test_staff_mode_closes_itself_when_left_alone(driver, staff, settings, kiosk_app) -> None:
    driver.click("start")
    unlock(driver, staff, settings)
    assert staff.overlay.idle_timer.interval() == 120_000 and staff.overlay.idle_timer.isActive()
    staff.overlay.idle_timer.timeout.emit()  # two minutes without a touch
    settle()
    assert staff.overlay is None
    assert isinstance(kiosk_app.kiosk.view().page, MenuView)
    assert driver.button("end").isVisible()  # the citizen's screen, as it was


def test_usb_update_installs_a_signed_bundle_and_rollback_undoes_it(driver, staff, settings, tmp_path) -> None:
    key = make_key(tmp_path / "keys")
    stick = tmp_path / "media" / "USB"
    stick.mkdir(parents=True)
    signed_bundle(make_pack(tmp_path / "src", 2), stick / "bai-hoc.hvsbundle", key)
    staff._services = dataclasses.replace(
        staff._services, find_bundles=lambda: find_bundles([tmp_path / "media"]),
        pack_store=lambda: PackStore(settings.data_dir / "packs", (key.public,)))
    unlock(driver, staff, settings)
    driver.click("staff:update")
    assert driver.button("bundle:0").text() == "bai-hoc.hvsbundle"
    driver.click("bundle:0")
    assert texts.INSTALL_CONFIRM.format(name="bai-hoc.hvsbundle") in driver.visible_texts()
    driver.click("confirm:yes")
    wait_for_worker(driver, staff, timeout_ms=60_000)
    installed = message(driver, "staffMessage")
    assert installed.startswith("Đã cài xong bộ bài học") and "phiên bản 2" in installed
    assert installed.endswith(texts.LESSONS_READY)
    driver.click("staff:update")
    driver.click("bundle:0")
    driver.click("confirm:yes")  # the same bundle again is refused, in words
    wait_for_worker(driver, staff, timeout_ms=60_000)
    assert "đã được cài trên trạm rồi" in message(driver, "staffMessage")
    driver.click("staff:rollback")
    driver.click("confirm:yes")
    wait_for_worker(driver, staff)
    assert message(driver, "staffMessage").startswith("Đã khôi phục")


def test_ten_wrong_pins_lock_staff_mode_for_an_hour_and_the_recovery_code_opens_it(driver, staff, settings) -> None:
    now = [1000.0]
    staff._services = dataclasses.replace(staff._services, auth=StaffAuth(settings.data_dir, lambda: now[0]))
    code = set_pin(settings.data_dir, PIN, FAST)
    hold_corner(driver, staff)
    for _ in range(MAX_FAILURES):
        now[0] += 1000  # past any back-off wait
        staff.overlay.pin_pad.refresh()
        type_pin(driver, staff, "111222")
    assert message(driver, "pinMessage") == locked_message_vi(3600)
    assert "Xin đợi 1 giờ rồi thử lại" in message(driver, "pinMessage")
    now[0] += 1800
    staff.overlay.pin_pad.refresh()  # what the countdown timer does every second
    assert "Xin đợi 30 phút rồi thử lại" in message(driver, "pinMessage")
    type_pin(driver, staff, PIN)  # the right PIN is not even checked during the lock
    assert "Xin đợi 30 phút rồi thử lại" in message(driver, "pinMessage")
    type_pin(driver, staff, "1" * RECOVERY_DIGITS)
    assert message(driver, "pinMessage").startswith("Mã khôi phục không đúng.\nChế độ cán bộ tạm khóa")
    type_pin(driver, staff, code)  # the keys still take the recovery code
    assert driver.button("staff:figures").isVisible()


def test_report_export_asks_for_the_period_and_puts_three_files_on_the_stick(driver, staff, settings, kiosk_app,
                                                                              tmpfs_mount, tmp_path) -> None:
    stick = tmpfs_mount("USB")
    staff._services = dataclasses.replace(
        staff._services, export_report=lambda first, last: export_report(kiosk_app, first, last, [tmp_path / "media"]))
    driver.click("start")
    driver.click("lesson:cham-vuot-go-chu")  # something to report
    unlock(driver, staff, settings)
    driver.click("staff:export")
    assert driver.button("report:0").text() == "Tháng này: từ 01/11/2026 đến 27/11/2026"
    assert driver.button("report:1").text() == "Tháng trước: từ 01/10/2026 đến 31/10/2026"
    driver.click("report:0")
    driver.click("confirm:yes")
    wait_for_worker(driver, staff, timeout_ms=30_000)
    done = message(driver, "staffMessage")
    assert done.startswith("Đã chép 4 tệp báo cáo vào USB")
    assert sorted(path.suffix for path in stick.iterdir()) == [".csv", ".jsonl", ".pdf", ".xlsx"]
    csv_text = next(stick.glob("*.csv")).read_text(encoding="utf-8-sig")
    assert "Chạm, vuốt và gõ chữ" in csv_text  # the lesson just opened is counted


def test_report_export_without_a_stick_says_what_to_do(driver, staff, settings, kiosk_app, tmp_path) -> None:
    staff._services = dataclasses.replace(
        staff._services, export_report=lambda first, last: export_report(kiosk_app, first, last, [tmp_path / "media"]))
    unlock(driver, staff, settings)
    driver.click("staff:export")
    driver.click("report:1")
    driver.click("confirm:yes")
    wait_for_worker(driver, staff)
    assert message(driver, "staffMessage").startswith("Không tìm thấy USB")
