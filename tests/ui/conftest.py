"""UI fixtures: a real kiosk window (offscreen) over a real SQLite file, with a hand-moved clock."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.app import KioskApp


def settle() -> None:
    """Let Qt finish deleting replaced pages and laying out new ones."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


class Driver:
    """Drives the window like a person: finds buttons by name and clicks them."""

    def __init__(self, qtbot, kiosk_app: KioskApp) -> None:
        self.qtbot = qtbot
        self.app = kiosk_app
        self.window = kiosk_app.window

    def button(self, name: str) -> QAbstractButton:
        settle()
        matches = [b for b in self.window.findChildren(QAbstractButton, name) if b.isVisible()]
        assert len(matches) == 1, f"expected one visible button {name!r}, found {len(matches)}"
        return matches[0]

    def click(self, name: str) -> None:
        self.qtbot.mouseClick(self.button(name), Qt.MouseButton.LeftButton)
        settle()

    def type_text(self, text: str) -> None:
        for char in text:
            if char == " ":
                self.click("key:space")
            elif char.isupper():
                self.click("key:shift")
                self.click(f"key:{char.lower()}")
            else:
                self.click(f"key:{char}")

    def visible_texts(self) -> list[str]:
        settle()
        widgets = self.window.findChildren(QLabel)
        return [w.text() for w in widgets if w.isVisible()]

    def page(self) -> QWidget | None:
        settle()
        return self.window.page


@pytest.fixture
def app_speaker():
    """The kiosk's speaker in UI tests: none (text only) unless a test module overrides it."""
    return None


@pytest.fixture
def app_recognizer():
    """The kiosk's recogniser in UI tests: none (touch only) unless a test module overrides it."""
    return None


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1920, 1080)


@pytest.fixture
def kiosk_app(qtbot, settings, clock, app_speaker, app_recognizer, window_size):
    kiosk_app = KioskApp(settings, clock, random.Random(5), speaker=app_speaker, recognizer=app_recognizer)
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.resize(*window_size)
    kiosk_app.window.show()
    settle()
    yield kiosk_app
    kiosk_app.close()


@pytest.fixture
def driver(qtbot, kiosk_app) -> Driver:
    return Driver(qtbot, kiosk_app)
