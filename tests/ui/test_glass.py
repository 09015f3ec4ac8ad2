"""What a citizen sees on the glass: topics then pages of lessons, a long list as a short
picker, each app of the practice phone in its own colours, no stale praise, and a word for
staff when the screen is too small."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.intents import Help, OpenLesson, SetTextSize, Touched
from kiosk.walkthrough import complete_step
from tests.ui.conftest import Driver, settle
from ui import texts
from ui.phone import PICKER_SHOWN


def open_at(driver: Driver, lesson_id: str, step_id: str) -> None:
    """Open a lesson and answer it right up to the step `step_id`."""
    app = driver.app
    app.send(Touched())
    app.send(OpenLesson(lesson_id))
    while app.kiosk.lesson_session.step.id != step_id:
        app.dispatch(complete_step(app.kiosk))
    settle()


def visible_buttons(driver: Driver, prefix: str) -> list[QAbstractButton]:
    settle()
    return [b for b in driver.window.findChildren(QAbstractButton) if b.objectName().startswith(prefix) and b.isVisible()]


def in_view(driver: Driver, widget: QWidget) -> bool:
    """Wholly inside the window and inside the phone's screen as scrolled now."""
    area = driver.window.findChild(QWidget, "phoneScroll").viewport()
    top_left = widget.mapTo(area, QPoint(0, 0))
    return area.rect().contains(top_left) and area.rect().contains(top_left + QPoint(widget.width() - 1, widget.height() - 1))


def app_bar_colour(driver: Driver) -> str:
    bar = driver.window.findChild(QWidget, "phone").findChild(QWidget, "appBar")
    return bar.grab().toImage().pixelColor(3, 3).name()


def test_the_menu_starts_with_topics_then_shows_a_topics_lessons(driver, kiosk_app):
    driver.click("start")
    topics = visible_buttons(driver, "topic:")
    assert [b.text() for b in topics] == [t.title for t in kiosk_app.kiosk.packs[0].topics]
    assert not visible_buttons(driver, "lesson:")
    driver.click("topic:dich-vu-cong")
    shown = {b.objectName() for b in visible_buttons(driver, "lesson:")}
    assert shown and all(kiosk_app.kiosk.packs[0].lesson(n.removeprefix("lesson:")).topic == "dich-vu-cong" for n in shown)
    driver.click("toTopics")
    assert len(visible_buttons(driver, "topic:")) == len(topics)


@pytest.mark.parametrize("window_size", [(1280, 800)])
def test_a_topic_too_long_for_the_screen_turns_pages_instead_of_scrolling(driver, kiosk_app, window_size):
    driver.click("start")
    driver.click("size:large")
    pack = kiosk_app.kiosk.packs[0]
    longest = max((t.id for t in pack.topics), key=lambda t: sum(lesson.topic == t for lesson in pack.lessons))
    driver.click(f"topic:{longest}")
    topic = [lesson.id for lesson in pack.lessons if lesson.topic == longest]
    seen = [b.objectName() for b in visible_buttons(driver, "lesson:")]
    assert 0 < len(seen) < len(topic) and not driver.visible("menuPrev")
    while driver.visible("menuNext"):
        driver.click("menuNext")
        seen += [b.objectName() for b in visible_buttons(driver, "lesson:")]
    assert sorted(seen) == sorted(f"lesson:{i}" for i in topic)  # every lesson once, each on some page
    assert driver.visible("menuPrev")
    for tile in visible_buttons(driver, "lesson:"):
        assert driver.window.rect().contains(tile.geometry().translated(tile.parentWidget().mapTo(driver.window, QPoint(0, 0))))


def test_a_new_step_opens_without_the_last_steps_praise(driver):
    driver.click("start")
    driver.click("lesson:vneid-kich-hoat-muc-2")
    driver.click("continue")
    driver.click("el:activate")
    feedback = driver.window.findChild(QLabel, "feedback")
    assert driver.app.kiosk.lesson_session.step.id == "type-cccd"
    assert not feedback.isVisible()


