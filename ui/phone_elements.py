"""The practice phone's elements: one widget per content Element, looking like the real thing
(app buttons in the app's colour, list rows, fields with light placeholders, real tick boxes
and radio buttons, home-screen icons, an incoming call). Every widget is named `el:<id>`
(options `el:<id>:<index>`) so tests and the layout audit find what a step names."""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from content.model import Element
from kiosk.intents import Choose, Intent, Tap
from kiosk.picker import is_long
from kiosk.views import LessonView
from ui import texts
from ui import theme as t
from ui.icons import app_icon
from ui.style import Look
from ui.widgets import WrapButton, label

Send = Callable[[Intent], None]
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class Indicator(QWidget):
    """A tick box or a radio button, drawn as phones draw them."""

    def __init__(self, side: int, round_: bool, on: bool, colour: str) -> None:
        super().__init__()
        self.setFixedSize(side, side)
        self._round, self._on, self._colour = round_, on, QColor(colour)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = max(2.0, self.width() / 12)
        box = QRectF(line, line, self.width() - 2 * line, self.height() - 2 * line)
        painter.setPen(QPen(self._colour if self._on else QColor(t.FIELD_BORDER), line))
        painter.setBrush(self._colour if self._on and not self._round else QColor(t.PAPER))
        if self._round:
            painter.drawEllipse(box)
            if self._on:
                painter.setBrush(self._colour)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(box.adjusted(box.width() / 4, box.height() / 4, -box.width() / 4, -box.height() / 4))
        else:
            painter.drawRoundedRect(box, line * 1.5, line * 1.5)
            if self._on:
                painter.setPen(QPen(QColor(t.PAPER), line * 1.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                w, h = box.width(), box.height()
                painter.drawPolyline([box.topLeft() + p for p in (
                    QRectF(0, 0, w * 0.22, h * 0.52).bottomRight(),
                    QRectF(0, 0, w * 0.42, h * 0.72).bottomRight(),
                    QRectF(0, 0, w * 0.78, h * 0.3).bottomRight(),
                )])
        painter.end()


class ElementFactory:
    """Builds the widgets of one screen for one view; `app` is the screen's AppLook."""

    def __init__(self, look: Look, send: Send, view: LessonView, app: t.AppLook, revealed: set[str],
                 toggle_reveal: Callable[[str], None]) -> None:
        self._look, self._send, self._view, self._app = look, send, view, app
        self._revealed, self._toggle_reveal = revealed, toggle_reveal

    def build(self, e: Element) -> QWidget:
        kind = e.kind
        if kind in ("heading", "text", "note"):
            widget: QWidget = label(breakable(e.value or e.label), "heading" if kind == "heading" else "")
        elif kind == "banner":
            widget = label(breakable(e.value or e.label))
            widget.setProperty("banner", e.tone)
        elif kind == "sms":
            widget = self._bubble(e)
        elif kind == "select":
            widget = self._select(e)
        elif kind in ("field", "password", "otp", "date"):
            widget = self._field(e)
        elif kind in ("call", "summary"):
            widget = self._card(e)
        elif kind == "checkbox":
            widget = self._checkbox(e)
        elif kind == "notification":
            widget = self.notification(e)
        elif kind == "qr":
            widget = self._qr(e)
        elif kind == "tile":
            widget = self._tile(e)
        else:
            widget = self._button(e)
        if not widget.objectName():
            widget.setObjectName(f"el:{e.id}")
        return widget

    # --- tappables ---------------------------------------------------------------------
    def _tappable(self, text: str, role: str, e: Element, on_click: Callable[[], None] | None = None) -> WrapButton:
        widget = WrapButton(text, role, self._look.min_target, on_click or (lambda: self._send(Tap(e.id))), f"el:{e.id}")
        widget.setProperty("highlight", "true" if self._view.highlight == e.id else "false")
        widget.setProperty("app", self._app.key)
        return widget

    def _button(self, e: Element) -> WrapButton:
        role = {"button": "app", "link": "link"}.get(e.kind, "row")
        widget = self._tappable(breakable(e.label), role, e)
        widget.setProperty("tone", e.tone)  # success: green (answer a call), error: red (decline)
        if role != "app":
            widget.set_alignment(LEFT)
        return widget

    def _tile(self, e: Element) -> WrapButton:
        """A home-screen or in-app icon: the picture above its name."""
        widget = self._tappable(e.label, "tileapp", e)
        picture = QLabel()
        picture.setPixmap(app_icon(f"{e.label} {e.id}", self._look.px(14)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        widget.add_widget(picture, above=True)
        widget.set_alignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)  # icons in a row line up
        return widget

    def notification(self, e: Element) -> WrapButton:
        """A notification banner: who sent it, then its text (tap to open)."""
        widget = self._tappable(e.sender, "notice", e)
        widget.set_alignment(LEFT)
        widget.set_title_role("heading")
        widget.add_line(breakable(e.value))
        return widget

    def _qr(self, e: Element) -> WrapButton:
        widget = self._tappable(e.label, "row", e)
        widget.set_alignment(LEFT)
        picture = QLabel()
        picture.setPixmap(_qr_pixmap(e.value or e.id, self._look.min_target * 2))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widget.add_widget(picture)
        return widget

    def _checkbox(self, e: Element) -> WrapButton:
        ticked = e.id in self._view.chosen
        widget = self._tappable(e.label, "option", e)
        widget.set_alignment(LEFT)
        widget.add_leading(Indicator(self._look.px(7), False, ticked, self._app.accent))
        widget.setCheckable(True)
        widget.setChecked(ticked)
        return widget

    def _select(self, e: Element) -> QWidget:
        box, layout = labelled(e.label, f"el:{e.id}", self._look.px(2.5))
        chosen = self._view.chosen.get(e.id)
        if is_long(e):  # a long list opens as a picker (see PhoneView)
            shown = e.options[chosen] if chosen is not None else texts.PICK_PROMPT
            field = self._tappable(f"{shown}  ▾", "field", e)
            field.setObjectName(f"el:{e.id}:open")
            field.set_alignment(LEFT)
            field.setProperty("empty", "false" if chosen is not None else "true")
            field.setProperty("highlight", "true" if self._view.highlight == e.id and self._view.picker is None else "false")
            layout.addWidget(field)
            return box
        for index, option in enumerate(e.options):
            layout.addWidget(self.option(e, index, option, chosen == index))
        return box

    def option(self, e: Element, index: int, text: str, chosen: bool, highlight: bool | None = None) -> WrapButton:
        """One radio-button row of a select (inline, or in the picker)."""
        widget = WrapButton(text, "option", self._look.min_target, lambda: self._send(Choose(e.id, index)), f"el:{e.id}:{index}")
        widget.set_alignment(LEFT)
        widget.add_leading(Indicator(self._look.px(7), True, chosen, self._app.accent))
        widget.setCheckable(True)
        widget.setChecked(chosen)
        lit = self._view.highlight in (e.id, f"{e.id}:{index}") if highlight is None else highlight
        widget.setProperty("highlight", "true" if lit else "false")
        widget.setProperty("app", self._app.key)
        return widget

    def _field(self, e: Element) -> QWidget:
        box, layout = labelled(e.label, f"el:{e.id}:box", self._look.px(2.5))
        field = self._tappable("", "field", e)
        field.set_alignment(LEFT)
        self.fill_field(field, e)
        if e.kind != "password":
            layout.addWidget(field)
            return box
        row = QHBoxLayout()
        row.setSpacing(self._look.px(2))
        row.addWidget(field, 1)
        words = texts.HIDE if e.id in self._revealed else texts.SHOW
        toggle = WrapButton(words, "link", self._look.min_target, lambda: self._toggle_reveal(e.id), f"el:{e.id}:show", one_line=True)
        toggle.setProperty("app", self._app.key)
        toggle.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        row.addWidget(toggle)
        layout.addLayout(row)
        return box

    def fill_field(self, field: WrapButton, e: Element) -> None:
        """Show what is typed so far (or the light placeholder), with a caret while typing."""
        value = self._view.values.get(e.id, e.value)
        shown = value if e.id in self._revealed else shown_value(e, value)
        focused = self._view.focus == e.id
        caret = "|" if focused else ""
        if value:
            field.set_text(shown + caret)
        else:
            field.set_text(" ".join(part for part in (caret, e.placeholder) if part))
        field.setProperty("empty", "false" if value else "true")
        field.setProperty("focus", "true" if focused else "false")

    # --- static ------------------------------------------------------------------------
    def _bubble(self, e: Element) -> QWidget:
        """A message bubble; the citizen's own messages sit on the right, in the app's colour."""
        own = e.sender in texts.OWN_SENDERS
        bubble = QFrame()
        bubble.setObjectName(f"el:{e.id}")
        bubble.setProperty("bubble", "own" if own else "other")
        bubble.setProperty("app", self._app.key)
        layout = QVBoxLayout(bubble)
        layout.setContentsMargins(14, 10, 14, 10)
        if not own and e.sender:  # a conversation's bubbles may leave the name to the app bar
            layout.addWidget(label(e.sender, "heading"))
        layout.addWidget(label(breakable(e.value)))
        return bubble

    def _card(self, e: Element) -> QWidget:
        """An incoming call (caller and number, big) or a summary (label: value lines)."""
        card = QFrame()
        card.setObjectName(f"el:{e.id}")
        card.setProperty("card", e.kind)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 10, 14, 10)
        if e.kind == "call":
            for text, role in ((e.label, "caller"), (e.value, "")):
                if text:
                    line = label(text, role)
                    line.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    layout.addWidget(line)
            return card
        for key, value in e.rows:
            layout.addWidget(label(key, "muted"))
            layout.addWidget(label(value, "heading"))
        return card


LONG_WORD = re.compile(r"\S{14,}")


def breakable(text: str) -> str:
    """Let a long word (a web address, a file code) wrap after its dots, dashes and slashes,
    with a zero-width space, as a phone does; short words are left alone."""
    return LONG_WORD.sub(lambda m: re.sub(r"([./\-])", "\\1\u200b", m.group(0)), text)


def labelled(text: str, name: str, gap: int) -> tuple[QWidget, QVBoxLayout]:
    """A column headed by a bold label, for a field or a list of options `gap` apart."""
    box = QWidget()
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(gap)
    if text:
        layout.addWidget(label(text, "heading"))
    return box, layout


def shown_value(e: Element, value: str) -> str:
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
