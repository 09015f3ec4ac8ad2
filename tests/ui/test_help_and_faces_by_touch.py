""""Gọi cán bộ hỗ trợ" and the confidence faces by touch, at 1280×800 with large text (the
tightest layout): a finger finds the kiosk's button by its words on the menu and in a lesson,
touches it, and reads that staff were told while the step stays as it was; staff's help
command hears of it; the faces before and after the first lesson are answered (or skipped) by
one touch each. Controls are found by their words and touched with a touch screen device."""
from __future__ import annotations

import dataclasses
import json
import shlex
import sys

import pytest
from PySide6.QtWidgets import QLabel

from kiosk import learner_texts
from kiosk.intents import AnswerHelp
from kiosk.views import CompletionView, ConfidenceView, LessonView, MenuView, SlipView
from kiosk.walkthrough import correct_intents
from tests.ui.test_walk_by_touch import Walker
from ui import texts

OTP = "nhan-ma-otp"


@pytest.fixture
def settings(settings, tmp_path):
    code = "import json, os, sys; open(sys.argv[1], 'a').write(json.dumps({k: v for k, v in os.environ.items() if k.startswith('HOCVUSO_HELP') or k.startswith('HOCVUSO_STEP')}) + '\\n')"
    command = f"{shlex.quote(sys.executable)} -c {shlex.quote(code)} {shlex.quote(str(tmp_path / 'alerts.jsonl'))}"
    return dataclasses.replace(settings, confidence_questions=True, help_command=command)


@pytest.fixture
def window_size() -> tuple[int, int]:
    return (1280, 800)


def page(kiosk_app):
    return kiosk_app.kiosk.view().page


def alerts(kiosk_app, tmp_path) -> list[dict]:
    assert kiosk_app.help_alarm.wait(10)
    path = tmp_path / "alerts.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def open_lesson_tile(finger: Walker, lesson_id: str) -> None:
    """As Walker.open_lesson, up to the tile: the faces come before the lesson."""
    pack = finger.app.kiosk.packs[0]
    lesson = pack.lesson(lesson_id)
    topic = next(t for t in pack.topics if t.id == lesson.topic)
    finger.touch_words(topic.title, "the topic tile")
    while not finger.controls(lambda b: finger.shows(b, lesson.title)):
        finger.touch_words(texts.PAGE_NEXT, "the next-page button")
    finger.touch_words(lesson.title, "the lesson tile")


def test_on_the_menu_one_touch_tells_staff_and_the_page_says_so(finger, kiosk_app, tmp_path):
    finger.where = "menu"
    finger.touch_words(texts.HELP_CALL, "Gọi cán bộ")
    assert isinstance(page(kiosk_app), MenuView)
    finger.assert_in_view(finger.find(texts.HELP_CALLED, False, "the button, now saying staff were called"), "it")
    assert learner_texts.HELP_ASKED in [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]
    (alert,) = alerts(kiosk_app, tmp_path)
    assert alert["HOCVUSO_HELP_EVENT"] == "asked" and alert["HOCVUSO_STEP"] == ""


def test_in_a_lesson_the_place_is_kept_and_staff_learn_the_step(finger, kiosk_app, tmp_path):
    finger.where = "menu"
    open_lesson_tile(finger, OTP)
    finger.where = "the faces before the lesson"
    finger.touch_words(texts.SKIP_QUESTION, "Bỏ qua")
    while (view := page(kiosk_app)).keyboard != "digits":  # on to typing the code: the most crowded page
        for intent in correct_intents(kiosk_app.kiosk.lesson_session):
            finger.do(intent, kiosk_app.kiosk.lesson_session.view())
    finger.where = f"{OTP}, step {view.step_number}"
    finger.touch_key("7", "a first digit of the code")
    typed = dict(page(kiosk_app).values)
    finger.touch_words(texts.HELP_CALL, "Gọi cán bộ")  # in the header, while the digit pad is up
    button = finger.find(texts.HELP_CALLED, False, "the button, now saying staff were called")
    finger.assert_in_view(button, "the help button")
    assert learner_texts.HELP_ASKED in [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]
    now = page(kiosk_app)
    assert isinstance(now, LessonView) and (now.step_number, now.values) == (view.step_number, typed)
    (alert,) = alerts(kiosk_app, tmp_path)
    assert alert["HOCVUSO_STEP"] == str(view.step_number) and alert["HOCVUSO_STEP_TEXT"] == view.instruction
    finger.touch_words(texts.HELP_CALLED, "the help button again")
    finger.find(texts.HELP_CALLED, False, "the button, unchanged")
    assert len(alerts(kiosk_app, tmp_path)) == 1  # reminded only after a minute


