"""The composition root: the only place that builds the Qt application and wires the core
(settings, packs, progress store, kiosk flow) to the window, staff mode and, when present,
the voice. Only this package (and ui/) may import PySide6."""
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.launch import has_display, run
from kiosk.app.screenshots import screenshots

__all__ = ["KioskApp", "has_display", "run", "screenshots"]