def test_a_long_list_opens_as_a_short_picker_that_typing_narrows(driver):
    open_at(driver, "dvc-lien-thong-khai-sinh", "pick-commune")
    driver.click("el:commune:open")
    options = visible_buttons(driver, "el:commune:")
    names = [b for b in options if b.objectName().split(":")[-1].isdigit()]
    assert len(names) == PICKER_SHOWN
    assert any(label.text().startswith("Còn ") for label in driver.window.findChildren(QLabel) if label.isVisible())
    driver.type_text("dong xo")
    names = [b for b in visible_buttons(driver, "el:commune:") if b.objectName().split(":")[-1].isdigit()]
    assert [b.text() for b in names] == ["Phường Đồng Xoài"]
    assert in_view(driver, names[0])
    driver.click(names[0].objectName())
    assert driver.app.kiosk.lesson_session.step.id != "pick-commune"


def test_help_in_a_picker_lights_the_right_name_far_down_the_list_in_view(driver):
    open_at(driver, "dvc-lien-thong-khai-sinh", "pick-commune")
    driver.app.send(Help())
    settle()
    lit = [b for b in visible_buttons(driver, "el:commune:") if b.property("highlight") == "true"]
    assert [b.text() for b in lit] == ["Phường Đồng Xoài"] and in_view(driver, lit[0])


def test_help_on_a_short_list_lights_only_the_right_choice_in_view(driver):
    open_at(driver, "an-toan-tin-nhan-doi-phi", "fee-decide")
    driver.app.send(Help())
    settle()
    lit = [b for b in visible_buttons(driver, "el:what-now:") if b.property("highlight") == "true"]
    assert [b.text() for b in lit] == [driver.app.kiosk.lesson_session.step.expect] and in_view(driver, lit[0])


def test_each_app_of_the_practice_phone_has_its_own_look(driver):
    open_at(driver, "nhan-ma-otp", "open-notice")
    vneid = app_bar_colour(driver)
    assert not driver.window.findChild(QWidget, "addressBar").isVisible()
    open_at(driver, "nhan-ma-otp", "go-back")  # the messages app
    messages = app_bar_colour(driver)
    open_at(driver, "dvc-tra-cuu-ho-so", "tap-track")  # the national portal, in a browser
    portal = app_bar_colour(driver)
    address = driver.window.findChild(QWidget, "addressBar")
    assert address.isVisible() and any("tapluyen" in label.text() for label in address.findChildren(QLabel))
    assert len({vneid, messages, portal}) == 3


def test_a_typing_step_keeps_the_message_with_the_code_in_view_beside_the_keyboard(driver, kiosk_app):
    kiosk_app.window.resize(1280, 800)
    driver.app.send(Touched())
    driver.app.send(SetTextSize("large"))
    open_at(driver, "dvc-tra-cuu-ho-so", "type-code")
    notice = driver.window.findChild(QWidget, "el:code-notice")
    field = driver.window.findChild(QWidget, "el:code")
    code = driver.app.kiosk.lesson_session.step.expect
    assert driver.visible("key:done") and notice.isVisible() and in_view(driver, field)
    assert code in notice.findChildren(QLabel)[-1].text().replace("\u200b", "")


@pytest.mark.parametrize(("dpi", "small"), [(120.0, True), (96.0, False)])
def test_a_screen_smaller_than_supported_is_named_for_staff_on_the_attract_screen(qtbot, settings, clock, dpi, small):
    from dataclasses import replace

    from kiosk.app import KioskApp

    kiosk_app = KioskApp(replace(settings, screen_dpi=dpi), clock)
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.resize(1280, 800)
    kiosk_app.window.show()
    settle()
    notice = kiosk_app.window.findChild(QLabel, "smallScreen")
    assert (notice is not None and notice.isVisible() and "cm" in notice.text()) == small
    assert texts.ATTRACT_CALL in Driver(qtbot, kiosk_app).visible_texts()
    kiosk_app.close()


def test_a_wrong_way_on_the_swipe_step_shows_which_way_and_a_real_drag_completes_it(driver):
    open_at(driver, "cham-vuot-go-chu", "swipe-inbox")
    hint = driver.window.findChild(QLabel, "swipeHint")
    assert not hint.isVisible()
    driver.swipe("down")
    assert driver.app.kiosk.lesson_session.step.id == "swipe-inbox"
    assert hint.isVisible() and "kéo lên" in hint.text()
    driver.swipe("up")
    assert driver.app.kiosk.lesson_session.step.id == "open-chat"
    assert not hint.isVisible()


