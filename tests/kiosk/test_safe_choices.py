"""In the built-in lessons the safe choice is never marked wrong, and the mistakes a learner may
make in a drill are explained in their own words (issue 13, part 1)."""
import random

import pytest

from kiosk import texts
from kiosk.intents import Choose, Help, Tap
from kiosk.lesson_session import LessonSession
from kiosk.walkthrough import correct_intents
from tests.kiosk.lesson_kit import session_at

SAFE_WORDS = ("Từ chối", "Hủy", "Quay lại sửa", "Không bấm", "Không đọc", "Cúp máy", "Xóa tin nhắn", "Kiểm tra lại")


def test_declining_the_fake_police_call_is_praised(core_pack):
    session = session_at(core_pack, "an-toan-gia-danh-cong-an", "answer")
    result = session.handle(Tap("decline"))
    assert [a.outcome for a in result.attempts] == ["correct"]
    view = session.view()
    assert view.feedback_kind == "ok" and view.feedback.startswith(texts.RIGHT) and "an toàn nhất" in view.feedback
    assert view.can_continue


def test_tapping_the_scam_link_says_why_not(core_pack):
    session = session_at(core_pack, "an-toan-tin-nhan-doi-phi", "signs")
    result = session.handle(Tap("fee-link"))
    assert [a.outcome for a in result.attempts] == ["wrong"]
    assert "Bấm vào đường link lạ là mở cửa cho kẻ gian" in session.view().feedback


def test_help_on_the_signs_step_lights_a_sign_not_the_button(core_pack):
    session = session_at(core_pack, "an-toan-gia-danh-cong-an", "signs")
    session.handle(Tap("s-unknown"))
    session.handle(Help())
    assert session.view().highlight in {"s-asks", "s-rush"}


@pytest.mark.parametrize(("lesson_id", "step_id", "answer"), [
    ("dvc-thanh-toan-phi", "tap-confirm", "cancel"),
    ("dvc-ly-lich-tu-phap", "tap-submit", "edit"),
    ("dvc-ly-lich-tu-phap", "tap-pay-ok", "cancel"),
    ("vneid-dang-ky-tam-tru", "tap-pay-ok", "cancel"),
    ("dvc-dang-nhap-vneid", "tap-accept", "refuse"),
])
def test_cancelling_where_the_step_asks_to_confirm_is_explained_not_wrong(core_pack, lesson_id, step_id, answer):
    session = session_at(core_pack, lesson_id, step_id)
    result = session.handle(Tap(answer))
    assert result.attempts == [] and session.step.id == step_id
    assert session.view().feedback_kind == "info" and session.view().feedback == session.step.why_for(answer)


def test_cancelling_a_right_payment_in_the_drill_is_never_wrong(core_pack):
    lesson = core_pack.lesson("dvc-thanh-toan-phi")
    seen = set()
    for seed in range(40):
        session = LessonSession(lesson, random.Random(seed))
        while session.step.id != "drill-decide":
            for intent in correct_intents(session):
                session.handle(intent)
        result = session.handle(Tap("cancel2"))
        assert "wrong" not in [a.outcome for a in result.attempts]
        seen.add(session.step.target)
    assert seen == {"confirm2", "cancel2"}


def test_no_built_in_step_marks_a_safe_choice_wrong(core_pack):
    """Every tappable element or option whose words are a safe action (decline, cancel, do not
    tap the link, hang up, ask) is right or safe wherever a step can be answered with it."""
    for lesson in core_pack.lessons:
        session = LessonSession(lesson, random.Random(1))
        while True:
            step = session.step
            if step.kind == "choose":
                answers = session.element(step.target).options
            elif step.kind in ("tap", "choose_many"):
                answers = [e.id for e in session.elements() if e.tappable and e.kind != "checkbox"]
            else:
                answers = []
            for answer in answers:
                words = answer if step.kind == "choose" else session.element(answer).label
                if words.startswith(SAFE_WORDS):
                    assert session.verdict(answer) in ("right", "safe"), (lesson.id, step.id, words)
            finished = False
            for intent in correct_intents(session):
                finished = session.handle(intent).finished
            if finished:
                break


def test_a_wrong_option_in_a_quiz_is_explained(core_pack):
    session = session_at(core_pack, "an-toan-gia-danh-cong-an", "decide")
    options = session.element("what-now").options
    session.handle(Choose("what-now", options.index("Đọc mã cho nhanh rồi tính sau")))
    assert "kẻ gian vào được tài khoản" in session.view().feedback
