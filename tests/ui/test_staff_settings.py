"""Staff settings driven through the panel like a person: each change is asked, said, used by
the running kiosk at once and read back by load_settings after a restart."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.settings import MIN_IDLE_GRACE_S, load_settings
from kiosk.staff_settings import CORRUPT_VI, overrides_path
from kiosk.vietnamese_input import keystrokes
from kiosk.views import AttractView
from tests.ui.conftest import Driver
from tests.ui.test_staff import message, unlock
from ui.staff import texts
from ui.staff.typing_pages import PlaceList
from voice.fake_speaker import FakeSpeaker


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def app_speaker(speaker: FakeSpeaker) -> FakeSpeaker:
    return speaker


@pytest.fixture
def panel(driver, kiosk_app, settings) -> Driver:
    unlock(driver, kiosk_app.staff, settings)
    driver.click("staff:settings")
    return driver


def change(driver: Driver, setting: str, *clicks: str) -> str:
    driver.click(f"setting:{setting}")
    for name in clicks:
        driver.click(name)
    driver.click("confirm:yes")
    return message(driver, "staffMessage")


def type_vietnamese(driver: Driver, text: str) -> None:
    for kind, char in keystrokes(text):
        driver.click(f"tone:{char}") if kind == "tone" else driver.type_text(char)


def test_default_text_size_changes_now_and_after_a_restart(panel, kiosk_app, settings) -> None:
    assert driver_text(panel, "setting:text_size") == "Cỡ chữ mặc định: Chữ thường"
    panel.click("setting:text_size")
    panel.click("choice:large")
    assert texts.CHANGE_CONFIRM.format(name="cỡ chữ mặc định", old="Chữ thường", new="Chữ to") in panel.visible_texts()
    panel.click("confirm:yes")
    assert message(panel, "staffMessage") == texts.CHANGED.format(name="cỡ chữ mặc định", new="Chữ to")
    assert kiosk_app.kiosk.view().text_size == "large" and kiosk_app.window.look.text_size == "large"
    assert load_settings().text_size == "large"  # what the next start reads
    panel.click("settings:back")
    assert driver_text(panel, "setting:text_size") == "Cỡ chữ mặc định: Chữ to"


def test_saying_no_changes_nothing(panel, kiosk_app) -> None:
    panel.click("setting:voice_region")
    panel.click("choice:south")
    panel.click("confirm:no")
    assert message(panel, "staffMessage") == texts.CANCELLED
    assert kiosk_app.settings.voice_region == "north" and not overrides_path(kiosk_app.settings.data_dir).exists()


def test_voice_rate_and_volume_reach_the_speaker_with_a_sample(panel, kiosk_app, speaker) -> None:
    change(panel, "voice_region", "choice:south")
    assert speaker.spoken[-1].text == texts.SAMPLE_SPEECH and speaker.spoken[-1].region == "south"
    panel.click("settings:back")
    panel.click("setting:speech_rate")
    assert "150 từ mỗi phút (đang dùng)" == message(panel, "setting:pending")
    panel.click("step:more")
    panel.click("step:more")
    panel.click("step:less")
    panel.click("step:save")
    assert texts.CHANGE_CONFIRM.format(name="tốc độ đọc", old="150 từ mỗi phút", new="170 từ mỗi phút") in panel.visible_texts()
    panel.click("confirm:yes")
    assert speaker.rate == 170 and speaker.spoken[-1].rate == 170
    panel.click("settings:back")
    panel.click("setting:volume")
    for _ in range(12):  # the steps stop at the quietest
        panel.click("step:less")
    panel.click("step:save")
    panel.click("confirm:yes")
    assert speaker.volume == 0.1 and speaker.spoken[-1].volume == 0.1
    after_restart = load_settings()
    assert (after_restart.voice_region, after_restart.speech_rate, after_restart.volume) == ("south", 170, 0.1)


def test_idle_warning_fires_at_the_new_time(panel, kiosk_app, clock) -> None:
    change(panel, "idle_warning_s", "choice:60")
    panel.click("settings:back")
    panel.click("setting:idle_grace_s")
    offered = [int(b.objectName().split(":")[1]) for b in panel.window.findChildren(type(panel.button("settings:back")))
               if b.objectName().startswith("choice:") and b.isVisible()]
    assert min(offered) == MIN_IDLE_GRACE_S
    panel.click("choice:45")
    panel.click("confirm:yes")
    panel.click("staff:close")
    panel.click("start")
    clock.advance(59)
    kiosk_app.timer.timeout.emit()
    assert kiosk_app.kiosk.view().idle_seconds_left is None
    clock.advance(1)
    kiosk_app.timer.timeout.emit()
    assert kiosk_app.kiosk.view().idle_seconds_left == 45
    assert (load_settings().idle_warning_s, load_settings().idle_grace_s) == (60, 45)


def test_kiosk_name_typed_on_the_keyboard_shows_on_the_attract_screen(panel, kiosk_app) -> None:
    panel.click("setting:kiosk_name")
    assert not panel.window.findChild(QAbstractButton, "staff:figures").isVisible()  # the keyboard needs the width
    for _ in "Trạm Học vụ số":
        panel.click("key:erase")
    type_vietnamese(panel, "Xã Tân Phú")
    panel.click("key:done")
    panel.click("confirm:yes")
    assert message(panel, "staffMessage") == texts.CHANGED.format(name="tên trạm", new="Xã Tân Phú")
    panel.click("staff:close")
    assert isinstance(kiosk_app.kiosk.view().page, AttractView)
    assert "Xã Tân Phú" in panel.visible_texts()  # the attract screen says where the kiosk stands
    assert load_settings().kiosk_name == "Xã Tân Phú"


def test_commune_is_picked_from_long_scrolling_lists_narrowed_by_typing(panel, kiosk_app) -> None:
    panel.click("setting:commune")
    provinces = panel.window.findChildren(PlaceList)[0]
    assert len(provinces.shown()) == 34
    assert provinces.area.verticalScrollBar().maximum() > 0  # a long list scrolls
    assert panel.button("place:0").height() >= kiosk_app.window.look.main_target
    panel.type_text("dong nai")
    assert provinces.shown() == ["Tỉnh Đồng Nai"]
    panel.click("place:0")
    communes = panel.window.findChildren(PlaceList)[0]
    assert len(communes.shown()) > 50
    panel.type_text("xoai")
    assert communes.shown() == ["Phường Đồng Xoài"]
    panel.click("place:0")
    assert texts.COMMUNE_CONFIRM.format(commune="Phường Đồng Xoài", province="tỉnh Đồng Nai") in panel.visible_texts()
    panel.click("confirm:yes")
    assert (kiosk_app.settings.province, kiosk_app.settings.commune) == ("tỉnh Đồng Nai", "Phường Đồng Xoài")
    assert (load_settings().province, load_settings().commune) == ("tỉnh Đồng Nai", "Phường Đồng Xoài")
    panel.click("settings:back")
    assert driver_text(panel, "setting:commune").endswith("Phường Đồng Xoài, tỉnh Đồng Nai")


def test_a_corrupt_overrides_file_is_reported_to_staff_and_replaced_by_the_next_change(driver, kiosk_app, settings) -> None:
    overrides_path(settings.data_dir).parent.mkdir(parents=True, exist_ok=True)
    overrides_path(settings.data_dir).write_text("text_size = \n", encoding="utf-8")
    unlock(driver, kiosk_app.staff, settings)
    driver.click("staff:settings")
    assert message(driver, "staffMessage") == CORRUPT_VI
    change(driver, "text_size", "choice:large")
    assert load_settings().text_size == "large"


def test_a_wrong_value_in_the_staff_file_is_named_on_opening_and_its_default_used(driver, kiosk_app, settings) -> None:
    overrides_path(settings.data_dir).parent.mkdir(parents=True, exist_ok=True)
    overrides_path(settings.data_dir).write_text('idle_warning_s = "hai phút"\n', encoding="utf-8")
    unlock(driver, kiosk_app.staff, settings)
    said = message(driver, "staffMessage")  # on opening, before staff look for it
    assert said.startswith(f"Tệp cài đặt của cán bộ ghi sai «{texts.SETTING_NAMES['idle_warning_s']}»")
    driver.click("staff:settings")
    assert message(driver, "staffMessage") == said
    assert driver_text(driver, "setting:idle_warning_s").endswith("sau 2 phút")  # the default, 120 s
    change(driver, "idle_warning_s", "choice:180")
    driver.click("settings:back")
    assert not [w for w in driver.window.findChildren(QLabel, "staffMessage") if w.isVisible()]
    assert load_settings().idle_warning_s == 180


def driver_text(driver: Driver, name: str) -> str:
    return driver.button(name).text()



def test_the_attract_screen_says_where_the_kiosk_stands_once_the_commune_is_set(panel, kiosk_app) -> None:
    panel.click("setting:commune")
    panel.type_text("dong nai")
    panel.click("place:0")
    panel.type_text("xoai")
    panel.click("place:0")
    panel.click("confirm:yes")
    panel.click("staff:close")
    assert "Trạm Học vụ số, Phường Đồng Xoài, tỉnh Đồng Nai" in panel.visible_texts()
