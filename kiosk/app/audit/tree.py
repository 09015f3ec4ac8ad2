"""One walk down a drawn window: for every shown widget, where it is in window coordinates,
what of it is on screen, what clips it, which scroll areas it sits in, whether it is on the
practice phone, whether something stacked above covers it, and a key for how it looks."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# Dynamic properties that change how a widget looks (the style sheet selects on them).
LOOK_PROPERTIES = (b"role", b"tone", b"highlight", b"on", b"empty", b"focus", b"feedback", b"banner", b"pulse", b"main")
UNBOUNDED = QRect(-(1 << 24), -(1 << 24), 1 << 25, 1 << 25)


@dataclass(frozen=True)
class Scroll:
    """A scroll area some widget sits in, with the part of its viewport that is on screen."""

    area: QAbstractScrollArea
    viewport: QRect  # window coordinates


@dataclass
class Node:
    widget: QWidget
    name: str  # its objectName, else the nearest named ancestor's
    rect: QRect  # the whole widget, window coordinates
    shown: QRect  # the part on screen now (clipped by every ancestor and the window)
    fixed: QRect  # clipped by every ancestor except scroll-area viewports: what scrolling cannot bring back
    clipper: str  # the name of the ancestor that last clipped `fixed`, "" if none
    scrolls: tuple[Scroll, ...]  # outermost first
    device: bool  # on the practice phone (or another simulated device)
    covered: bool  # a widget stacked above it hides it entirely
    key: tuple[object, ...]  # its look and its ancestors' looks: equal keys draw alike
    parent: Node | None


def walk(window: QWidget) -> list[Node]:
    """Every shown widget of `window`, parents before children, in stacking order."""
    root = Node(window, window.objectName(), window.rect(), window.rect(), window.rect(), "", (), _is_device(window),
                False, (_look(window),), None)
    nodes = [root]
    stack: list[tuple[Node, list[QRect]]] = [(root, [])]
    while stack:
        parent, occluders = stack.pop()
        children = [c for c in parent.widget.children() if c.isWidgetType() and not c.isHidden() and not c.isWindow()]
        # a widget that lets touches through (a label on a button, a drawn ring) is taken as see-through
        solid = [not c.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents) for c in children]
        built = [_node(parent, child) for child in children]
        for index, node in enumerate(built):
            above = [b.shown for b, s in zip(built[index + 1 :], solid[index + 1 :], strict=True)
                     if s and b.shown.intersects(node.shown)]
            covering = [r for r in occluders + above if r.intersects(node.shown)]
            node.covered = parent.covered or any(r.contains(node.shown) for r in covering)
            nodes.append(node)
            stack.append((node, covering))
    return nodes


def _node(parent: Node, widget: QWidget) -> Node:
    rect = widget.geometry().translated(parent.rect.topLeft())
    own = widget.objectName()
    name = own if own and not own.startswith("qt_") else parent.name  # not Qt's inner parts' names
    scrolls, fixed, clipper = parent.scrolls, parent.fixed, parent.clipper
    scroll_area = parent.widget.parentWidget()
    if isinstance(scroll_area, QAbstractScrollArea) and scroll_area.viewport() is parent.widget:
        scrolls = (*scrolls, Scroll(scroll_area, parent.fixed))  # content may scroll into the viewport
        fixed, clipper = UNBOUNDED, ""
    clipped = fixed.intersected(rect)
    if clipped != rect and fixed != UNBOUNDED:
        clipper = parent.name or type(parent.widget).__name__
    return Node(widget, name, rect, parent.shown.intersected(rect), clipped, clipper, scrolls,
                parent.device or _is_device(widget), False, (*parent.key, _look(widget)), parent)


def _is_device(widget: QWidget) -> bool:
    return widget.property("device") is True or widget.objectName() == "phone"


def _look(widget: QWidget) -> tuple[object, ...]:
    names = {bytes(name) for name in widget.dynamicPropertyNames()}
    props = tuple((p, widget.property(p.decode())) for p in LOOK_PROPERTIES if p in names)
    return type(widget).__name__, widget.objectName().split(":")[0], widget.isEnabled(), props


def reachable(node: Node) -> bool:
    """Whether scrolling can bring all of `node` into view in every scroll area it sits in."""
    for scroll in node.scrolls:
        bars = ((scroll.area.horizontalScrollBar(), node.rect.left(), node.rect.right(), scroll.viewport.left(), scroll.viewport.right()),
                (scroll.area.verticalScrollBar(), node.rect.top(), node.rect.bottom(), scroll.viewport.top(), scroll.viewport.bottom()))
        for bar, low, high, view_low, view_high in bars:
            # scrolling by d moves the content by -d; some d in the bar's range must fit it in
            least, most = max(high - view_high, bar.minimum() - bar.value()), min(low - view_low, bar.maximum() - bar.value())
            if least > most:
                return False
    return True
