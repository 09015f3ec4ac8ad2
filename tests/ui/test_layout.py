"""Every screen of every lesson, at both text sizes and two kiosk screen sizes: targets are
big enough for a shaky finger and no text is cut off."""
import random

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWidget

from kiosk.app import KioskApp
from kiosk.tour import tour
from tests.ui.conftest import settle
from ui.style import Look
from ui.theme import PAIRS, contrast

MAIN_ROLES = {"primary", "secondary", "tile"}


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def layout_problems(window: QWidget, look: Look) -> list[str]:
    problems = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisible():
            continue
        name = button.objectName() or button.text()
        minimum = look.main_target if button.property("role") in MAIN_ROLES else look.min_target
        if button.height() < minimum or button.width() < look.min_target:
            problems.append(f"button {name!r} is {button.width()}×{button.height()} px, needs {minimum} px")
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        inner = label.contentsRect()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            longest_word = max(label.fontMetrics().horizontalAdvance(w) for w in label.text().split())
            cut = needed > label.height() + 1 or longest_word > inner.width() + 1
        else:
            cut = label.fontMetrics().horizontalAdvance(label.text()) > inner.width() + 1
        if cut:
            problems.append(f"label {label.text()[:40]!r} is cut off ({label.width()}×{label.height()})")
        top_left = label.mapTo(window, label.rect().topLeft())
        if not _inside_scroll_area(label) and not window.rect().contains(label.rect().translated(top_left)):
            problems.append(f"label {label.text()[:40]!r} runs off the screen")
    return problems


@pytest.mark.parametrize(("width", "height", "text_size"), [(1280, 800, "large"), (1280, 800, "normal"), (1920, 1080, "large"), (1920, 1080, "normal")])
def test_every_screen_has_big_targets_and_no_cut_text(qtbot, settings, clock, width, height, text_size):
    kiosk_app = KioskApp(settings, clock, random.Random(2))
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.resize(width, height)
    kiosk_app.window.show()
    look = Look("", settings.screen_dpi, text_size)
    lesson_ids = [lesson.id for pack in kiosk_app.kiosk.packs for lesson in pack.lessons]
    problems = []
    for stop in tour(kiosk_app.kiosk, clock, lesson_ids, text_size):
        kiosk_app.window.render(kiosk_app.kiosk.view())
        settle()
        problems += [f"{stop.name}: {p}" for p in layout_problems(kiosk_app.window, look)]
    kiosk_app.close()
    assert problems == []


def test_theme_colours_reach_aaa_contrast():
    weak = {name: round(contrast(fg, bg), 2) for name, (fg, bg) in PAIRS.items() if contrast(fg, bg) < 7}
    assert weak == {}


def test_touch_target_sizes_follow_the_screen_dpi():
    assert Look("", 96.0).min_target == 57  # 15 mm at 96 dpi
    assert Look("", 160.0).main_target == 126  # 20 mm at 160 dpi
