"""Keeping what a step names in view on a device's screen (the phone, the computer beside it),
and the pulse of a highlighted target.

`InView` owns one scroll area: a new screen is put in it either scrolled to the widgets the
step names (`el:<id>`: the target first and whole, then as much of what it reads from as fits)
or where the last one was (a box ticked on the same screen). Layouts are finished first, down
from the window, so the places measured are where things will be drawn; the scroll is done
again when the screen's window changes size (the keyboard came up, a banner was pinned).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

from ui.widgets import WrapButton, repolish

PULSE_MS = 700  # a highlight's two phases alternate this often


class InView(QObject):
    def __init__(self, device: QWidget, area: QScrollArea, margin: int) -> None:
        super().__init__(device)
        self._device, self._area, self._margin = device, area, margin
        self._names: tuple[str, ...] = ()
        self._pending = False  # a new screen not yet scrolled to what it names
        self._busy = False  # laying out resizes the viewport: don't come back in from the filter
        area.viewport().installEventFilter(self)
        device.installEventFilter(self)

    def replace(self, content: QWidget, names: tuple[str, ...] | None) -> None:
        """Show `content`: scrolled to the widgets `names`, or (None) where the screen was."""
        kept = self._area.verticalScrollBar().value()
        old = self._area.takeWidget()  # not deleted by setWidget: a tap may still be running in it
        if old is not None:
            old.hide()
            old.deleteLater()
        self._area.setWidget(content)
        if names is None:
            if self._device.isVisible():
                self._lay_out(content)
                self._area.verticalScrollBar().setValue(kept)
            return
        self._names = names
        self._pending = True
        self.reveal()  # now if the device is on screen; else once it is (Show, a timer)
        QTimer.singleShot(0, self._reveal_if_alive)

    def relayout(self) -> None:
        """The screen's words changed in place (typing): lay it out again where it is."""
        content = self._area.widget()
        if content is not None and self._device.isVisible():
            content.layout().invalidate()
            self._lay_out(content)

    def reveal(self) -> None:
        content = self._area.widget()
        if content is None or not self._names or not self._device.isVisible():
            return
        widgets = [w for name in self._names if (w := content.findChild(QWidget, f"el:{name}")) is not None]
        if not widgets:
            return
        self._busy = True
        try:
            self._lay_out(content)
        finally:
            self._busy = False
        viewport = self._area.viewport().height()
        rects = [QRect(w.mapTo(content, w.rect().topLeft()), w.size()) for w in widgets]
        union = rects[0]  # the target comes first: it must show whole
        for rect in rects[1:]:
            wider = union.united(rect)
            if wider.height() <= viewport:
                union = wider
        self._pending = False
        bar = self._area.verticalScrollBar()
        bar.setRange(0, max(0, content.height() - viewport))  # the area updates its bar only after this resize
        if union.top() - self._margin < bar.value():
            bar.setValue(union.top() - self._margin)
        elif union.bottom() + self._margin > bar.value() + viewport:
            bar.setValue(min(union.top() - self._margin, union.bottom() + self._margin - viewport))

    def _lay_out(self, content: QWidget) -> None:
        chain: list[QWidget] = []
        widget: QWidget | None = self._device
        while widget is not None:
            chain.append(widget)
            widget = widget.parentWidget()
        for each in reversed(chain):
            if each.layout() is not None:
                each.layout().activate()
        viewport = self._area.viewport()
        for _ in range(3):  # a scroll bar that comes or goes narrows the screen and rewraps its words
            size = viewport.size()
            height = content.heightForWidth(size.width()) if content.hasHeightForWidth() else content.sizeHint().height()
            content.resize(size.width(), max(size.height(), height))
            content.layout().activate()
            if viewport.size() == size:
                break

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._device and event.type() == QEvent.Type.Show and self._pending:
            self.reveal()
        elif event.type() == QEvent.Type.Resize and watched is not self._device and self._names and not self._busy:
            self._pending = True
            self.reveal()
        return False

    def _reveal_if_alive(self) -> None:
        if shiboken6.isValid(self) and self._pending:
            self.reveal()


class Pulse(QObject):
    """The highlighted target (dynamic property highlight="true") alternates between two rings
    (property pulse "on" / "off"), so it draws the eye."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self._root = root
        self._timer = QTimer(self)
        self._timer.setInterval(PULSE_MS)
        self._timer.timeout.connect(self.step)

    def restart(self) -> None:
        lit = self._lit()
        for widget in lit:
            widget.setProperty("pulse", "on")
        if lit:
            self._timer.start()
        else:
            self._timer.stop()

    def _lit(self) -> list[QWidget]:
        return [w for w in self._root.findChildren(WrapButton) if w.property("highlight") == "true"]

    def step(self) -> None:
        """Switch the highlighted target to its other phase (the timer calls this)."""
        for widget in self._lit():
            widget.setProperty("pulse", "off" if widget.property("pulse") == "on" else "on")
            repolish(widget)
