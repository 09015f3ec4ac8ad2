"""Every lesson walked to the end at 1280×800 with large text and at 1920×1080 with normal text,
by touching only what is in view and finding each control by the words on it, as a person would:
never by its objectName, never scrolling by hand to find it. The phone must bring what a step
names into view by itself; that is what this test checks.

The right answers come from the core (kiosk.walkthrough.correct_intents); each intent becomes a
real touch sequence (QTest.touchEvent with a touch screen device) on the one visible control
carrying the right words."""
from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from content.loader import BUILTIN_PACKS, load_pack
from content.model import Element
from kiosk.intents import Choose, Continue, Erase, LessonIntent, Submit, Swipe, Tap, TypeChar, TypeTone
from kiosk.views import CompletionView, LessonView, MenuView
from kiosk.walkthrough import correct_intents
from tests.ui.conftest import settle
from ui import texts
from ui.keyboard import TONE_KEYS
from ui.touch_scroll import TouchScroller

SIZES = {  # id: (window size, text size)
    "1280x800-large": ((1280, 800), "large"),
    "1920x1080-normal": ((1920, 1080), "normal"),
}
SIZE_WORDS = {"large": texts.TEXT_LARGE, "normal": texts.TEXT_NORMAL}
TONE_SHOWN = dict(TONE_KEYS)
SWIPE_MM = 25
SWIPE_WAY = {"up": QPoint(0, -1), "down": QPoint(0, 1), "left": QPoint(-1, 0), "right": QPoint(1, 0)}
PHONE_WORDS = ("button", "tile", "list_item", "link", "checkbox", "qr")  # kinds whose label is on the control


def _builtin_lesson_ids() -> list[str]:
    result = load_pack(BUILTIN_PACKS / "core")
    assert result.pack is not None, result.problems
    return [lesson.id for lesson in result.pack.lessons]


LESSON_IDS = _builtin_lesson_ids()


