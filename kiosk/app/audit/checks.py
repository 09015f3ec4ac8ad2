"""The layout checks on one drawn window, from its widget tree: required elements in view,
no cut text, targets big enough and far enough apart, and kiosk controls that never say
what a phone control says. (Contrast, from the pixels, is in `contrast`.)"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.app.audit.tree import Node, reachable
from kiosk.app.audit.words import button_label, button_text, label_text, own_text_rect, same_words
from ui.theme import MAIN_TARGET_MM, MIN_GAP_MM, MIN_TARGET_MM, mm


@dataclass(frozen=True)
class Finding:
    kind: str  # too_big | out_of_view | cut_text | contrast | small_target | crowded | same_label
    element: str
    detail: str


def too_big(window: QWidget, screen: QSize) -> list[Finding]:
    """A page whose layout needs more than the screen: a full-screen kiosk cannot grow, so its
    bottom (or right) part would be squeezed over or cut off."""
    needs = window.minimumSizeHint().expandedTo(window.minimumSize())
    if needs.width() <= screen.width() and needs.height() <= screen.height():
        return []
    return [Finding("too_big", window.objectName() or "window",
                    f"the page needs {needs.width()}×{needs.height()} px, the screen has {screen.width()}×{screen.height()}")]


BREAK = "\u200b"  # a zero-width space: where a long word (a web address) may wrap


def quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def out_of_view(window: QWidget, nodes: Sequence[Node], required: Sequence[tuple[str, str]]) -> list[Finding]:
    """Each (element id, widget name) must be drawn, uncovered and wholly on screen now."""
    findings = []
    by_name: dict[str, Node] = {}
    for node in nodes:  # of two widgets with one name, the one in view counts
        name = node.widget.objectName()
        if name and (name not in by_name or by_name[name].covered or by_name[name].shown != by_name[name].rect):
            by_name[name] = node
    for element, name in required:
        node = by_name.get(name)
        if node is None:
            hidden = window.findChild(QWidget, name) is not None
            findings.append(Finding("out_of_view", element, f"{name} is hidden" if hidden else f"no widget named {name}"))
        elif node.covered:
            findings.append(Finding("out_of_view", element, f"{name} is covered by a widget stacked above it"))
        elif node.shown != node.rect:
            findings.append(Finding("out_of_view", element, f"{name}: {_how_cut(window, node)}"))
    return findings


def _how_cut(window: QWidget, node: Node) -> str:
    seen = node.shown.width() * node.shown.height() / max(1, node.rect.width() * node.rect.height())
    share = f"{seen:.0%} in view"
    for scroll in node.scrolls:
        if not scroll.viewport.contains(node.rect):
            below = node.rect.bottom() - scroll.viewport.bottom()
            above = scroll.viewport.top() - node.rect.top()
            where = f", {below} px below" if below > 0 else f", {above} px above" if above > 0 else ""
            return f"{share}, needs scrolling in {scroll.area.objectName() or 'a scroll area'}{where}"
    if not window.rect().contains(node.rect):
        return f"{share}, runs off the window"
    return f"{share}, cut off by {node.clipper or 'its container'}"


def cut_text(window: QWidget, nodes: Sequence[Node]) -> list[Finding]:
    """Text that does not fit its label, is clipped by a container (a target's words, inside its
    button, are clipped by it) or cannot be scrolled into view, or wraps on a one-line button."""
    findings = []
    for node in nodes:
        widget = node.widget
        if node.covered:
            continue
        problem = ""
        if isinstance(widget, QLabel) and label_text(widget).strip():
            problem = _label_cut(widget) or _clipped(window, node)
        elif isinstance(widget, QAbstractButton):
            problem = _button_cut(widget)
            if problem == "" and QAbstractButton.text(widget).strip() and button_label(widget) is None:
                problem = _clipped(window, node)
        if problem:
            findings.append(Finding("cut_text", node.name, problem))
    return findings


def _label_cut(label: QLabel) -> str:
    text, metrics, inner = label_text(label), label.fontMetrics(), label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height():
            return f"{quote(text)} needs {needed} px of height, has {label.height()}"
        word = max(text.replace(BREAK, " ").split(), key=metrics.horizontalAdvance)  # a long address breaks at BREAK
        if metrics.horizontalAdvance(word) > inner.width():
            return f"the word {quote(word)} is {metrics.horizontalAdvance(word)} px wide, the label {inner.width()}"
        return ""
    lines = text.split("\n")
    wide = max(metrics.horizontalAdvance(line) for line in lines)
    if wide > inner.width():
        return f"{quote(text)} is {wide} px wide on one line, has {inner.width()}"
    top, bottom = _ink(label, lines)
    if top < 0 or bottom > label.height():
        return f"{quote(text)} is drawn from y {top} to {bottom}, the label is {label.height()} px tall"
    return ""


def _ink(label: QLabel, lines: list[str]) -> tuple[int, int]:
    """Where the glyphs of an unwrapped label reach, top and bottom (label coordinates)."""
    metrics, inner = label.fontMetrics(), label.contentsRect()
    block = metrics.height() + metrics.lineSpacing() * (len(lines) - 1)
    vertical = label.alignment() & Qt.AlignmentFlag.AlignVertical_Mask
    if vertical == Qt.AlignmentFlag.AlignTop:
        first = inner.top()
    elif vertical == Qt.AlignmentFlag.AlignBottom:
        first = inner.bottom() + 1 - block
    else:
        first = inner.top() + (inner.height() - block) // 2
    baseline = first + metrics.ascent()
    top = baseline + min(metrics.tightBoundingRect(line).top() for line in lines if line)
    bottom = baseline + metrics.lineSpacing() * (len(lines) - 1) + max(metrics.tightBoundingRect(line).bottom() for line in lines if line)
    return top, bottom + 1


def _button_cut(button: QAbstractButton) -> str:
    """A one-line button (property oneLine) whose words need two lines, or a button's own text cut."""
    label = button_label(button)
    text = button_text(button)
    if not text.strip() or (label is not None and button.property("oneLine") is not True):
        return ""
    metrics = (label or button).fontMetrics()
    room = label.contentsRect().width() if label is not None else own_text_rect(button).width()
    wide = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if wide > room:
        lines = "on one line " if button.property("oneLine") is True else ""
        return f"{quote(text)} needs {wide} px {lines}on the button, has {room}"
    return ""


