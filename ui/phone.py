"""The simulated phone: draws a content Screen (from a LessonView) and forwards taps.

Every screen carries the "Màn hình tập luyện" band. Interactive elements are named
`el:<id>` (and `el:<id>:<option>` for options) so tests can find them like a person would.
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from PySide6.QtGui import QColor, QImage, QPixmap

from content.model import Element
from kiosk.intents import Choose, Intent, Tap
from kiosk.views import LessonView
from ui import texts
from ui.style import Look
from ui.widgets import WrapButton, label, scroll_area

Send = Callable[[Intent], None]


class PhoneView(QFrame):
    def __init__(self, look: Look, send: Send) -> None:
        super().__init__()
        self.setObjectName("phone")
        self._look = look
        self._send = send
        self._revealed: set[str] = set()  # password fields shown in clear ("Hiện"), as real apps allow
        self._view: LessonView | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        band = label(texts.PRACTICE_BAND)
        band.setObjectName("practiceBand")
        band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(band)
        self._app_bar = QFrame()
        self._app_bar.setObjectName("appBar")
        bar = QVBoxLayout(self._app_bar)
        bar.setContentsMargins(16, 6, 16, 6)
        self._title = label("")
        bar.addWidget(self._title)
        outer.addWidget(self._app_bar)
        self._scroll = scroll_area(dpi=look.dpi)
        outer.addWidget(self._scroll, 1)

    def show_view(self, view: LessonView) -> None:
        self._view = view
        self._title.setText(view.screen.title)
        self._title.setAccessibleDescription(view.screen.app)
        self._fit_title()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(14)
        tiles: QGridLayout | None = None
        focus_widget: QWidget | None = None
        for element in view.screen.elements:
            if element.kind == "tile":  # app icons sit in a grid, two a row
                if tiles is None:
                    tiles = QGridLayout()
                    tiles.setSpacing(14)
                    layout.addLayout(tiles)
                widget = self._element(element, view)
                tiles.addWidget(widget, tiles.count() // 2, tiles.count() % 2)
                continue
            tiles = None
            widget = self._element(element, view)
            layout.addWidget(widget)
            if element.id in (view.focus, view.highlight):
                focus_widget = widget
        layout.addStretch(1)
        old = self._scroll.takeWidget()  # not deleted by setWidget: a tap may still be running in it
        if old is not None:
            old.deleteLater()
        self._scroll.setWidget(content)
        if focus_widget is not None:  # once laid out, scroll so the field or target shows
            QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(focus_widget) if shiboken6.isValid(focus_widget) else None)

    def _fit_title(self) -> None:
        """Give a long, wrapped app-bar title all the lines it needs (layouts don't ask)."""
        margins = self._app_bar.layout().contentsMargins()
        self._title.setMinimumHeight(self._title.heightForWidth(self._app_bar.width() - margins.left() - margins.right()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_title()

    # --- elements --------------------------------------------------------------------
    def _element(self, e: Element, view: LessonView) -> QWidget:
        kind = e.kind
        if kind in ("heading", "text", "note"):
            return label(e.value or e.label, "heading" if kind == "heading" else "")
        if kind == "banner":
            widget = label(e.value or e.label)
            widget.setProperty("banner", e.tone)
            return widget
        if kind == "sms":
            return self._sms(e)
        if kind == "select":
            return self._select(e, view)
        if kind in ("field", "password", "otp", "date"):
            return self._field(e, view)
        if kind in ("call", "summary"):
            return self._card(e)
        if kind == "checkbox":
            return self._checkbox(e, view)
        if kind in ("notification", "qr"):
            return self._picture_row(e, view)
        role = {"button": "app", "tile": "tileapp"}.get(kind, "row")
        widget = self._tappable(e.label, role, e.id, view, lambda: self._send(Tap(e.id)))
        widget.setProperty("tone", e.tone)  # success: green (e.g. answer a call), error: red (decline)
        if role == "row":
            widget.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return widget

    def _tappable(self, text: str, role: str, name: str, view: LessonView, on_click: Callable[[], None]) -> WrapButton:
        widget = WrapButton(text, role, self._look.min_target, on_click, f"el:{name}")
        widget.setProperty("highlight", "true" if view.highlight == name else "false")
        return widget

    def _field(self, e: Element, view: LessonView) -> QWidget:
        box, layout = _labelled(e.label)
        value = view.values.get(e.id, e.value)
        shown = value if e.id in self._revealed else _shown_value(e, value)
        caret = "|" if view.focus == e.id else ""
        field = self._tappable(shown + caret or e.placeholder, "field", e.id, view, lambda: self._send(Tap(e.id)))
        field.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        field.setProperty("empty", "false" if value else "true")
        field.setProperty("focus", "true" if view.focus == e.id else "false")
        if e.kind != "password":
            layout.addWidget(field)
            return box
        row = QHBoxLayout()
        row.addWidget(field, 1)
        words = texts.HIDE if e.id in self._revealed else texts.SHOW
        toggle = WrapButton(words, "row", self._look.min_target, lambda: self._toggle(e.id), f"el:{e.id}:show")
        toggle.setFixedWidth(self._look.px(28))
        toggle.layout().setContentsMargins(4, 4, 4, 4)
        row.addWidget(toggle)
        layout.addLayout(row)
        return box

    def _toggle(self, element_id: str) -> None:
        self._revealed ^= {element_id}
        if self._view is not None:
            self.show_view(self._view)

    def _select(self, e: Element, view: LessonView) -> QWidget:
        box, layout = _labelled(e.label)
        for index, option in enumerate(e.options):
            chosen = view.chosen.get(e.id) == index
            widget = WrapButton(
                ("✓ " if chosen else "") + option,
                "option",
                self._look.min_target,
                lambda i=index: self._send(Choose(e.id, i)),
                f"el:{e.id}:{index}",
            )
            widget.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            widget.setCheckable(True)
            widget.setChecked(chosen)
            widget.setProperty("highlight", "true" if view.highlight == e.id else "false")
            layout.addWidget(widget)
        return box

    def _sms(self, e: Element) -> QWidget:
        bubble = QFrame()
        bubble.setObjectName("sms")
        layout = QVBoxLayout(bubble)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(label(e.sender, "heading"))
        layout.addWidget(label(e.value))
        return bubble

    def _card(self, e: Element) -> QWidget:
        """An incoming call (caller and number) or a summary (label: value lines, e.g. a bank confirmation)."""
        card = QFrame()
        card.setObjectName(e.kind)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 10)
        lines = [(e.label, "heading"), (e.value, "")] if e.kind == "call" else [
            (text, role) for key, value in e.rows for text, role in ((key, "muted"), (value, "heading"))
        ]
        for text, role in lines:
            if text:
                layout.addWidget(label(text, role))
        return card

    def _checkbox(self, e: Element, view: LessonView) -> QWidget:
        ticked = e.id in view.chosen
        widget = self._tappable(("☑ " if ticked else "☐ ") + e.label, "option", e.id, view, lambda: self._send(Tap(e.id)))
        widget.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        widget.setCheckable(True)
        widget.setChecked(ticked)
        return widget

    def _picture_row(self, e: Element, view: LessonView) -> QWidget:
        """A notification (sender, then its text) or a QR code to "scan" by touching it."""
        head = e.sender if e.kind == "notification" else e.label
        widget = self._tappable(head, "row", e.id, view, lambda: self._send(Tap(e.id)))
        widget.set_alignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if e.kind == "notification":
            widget.add_line(e.value)
        else:
            picture = QLabel()
            picture.setPixmap(_qr_pixmap(e.value or e.id, self._look.min_target * 2))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            widget.layout().addWidget(picture)
        return widget


def _shown_value(e: Element, value: str) -> str:
    """What a field shows: dots for a password, one box per OTP digit, a date as dd/mm/yyyy."""
    if e.kind == "password":
        return "•" * len(value)
    if e.kind == "otp" and value:
        return "  ".join(value.ljust(e.length, "_"))
    if e.kind == "date" and value:
        return "/".join(part for part in (value[:2], value[2:4], value[4:8]) if part)
    return value


def _qr_pixmap(text: str, size: int) -> QPixmap:
    """A QR-looking picture (three corner squares, a pattern from `text`); it encodes nothing."""
    modules = 21
    image = QImage(modules, modules, QImage.Format.Format_RGB32)
    seed = sum(ord(c) * (i + 1) for i, c in enumerate(text))
    for y in range(modules):
        for x in range(modules):
            corner = next(((cx, cy) for cx, cy in ((0, 0), (14, 0), (0, 14)) if cx <= x < cx + 7 and cy <= y < cy + 7), None)
            if corner is not None:
                dx, dy = x - corner[0], y - corner[1]
                dark = max(abs(dx - 3), abs(dy - 3)) != 2
            else:
                dark = (seed * (x * 31 + y * 17 + 7)) % 11 < 5
            image.setPixel(x, y, QColor("black" if dark else "white").rgb())
    return QPixmap.fromImage(image).scaled(size, size)


def _labelled(text: str) -> tuple[QWidget, QVBoxLayout]:
    """A column headed by a bold label, for a field or a list of options."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    layout.addWidget(label(text, "heading"))
    return box, layout