def _words(text: str) -> str:
    """Words as a person reads them: NFC, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


class Walker:
    """One person at the kiosk: finds controls by their words and touches them with a finger."""

    def __init__(self, kiosk_app, size_id: str) -> None:
        self.app = kiosk_app
        self.window: QWidget = kiosk_app.window
        self.device = QTest.createTouchDevice()
        self.size_id = size_id
        self.where = "menu"

    # --- what is where --------------------------------------------------------------------
    def in_phone(self, widget: QWidget) -> bool:
        """On a practice device: the phone, or the computer shown beside it on some steps."""
        parent = widget.parentWidget()
        while parent is not None:
            if parent.property("device") is True:
                return True
            parent = parent.parentWidget()
        return False

    def controls(self, matches) -> list[QAbstractButton]:
        settle()
        return [b for b in self.window.findChildren(QAbstractButton) if b.isVisible() and matches(b)]

    @staticmethod
    def shows(button: QAbstractButton, words: str) -> bool:
        """`button` carries `words`: its text (WrapButton.text() is its main line) or its accessible name."""
        return _words(words) in (_words(button.text()), _words(button.accessibleName()))

    def find(self, words: str, on_phone: bool, what: str, narrow=None) -> QAbstractButton:
        """The one visible control carrying `words`: on the phone for the phone's words, outside it
        for the kiosk's. `narrow` picks among several (e.g. options under their select's heading)."""
        everywhere = self.controls(lambda b: self.shows(b, words))
        found = [b for b in everywhere if self.in_phone(b) == on_phone]
        if len(found) > 1 and narrow is not None and len(narrowed := [b for b in found if narrow(b)]) == 1:
            found = narrowed
        side = "on the phone" if on_phone else "among the kiosk's controls"
        if not found:
            elsewhere = f"; {len(everywhere)} elsewhere ({', '.join(b.objectName() for b in everywhere)})" if everywhere else ""
            raise AssertionError(f"{self.here()}: no visible control with the words {words!r} {side} for {what}{elsewhere}")
        if len(found) > 1:
            names = ", ".join(b.objectName() or type(b).__name__ for b in found)
            raise AssertionError(f"{self.here()}: {len(found)} visible controls with the words {words!r} {side} for {what}: {names}")
        return found[0]

    def here(self) -> str:
        return f"[{self.size_id}] {self.where}"

    # --- the glass -------------------------------------------------------------------------
    def rect_in_window(self, widget: QWidget) -> QRect:
        return QRect(widget.mapTo(self.window, QPoint(0, 0)), widget.size())

    def assert_in_view(self, widget: QWidget, what: str) -> None:
        """Fully visible where it is now: inside the window, inside every parent that clips it
        (a scroll area's viewport at its current position among them), and not covered."""
        settle()
        rect = self.rect_in_window(widget)
        where = f"{self.here()}: {what} ({widget.objectName()!r}, {_words(widget.text()) if isinstance(widget, QAbstractButton) else ''!r})"
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window:
            clip = self.rect_in_window(parent)
            if not clip.contains(rect):
                area = parent.parentWidget()
                if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
                    bar = area.verticalScrollBar()
                    raise AssertionError(
                        f"{where} is out of view in the scroll area {area.objectName()!r} at scroll position "
                        f"{bar.value()}/{bar.maximum()}: control {rect.top()}..{rect.bottom()}, "
                        f"visible {clip.top()}..{clip.bottom()} (window y)")
                raise AssertionError(f"{where} is cut off by {parent.objectName() or type(parent).__name__}: {rect} vs {clip}")
            parent = parent.parentWidget()
        assert self.window.rect().contains(rect), f"{where} is not fully inside the window: {rect} vs {self.window.rect()}"
        centre = rect.center()
        hit = self.window.childAt(centre)
        assert hit is not None and (hit is widget or widget.isAncestorOf(hit)), (
            f"{where}: a finger at its centre lands on {hit.objectName() if hit else None!r} ({type(hit).__name__}) instead")

    def assert_at_rest(self, what: str) -> None:
        """Nothing glides: what the step brought into view stays there, and a touch is not spent
        on stopping a glide (a press during one clicks nothing)."""
        gliding = [s.parent().objectName() for s in self.window.findChildren(TouchScroller) if s.moving()]
        assert not gliding, f"{self.here()}: {gliding} still glide(s) when a finger goes to {what}; the touch would only stop it"

    def touch(self, widget: QWidget, what: str) -> None:
        self.assert_at_rest(what)
        self.assert_in_view(widget, what)
        point = self.rect_in_window(widget).center()
        QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()
        settle()
        settle()  # a new step reveals its target on a zero timer

    def touch_words(self, words: str, what: str, on_phone: bool = False, narrow=None) -> None:
        self.touch(self.find(words, on_phone, what, narrow), what)

    def drag(self, way: QPoint) -> None:
        """A finger drag of SWIPE_MM over the middle of the phone's screen, `way` the finger goes."""
        settle()
        areas = [a for a in self.window.findChildren(QAbstractScrollArea, "phoneScroll") if a.isVisible()]
        assert len(areas) == 1, f"{self.here()}: expected the phone's screen (phoneScroll), found {len(areas)}"
        viewport = areas[0].viewport()
        visible = self.rect_in_window(viewport)
        distance = round(SWIPE_MM / 25.4 * self.app.window.look.dpi)
        start = visible.center() - way * (distance // 2)
        end = start + way * distance
        assert visible.contains(start) and visible.contains(end), (
            f"{self.here()}: the phone's screen {visible} is too small for a {SWIPE_MM} mm swipe")
        self.assert_at_rest("the phone's screen, to swipe")
        QTest.touchEvent(self.window, self.device).press(0, start, self.window).commit()
        for n in range(1, 11):
            QTest.touchEvent(self.window, self.device).move(0, start + (end - start) * (n / 10), self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, end, self.window).commit()
        settle()
        settle()

    # --- the menu --------------------------------------------------------------------------
    def start(self, text_size: str) -> None:
        self.where = "attract screen"
        self.touch_words(texts.ATTRACT_START, "the start button")
        self.where = "menu"
        self.touch_words(SIZE_WORDS[text_size], "the text-size switch")
        assert self.app.kiosk.view().text_size == text_size, f"{self.here()}: text size did not change to {text_size}"

    def open_lesson(self, lesson_id: str) -> None:
        pack = next(p for p in self.app.kiosk.packs if p.lesson(lesson_id) is not None)
        lesson = pack.lesson(lesson_id)
        topic = next(t for t in pack.topics if t.id == lesson.topic)
        self.where = f"menu, {lesson_id}"
        self.touch_words(topic.title, f"the topic tile {topic.id!r}")
        pages = 0
        while not self.controls(lambda b: self.shows(b, lesson.title)):
            assert self.controls(lambda b: self.shows(b, texts.PAGE_NEXT)), (
                f"{self.here()}: the lesson tile {lesson.title!r} is on no page of topic {topic.id!r}")
            self.touch_words(texts.PAGE_NEXT, "the next-page button")
            pages += 1
            assert pages < 20, f"{self.here()}: the pages never end"
        self.touch_words(lesson.title, f"the lesson tile {lesson_id!r}")
        assert isinstance(self.app.kiosk.view().page, LessonView), f"{self.here()}: the lesson did not open"

    # --- a lesson --------------------------------------------------------------------------
    def do(self, intent: LessonIntent, view: LessonView) -> None:
        """Touch the control that sends `intent`, found by its words."""
        match intent:
            case Continue():
                self.touch_words(texts.CONTINUE, "the next-step button")
            case Tap(element=element_id):
                self.tap_element(view, element_id)
            case Choose(element=element_id, option=index):
                element = self.element(view, element_id)
                self.touch_words(element.options[index], f"option {index} of {element_id!r}", on_phone=True,
                                 narrow=lambda b: _under_heading(b, element.label))
            case TypeChar(char=" "):
                self.touch_key(texts.KEY_SPACE, "the space key")
            case TypeChar(char=char) if char != char.lower():
                self.touch_key(texts.KEY_SHIFT, f"the capitals key before {char!r}")
                self.touch_key(char.lower(), f"the key {char.lower()!r} (for {char!r})")
            case TypeChar(char=char):
                self.touch_key(char, f"the key {char!r}")
            case TypeTone(tone=tone):
                self.touch_key(TONE_SHOWN[tone], f"the tone key {tone!r}")
            case Erase():
                self.touch_key(texts.KEY_ERASE, "the erase key")
            case Submit():
                self.touch_key(texts.KEY_DONE, "the done key")
            case Swipe(direction=direction):
                self.drag(SWIPE_WAY[direction])
            case _:
                raise AssertionError(f"{self.here()}: no control for {intent!r}")

    def touch_key(self, words: str, what: str) -> None:
        """A key of the kiosk's keyboard; one not shown is looked for behind the switch between
        letters and signs ("123" / "abc"), as on a phone."""
        if not self.controls(lambda b: self.shows(b, words) and not self.in_phone(b)):
            switches = [w for w in (texts.KEY_SIGNS, texts.KEY_LETTERS)
                        if self.controls(lambda b, w=w: self.shows(b, w) and not self.in_phone(b))]
            if len(switches) == 1:
                self.touch_words(switches[0], f"the keyboard's {switches[0]!r} switch, looking for {what}")
        self.touch_words(words, what)

    def element(self, view: LessonView, element_id: str) -> Element:
        element = view.screen.element(element_id)
        if element is None and view.computer is not None:
            element = view.computer.element(element_id)
        assert element is not None, f"{self.here()}: the screen has no element {element_id!r}"
        return element

    def tap_element(self, view: LessonView, element_id: str) -> None:
        element = self.element(view, element_id)
        what = f"{element.kind} {element_id!r}"
        if element.kind in PHONE_WORDS and element.label:
            self.touch_words(element.label, what, on_phone=True)
        elif element.kind == "notification":
            self.touch_words(element.sender, what, on_phone=True)
        elif element.kind == "select":  # a long list, opened as a picker from a field showing its choice
            chosen = view.chosen.get(element_id)
            shown = element.options[chosen] if chosen is not None else texts.PICK_PROMPT
            self.touch(self.find_shown(shown, what, element.label), what)
        elif element.typable and not view.values.get(element_id) and element.placeholder:
            self.touch(self.find_shown(element.placeholder, what, element.label), what)
        elif element.kind == "field" and view.values.get(element_id):
            self.touch(self.find_shown(view.values[element_id], what, element.label), what)
        else:
            # No words of its own (an unlabelled control, or a password, code or date already
            # typed, shown as dots, boxes or slashes): the only case found by its name.
            named = [b for b in self.controls(lambda b: b.objectName() == f"el:{element_id}") if self.in_phone(b)]
            assert len(named) == 1, f"{self.here()}: {what} has no words and {len(named)} visible controls named el:{element_id}"
            self.touch(named[0], what)

    def find_shown(self, words: str, what: str, heading: str) -> QAbstractButton:
        """A field on the phone by what it shows (caret and the picker's ▾ aside), under its heading
        when several show the same."""
        def shows(button: QAbstractButton) -> bool:
            return _words(button.text().replace("|", " ").replace("▾", " ")) == _words(words)

        found = [b for b in self.controls(shows) if self.in_phone(b)]
        if len(found) > 1 and len(narrowed := [b for b in found if _under_heading(b, heading)]) == 1:
            found = narrowed
        assert len(found) == 1, f"{self.here()}: {len(found)} visible fields on the phone showing {words!r} for {what}"
        return found[0]

    def walk(self, lesson_id: str) -> int:
        """Every step of the open lesson by touch; the number of steps."""
        steps = 0
        while (session := self.app.kiosk.lesson_session) is not None:
            view = session.view()
            step = session.step
            self.where = f"{lesson_id}, step {step.id!r} (#{view.step_number})"
            intents = correct_intents(session)
            for intent in intents:
                self.do(intent, session.view())
                now = self.app.kiosk.lesson_session
                if now is not None:
                    shown = now.view()
                    assert shown.feedback_kind != "wrong", f"{self.here()}: {intent!r} was taken as wrong: {shown.feedback!r}"
            steps += 1
            after = self.app.kiosk.lesson_session
            assert after is None or (after.index, after.step.id) != (session.index, step.id), (
                f"{self.here()}: the step did not move on after {intents!r}")
        return steps


def _under_heading(button: QWidget, heading: str) -> bool:
    """`button` sits in a box headed by a label saying `heading` (a field's or a select's label)."""
    parent = button.parentWidget()
    for _ in range(3):
        if parent is None:
            return False
        if any(_words(lab.text()) == _words(heading) for lab in parent.findChildren(QLabel) if lab.parentWidget() is parent):
            return True
        parent = parent.parentWidget()
    return False


@pytest.fixture
def window_size(size_id: str) -> tuple[int, int]:
    return SIZES[size_id][0]


@pytest.mark.parametrize("size_id", ["1920x1080-normal"])
def test_the_walk_covers_every_lesson_of_the_built_in_pack(kiosk_app, size_id: str) -> None:
    assert LESSON_IDS == [lesson.id for pack in kiosk_app.kiosk.packs for lesson in pack.lessons]


@pytest.mark.parametrize("size_id", list(SIZES))
@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_every_lesson_by_touching_only_what_is_in_view(kiosk_app, store, size_id: str, lesson_id: str) -> None:
    walker = Walker(kiosk_app, size_id)
    walker.start(SIZES[size_id][1])
    walker.open_lesson(lesson_id)
    steps = walker.walk(lesson_id)
    walker.where = f"{lesson_id}, completion page"
    assert isinstance(kiosk_app.kiosk.view().page, CompletionView)
    shown = [_words(w.text()) for w in kiosk_app.window.findChildren(QLabel) if w.isVisible()]
    assert texts.CONGRATS in shown, f"{walker.here()}: {texts.CONGRATS!r} is not on the screen"
    summary = next(store.db["lesson_summaries"].rows_where("lesson_id = ?", [lesson_id]))
    assert (summary["status"], summary["wrong_count"], summary["steps_done"]) == ("completed", 0, steps)
    walker.touch_words(texts.ANOTHER, "the another-lesson button")
    assert isinstance(kiosk_app.kiosk.view().page, MenuView)
