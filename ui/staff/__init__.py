"""Staff mode: a hidden corner held for five seconds, a PIN pad, then the staff panel.

`StaffMode(window, look, services)` adds the corner to the kiosk window; the composition
root builds `StaffServices`. The window must not count staff touches as a citizen's:
it ignores touches on `StaffMode.quiet_widgets()`.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ui.staff.corner import StaffCorner
from ui.staff.overlay import StaffOverlay
from ui.staff.services import StaffServices
from ui.style import Look

__all__ = ["StaffMode", "StaffServices"]


class StaffMode:
    def __init__(self, window: QWidget, look: Callable[[], Look], services: StaffServices) -> None:
        self._window = window
        self._look = look
        self._services = services
        self.overlay: StaffOverlay | None = None
        self.corner = StaffCorner(window, look().min_target, self.open)

    def quiet_widgets(self) -> list[QWidget]:
        return [w for w in (self.corner, self.overlay) if w is not None]

    def open(self) -> None:
        if self.overlay is not None:
            return
        self.corner.hide()
        self._services.opened()
        base = self._look()
        self.overlay = StaffOverlay(self._window, Look(base.family, base.dpi), self._services, self._closed)

    def _closed(self) -> None:
        self.overlay = None
        self.corner.show()
        self.corner.raise_()
        self._services.closed()
