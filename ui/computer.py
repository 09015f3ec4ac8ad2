"""A computer beside the phone: a browser window showing a web page of the lesson (the
national portal's login page with its QR code, which the learner scans with the phone), so
"quét mã QR" means what it will mean at home. Its elements are named `el:<id>` like the
phone's, and it carries `device=True`: its buttons are practice controls, not the kiosk's."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from content.model import Screen
from kiosk.intents import Intent
from kiosk.views import LessonView
from ui import texts
from ui import theme as t
from ui.icons import kiosk_icon
from ui.in_view import InView, Pulse
from ui.phone_elements import ElementFactory
from ui.style import Look
from ui.widgets import label, repolish, scroll_area

Send = Callable[[Intent], None]


class ComputerView(QFrame):
    def __init__(self, look: Look, send: Send) -> None:
        super().__init__()
        self.setObjectName("computer")
        self.setProperty("device", True)
        self._look, self._send = look, send
        self._built: tuple[object, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        window_bar = QFrame()
        window_bar.setObjectName("windowBar")
        row = QHBoxLayout(window_bar)
        row.setContentsMargins(12, 4, 12, 4)
        row.setSpacing(8)
        row.addWidget(label(texts.COMPUTER_BAND, wrap=False), 1)
        outer.addWidget(window_bar)
        address = QFrame()
        address.setObjectName("computerAddress")
        line = QHBoxLayout(address)
        line.setContentsMargins(12, 4, 12, 4)
        lock = label("")
        lock.setPixmap(kiosk_icon("lock", t.ADDRESS_TEXT, look.px(4)))
        line.addWidget(lock)
        self._address = label("", wrap=False)
        line.addWidget(self._address, 1)
        outer.addWidget(address)
        self._page_bar = QFrame()
        self._page_bar.setObjectName("appBar")
        bar = QVBoxLayout(self._page_bar)
        bar.setContentsMargins(16, 4, 16, 4)
        self._title = label("")
        bar.addWidget(self._title)
        outer.addWidget(self._page_bar)
        self._scroll = scroll_area(dpi=look.dpi, shrinks_to=look.min_target)
        self._scroll.setObjectName("computerScroll")
        outer.addWidget(self._scroll, 1)
        self._in_view = InView(self, self._scroll, look.px(2))
        self._pulse = Pulse(self)

    def show_view(self, view: LessonView) -> None:
        screen = view.computer
        self.setVisible(screen is not None)
        if screen is None:
            return
        app = t.app_look(screen.app)
        key = (view.lesson_id, view.step_number, screen, tuple(sorted(view.chosen.items())), view.highlight)
        if key == self._built:
            return
        first = key[:2] != self._built[:2]
        self._built = key
        self._address.setText(app.address or texts.COMPUTER_ADDRESS)
        self._title.setText(screen.title)
        self._page_bar.setProperty("app", app.key)
        repolish(self._page_bar)
        factory = ElementFactory(self._look, self._send, view, app, set(), lambda _element: None)
        content = self._page(screen, factory)
        names = tuple(i for i in (*view.targets, view.highlight, *view.needs) if i and screen.element(i) is not None)
        self._in_view.replace(content, names if first or view.highlight else None)
        self._pulse.restart()

    def _page(self, screen: Screen, factory: ElementFactory) -> QWidget:
        content = QWidget()
        content.setObjectName("computerContent")
        layout = QVBoxLayout(content)
        gap = self._look.px(2.5)
        layout.setContentsMargins(gap * 2, gap, gap * 2, gap)
        layout.setSpacing(gap)
        for element in screen.elements:
            layout.addWidget(factory.build(element), 0, Qt.AlignmentFlag.AlignHCenter if element.kind == "qr" else Qt.AlignmentFlag(0))
        layout.addStretch(1)
        return content
