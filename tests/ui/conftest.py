"""UI fixtures: a real kiosk window (offscreen) over a real SQLite file, with a hand-moved clock."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from kiosk.app import KioskApp
from kiosk.intents import Choose, Continue, Erase, Submit, Swipe, Tap, TypeChar, TypeTone


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
        if name.startswith("lesson:"):
            self.find_lesson(name.removeprefix("lesson:"))
        self.qtbot.mouseClick(self.button(name), Qt.MouseButton.LeftButton)
        settle()

    def visible(self, name: str) -> bool:
        settle()
        return any(b.isVisible() for b in self.window.findChildren(QAbstractButton, name))

    def find_lesson(self, lesson_id: str) -> None:
        """On the menu, as a person would: open the lesson's topic, then turn pages until its tile shows."""
        if self.visible(f"lesson:{lesson_id}"):
            return
        topic = next(lesson.topic for pack in self.app.kiosk.packs for lesson in pack.lessons if lesson.id == lesson_id)
        if self.visible("toTopics"):
            self.click("toTopics")
        self.click(f"topic:{topic}")
        while not self.visible(f"lesson:{lesson_id}") and self.visible("menuNext"):
            self.click("menuNext")

    def type_text(self, text: str) -> None:
        """Type on the on-screen keyboard: "Chữ hoa" before a capital, "123" / "abc" to reach
        a key on the other page of the letter keyboard, as a person would."""
        for char in text:
            if char == " ":
                self.click("key:space")
            elif char.isupper():
                if not self.visible("key:shift"):
                    self.click("key:mode")
                self.click("key:shift")
                self.click(f"key:{char.lower()}")
            else:
                if not self.visible(f"key:{char}") and self.visible("key:mode"):
                    self.click("key:mode")
                self.click(f"key:{char}")

    def perform(self, intent: object) -> None:
        """Touch the on-screen control that sends `intent` (a drag over the phone for a swipe)."""
        match intent:
            case Continue():
                self.click("continue")
            case Tap(element=element):
                self.click(f"el:{element}")
            case Choose(element=element, option=option):
                self.click(f"el:{element}:{option}")
            case TypeChar(char=char):
                self.type_text(char)
            case TypeTone(tone=tone):
                self.click(f"tone:{tone}")
            case Erase():
                self.click("key:erase")
            case Submit():
                self.click("key:done")
            case Swipe(direction=direction):
                self.swipe(direction)
            case _:
                raise AssertionError(f"no control for {intent!r}")

    def swipe(self, direction: str) -> None:
        """A mouse drag of 25 mm over the phone's screen, the way the finger goes."""
        area = self.window.findChild(QAbstractScrollArea, "phoneScroll")
        viewport = area.viewport()
        step = round(25 / 25.4 * self.app.window.look.dpi)
        dx, dy = {"up": (0, -step), "down": (0, step), "left": (-step, 0), "right": (step, 0)}[direction]
        start = viewport.rect().center() - QPoint(dx // 2, dy // 2)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        for i in range(1, 6):
            QTest.mouseMove(viewport, start + QPoint(dx * i // 5, dy * i // 5))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(dx, dy))
        settle()

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


@pytest.fixture
def finger(kiosk_app, window_size):
    """A finger on the kiosk (tests.ui.test_walk_by_touch.Walker), started with large text: the
    tightest layout when the module's window_size is 1280×800."""
    from tests.ui.test_walk_by_touch import Walker

    width, height = window_size
    walker = Walker(kiosk_app, f"{width}x{height}-large")
    walker.start("large")  # "Bắt đầu học" (or the first question's page), then "Chữ to"
    return walker
