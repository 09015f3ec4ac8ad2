"""The simulated phone: a status bar, the practice band, the app's own bar (or a browser with
its address bar), then the screen of a LessonView; taps go out as intents.

What the step names is kept in view: when a step opens (or help lights its target) the
screen scrolls by itself to show the target and what the step reads from, and a notification
the step needs stays pinned at the top, as a phone's banner does. A long option list opens
as a picker (`view.picker`): a search line typed on the kiosk keyboard and the matching names.
The phone frame carries `device=True`: its buttons are phone controls, not the kiosk's.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from content.model import Element
from kiosk.intents import ClosePicker, Intent, Swipe
from kiosk.views import LessonView, PickerView
from ui import texts
from ui import theme as t
from ui.icons import kiosk_icon
from ui.phone_elements import ElementFactory
from ui.style import Look
from ui.in_view import InView, Pulse
from ui.widgets import WrapButton, label, repolish, scroll_area

Send = Callable[[Intent], None]
PICKER_SHOWN = 12


class Signal(QWidget):
    """Signal bars and a battery, drawn (no font glyphs)."""

    def __init__(self, look: Look) -> None:
        super().__init__()
        self.setFixedSize(look.px(12), look.px(4))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.PRACTICE_TEXT))
        w, h = self.width(), self.height()
        battery = QRect(w - h * 3 // 2, h // 4, h * 5 // 4, h // 2)
        painter.drawRect(battery)
        painter.drawRect(QRect(battery.right() + 1, h * 3 // 8, max(2, h // 8), h // 4))
        for i in range(4):  # to the left of the battery, with a gap
            bar_h = h * (i + 1) // 4
            painter.drawRect(QRect(i * h // 4, h - bar_h, max(2, h // 6), bar_h))
        painter.end()


def status_bar(look: Look) -> QFrame:
    """The phone's top line, as phones have: the time, then the practice band's words (every
    screen says it is a practice one), then signal and battery."""
    bar = QFrame()
    bar.setObjectName("statusBar")
    row = QHBoxLayout(bar)
    row.setContentsMargins(12, 2, 12, 2)
    row.setSpacing(8)
    row.addWidget(label(texts.PHONE_CLOCK, wrap=False))
    band = label(texts.PRACTICE_BAND, wrap=False)
    band.setObjectName("practiceBand")
    band.setAlignment(Qt.AlignmentFlag.AlignCenter)
    row.addWidget(band, 1)
    row.addWidget(Signal(look))
    return bar


def shown_matches(picker: PickerView) -> list[int]:
    """The names a picker lists: at most PICKER_SHOWN of the matches (a short list, never a
    4,000 px one; typing narrows it), from the highlighted one when help lit one further down."""
    matches = list(picker.matches)
    if len(matches) <= PICKER_SHOWN:
        return matches
    at = matches.index(picker.highlight) if picker.highlight in matches else 0
    start = max(0, min(at - 2, len(matches) - PICKER_SHOWN))
    return matches[start : start + PICKER_SHOWN]


class PhoneView(QFrame):
    def __init__(self, look: Look, send: Send) -> None:
        super().__init__()
        self.setObjectName("phone")
        self.setProperty("device", True)
        self._look = look
        self._send = send
        self._revealed: set[str] = set()  # password fields shown in clear ("Hiện"), as real apps allow
        self._view: LessonView | None = None
        self._built: tuple[object, ...] = ()
        self._fields: dict[str, tuple[WrapButton, Element]] = {}
        self._factory: ElementFactory | None = None
        self._app = t.DEFAULT_APP
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(status_bar(look))
        self._address = QFrame()
        self._address.setObjectName("addressBar")
        row = QHBoxLayout(self._address)
        row.setContentsMargins(12, 6, 12, 6)
        lock = label("")
        lock.setPixmap(kiosk_icon("lock", t.ADDRESS_TEXT, look.px(4)))
        row.addWidget(lock)
        self._address_text = label("", wrap=False)
        row.addWidget(self._address_text, 1)
        outer.addWidget(self._address)
        self._app_bar = QFrame()
        self._app_bar.setObjectName("appBar")
        bar = QHBoxLayout(self._app_bar)
        bar.setContentsMargins(16, 6, 16, 6)
        bar.setSpacing(look.px(2))
        self._close = WrapButton(texts.PICKER_BACK, "bar", look.min_target, lambda: self._send(ClosePicker()), "pickerClose",
                                 main=False, one_line=True)
        self._close.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        bar.addWidget(self._close)
        self._title = label("")
        self._title.setObjectName("appTitle")
        bar.addWidget(self._title, 1)
        outer.addWidget(self._app_bar)
        self._pinned = QWidget()
        self._pinned.setObjectName("pinned")
        QVBoxLayout(self._pinned).setContentsMargins(10, 8, 10, 8)
        outer.addWidget(self._pinned)
        self._scroll = scroll_area(dpi=look.dpi, on_swipe=lambda direction: self._send(Swipe(direction)),
                                   shrinks_to=look.min_target)
        self._scroll.setObjectName("phoneScroll")
        outer.addWidget(self._scroll, 1)
        self._in_view = InView(self, self._scroll, look.px(2))
        self._pulse = Pulse(self)
        self._swipe_hint = label("")
        self._swipe_hint.setParent(self)
        self._swipe_hint.setObjectName("swipeHint")
        self._swipe_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._swipe_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the drag goes through it
        self._swipe_hint.hide()

    # --- drawing a view ----------------------------------------------------------------
    def show_view(self, view: LessonView) -> None:
        first = self._view is None or (view.lesson_id, view.step_number) != (self._view.lesson_id, self._view.step_number)
        if first:
            self._revealed.clear()
        self._view = view
        self._app = t.app_look(view.screen.app)
        key = (view.lesson_id, view.step_number, view.screen, tuple(sorted(view.chosen.items())), view.focus,
               view.highlight, view.picker, view.needs, frozenset(self._revealed))
        self._show_swipe_hint(view)
        if key == self._built and self._factory is not None:
            self._refresh_fields(view)  # only typed text changed: the screen stays where it is
            return
        reveal = first or view.highlight != (self._built[5] if self._built else "") or view.picker != (self._built[6] if self._built else None)
        self._built = key
        self._show_chrome(view)
        self._factory = ElementFactory(self._look, self._send, view, self._app, self._revealed, self._toggle)
        self._fill_pinned(view)
        content = self._picker(view.picker) if view.picker is not None else self._screen(view)
        self._in_view.replace(content, self._wanted(view) if reveal else None)  # the same screen again stays put
        self._pulse.restart()

    def _show_chrome(self, view: LessonView) -> None:
        app = self._app
        web = bool(app.address)
        self._address.setVisible(web)
        self._address_text.setText(app.address)
        title = view.screen.title
        self._close.setVisible(view.picker is not None)  # a picker's way back sits in the bar, as in apps
        if view.picker is not None:
            element = view.screen.element(view.picker.element)
            title = element.label if element is not None else title
            self._close.setObjectName(f"el:{view.picker.element}:close")
        self._title.setText(title)
        self._title.setAccessibleDescription(view.screen.app)
        for widget in (self, self._app_bar):
            widget.setProperty("app", app.key)
        repolish(self._app_bar)
        self.style().unpolish(self)
        self.style().polish(self)
        self._fit_title()

    def _show_swipe_hint(self, view: LessonView) -> None:
        """After a wrong try or Trợ giúp on a swipe step: which way to drag, over the screen."""
        shown = bool(view.swipe) and view.feedback_kind in ("wrong", "hint")
        self._swipe_hint.setText(texts.SWIPE_HINT.get(view.swipe, ""))
        self._swipe_hint.setVisible(shown)
        if shown:
            self._place_swipe_hint()

    def _place_swipe_hint(self) -> None:
        area = self._scroll.geometry()
        margin = self._look.px(3)
        width = area.width() - 2 * margin
        height = self._swipe_hint.heightForWidth(width)
        self._swipe_hint.setGeometry(area.left() + margin, area.bottom() - margin - height, width, height)
        self._swipe_hint.raise_()

    def _screen(self, view: LessonView) -> QWidget:
        assert self._factory is not None
        content = QWidget()
        content.setObjectName("phoneContent")
        content.setProperty("app", self._app.key)
        layout = QVBoxLayout(content)
        gap = self._look.px(2.5)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(gap)
        self._fields = {}
        grid: QGridLayout | None = None
        row: QHBoxLayout | None = None
        for element in view.screen.elements:
            if element.id in view.needs and element.kind == "notification":
                continue  # pinned at the top
            widget = self._factory.build(element)
            if element.kind in ("field", "password", "otp", "date"):
                field = widget.findChild(WrapButton, f"el:{element.id}")
                if field is not None:
                    self._fields[element.id] = (field, element)
            if element.kind == "tile":  # app icons sit in a grid, three a row
                if grid is None:
                    grid = QGridLayout()
                    grid.setSpacing(gap)
                    for column in range(3):  # three equal columns, as on a phone's home screen
                        grid.setColumnStretch(column, 1)
                    layout.addLayout(grid)
                grid.addWidget(widget, grid.count() // 3, grid.count() % 3)
                continue
            grid = None
            if element.kind == "button" and element.tone != "info" and self._app.key == "call":
                if row is None:  # answer / decline side by side, as on a real call screen
                    row = QHBoxLayout()
                    row.setSpacing(self._look.px(6))
                    layout.addLayout(row)
                row.addWidget(widget)
                continue
            row = None
            layout.addWidget(widget)
        layout.addStretch(1)
        return content

    def _fill_pinned(self, view: LessonView) -> None:
        """Notifications the step reads from, pinned under the app bar like a phone's banner."""
        assert self._factory is not None
        layout = self._pinned.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.hide()
                old.deleteLater()
        pinned = [e for e in view.screen.elements if e.id in view.needs and e.kind == "notification"]
        for element in pinned:
            layout.addWidget(self._factory.build(element))
        self._pinned.setVisible(bool(pinned) and view.picker is None)
        self._fit_title()

    def _picker(self, picker: PickerView) -> QWidget:
        """The long list as a picker: the search line, how many names match, then those names
        (the list scrolls by finger); the way back is in the app bar."""
        assert self._factory is not None and self._view is not None
        element = self._view.screen.element(picker.element)
        assert element is not None
        content = QWidget()
        content.setObjectName("picker")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(self._look.px(2.5))
        search = WrapButton(f"{picker.query}|" if picker.query else f"| {texts.PICKER_PLACEHOLDER}", "field",
                            self._look.min_target, lambda: None, f"el:{picker.element}:query")
        search.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        search.setProperty("empty", "false" if picker.query else "true")
        search.setProperty("focus", "true")
        search.setProperty("app", self._app.key)
        search.setAccessibleDescription(texts.PICKER_SEARCH)
        layout.addWidget(search)
        found = texts.PICKER_FOUND.format(n=len(picker.matches)) if picker.matches else texts.PICKER_NONE
        layout.addWidget(label(found, "small"))
        chosen = self._view.chosen.get(picker.element)
        shown = shown_matches(picker)
        for index in shown:
            layout.addWidget(self._factory.option(element, index, element.options[index], chosen == index, picker.highlight == index))
        if len(shown) < len(picker.matches):
            layout.addWidget(label(texts.PICKER_MORE.format(n=len(picker.matches) - len(shown)), "small"))
        layout.addStretch(1)
        return content

    def _refresh_fields(self, view: LessonView) -> None:
        assert self._factory is not None
        self._factory = ElementFactory(self._look, self._send, view, self._app, self._revealed, self._toggle)
        for field, element in self._fields.values():
            if shiboken6.isValid(field):
                self._factory.fill_field(field, element)
                repolish(field)
                field.updateGeometry()  # a longer text may need another line
        self._in_view.relayout()

    def _toggle(self, element_id: str) -> None:
        self._revealed ^= {element_id}
        if self._view is not None:
            self.show_view(self._view)

    # --- keeping the named thing in view ----------------------------------------------
    @staticmethod
    def _wanted(view: LessonView) -> tuple[str, ...]:
        if view.picker is not None:
            picker = view.picker
            options = (f"{picker.element}:{i}" for i in (*picker.matches[:1], picker.highlight) if i >= 0)
            return tuple(dict.fromkeys((f"{picker.element}:query", *options)))
        pinned = {e.id for e in view.screen.elements if e.kind == "notification"}
        return tuple(dict.fromkeys(i for i in (*view.targets, view.highlight, view.focus, *view.needs) if i and i not in pinned))

    # --- sizes --------------------------------------------------------------------------
    def _fit_title(self) -> None:
        """Give a long, wrapped app-bar title, and a pinned notification, all the lines they
        need (layouts don't ask): the screen below gives way instead."""
        bar = self._app_bar.layout()
        margins = bar.contentsMargins()
        width = self.contentsRect().width() - margins.left() - margins.right()  # the bar spans the screen
        if not self._close.isHidden():
            width -= self._close.sizeHint().width() + bar.spacing()
        self._title.setMinimumHeight(0)  # QLabel.heightForWidth never answers less than the minimum height
        self._title.setMinimumHeight(self._title.heightForWidth(width))
        pinned = self._pinned.layout()
        self._pinned.setMinimumHeight(pinned.totalHeightForWidth(self.contentsRect().width()) if pinned.count() else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_title()
        if self._swipe_hint.isVisible():
            self._place_swipe_hint()

    @property
    def scroll(self) -> QScrollArea:
        return self._scroll
