"""Small building blocks: buttons whose words wrap instead of being cut, and labels with a role."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.touch_scroll import TouchScroller


def label(text: str, role: str = "", wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        widget.setProperty("role", role)
    return widget


MAIN_ROLES = frozenset({"primary", "secondary", "tile"})


class WrapButton(QPushButton):
    """A push button whose text wraps onto several lines (long Vietnamese labels).

    `main`: a main action, held to the bigger target size (default: primary, secondary and
    tile buttons). `one_line`: the words never wrap (the kiosk's own controls: icon plus short
    words); a layout audit reports them when they do not fit. `icon`: a pixmap before the words.
    """

    def __init__(
        self,
        text: str,
        role: str,
        min_height: int,
        on_click: Callable[[], None],
        name: str = "",
        *,
        main: bool | None = None,
        one_line: bool = False,
        icon: QPixmap | None = None,
    ) -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setProperty("main", role in MAIN_ROLES if main is None else main)
        self.setProperty("oneLine", one_line)
        self.setObjectName(name)
        self.setAccessibleName(text.replace("\u200b", ""))
        self._label = QLabel(text, self)
        self._label.setWordWrap(not one_line)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.setSpacing(12)
        self._column = QVBoxLayout()
        self._column.setSpacing(4)
        self._column.addWidget(self._label)
        if icon is not None:
            self.add_leading(_picture(icon))
        row.addLayout(self._column, 1)
        self.setMinimumHeight(min_height)
        self.setMinimumWidth(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.clicked.connect(lambda: on_click())  # never pass clicked's `checked` into default arguments
        self.toggled.connect(self._show_checked)

    def _show_checked(self, on: bool) -> None:
        """Style sheets cannot see an ancestor's :checked, so mirror it in a property."""
        self.setProperty("on", "true" if on else "false")
        repolish(self)

    def text(self) -> str:  # type: ignore[override]
        """The words shown (without the zero-width spaces where a long word may wrap)."""
        return self._label.text().replace("\u200b", "")

    def set_text(self, text: str) -> None:
        self._label.setText(text)
        self.setAccessibleName(text.replace("\u200b", ""))

    def set_alignment(self, alignment: Qt.AlignmentFlag) -> None:
        self._label.setAlignment(alignment)

    def set_title_role(self, role: str) -> None:
        self._label.setProperty("role", role)

    def add_leading(self, widget: QWidget) -> None:
        """A picture before the words (an icon, a tick box, a radio dot)."""
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row = self.layout()
        assert isinstance(row, QHBoxLayout)
        row.insertWidget(0, widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def add_line(self, text: str) -> QLabel:
        """A second, plainer line under the main words (e.g. duration on a lesson tile)."""
        line = label(text)
        line.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._column.addWidget(line)
        return line

    def add_widget(self, widget: QWidget, above: bool = False) -> None:
        """A picture under the words (a QR code), or `above` them (an app icon)."""
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._column.insertWidget(0 if above else self._column.count(), widget)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        """Worked out from the words' own height at the width left for them (box layouts
        nested in a row under-count wrapped labels by a line at some widths)."""
        row = self.layout()
        margins = row.contentsMargins()
        inner = width - margins.left() - margins.right()
        for index in range(row.count() - 1):  # pictures before the words
            leading = row.itemAt(index).widget()
            if leading is not None and not leading.isHidden():
                inner -= leading.sizeHint().width() + row.spacing()
        shown = [w for i in range(self._column.count()) if (w := self._column.itemAt(i).widget()) and not w.isHidden()]
        words = sum(w.heightForWidth(inner) if w.hasHeightForWidth() else w.sizeHint().height() for w in shown)
        words += self._column.spacing() * (len(shown) - 1)
        return max(self.minimumHeight(), words + margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = self.layout().sizeHint()
        return QSize(hint.width(), max(self.minimumHeight(), hint.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        width = self.layout().minimumSize().width() if self.property("oneLine") else self.minimumWidth()
        return QSize(max(width, self.minimumWidth()), self.minimumHeight())


def _picture(pixmap: QPixmap) -> QLabel:
    picture = QLabel()
    picture.setPixmap(pixmap)
    picture.setFixedSize(pixmap.size())
    return picture


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed (on the widget and its children)."""
    for each in (widget, *widget.findChildren(QWidget)):
        each.style().unpolish(each)
        each.style().polish(each)


def scroll_area(content: QWidget | None = None, *, dpi: float = 96.0, on_swipe: Callable[[str], None] | None = None,
                clock: Callable[[], float] = time.monotonic, area: QScrollArea | None = None,
                shrinks_to: int = 0) -> QScrollArea:
    """A vertical scroll area with a wide scroll bar that a finger (or mouse) drags anywhere over
    its content, as on a phone; taps on the buttons inside click at once as before, and swipes go
    to `on_swipe` (ui.touch_scroll). `dpi` is the screen's, for sizes in millimetres; `clock`
    (monotonic seconds) times the glide after a flick. (No QScroller: it delays presses to tell
    drags from taps and so loses quick taps on the buttons inside.) `area`: a scroll area of a
    subclass to set up this way. `shrinks_to`: the least height it may be given, below the
    ~120 px Qt keeps for a scroll bar's arrows (a device's screen gives way to a keyboard down
    to one thumb-high row; the layout audit checks that what a step names stays in view)."""
    area = area if area is not None else QScrollArea()
    area.setWidgetResizable(True)
    if shrinks_to:
        area.setMinimumHeight(shrinks_to)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if content is not None:
        area.setWidget(content)
    TouchScroller(area, dpi, on_swipe, clock)
    return area
