"""Words a citizen may not know, by touch at 1280×800 with large text (the tightest layout): a
finger finds a word's button ("Mã OTP là gì?") under the instruction by its words, touches it,
and reads and hears what the word means while the step stays; the next step shows no old
explanation; two buttons share a row, both in view with the phone."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.intents import OpenLesson
from kiosk.views import LessonView
from kiosk.walkthrough import correct_intents
from tests.ui.conftest import settle
from tests.ui.test_walk_by_touch import Walker
from ui import texts
from voice.fake_speaker import FakeSpeaker


@pytest.fixture
def app_speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


def page(kiosk_app) -> LessonView:
    view = kiosk_app.kiosk.view().page
    assert isinstance(view, LessonView)
    return view


def on_to(finger: Walker, step_id: str) -> None:
    """Answer the lesson by touch up to `step_id`."""
    while (session := finger.app.kiosk.lesson_session).step.id != step_id:
        finger.where = f"{session.lesson.id}, step {session.step.id}"
        for intent in correct_intents(session):
            finger.do(intent, page(finger.app))


def shown_texts(finger: Walker) -> list[str]:
    return [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]


def asked(word: str) -> str:
    return texts.WORD_ASKED.format(term=word)


def test_a_words_button_shows_and_says_what_it_means_until_the_step_changes(finger, kiosk_app, app_speaker):
    finger.open_lesson("nhan-ma-otp")
    finger.where = "nhan-ma-otp, its first step"
    meaning = dict(page(kiosk_app).terms)["mã OTP"]
    assert meaning not in shown_texts(finger)
    finger.touch_words(asked("Mã OTP"), "the word's button")
    assert meaning in shown_texts(finger) and app_speaker.last_text == meaning
    box = next(w for w in finger.window.findChildren(QLabel, "meaning") if w.isVisible())
    finger.assert_in_view(box, "the explanation")
    assert page(kiosk_app).step_number == 1  # the step stays
    finger.touch_words(texts.CONTINUE, "the next-step button")
    assert meaning not in shown_texts(finger) and not finger.controls(lambda b: finger.shows(b, asked("Mã OTP")))


def test_two_buttons_share_a_row_in_view_with_the_phone(finger, kiosk_app, app_speaker):
    finger.open_lesson("nhan-ma-otp")
    on_to(finger, "done")  # "Xác thực thành công. Mã OTP chỉ dùng được một lần …"
    finger.where = "nhan-ma-otp, step done"
    first, second = (finger.find(asked(word), False, "a word's button") for word in ("Xác thực", "Mã OTP"))
    assert finger.rect_in_window(first).top() == finger.rect_in_window(second).top()
    finger.touch(second, "the second word's button")
    finger.assert_in_view(finger.find(asked("Xác thực"), False, "the first word's button"), "it, after")
    finger.assert_in_view(next(w for w in finger.window.findChildren(QWidget, "phone") if w.isVisible()), "the phone")
    assert app_speaker.last_text.startswith("Mã OTP là")
    finger.touch_words(asked("Xác thực"), "the first word's button")
    assert app_speaker.last_text.startswith("Xác thực là")
    explained = [t for t in shown_texts(finger) if t.startswith(("Xác thực là", "Mã OTP là")) and not t.endswith("gì?")]
    assert explained == [app_speaker.last_text]  # one explanation at a time


def test_in_a_solo_run_the_goals_words_sit_under_the_goal_and_their_explanation_is_read_whole(finger, kiosk_app, app_speaker):
    """Tự làm at 1280×800 large: the goal's "… là gì?" buttons come right under the goal, above the
    practice-data card; the explanation opens under them whole, with a hint too, and the goal is
    never cut (the card stands aside when it would keep less than two lines, and comes back with
    the next step)."""
    finger.app.kiosk.handle(OpenLesson("vneid-dang-ky-tam-tru", "solo"))  # as the completion page's offer does
    finger.window.render(finger.app.kiosk.view())
    settle()
    finger.where = "vneid-dang-ky-tam-tru, Tự làm, its first step"
    goal = next(w for w in finger.window.findChildren(QLabel, "goal") if w.isVisible())
    card = next(w for w in finger.window.findChildren(QWidget, "cardScroll") if w.isVisible())
    button = finger.find(asked("Tạm trú"), False, "the goal's word button")
    assert finger.rect_in_window(goal).bottom() < finger.rect_in_window(button).top() < finger.rect_in_window(card).top()
    finger.touch(button, "the goal's word button")
    meaning = page(kiosk_app).meaning
    assert meaning and app_speaker.last_text == meaning
    finger.touch_words(texts.HELP, "Trợ giúp")
    for widget, what in ((goal, "the goal"), (next(w for w in finger.window.findChildren(QLabel, "meaning")
                                                    if w.isVisible()), "the explanation")):
        finger.assert_in_view(widget, what)
        assert widget.height() >= widget.heightForWidth(widget.width()), f"{finger.here()}: {what} is cut"
    session = kiosk_app.kiosk.lesson_session
    first = session.step
    for intent in correct_intents(session):
        finger.do(intent, page(kiosk_app))
    assert session.step != first and not page(kiosk_app).meaning and card.isVisible()
