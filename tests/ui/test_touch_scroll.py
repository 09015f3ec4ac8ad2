"""Finger scrolling in the kiosk's scroll areas (ui.touch_scroll via ui.widgets.scroll_area),
driven by real touch sequences (QTest.touchEvent with a touch screen device) and by real mouse
drags through the window. The glide after a flick is timed by a hand-moved clock."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QMouseEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QScrollBar, QStyle, QStyleOptionSlider, QVBoxLayout, QWidget

from kiosk.clock import ManualClock
from ui.main_window import TOUCH_EVENTS
from ui.touch_scroll import TouchScroller
from ui.widgets import WrapButton, label, scroll_area

DPI = 96.0
ROW = 80  # px, each button's height in the long list


class Finger:
    """One finger on a touch screen over `window`: real touch events (QTest.touchEvent), points
    in window coordinates."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.device = QTest.createTouchDevice()

    def down(self, point: QPoint) -> None:
        QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()

    def to(self, point: QPoint) -> None:
        QTest.touchEvent(self.window, self.device).move(0, point, self.window).commit()

    def up(self, point: QPoint) -> None:
        QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()

    def drag(self, start: QPoint, end: QPoint, steps: int = 8, each: Callable[[], None] = lambda: None) -> None:
        self.down(start)
        for step in range(1, steps + 1):
            self.to(start + (end - start) * (step / steps))
            each()
        self.up(end)

    def tap(self, point: QPoint, wobble: QPoint = QPoint()) -> None:
        self.down(point)
        if not wobble.isNull():
            self.to(point + wobble)
        self.up(point + wobble)


class Screen:
    """A window holding one scroll area full of big buttons, counting the clicks on each."""

    def __init__(self, qtbot, clock: ManualClock, rows: int = 30, dpi: float = DPI, swipes: list[str] | None = None) -> None:
        self.clicks: dict[str, int] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        self.buttons = [self._button(f"Mục số {n}", column) for n in range(rows)]
        column.addStretch(1)
        self.window = QWidget()
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # no glide outlives its test
        self.area = scroll_area(content, dpi=dpi, on_swipe=None if swipes is None else swipes.append, clock=clock.monotonic)
        QVBoxLayout(self.window).addWidget(self.area)
        qtbot.addWidget(self.window)
        self.window.resize(480, 640)
        self.window.show()
        QApplication.processEvents()
        self.bar = self.area.verticalScrollBar()
        self.scroller = self.area.findChild(TouchScroller)
        self.finger = Finger(self.window)

    def _button(self, text: str, column: QVBoxLayout) -> WrapButton:
        button = WrapButton(text, "tile", ROW, lambda: self.clicks.update({text: self.clicks.get(text, 0) + 1}), text)
        column.addWidget(button)
        return button

    def at(self, widget: QWidget) -> QPoint:
        """The centre of `widget`, in window coordinates."""
        return widget.mapTo(self.window, widget.rect().center())

    def mouse_drag(self, start: QPoint, end: QPoint, steps: int = 4) -> None:
        """Press, move, release through the window, as the system would deliver them (QTest
        stamps each mouse event 1 ms after the last: a quick flick)."""
        handle = self.window.windowHandle()
        QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for step in range(1, steps + 1):
            QTest.mouseMove(handle, start + (end - start) * (step / steps))
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)

    def shown_buttons(self) -> list[WrapButton]:
        viewport = self.area.viewport()
        return [b for b in self.buttons if viewport.rect().contains(b.geometry().translated(b.parentWidget().pos()))]

    def glide_to_rest(self, qtbot, clock: ManualClock) -> None:
        clock.advance(30.0)
        qtbot.waitUntil(lambda: not self.scroller.moving())


@pytest.fixture
def screen(qtbot, clock) -> Screen:
    return Screen(qtbot, clock)


def slop_px(dpi: float = DPI) -> float:
    return 3 / 25.4 * dpi