def test_the_highlighted_target_pulses_between_two_rings(driver):
    from ui.in_view import Pulse

    driver.click("start")
    driver.click("lesson:vneid-kich-hoat-muc-2")
    driver.click("continue")
    driver.click("el:login")
    driver.click("el:login")
    target = driver.button("el:activate")
    assert target.property("highlight") == "true"
    pulse = driver.window.findChild(QWidget, "phone").findChild(Pulse)
    phases = [target.property("pulse")]
    for _ in range(2):
        pulse.step()  # what its timer does every PULSE_MS
        phases.append(target.property("pulse"))
    assert phases == ["on", "off", "on"]


def test_a_web_page_on_a_computer_shows_beside_the_phone_and_its_qr_code_can_be_touched(qtbot):
    from content.model import Element, Screen
    from kiosk.intents import Tap
    from kiosk.views import KioskView, LessonView
    from ui.main_window import KioskWindow
    from ui.theme import load_font

    sent: list[object] = []
    window = KioskWindow(load_font(), 96.0, sent.append)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    phone = Screen("scan", "VNeID", "Quét mã QR", (Element("camera", "text", value="Hướng camera vào mã QR"),))
    portal = Screen("login", "Cổng Dịch vụ công quốc gia", "Đăng nhập", (
        Element("how", "text", value="Dùng ứng dụng VNeID quét mã QR để đăng nhập"),
        Element("login-qr", "qr", label="Mã QR đăng nhập", value="dvc"),
    ))
    view = LessonView("l", "Đăng nhập Cổng Dịch vụ công", 3, 9, "tap", "Bác quét mã QR trên máy tính.", "", "",
                      phone, targets=("login-qr",), computer=portal)
    window.render(KioskView(view, "large", 1))
    settle()
    computer = window.findChild(QWidget, "computer")
    qr = computer.findChild(QAbstractButton, "el:login-qr")
    assert computer.isVisible() and computer.property("device") is True
    assert window.rect().contains(qr.geometry().translated(qr.parentWidget().mapTo(window, QPoint(0, 0))))
    address = computer.findChild(QWidget, "computerAddress").findChildren(QLabel)[-1].text()
    assert "dichvucong" in address
    qtbot.mouseClick(qr, Qt.MouseButton.LeftButton)
    assert sent[-1] == Tap("login-qr")
    window.render(KioskView(LessonView("l", "x", 4, 9, "info", "Xong.", "", "", phone), "large", 1))
    settle()
    assert not computer.isVisible()


def test_a_finger_drags_the_picker_list_and_a_quick_tap_inside_it_still_chooses(driver):
    from PySide6.QtTest import QTest

    from ui.touch_scroll import TouchScroller

    open_at(driver, "vneid-dang-ky-tam-tru", "pick-province")
    driver.click("el:province:open")
    area = driver.window.findChild(QWidget, "phoneScroll")
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    finger = QTest.createTouchDevice()
    window = driver.window
    start = area.viewport().mapTo(window, area.viewport().rect().center())
    distance = round(20 / 25.4 * driver.app.window.look.dpi)  # 20 mm up
    QTest.touchEvent(window, finger).press(0, start, window).commit()
    for step in range(1, 6):
        QTest.touchEvent(window, finger).move(0, start - QPoint(0, distance * step // 5), window).commit()
    QTest.touchEvent(window, finger).stationary(0).commit()
    moved = bar.value()
    QTest.touchEvent(window, finger).release(0, start - QPoint(0, distance), window).commit()
    settle()
    assert moved >= distance * 0.8  # the list followed the finger
    assert driver.app.kiosk.lesson_session.step.id == "pick-province"  # and nothing was chosen by the drag
    option = next(b for b in visible_buttons(driver, "el:province:") if b.objectName().split(":")[-1].isdigit() and in_view(driver, b))
    for scroller in area.findChildren(TouchScroller):
        scroller.stop()  # let the glide come to rest, as a person waits before tapping
    point = option.mapTo(window, option.rect().center())
    QTest.touchEvent(window, finger).press(0, point, window).commit()
    QTest.touchEvent(window, finger).release(0, point, window).commit()
    settle()
    page = driver.app.kiosk.view().page
    assert getattr(page, "picker", None) is None  # the tap chose a name (right or wrong), which closes the picker
