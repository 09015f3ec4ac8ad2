"""The Qt binding can run a kiosk for days: PySide6 6.12.0 dropped a reference to None on
every Qt call that returns nothing, and Python aborted ("none_dealloc") after a few thousand
of them, minutes into a lesson. The pin in pyproject.toml keeps that release out."""
import sys

from PySide6.QtWidgets import QWidget


def test_qt_calls_that_return_nothing_leave_none_alone(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        widget.update()
    assert abs(sys.getrefcount(None) - before) < 100