def _clipped(window: QWidget, node: Node) -> str:
    text = quote(label_text(node.widget) if isinstance(node.widget, QLabel) else button_text(node.widget))
    if node.fixed != node.rect:
        if not node.scrolls and not window.rect().contains(node.rect):
            return f"{text} runs off the window"
        return f"{text} is cut off by {node.clipper}"
    if not reachable(node):
        return f"{text} cannot be scrolled wholly into view"
    return ""


def target_sizes(nodes: Sequence[Node], dpi: float) -> list[Finding]:
    """small_target: tappables under 15 mm (20 mm for a main action); crowded: under 2 mm apart."""
    buttons = [n for n in nodes if isinstance(n.widget, QAbstractButton) and not n.covered]
    findings = []
    for node in buttons:
        main = node.widget.property("main") is True
        needed = MAIN_TARGET_MM if main else MIN_TARGET_MM
        width, height = node.fixed.width(), node.fixed.height()
        if min(width, height) < mm(needed, dpi):
            findings.append(Finding("small_target", node.name, f"{_mm(width, dpi)}×{_mm(height, dpi)} mm ({width}×{height} px), "
                                    f"{'a main action ' if main else ''}needs {needed:g} mm"))
    gap = mm(MIN_GAP_MM, dpi)
    shown = sorted((n for n in buttons if not n.shown.isEmpty()), key=lambda n: n.shown.left())
    for index, a in enumerate(shown):
        for b in shown[index + 1 :]:
            if b.shown.left() - a.shown.right() - 1 >= gap:
                break
            apart = _distance(a.shown, b.shown)
            if apart < gap and not _nested(a, b):
                findings.append(Finding("crowded", a.name, f"{_mm(apart, dpi)} mm from {b.name}, needs {MIN_GAP_MM:g} mm"))
    return findings


def _mm(pixels: float, dpi: float) -> str:
    return f"{pixels / dpi * 25.4:.1f}"


def _distance(a: QRect, b: QRect) -> float:
    dx = max(0, b.left() - a.right() - 1, a.left() - b.right() - 1)
    dy = max(0, b.top() - a.bottom() - 1, a.top() - b.bottom() - 1)
    return math.hypot(dx, dy)


def _nested(a: Node, b: Node) -> bool:
    return (a.shown.contains(b.shown) or b.shown.contains(a.shown)
            or a.widget.isAncestorOf(b.widget) or b.widget.isAncestorOf(a.widget))


def same_label(nodes: Sequence[Node]) -> list[Finding]:
    """A kiosk control and a phone control on screen together with the same words."""
    phone: dict[str, Node] = {}
    kiosk: list[tuple[str, Node]] = []
    for node in nodes:
        if isinstance(node.widget, QAbstractButton) and not node.covered:
            words = same_words(button_text(node.widget))
            if not any(c.isalpha() for c in words):
                continue  # a digit key and a field showing that digit are not the same control
            if node.device:
                phone.setdefault(words, node)
            else:
                kiosk.append((words, node))
    return [
        Finding("same_label", node.name, f"{quote(button_text(node.widget))} is also on the phone ({phone[words].name})")
        for words, node in kiosk if words in phone
    ]
