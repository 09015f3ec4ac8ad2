"""Finger scrolling for a scroll area, as on a phone, without QScroller's press delay.

Qt turns a touch that no widget accepts into mouse events (source MouseEventSynthesizedByQt)
with the touch's timestamps, so one path serves fingers and mice: a filter on the viewport and
on everything inside it sees each press before the widget under it does.

- A press goes to the widget under it at once, untouched: a tap clicks exactly as without us.
- Once the press moves past the slop (3 mm) it is a drag: the widget is sent a release far
  outside itself (so it lets go without clicking) and the rest of the press is ours. A mostly
  vertical drag moves the content 1:1 with the finger; a horizontal one never scrolls.
- Letting go of a quick vertical drag glides on (ui.fling.Fling, on a ~60 Hz timer) until
  friction or an end stops it. A new press stops the glide and clicks nothing.
- A drag of at least 10 mm mostly one way is reported once as a swipe ("up", "down", "left",
  "right": the way the finger went), even where the content cannot scroll.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from ui.fling import Fling, FingerTrack, swipe_direction

SLOP_MM = 3.0  # a press that moves less is still a tap
SWIPE_MM = 10.0
MIN_FLING_MM_S = 40.0  # letting go slower than this just stops
MAX_FLING_MM_S = 1000.0
STOP_MM_S = 10.0  # a glide ends below this speed
FRAME_MS = 16
FAR_AWAY = QPointF(-1e6, -1e6)  # where a cancelled press is released: outside any widget
PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


@dataclass
class _Press:
    """One press of the finger (or left mouse button), from down to up."""

    grabber: QWidget  # the widget under the press: Qt sends it the rest of this press
    key: tuple[int, float, float]  # timestamp and place: the same press passed up to a parent
    origin: QPointF  # global position
    held: bool  # the widget under the finger has the press (it may still click)
    track: FingerTrack = field(default_factory=FingerTrack)
    axis: str = ""  # "" while a tap; "y" (scrolls) or "x" once past the slop
    anchor_y: float = 0.0  # where the content began to follow, and the scroll value then
    start_value: int = 0


class TouchScroller(QObject):
    """Scrolls `area` vertically by finger or mouse drags over anything inside it and reports
    swipes to `on_swipe`. `dpi` turns millimetres into pixels; `clock` (monotonic seconds)
    times the glide after a flick."""

    def __init__(self, area: QAbstractScrollArea, dpi: float, on_swipe: Callable[[str], None] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(area)
        self._bar = area.verticalScrollBar()
        self._viewport = area.viewport()
        px_per_mm = dpi / 25.4
        self._slop = SLOP_MM * px_per_mm
        self._swipe = SWIPE_MM * px_per_mm
        self._min_fling, self._max_fling, self._stop_speed = (
            speed * px_per_mm / 1000.0 for speed in (MIN_FLING_MM_S, MAX_FLING_MM_S, STOP_MM_S))  # px/ms
        self._on_swipe = on_swipe
        self._clock = clock
        self._press: _Press | None = None
        self._fling: Fling | None = None
        self._fling_since = 0.0
        self._cancelling = False
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._glide)
        self._bar.sliderPressed.connect(self.stop)
        self._watch(self._viewport)

    def moving(self) -> bool:
        """True while the content glides on after a flick."""
        return self._timer.isActive()

    def stop(self) -> None:
        self._timer.stop()
        self._fling = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:  # a widget about to show inside the area: watch it too
            child = event.child()
            if child.isWidgetType():
                self._watch(child)
            return False
        if kind == QEvent.Type.ChildRemoved and watched is self._viewport:
            self.stop()  # the content was replaced: do not glide over the new one
        if self._cancelling:
            return False
        if kind in PRESSES:
            return self._on_press(watched, event)
        press = self._press
        if press is None or watched is not press.grabber:
            return False  # not ours, or the same event passed up to a parent
        if kind == QEvent.Type.MouseMove:
            return self._on_move(press, event)
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            self._press = None
            return self._on_release(press, event)
        return False

    def _watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)  # installing twice keeps one
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def _on_press(self, watched: QObject, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        place = event.globalPosition()
        key = (event.timestamp(), place.x(), place.y())
        if self._press is not None and self._press.key == key:
            return not self._press.held  # the same press again (passed up, or its double click)
        gliding = self.moving()
        self.stop()
        self._press = _Press(watched, key, place, held=not gliding)  # a press that stops a glide clicks nothing
        self._press.track.add(event.timestamp(), place.y())
        return gliding

    def _on_move(self, press: _Press, event: QMouseEvent) -> bool:
        place = event.globalPosition()
        press.track.add(event.timestamp(), place.y())
        if not press.axis:
            moved = place - press.origin
            if math.hypot(moved.x(), moved.y()) < self._slop:
                return not press.held  # still a tap
            press.axis = "y" if abs(moved.y()) >= abs(moved.x()) else "x"
            # follow the finger from the slop's edge: no jump now, no lost distance after a big first move
            press.anchor_y = press.origin.y() + math.copysign(min(self._slop, abs(moved.y())), moved.y())
            press.start_value = self._bar.value()
            if press.held:
                self._cancel(press.grabber)
                press.held = False
        if press.axis == "y":
            self._bar.setValue(round(press.start_value - (place.y() - press.anchor_y)))
        return True

    def _on_release(self, press: _Press, event: QMouseEvent) -> bool:
        if not press.axis:
            return not press.held  # a tap: the widget under it clicks
        place = event.globalPosition()
        press.track.add(event.timestamp(), place.y())
        moved = place - press.origin
        direction = swipe_direction(moved.x(), moved.y(), self._swipe)
        if press.axis == "y":
            self._throw(-press.track.velocity())  # the content moves against the scroll value
        if direction and self._on_swipe is not None:  # after the throw: a swipe that brings a new
            self._on_swipe(direction)  # screen stops the glide, which must not carry over onto it
        return True

    def _cancel(self, widget: QWidget) -> None:
        """Let the widget under a press go without a click: release it far outside itself."""
        if not shiboken6.isValid(widget):
            return
        release = QMouseEvent(QEvent.Type.MouseButtonRelease, FAR_AWAY, FAR_AWAY, Qt.MouseButton.LeftButton,
                              Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        self._cancelling = True
        try:
            QCoreApplication.sendEvent(widget, release)
        finally:
            self._cancelling = False

    def _throw(self, velocity: float) -> None:
        speed = max(-self._max_fling, min(self._max_fling, velocity))
        if abs(speed) < self._min_fling:
            return
        self._fling = Fling(self._bar.value(), speed, self._stop_speed)
        self._fling_since = self._clock()
        self._timer.start()

    def _glide(self) -> None:
        fling = self._fling
        assert fling is not None  # the timer runs only with a fling
        elapsed_ms = (self._clock() - self._fling_since) * 1000.0
        self._bar.setValue(round(fling.position(elapsed_ms)))
        end = self._bar.maximum() if fling.velocity > 0 else self._bar.minimum()
        if self._bar.value() == end or fling.finished(elapsed_ms):
            self.stop()
