"""Drills reward the safe choice and explain every mistake: a step may have several right
answers (`also_right`), answers that are safe but not what it asks (`safe`), and words of its
own for any answer (`why`); on a choose_many step help points at a box still to tick."""
import random

import pytest

from content.loader import load_pack
from kiosk import texts
from kiosk.flow import Kiosk
from kiosk.intents import Choose, Continue, Help, Tap
from kiosk.lesson_session import LessonSession
from kiosk.tour import tour
from kiosk.walkthrough import correct_intents
from tests.content.test_format import refused_with, write_pack

DECLINE_WHY = "Không nghe số lạ là cách an toàn nhất."
LINK_WHY = "Bấm vào đường link lạ là mở cửa cho kẻ gian."
LESSON = {
    "schema_version": 1, "id": "mau", "topic": "an-toan", "title": "Bài mẫu", "description": "Tập nhận ra lừa đảo.",
    "minutes": 4, "difficulty": 1, "updated": "2026-11-27", "recap": ["Cúp máy."],
    "sources": ["Tài liệu mẫu — Nhóm phát triển, 01/8/2025 — https://example.org/tai-lieu-mau"],
    "screens": {
        "call": {"app": "Điện thoại", "title": "Cuộc gọi đến", "elements": [
            {"id": "caller", "type": "call", "label": "Số lạ", "value": "0899 000 113"},
            {"id": "decline", "type": "button", "label": "Từ chối", "tone": "error"},
            {"id": "answer", "type": "button", "label": "Trả lời", "tone": "success"},
        ]},
        "pay": {"app": "Ngân hàng", "title": "Xác nhận", "elements": [
            {"id": "cancel", "type": "button", "label": "Hủy"},
            {"id": "confirm", "type": "button", "label": "Xác nhận"},
            {"id": "share", "type": "button", "label": "Chia sẻ"},
        ]},
        "sms": {"app": "Tin nhắn", "title": "Tin nhắn", "elements": [
            {"id": "link", "type": "link", "label": "vneid-capnhat.com"},
            {"id": "s-link", "type": "checkbox", "label": "Có đường link lạ"},
            {"id": "s-rush", "type": "checkbox", "label": "Giục làm ngay"},
            {"id": "s-polite", "type": "checkbox", "label": "Nói năng lịch sự"},
            {"id": "check", "type": "button", "label": "Kiểm tra"},
            {"id": "what", "type": "select", "label": "Bác sẽ làm gì?", "options": ["Bấm link", "Xóa tin nhắn", "Hỏi con cháu"]},
        ]},
    },
    "steps": [
        {"id": "intro", "type": "info", "screen": "call", "say": "Có người gọi đến."},
        {"id": "call", "type": "tap", "say": "Bác trả lời hay từ chối?", "target": "answer", "also_right": ["decline"],
         "why": {"decline": DECLINE_WHY}},
        {"id": "pay", "type": "tap", "screen": "pay", "say": "Đúng cả rồi, bác chạm Xác nhận.", "target": "confirm",
         "safe": ["cancel"], "why": {"cancel": "Hủy thì không mất tiền. Lần này đúng cả, bác chạm Xác nhận.",
                                     "share": "Không chia sẻ giao dịch cho người lạ."}},
        {"id": "signs", "type": "choose_many", "screen": "sms", "say": "Chạm các dấu hiệu, rồi Kiểm tra.", "target": "check",
         "targets": ["s-link", "s-rush"], "hint": "Có hai dấu hiệu.",
         "why": {"link": LINK_WHY, "s-polite": "Kẻ gian cũng nói lịch sự."}},
        {"id": "what", "type": "choose", "say": "Bác làm gì?", "target": "what", "expect": "Xóa tin nhắn",
         "also_right": ["Hỏi con cháu"], "why": {"Bấm link": LINK_WHY, "Hỏi con cháu": "Hỏi con cháu là rất tốt."}},
        {"id": "end", "type": "info", "say": "Nhớ nhé, không bấm vào đường link lạ."},
    ],
}


@pytest.fixture
def lesson(tmp_path):
    result = load_pack(write_pack(tmp_path / "p", LESSON))
    assert result.problems == ()
    return result.pack.lesson("mau")


def at(lesson, step_id):
    session = LessonSession(lesson, random.Random(1))
    while session.step.id != step_id:
        for intent in correct_intents(session):
            session.handle(intent)
    return session


def test_declining_the_call_is_right_and_praised_with_its_own_words(lesson):
    session = at(lesson, "call")
    assert session.view().targets == ("answer", "decline")  # both kept in view
    result = session.handle(Tap("decline"))
    assert [a.outcome for a in result.attempts] == ["correct"]
    view = session.view()
    assert view.feedback == f"{texts.RIGHT} {DECLINE_WHY}" and view.feedback_kind == "ok" and view.can_continue
    assert result.speak[0][0] == view.feedback
    session.handle(Continue())
    assert session.step.id == "pay"


def test_the_target_is_still_right_without_the_other_answers_words(lesson):
    session = at(lesson, "call")
    result = session.handle(Tap("answer"))
    assert [a.outcome for a in result.attempts] == ["correct"] and session.step.id == "pay"
    assert result.speak[0] == (texts.CORRECT, False)


def test_a_safe_answer_is_explained_and_never_counted_wrong(lesson):
    session = at(lesson, "pay")
    for _ in range(3):
        result = session.handle(Tap("cancel"))
        assert result.attempts == [] and result.speak == [(lesson.steps[2].why_for("cancel"), False)]
    view = session.view()
    assert session.step.id == "pay" and view.feedback_kind == "info" and view.highlight == ""
    assert [a.outcome for a in session.handle(Tap("confirm")).attempts] == ["correct"]


