"""Tự làm by touch, at 1280×800 with large text: after a guided run the offer on the completion
page, the goal and the practice-data card, Trợ giúp a level at a time up to the highlight, the
run walked by a finger finding each control by its words, how it went, the menu's status words,
and a judged drill's result page."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from kiosk import solo_texts as words
from kiosk.views import CompletionView, LessonView, MenuView
from tests.ui.test_walk_by_touch import SIZES, Walker, _words
from ui import texts

SIZE = "1280x800-large"
LESSON = "cham-vuot-go-chu"
DRILL = "an-toan-gia-danh-cong-an"


@pytest.fixture
def window_size() -> tuple[int, int]:
    return SIZES[SIZE][0]


def shown(kiosk_app) -> list[str]:
    return [_words(w.text()) for w in kiosk_app.window.findChildren(QLabel) if w.isVisible()]


def tile_words(kiosk_app, lesson_title: str) -> str:
    """The words of the visible lesson tile titled `lesson_title` (its title and details)."""
    tiles = [b for b in Walker(kiosk_app, SIZE).controls(lambda b: _words(b.text()) == _words(lesson_title))]
    assert len(tiles) == 1, f"{len(tiles)} tiles titled {lesson_title!r}"
    return " ".join(_words(w.text()) for w in tiles[0].findChildren(QLabel))


def lit(kiosk_app, element_id: str) -> bool:
    widget = kiosk_app.window.findChild(QWidget, f"el:{element_id}")
    return widget is not None and widget.property("highlight") == "true"


def test_a_solo_run_by_touch_from_the_offer_to_done_alone(kiosk_app, store) -> None:
    walker = Walker(kiosk_app, SIZE)
    walker.start(SIZES[SIZE][1])
    walker.open_lesson(LESSON)
    walker.walk(LESSON)
    lesson = next(p.lesson(LESSON) for p in kiosk_app.kiosk.packs if p.lesson(LESSON))
    walker.where = "completion page of the guided run"
    assert words.OFFER_QUESTION in shown(kiosk_app)
    walker.touch_words(words.OFFER_BUTTON, "the try-alone button")

    walker.where = "the goal page"
    page = kiosk_app.kiosk.view().page
    assert isinstance(page, LessonView) and page.mode == "solo"
    on_screen = shown(kiosk_app)
    assert _words(lesson.goal) in on_screen and words.CARD_TITLE in on_screen
    assert all(_words(value) in on_screen for _, value in lesson.card)
    first = kiosk_app.kiosk.lesson_session.step
    assert _words(first.instruction) not in on_screen  # no step-by-step words
    walker.touch_words(texts.HELP, "Trợ giúp, once")
    assert _words(words.NEXT.format(instruction=first.instruction)) in shown(kiosk_app) and not lit(kiosk_app, first.target)
    walker.touch_words(texts.HELP, "Trợ giúp, twice")
    assert _words(first.hint) in shown(kiosk_app) and not lit(kiosk_app, first.target)
    walker.touch_words(texts.HELP, "Trợ giúp, a third time")
    assert words.LIT in shown(kiosk_app) and lit(kiosk_app, first.target)
    walker.walk(LESSON)
    walker.where = "completion page of the solo run"
    assert isinstance(kiosk_app.kiosk.view().page, CompletionView)
    assert _words(words.DONE_HINTS.format(hints=3)) in shown(kiosk_app)
    assert words.OFFER_QUESTION not in shown(kiosk_app)
    hints = store.db.execute("SELECT count(*) FROM attempts WHERE outcome = 'hint' AND hint_level IS NOT NULL").fetchone()[0]
    assert hints == 3
    walker.touch_words(texts.ANOTHER, "the another-lesson button")
    assert texts.STATUS["completed"] in tile_words(kiosk_app, lesson.title)  # three hints: learnt with guidance

    walker.where = "menu"
    walker.touch_words(texts.TOPICS, "the topics button")
    walker.open_lesson(LESSON)  # a tile opens a guided run; its end offers Tự làm again
    walker.walk(LESSON)
    walker.touch_words(words.OFFER_BUTTON, "the try-alone button")
    walker.walk(LESSON)
    assert _words(words.DONE_ALONE) in shown(kiosk_app)
    walker.touch_words(texts.ANOTHER, "the another-lesson button")
    assert isinstance(kiosk_app.kiosk.view().page, MenuView)
    assert texts.STATUS["solo"] in tile_words(kiosk_app, lesson.title)


def test_a_judged_drill_by_touch_ends_on_its_result_page(kiosk_app) -> None:
    walker = Walker(kiosk_app, SIZE)
    walker.start(SIZES[SIZE][1])
    walker.open_lesson(DRILL)
    walker.walk(DRILL)
    walker.touch_words(words.OFFER_BUTTON, "the try-alone button")
    walker.where = "the drill's goal page"
    lesson = next(p.lesson(DRILL) for p in kiosk_app.kiosk.packs if p.lesson(DRILL))
    assert _words(lesson.goal) in shown(kiosk_app) and _words(lesson.steps[0].instruction) in shown(kiosk_app)
    walker.touch_words(texts.HELP, "Trợ giúp")
    assert _words(words.NO_HINTS) in shown(kiosk_app)
    walker.walk(DRILL)
    walker.where = "the drill's result page"
    on_screen = shown(kiosk_app)
    assert words.RESULT_TITLE in on_screen
    results = kiosk_app.kiosk.view().page.results
    assert [line for line in on_screen if line.startswith(words.VERDICT["right"])] == [
        _words(f"{words.VERDICT['right']}. {r.answer}") for r in results]
