"""The intake by touch, at 1280×800 with large text: a finger answers the questions on their big
buttons and picture tiles, goes back one, and finds "Lộ trình gợi ý cho bác" on the topics page,
numbered; one touch skips it all; a completion's "Bài tiếp theo trong lộ trình" opens the next
lesson. Controls are found by the words on them and touched with a touch screen device."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QLabel

from kiosk import intake_texts
from kiosk.views import CompletionView, IntakeView, LessonView, MenuView
from kiosk.walkthrough import correct_intents
from tests.ui.test_walk_by_touch import Walker
from ui import texts


@pytest.fixture
def settings(settings):
    return dataclasses.replace(settings, intake_at_start=True)


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


def page(kiosk_app):
    return kiosk_app.kiosk.view().page


def shown_words(finger: Walker) -> list[str]:
    return [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]


def tile_words(finger: Walker, prefix: str) -> list[str]:
    """The words of the visible buttons named `prefix`…, top to bottom, left to right."""
    buttons = finger.controls(lambda b: b.objectName().startswith(prefix))
    buttons.sort(key=lambda b: (finger.rect_in_window(b).top(), finger.rect_in_window(b).left()))
    return [b.text() for b in buttons]


def test_a_finger_answers_goes_back_and_finds_the_path_numbered_on_the_topics_page(finger, kiosk_app, core_pack):
    first = page(kiosk_app)
    assert isinstance(first, IntakeView) and first.question in shown_words(finger)
    assert not finger.controls(lambda b: finger.shows(b, intake_texts.PREVIOUS))  # nothing to go back to yet
    finger.where = "intake, question 1"
    finger.touch_words("Chưa", "the answer Chưa")
    finger.where = "intake, question 2"
    assert "Hôm nay bác cần làm việc gì?" in shown_words(finger)
    finger.touch_words("Nộp hồ sơ, xin giấy tờ", "the picture tile for papers")
    finger.where = "intake, question 3"
    finger.touch_words(intake_texts.PREVIOUS, "Câu trước")
    assert page(kiosk_app).question_id == "viec-can-lam" and intake_texts.CHOSEN in shown_words(finger)
    finger.touch_words("Nộp hồ sơ, xin giấy tờ", "the picture tile for papers, again")
    finger.touch_words("Chưa", "the answer Chưa about VNeID")
    menu = page(kiosk_app)
    assert isinstance(menu, MenuView) and menu.topic == ""
    assert intake_texts.PATH_TITLE in shown_words(finger)
    path = tile_words(finger, "path:")
    titles = {lesson.id: lesson.title for lesson in core_pack.lessons}
    assert path == [titles[tile.lesson_id] for tile in menu.path] and len(path) == 4
    assert path[0] == "Chạm, vuốt và gõ chữ"  # never used a touch phone: touching first
    numbers = [w.text() for b in finger.controls(lambda b: b.objectName().startswith("path:")) for w in b.findChildren(QLabel)
               if w.text().isdigit()]
    assert sorted(numbers) == ["1", "2", "3", "4"]
    finger.where = "menu, the path"
    finger.touch_words(path[0], "the path's first lesson")
    assert isinstance(page(kiosk_app), LessonView) and page(kiosk_app).lesson_id == "cham-vuot-go-chu"


def test_one_touch_skips_the_questions_and_the_topics_page_offers_them_again(finger, kiosk_app):
    finger.where = "intake, question 1"
    finger.touch_words(intake_texts.SKIP, "Bỏ qua, tôi tự chọn bài")
    assert isinstance(page(kiosk_app), MenuView) and intake_texts.PATH_TITLE not in shown_words(finger)
    finger.where = "menu, the topics"
    finger.touch_words(intake_texts.SUGGEST, "Gợi ý bài cho tôi")
    again = page(kiosk_app)
    assert isinstance(again, IntakeView) and again.number == 1 and again.chosen == ""
    finger.touch_words(texts.REPEAT, "Nghe lại")  # says the question again; the page stays
    assert isinstance(page(kiosk_app), IntakeView)


def test_a_finished_lesson_of_the_path_offers_the_next_one_and_a_touch_opens_it(finger, kiosk_app):
    for words in ("Có", "Trả phí, trả tiền"):
        finger.touch_words(words, f"the answer {words}")
    first, second = (tile.lesson_id for tile in page(kiosk_app).path[:2])
    finger.touch_words(page(kiosk_app).path[0].title, "the path's first lesson")
    while isinstance(page(kiosk_app), LessonView):
        for intent in correct_intents(kiosk_app.kiosk.lesson_session):
            kiosk_app.send(intent)
    done = page(kiosk_app)
    assert isinstance(done, CompletionView) and done.next_in_path.lesson_id == second
    finger.where = f"completion of {first}"
    finger.touch_words(intake_texts.NEXT_BUTTON, "Bài tiếp theo trong lộ trình")
    assert isinstance(page(kiosk_app), LessonView) and page(kiosk_app).lesson_id == second