def test_a_wrong_answer_says_its_own_words_then_the_highlight(lesson):
    session = at(lesson, "pay")
    why = "Không chia sẻ giao dịch cho người lạ."
    first = session.handle(Tap("share"))
    assert [a.outcome for a in first.attempts] == ["wrong"]
    assert session.view().feedback == f"{texts.NOT_RIGHT} {why} {texts.TRY_AGAIN}" == first.speak[0][0]
    assert session.view().feedback_kind == "wrong" and session.view().highlight == ""
    session.handle(Tap("share"))
    assert session.view().feedback == f"{texts.NOT_RIGHT} {why} {texts.LIT}"
    assert session.view().highlight == "confirm"


def test_tapping_the_scam_link_on_a_signs_step_explains_why_not(lesson):
    session = at(lesson, "signs")
    result = session.handle(Tap("link"))
    assert [a.outcome for a in result.attempts] == ["wrong"]
    assert LINK_WHY in session.view().feedback


def test_help_on_a_signs_step_points_at_a_sign_still_missed_and_moves_on(lesson):
    session = at(lesson, "signs")
    session.handle(Tap("s-link"))
    session.handle(Help())
    view = session.view()
    assert view.highlight == "s-rush" and view.feedback == f"Có hai dấu hiệu. {texts.TICK_LIT}"
    session.handle(Tap("s-rush"))
    assert session.view().highlight == "check"  # every sign ticked: now the button
    session.handle(Tap("s-polite"))
    assert session.view().highlight == "s-polite"  # ticked by mistake: untick it
    session.handle(Help())
    assert session.view().feedback == f"Có hai dấu hiệu. {texts.UNTICK_LIT}"


def test_checking_with_a_wrong_tick_explains_that_tick(lesson):
    session = at(lesson, "signs")
    for box in ("s-link", "s-rush", "s-polite"):
        session.handle(Tap(box))
    session.handle(Tap("check"))
    assert session.view().feedback == f"{texts.NOT_RIGHT} Kẻ gian cũng nói lịch sự. {texts.TRY_AGAIN}"
    session.handle(Tap("s-polite"))
    session.handle(Tap("s-rush"))
    result = session.handle(Tap("check"))
    assert [a.outcome for a in result.attempts] == ["wrong"] and texts.TICK_MORE in session.view().feedback
    assert session.view().highlight == "s-rush"  # the second wrong try lights the missed sign, not the button


def test_a_choose_step_takes_another_right_option_and_explains_a_wrong_one(lesson):
    session = at(lesson, "what")
    options = session.element("what").options
    session.handle(Choose("what", options.index("Bấm link")))
    assert LINK_WHY in session.view().feedback and session.view().feedback_kind == "wrong"
    result = session.handle(Choose("what", options.index("Hỏi con cháu")))
    assert [a.outcome for a in result.attempts] == ["correct"]
    assert session.view().feedback == f"{texts.RIGHT} Hỏi con cháu là rất tốt." and session.view().chosen["what"] == 2


def test_everything_said_about_answers_is_there_to_pre_render(lesson):
    said = LessonSession(lesson, random.Random(1)).lines()
    assert f"{texts.RIGHT} {DECLINE_WHY}" in said
    assert f"{texts.NOT_RIGHT} {LINK_WHY} {texts.TRY_AGAIN}" in said and f"{texts.NOT_RIGHT} {LINK_WHY} {texts.LIT}" in said
    assert lesson.steps[2].why_for("cancel") in said and f"Có hai dấu hiệu. {texts.TICK_LIT}" in said


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["steps"][1].update(also_right=["hang-up"]), "steps[1].also_right: 'hang-up' does not exist on screen 'call'"),
        (lambda d: d["steps"][1].update(also_right=["caller"]), "'caller' is a call, not something to tap"),
        (lambda d: d["steps"][2]["why"].pop("cancel"), "steps[2].safe: 'cancel' needs a why"),
        (lambda d: d["steps"][2].update(also_right=["cancel"]), "'cancel' is both also_right and safe"),
        (lambda d: d["steps"][0].update(why={"decline": "x"}), "only tap, choose and choose_many steps have"),
        (lambda d: d["steps"][3].update(also_right=["s-polite"]), "a choose_many step is right only with its own ticks"),
        (lambda d: d["steps"][4].update(also_right=["Gọi lại"]), "'Gọi lại' is not one of the options of 'what'"),
        (lambda d: d["steps"][4]["why"].update({"{nobody}": "x"}), "placeholder {nobody} is not defined"),
        (lambda d: d["steps"][3]["why"].update({"nowhere": "x"}), "steps[3].why: 'nowhere' does not exist on screen 'sms'"),
    ],
)
def test_answers_that_do_not_exist_are_reported_with_their_place(tmp_path, change, message):
    problems = refused_with(tmp_path / "p", LESSON, change)
    assert any(message in p for p in problems), problems


def test_the_tour_shows_each_answer_with_words_of_its_own(tmp_path, store, settings, clock):
    pack = load_pack(write_pack(tmp_path / "p", LESSON)).pack
    kiosk = Kiosk([pack], store, settings, clock, random.Random(7))
    names = [stop.name for stop in tour(kiosk, clock, ["mau"])]
    shown = ["02-call-right-decline", "03-pay-safe-cancel", "03-pay-wrong-share", "04-signs-wrong-link",
             "04-signs-wrong-s-polite", "05-what-wrong-option1", "05-what-right-option3"]
    assert [n for n in names if n.removeprefix("01-mau-") in shown] == [f"01-mau-{n}" for n in shown]
    assert "01-mau-02-call-wrong" not in names  # two wrong taps are shown with a wrong answer, never the safe one
    assert "01-mau-done" in names and names[-1] == "91-idle-warning"