class PressWatcher(QObject):
    """Notes how the mouse presses a widget receives were made."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[Qt.MouseEventSource] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self.sources.append(event.source())
        return False


def test_a_touch_reaches_a_button_inside_as_a_mouse_press_qt_makes_from_the_touch(screen: Screen) -> None:
    """The one path that serves fingers: offscreen as on the kiosk, a touch no widget accepts
    arrives as mouse events synthesised by Qt, and the touch scroller sees them too."""
    watcher = PressWatcher()
    target = screen.buttons[2]
    target.installEventFilter(watcher)
    assert screen.finger.device.type() == QPointingDevice.DeviceType.TouchScreen
    screen.finger.tap(screen.at(target))
    assert watcher.sources == [Qt.MouseEventSource.MouseEventSynthesizedByQt]
    assert screen.clicks == {target.text(): 1}


def test_a_finger_drag_over_buttons_scrolls_with_the_finger_and_clicks_nothing(screen: Screen) -> None:
    start_button = screen.buttons[5]
    start = screen.at(start_button)
    values: list[int] = []
    screen.finger.drag(start, start - QPoint(0, 240), steps=12, each=lambda: values.append(screen.bar.value()))
    assert screen.clicks == {}
    assert not start_button.isDown()
    moving = [b - a for a, b in zip(values, values[1:]) if a > 0]
    assert moving and all(step == 20 for step in moving)  # 1:1 with each 20 px move of the finger
    assert 240 - slop_px() - 20 <= screen.bar.value() <= 240  # about the drag (less the slop)


@pytest.mark.parametrize("wobble_mm", [0.0, 2.0])
def test_a_tap_on_a_button_clicks_it_once_even_with_a_shaky_finger(screen: Screen, wobble_mm: float) -> None:
    target = screen.buttons[3]
    screen.finger.tap(screen.at(target), QPoint(round(wobble_mm / 25.4 * DPI), round(wobble_mm / 25.4 * DPI * 0.5)))
    assert screen.clicks == {target.text(): 1}
    assert screen.bar.value() == 0


def test_a_tap_after_a_scroll_clicks_the_button_now_under_the_finger(qtbot, clock, screen: Screen) -> None:
    screen.finger.drag(screen.at(screen.buttons[6]), screen.at(screen.buttons[1]))
    screen.glide_to_rest(qtbot, clock)
    assert screen.bar.value() > 4 * ROW
    shown = screen.shown_buttons()
    target = shown[len(shown) // 2]
    assert target not in screen.buttons[:5]
    screen.finger.tap(screen.at(target))
    assert screen.clicks == {target.text(): 1}


def test_a_mouse_drag_scrolls_too_and_a_mouse_click_still_clicks(qtbot, clock, screen: Screen) -> None:
    start = screen.at(screen.buttons[4])
    screen.mouse_drag(start, start - QPoint(0, 200))
    assert screen.clicks == {}
    assert 200 - slop_px() - 50 <= screen.bar.value() <= 200
    screen.glide_to_rest(qtbot, clock)
    target = screen.shown_buttons()[0]
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert screen.clicks == {target.text(): 1}


def test_a_sideways_drag_never_scrolls_and_clicks_nothing(screen: Screen) -> None:
    start = screen.at(screen.buttons[2])
    screen.finger.drag(start, start + QPoint(150, 12))
    assert screen.bar.value() == 0
    assert screen.clicks == {}
    assert not screen.scroller.moving()


@pytest.mark.parametrize(("move", "direction"), [
    (QPoint(0, -90), "up"), (QPoint(0, 90), "down"), (QPoint(-90, 10), "left"), (QPoint(90, -10), "right")])
def test_a_swipe_is_reported_once_the_way_the_finger_went_even_on_content_too_short_to_scroll(
        qtbot, clock, move: QPoint, direction: str) -> None:
    swipes: list[str] = []
    screen = Screen(qtbot, clock, rows=2, swipes=swipes)
    assert screen.bar.maximum() == 0
    start = screen.at(screen.buttons[1])
    screen.finger.drag(start, start + move)
    assert swipes == [direction]
    assert screen.clicks == {}
    assert screen.bar.value() == 0


def test_a_swipe_up_over_a_long_list_scrolls_it_and_is_reported(qtbot, clock) -> None:
    swipes: list[str] = []
    screen = Screen(qtbot, clock, swipes=swipes)
    start = screen.at(screen.buttons[5])
    screen.mouse_drag(start, start - QPoint(0, 120))
    assert swipes == ["up"]
    assert screen.bar.value() > 0


@pytest.mark.parametrize("move", [QPoint(0, -30), QPoint(70, 70)], ids=["under 10 mm", "diagonal"])
def test_a_short_or_diagonal_drag_is_no_swipe(qtbot, clock, move: QPoint) -> None:
    swipes: list[str] = []
    screen = Screen(qtbot, clock, rows=2, swipes=swipes)
    start = screen.at(screen.buttons[0])
    screen.finger.drag(start, start + move)
    assert swipes == []
    assert screen.clicks == {}


def test_the_tap_slop_is_3_mm_at_the_screen_dpi(qtbot, clock) -> None:
    wobble = QPoint(0, 16)  # 4.2 mm at 96 dpi, 2.1 mm at 192 dpi
    for dpi, clicks in ((192.0, 1), (96.0, 0)):
        screen = Screen(qtbot, clock, dpi=dpi)
        screen.finger.tap(screen.at(screen.buttons[2]), wobble)
        assert sum(screen.clicks.values()) == clicks, dpi


def test_a_flick_glides_on_after_letting_go_ever_slower_and_comes_to_rest(qtbot, clock, screen: Screen) -> None:
    start = screen.at(screen.buttons[6])
    screen.mouse_drag(start, start - QPoint(0, 160))
    let_go = screen.bar.value()
    assert screen.scroller.moving()
    positions = [let_go]
    for _ in range(2):
        clock.advance(0.1)
        qtbot.waitUntil(lambda: screen.bar.value() != positions[-1])
        positions.append(screen.bar.value())
    assert positions[1] - positions[0] > positions[2] - positions[1] > 0
    screen.glide_to_rest(qtbot, clock)
    assert positions[2] < screen.bar.value() < screen.bar.maximum()
    assert screen.clicks == {}


def test_a_flick_stops_at_the_end_of_the_list(qtbot, clock) -> None:
    screen = Screen(qtbot, clock, rows=12)
    start = screen.at(screen.buttons[5])
    screen.mouse_drag(start, start - QPoint(0, 160))
    clock.advance(0.2)
    qtbot.waitUntil(lambda: not screen.scroller.moving())
    assert screen.bar.value() == screen.bar.maximum() > 160


def test_a_new_touch_stops_the_glide_and_clicks_nothing(qtbot, clock, screen: Screen) -> None:
    start = screen.at(screen.buttons[6])
    screen.mouse_drag(start, start - QPoint(0, 160))
    clock.advance(0.05)
    qtbot.waitUntil(lambda: screen.bar.value() > 200)
    target = screen.shown_buttons()[1]
    screen.finger.down(screen.at(target))
    assert not screen.scroller.moving()
    stopped_at = screen.bar.value()
    clock.advance(1.0)
    QApplication.processEvents()
    screen.finger.up(screen.at(target))
    assert screen.bar.value() == stopped_at
    assert screen.clicks == {}  # the touch caught the list; it chose nothing
    screen.finger.tap(screen.at(target))
    assert screen.clicks == {target.text(): 1}


def test_a_press_on_the_scroll_bar_or_new_content_stops_the_glide(qtbot, clock, screen: Screen) -> None:
    start = screen.at(screen.buttons[6])
    screen.mouse_drag(start, start - QPoint(0, 160))
    assert screen.scroller.moving()
    handle = screen.bar.style().subControlRect(
        QStyle.ComplexControl.CC_ScrollBar, _bar_option(screen.bar), QStyle.SubControl.SC_ScrollBarSlider, screen.bar)
    QTest.mousePress(screen.bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle.center())
    assert not screen.scroller.moving()
    QTest.mouseRelease(screen.bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, handle.center())
    screen.mouse_drag(start, start - QPoint(0, 160))
    assert screen.scroller.moving()
    screen.area.setWidget(label("Trang mới"))  # e.g. the phone shows its next screen
    assert not screen.scroller.moving()


def _bar_option(bar: QScrollBar) -> QStyleOptionSlider:
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    return option


def test_content_put_in_or_added_later_scrolls_and_taps_the_same(qtbot, clock) -> None:
    """As the phone and the staff pages do: scroll_area() first, its content set (and replaced,
    and grown) after it is on screen."""
    clicks: list[str] = []
    window = QWidget()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    area = scroll_area(dpi=DPI, clock=clock.monotonic)
    QVBoxLayout(window).addWidget(area)
    qtbot.addWidget(window)
    window.resize(480, 640)
    window.show()
    finger = Finger(window)
    for page in ("first", "second"):
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(label(f"Trang {page}"))
        area.setWidget(content)
        QApplication.processEvents()
        for n in range(20):  # rows added to content already on screen
            column.addWidget(WrapButton(f"{page} {n}", "tile", ROW, lambda p=page, n=n: clicks.append(f"{p} {n}")))
        qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)  # laid out
        button = content.findChildren(WrapButton)[3]
        start = button.mapTo(window, button.rect().center())
        finger.drag(start, start - QPoint(0, 100), steps=1)
        assert area.verticalScrollBar().value() > 50, page
        assert clicks == []
    area.findChild(TouchScroller).stop()
    area.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    button = area.widget().findChildren(WrapButton)[0]
    finger.tap(button.mapTo(window, button.rect().center()))
    assert clicks == ["second 0"]


def test_scroll_area_without_arguments_still_works(qtbot) -> None:
    area = scroll_area()
    qtbot.addWidget(area)
    assert isinstance(area, QScrollArea) and area.widget() is None
    assert area.findChild(TouchScroller) is not None



class PresenceWatcher(QObject):
    """Counts what the kiosk window's application-wide filter takes as "someone is here"."""

    def __init__(self) -> None:
        super().__init__()
        self.touches = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in TOUCH_EVENTS and isinstance(watched, WrapButton):
            self.touches += 1
        return False


def test_presses_the_scroller_keeps_from_a_button_still_tell_the_kiosk_someone_is_here(qtbot, clock, screen: Screen) -> None:
    watcher = PresenceWatcher()
    QApplication.instance().installEventFilter(watcher)
    try:
        start = screen.at(screen.buttons[6])
        screen.mouse_drag(start, start - QPoint(0, 160))
        assert watcher.touches == 1 and screen.scroller.moving()
        screen.finger.tap(screen.at(screen.shown_buttons()[1]))  # stops the glide, clicks nothing
        assert watcher.touches == 2
    finally:
        QApplication.instance().removeEventFilter(watcher)
    assert screen.clicks == {}
