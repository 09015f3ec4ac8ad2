"""The kiosk's own controls, which never look like the practice phone's: round-ended buttons
with an icon and short words on one line, on the kiosk's warm page, and the header bar."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui import theme as t
from ui.icons import kiosk_icon
from ui.style import Look
from ui.widgets import WrapButton, label


def kiosk_button(
    look: Look,
    words: str,
    icon: str,
    on_click: Callable[[], None],
    name: str,
    *,
    primary: bool = False,
    main: bool | None = None,
    accessible: str = "",
    checked: bool | None = None,
) -> WrapButton:
    """A kiosk control: `primary` (filled, the one thing to do next, main size) or outline;
    its words stay on one line. `accessible`: the full words when the shown ones are short;
    `checked`: a switch (True: shown switched on, filled)."""
    role = "primary" if primary else "secondary"
    is_main = primary if main is None else main
    colour = t.PRIMARY_TEXT if primary or checked else t.SECONDARY_TEXT
    size = look.main_target if is_main else look.min_target
    button = WrapButton(words, role, size, on_click, name, main=is_main, one_line=True,
                        icon=kiosk_icon(icon, colour, look.px(6)))
    if checked is not None:
        button.setCheckable(True)
        button.setChecked(checked)
    if accessible:
        button.setAccessibleName(accessible)
    return button


def header(look: Look, title: str | QLabel, right: list[QWidget], role: str = "title", left: tuple[QWidget, ...] = ()) -> QFrame:
    """The bar across the top: a title (after any `left` controls), the kiosk's controls on the right."""
    bar = QFrame()
    bar.setObjectName("header")
    layout = QHBoxLayout(bar)
    layout.setContentsMargins(look.px(6), look.px(1.5), look.px(6), look.px(1.5))
    layout.setSpacing(look.px(3))
    if isinstance(title, str):
        title = label(title, role)
    for widget in left:
        layout.addWidget(widget)
    layout.addWidget(title, 1)
    for widget in right:
        layout.addWidget(widget)
    return bar