def test_the_faces_before_and_after_the_first_lesson_by_touch(finger, kiosk_app, core_pack):
    finger.where = "menu"
    open_lesson_tile(finger, "cham-vuot-go-chu")
    before = page(kiosk_app)
    assert isinstance(before, ConfidenceView) and before.ask in [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]
    finger.where = "the faces before the lesson"
    for choice in before.choices:
        finger.assert_in_view(finger.find(choice.label, False, f"the face {choice.label!r}"), f"the face {choice.label!r}")
    finger.touch_words("Hơi tự tin", "the middle face")
    assert isinstance(page(kiosk_app), LessonView)
    finger.walk("cham-vuot-go-chu")
    finger.where = "the faces after the lesson"
    assert page(kiosk_app).question == "after"
    finger.touch_words("Rất tự tin", "the happy face")
    finger.where = "will you try it on your phone"
    assert page(kiosk_app).question == "will_try"
    finger.touch_words("Có", "Có")
    assert isinstance(page(kiosk_app), CompletionView)
    stored = {r["question"]: r["answer"] for r in kiosk_app.store.db["confidence_answers"].rows}
    assert stored == {"before": 2, "after": 3, "will_try": 1}


def test_beside_the_lessons_own_buttons_the_narrow_button_works_the_same(finger, kiosk_app, tmp_path):
    finger.where = "menu"
    open_lesson_tile(finger, OTP)
    finger.touch_words(texts.SKIP_QUESTION, "Bỏ qua")
    finger.where = f"{OTP}, step 1"
    assert page(kiosk_app).keyboard == ""
    narrow = finger.find(texts.HELP_CALL, False, "Gọi cán bộ beside Nghe lại … Trợ giúp")
    assert narrow.width() < finger.find(texts.REPEAT, False, "Nghe lại").width() * 1.5
    finger.touch(narrow, "Gọi cán bộ")
    finger.assert_in_view(finger.find(texts.HELP_CALLED, False, "the narrow button, now filled"), "it")
    assert learner_texts.HELP_ASKED in [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]
    assert page(kiosk_app).step_number == 1 and [a["HOCVUSO_HELP_EVENT"] for a in alerts(kiosk_app, tmp_path)] == ["asked"]


def test_the_faces_the_end_of_a_lesson_and_the_slip_each_have_the_button_in_view(finger, kiosk_app):
    def call_staff_on(where: str, kind: type) -> None:
        finger.where = where
        finger.touch_words(texts.HELP_CALL, "Gọi cán bộ")
        assert isinstance(page(kiosk_app), kind)
        finger.assert_in_view(finger.find(texts.HELP_CALLED, False, "the button, now saying staff were called"), "it")
        assert learner_texts.HELP_ASKED in [w.text() for w in finger.window.findChildren(QLabel) if w.isVisible()]
        kiosk_app.send(AnswerHelp("helped"))  # staff, on the staff panel
        finger.find(texts.HELP_CALL, False, "the button, ready again")

    finger.where = "menu"
    open_lesson_tile(finger, "cham-vuot-go-chu")
    call_staff_on("the faces before the lesson", ConfidenceView)
    finger.touch_words(texts.SKIP_QUESTION, "Bỏ qua")
    finger.walk("cham-vuot-go-chu")
    finger.where = "the faces after the lesson"
    finger.touch_words(texts.SKIP_QUESTION, "Bỏ qua")
    call_staff_on("the end of the lesson", CompletionView)
    finger.touch_words(texts.TAKE_SLIP, "Nhận phiếu ghi nhận")
    call_staff_on("the practice slip", SlipView)
