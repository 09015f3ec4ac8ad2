"""Text contrast measured on the drawn pixels: the background is the commonest colour of a
text widget's rectangle, the text the colour farthest from it in luminance among those with
enough pixels (so anti-aliasing does not decide). Buttons are also measured pressed (once per
look), highlighted targets in both pulse phases."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.app.audit.checks import Finding, quote
from kiosk.app.audit.tree import Node
from kiosk.app.audit.words import shows_text
from ui.theme import contrast, relative_luminance

MIN_CONTRAST = 7.0  # WCAG AAA, as ui.theme's PAIRS
MEANINGFUL = 0.05  # a text colour needs this share of the pixels that are not background
PULSE_PHASES = ("on", "off")


@dataclass(frozen=True)
class Measurement:
    ratio: float
    text: str  # "#rrggbb"
    background: str


def measure(image: Image.Image, box: QRect) -> Measurement | None:
    """The contrast of the text in `box` (image coordinates); None when no text shows there."""
    area = box.width() * box.height()
    colours = image.crop((box.left(), box.top(), box.right() + 1, box.bottom() + 1)).getcolors(area)
    if not colours:
        return None
    count, background = max(colours)
    rest = area - count
    if rest == 0:
        return Measurement(1.0, _hex(background), _hex(background))  # the words are the background's colour
    lightness = relative_luminance(_hex(background))
    candidates = [c for n, c in colours if c != background and n >= max(3, rest * MEANINGFUL)]
    if not candidates:
        return None
    text = _hex(max(candidates, key=lambda c: abs(relative_luminance(_hex(c)) - lightness)))
    return Measurement(contrast(text, _hex(background)), text, _hex(background))


def _hex(colour: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour[:3])


def pillow_image(pixmap: QPixmap) -> Image.Image:
    """The pixels as a Pillow image (copied: Pillow decodes Qt's 0xffRRGGBB words itself)."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB32)  # a no-op for a grab
    words = "BGRX" if sys.byteorder == "little" else "XRGB"
    return Image.frombuffer("RGB", (image.width(), image.height()), image.constBits(), "raw", words,
                            image.bytesPerLine(), 1)


class ContrastMeter:
    """Measures one window after another; measurements of alike text are kept, so make one
    meter per window size, text size and DPI."""

    def __init__(self) -> None:
        self._measured: dict[tuple[object, ...], Measurement | None] = {}
        self._pressed: set[tuple[object, ...]] = set()  # looks already measured pressed

    def findings(self, window: QWidget, nodes: Sequence[Node]) -> list[Finding]:
        on_screen = [n for n in nodes if not n.covered and n.shown.width() > 3 and n.shown.height() > 3]
        texts = [(n, t) for n in on_screen if (t := shows_text(n.widget))]
        findings = list(self._measure(texts, window.rect(), "", lambda: pillow_image(window.grab())))
        for node in on_screen:
            widget = node.widget
            if isinstance(widget, QAbstractButton) and widget.isEnabled() and node.key not in self._pressed:
                self._pressed.add(node.key)
                findings += self._pressed_state(window, node, widget, _within(node, texts))
            if widget.property("highlight") in ("true", True):
                findings += self._pulse_phases(window, node, _within(node, texts))
        return findings

    def _measure(self, texts: Sequence[tuple[Node, str]], region: QRect, state: str,
                 grab: Callable[[], Image.Image], cache: tuple[object, ...] | None = ()) -> Iterator[Finding]:
        """Measure each text on `grab()` of `region` (grabbed once, only if some text is not
        measured yet); `cache` tells this state's measurements apart, None measures afresh."""
        image: Image.Image | None = None
        for node, text in texts:
            key = (text, node.key, node.shown.size().toTuple(), cache)
            if cache is None or key not in self._measured:
                if image is None:
                    image = grab()
                found = measure(image, node.shown.translated(-region.topLeft()))
                if found is not None and found.ratio == 1.0 and node.shown != node.rect:
                    found = None  # partly hidden words may simply be out of sight
                self._measured[key] = found
            found = self._measured[key]
            if found is not None and found.ratio < MIN_CONTRAST:
                when = f" {state}" if state else ""
                yield Finding("contrast", node.name, f"{quote(text)}{when}: {found.ratio:.1f}:1 ({found.text} on "
                                                     f"{found.background}), needs {MIN_CONTRAST:g}:1")

    def _pressed_state(self, window: QWidget, node: Node, button: QAbstractButton,
                       texts: Sequence[tuple[Node, str]]) -> list[Finding]:
        if not texts:
            return []
        button.setDown(True)
        try:
            image = pillow_image(window.grab(node.shown))
        finally:
            button.setDown(False)
        return list(self._measure(texts, node.shown, "when pressed", lambda: image, None))

    def _pulse_phases(self, window: QWidget, node: Node, texts: Sequence[tuple[Node, str]]) -> list[Finding]:
        widget, findings = node.widget, []
        before = widget.property("pulse")
        try:
            for phase in PULSE_PHASES:
                _restyle(widget, phase)
                findings += self._measure(texts, node.shown, f"in pulse phase {phase}",
                                          lambda: pillow_image(window.grab(node.shown)), ("pulse", phase))
        finally:
            _restyle(widget, before)
        return findings


def _within(node: Node, texts: Sequence[tuple[Node, str]]) -> list[tuple[Node, str]]:
    return [(n, t) for n, t in texts if n.widget is node.widget or node.widget.isAncestorOf(n.widget)]


def _restyle(widget: QWidget, pulse: object) -> None:
    widget.setProperty("pulse", pulse)
    for each in (widget, *widget.findChildren(QWidget)):
        each.style().unpolish(each)
        each.style().polish(each)
