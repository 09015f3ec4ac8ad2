"""The pack format's richer screens and steps: checkboxes, OTP boxes, dates, summaries,
choose-many, quiz explanations, correlated drill variants, shuffled options, commune pickers."""
import copy
import random
from pathlib import Path

import pytest
import yaml

from content.loader import load_pack
from kiosk import texts
from kiosk.intents import Choose, Continue, Submit, Swipe, Tap, TypeChar
from kiosk.lesson_session import LessonSession
from kiosk.walkthrough import correct_intents

LESSON = {
    "schema_version": 1,
    "id": "mau",
    "topic": "an-toan",
    "title": "Bài mẫu",
    "description": "Bài mẫu để thử định dạng.",
    "minutes": 4,
    "difficulty": 1,
    "updated": "2026-11-27",
    "sources": ["Tài liệu mẫu — Nhóm phát triển, 01/8/2025 — https://example.org/tai-lieu-mau"],
    "recap": ["Kiểm tra người nhận trước khi chuyển tiền."],
    "remember": "Không bao giờ đọc mã OTP cho người khác.",
    "data": {"otp": ["123456", "654321"]},
    "variants": [
        {"caller": "Thượng úy Lê Văn B", "number": "0899000111", "right": "decline"},
        {"caller": "Con gái Lan", "number": "0912000222", "right": "accept"},
    ],
    "screens": {
        "call": {
            "app": "Điện thoại",
            "title": "Cuộc gọi đến",
            "elements": [
                {"id": "caller", "type": "call", "label": "{caller}", "value": "{number}"},
                {"id": "decline", "type": "button", "label": "Từ chối", "tone": "error"},
                {"id": "accept", "type": "button", "label": "Trả lời", "tone": "success"},
            ],
        },
        "form": {
            "app": "Cổng Dịch vụ công quốc gia",
            "title": "Kê khai",
            "elements": [
                {"id": "otp", "type": "otp", "label": "Mã OTP"},
                {"id": "birthday", "type": "date", "label": "Ngày sinh"},
                {"id": "commune", "type": "select", "label": "Xã/Phường", "options_from": "communes:Đồng Nai"},
                {"id": "signs", "type": "select", "label": "Câu hỏi", "options": ["Đúng", "Sai", "Không biết"], "shuffle": True},
                {"id": "link", "type": "checkbox", "label": "Có đường link lạ"},
                {"id": "urgent", "type": "checkbox", "label": "Giục làm ngay"},
                {"id": "polite", "type": "checkbox", "label": "Chào hỏi lịch sự"},
                {"id": "check", "type": "button", "label": "Kiểm tra"},
                {"id": "sum", "type": "summary", "rows": [{"Người nhận": "{caller}"}, {"Số tiền": "22.000 đ"}]},
            ],
        },
    },
    "steps": [
        {"id": "intro", "type": "info", "screen": "call", "say": "Có người gọi đến."},
        {"id": "answer", "type": "tap", "say": "Bác chọn đúng nút.", "target": "{right}", "explain": "Vì {caller} gọi."},
        {"id": "otp", "type": "type", "screen": "form", "say": "Gõ mã {otp}.", "target": "otp", "expect": "{otp}"},
        {"id": "date", "type": "type", "say": "Gõ ngày sinh.", "target": "birthday", "expect": "05/03/1958"},
        {"id": "commune", "type": "choose", "say": "Chọn Phường Đồng Xoài.", "target": "commune", "expect": "Phường Đồng Xoài"},
        {"id": "quiz", "type": "choose", "say": "Chọn Sai.", "target": "signs", "expect": "Sai", "explain": "Vì đây là lừa đảo."},
        {"id": "signs", "type": "choose_many", "say": "Chọn các dấu hiệu.", "target": "check", "targets": ["link", "urgent"],
         "hint": "Có hai dấu hiệu."},
        {"id": "scroll", "type": "swipe", "say": "Vuốt lên để xem tiếp.", "direction": "up"},
        {"id": "end", "type": "info", "say": "Xong."},
    ],
}
PACK = {
    "schema_version": 1, "id": "mau", "version": 1, "title": "Gói mẫu",
    "topics": [{"id": "an-toan", "title": "An toàn trên mạng", "icon": "shield"}],
}


def write_pack(root: Path, lesson: dict) -> Path:
    (root / "lessons").mkdir(parents=True)
    (root / "pack.yaml").write_text(yaml.safe_dump(PACK, allow_unicode=True), encoding="utf-8")
    (root / "lessons" / "mau.yaml").write_text(yaml.safe_dump(lesson, allow_unicode=True), encoding="utf-8")
    return root


def refused_with(root: Path, lesson: dict, change) -> list[str]:
    """The problems of a pack holding `lesson` after `change(copy)`; the pack must be refused."""
    changed = copy.deepcopy(lesson)
    change(changed)
    result = load_pack(write_pack(root, changed))
    assert result.pack is None
    return [str(p) for p in result.problems]


@pytest.fixture
def lesson(tmp_path):
    result = load_pack(write_pack(tmp_path / "p", LESSON))
    assert result.problems == ()
    return result.pack.lesson("mau")


def run_to(lesson, step_id, seed=1):
    session = LessonSession(lesson, random.Random(seed))
    while session.step.id != step_id:
        for intent in correct_intents(session):
            session.handle(intent)
    return session


def test_new_elements_load_with_their_fields(lesson):
    form = lesson.screens["form"]
    assert form.element("otp").length == 6 and form.element("otp").keyboard == "digits"
    assert form.element("birthday").keyboard == "digits"
    assert {"Phường Đồng Xoài", "Xã Lộc Ninh", "Xã Bù Đăng"} <= set(form.element("commune").options)
    assert form.element("sum").rows == (("Người nhận", "{caller}"), ("Số tiền", "22.000 đ"))
    assert lesson.screens["call"].element("decline").tone == "error"


def test_a_variant_sets_its_placeholders_together(lesson):
    seen = set()
    for seed in range(20):
        session = run_to(lesson, "answer", seed)
        caller = session.view().screen.element("caller").label
        seen.add((caller, session.step.target))
    assert seen == {("Thượng úy Lê Văn B", "decline"), ("Con gái Lan", "accept")}


def test_explanation_is_said_after_the_right_answer_and_waits_for_the_next_step_button(lesson):
    session = run_to(lesson, "answer")
    right = session.step.target
    wrong = {"accept": "decline", "decline": "accept"}[right]
    assert [a.outcome for a in session.handle(Tap(wrong)).attempts] == ["wrong"]
    result = session.handle(Tap(right))
    assert [a.outcome for a in result.attempts] == ["correct"]
    assert result.speak[0][0].startswith(texts.RIGHT) and "Vì " in result.speak[0][0]
    view = session.view()
    assert session.step.id == "answer" and view.can_continue
    assert view.feedback_kind == "ok" and view.feedback.startswith("Đúng rồi! Vì ")
    assert session.handle(Continue()).attempts == []  # recorded once, when answered
    assert session.step.id == "otp" and session.view().feedback == ""


def test_otp_boxes_take_only_as_many_digits_as_boxes(lesson):
    session = run_to(lesson, "otp")
    for char in "1234567":
        session.handle(TypeChar(char))
    assert session.view().values["otp"] == "123456"
    assert session.view().keyboard == "digits"


def test_a_date_is_compared_by_its_digits(lesson):
    session = run_to(lesson, "date")
    for char in "05031958":
        session.handle(TypeChar(char))
    session.handle(Submit())
    assert session.step.id == "commune"


def test_shuffled_options_change_order_between_runs_and_the_answer_still_counts(lesson):
    orders = {run_to(lesson, "quiz", seed).view().screen.element("signs").options for seed in range(12)}
    assert len(orders) > 1
    session = run_to(lesson, "quiz", 5)
    options = session.view().screen.element("signs").options
    assert [a.outcome for a in session.handle(Choose("signs", options.index("Sai"))).attempts] == ["correct"]
    assert session.view().chosen["signs"] == options.index("Sai")


def test_choose_many_needs_exactly_the_right_ticks(lesson):
    session = run_to(lesson, "signs")
    ticks = lambda: {k for k in session.view().chosen if k in ("link", "urgent", "polite")}  # noqa: E731
    session.handle(Tap("link"))
    assert ticks() == {"link"}
    assert [a.outcome for a in session.handle(Tap("check")).attempts] == ["wrong"]
    session.handle(Tap("urgent"))
    session.handle(Tap("polite"))
    session.handle(Tap("check"))
    assert "Có hai dấu hiệu." in session.view().feedback  # the hint after the second wrong try
    session.handle(Tap("polite"))  # untick
    assert ticks() == {"link", "urgent"}
    session.handle(Tap("check"))
    assert session.step.id == "scroll"


def test_a_swipe_step_moves_on_only_when_the_finger_goes_its_way(lesson):
    session = run_to(lesson, "scroll")
    assert lesson.steps[7].direction == "up" and session.view().swipe == "up"
    assert [a.outcome for a in session.handle(Swipe("left")).attempts] == ["wrong"]
    assert session.step.id == "scroll" and "kéo lên trên" in session.view().feedback
    assert [a.outcome for a in session.handle(Swipe("up")).attempts] == ["correct"]
    assert session.step.id == "end" and session.view().swipe == ""


def test_the_rule_to_remember_is_the_last_recap_card(lesson):
    session = LessonSession(lesson, random.Random(1))
    assert session.recap[-1] == "Không bao giờ đọc mã OTP cho người khác."


def broken(**changes) -> dict:
    lesson = copy.deepcopy(LESSON)
    for path, value in changes.items():
        where = lesson
        *parents, last = path.split("__")
        for key in parents:
            where = where[int(key)] if key.isdigit() else where[key]
        where[int(last) if last.isdigit() else last] = value
    return lesson


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"variants__1": {"caller": "X"}}, "every variant must set"),
        ({"steps__1__target": "{nobody}"}, "placeholder {nobody} is not defined"),
        ({"variants__1__right": "hang-up"}, "target 'hang-up' does not exist on screen 'call'"),
        ({"steps__2__expect": "12345"}, "does not fit 6 OTP boxes"),
        ({"steps__3__expect": "31/02/1958"}, "is not a date"),
        ({"steps__4__expect": "Phường Biên Hòa Cũ"}, "is not one of the options of 'commune'"),
        ({"screens__form__elements__2__options_from": "communes:Bình Phước"}, "no province 'Bình Phước'"),
        ({"screens__form__elements__2__options_from": "districts:Đồng Nai"}, "unknown options source"),
        ({"steps__6__targets": ["link", "check"]}, "'check' is not a checkbox"),
        ({"steps__6__target": "link"}, "a choose_many step needs a"),
        ({"screens__form__elements__8__rows": [{"a": "1", "b": "2"}]}, "a row is one 'label: value' pair"),
        ({"screens__call__elements__1__tone": "red"}, "unknown tone 'red'"),
        ({"screens__form__elements__3__shuffle": "yes"}, "expected true or false"),
        ({"screens__form__elements__0__length": 12}, "must be between 4 and 8"),
        ({"steps__7__direction": "upward"}, "unknown direction 'upward'"),
        ({"steps__7__direction": None}, "steps[7].direction: missing required field"),
        ({"steps__7__target": "check"}, "a swipe step has no target"),
        ({"steps__1__direction": "up"}, "only a swipe step has a direction"),
        ({"steps__2__needs": ["nowhere"]}, "steps[2].needs: 'nowhere' does not exist on screen 'form'"),
        ({"screens__call__elements__0__value": "{otp}"}, "the answer {otp} is read from 'caller' on screen 'call'"),
    ],
)
def test_broken_references_are_reported(tmp_path, changes, message):
    result = load_pack(write_pack(tmp_path / "p", broken(**changes)))
    assert result.pack is None
    assert any(message in str(p) for p in result.problems), [str(p) for p in result.problems]


def test_a_code_read_on_the_phone_is_named_in_needs_on_the_typing_screen(tmp_path):
    lesson = copy.deepcopy(LESSON)
    lesson["screens"]["call"]["elements"][0]["value"] = "{otp}"  # the code is shown before it is typed
    form = lesson["screens"]["form"]["elements"]
    form.insert(0, {"id": "otp-sms", "type": "notification", "sender": "Tin nhắn · VNeID", "value": "Mã OTP là {otp}."})
    lesson["steps"][2]["needs"] = ["otp-sms"]
    result = load_pack(write_pack(tmp_path / "p", lesson))
    assert result.problems == ()
    session = run_to(result.pack.lesson("mau"), "otp")
    assert session.view().needs == ("otp-sms",) and session.view().targets == ("otp",)
    lesson["steps"][2]["needs"] = ["birthday"]  # in view, but it does not show the code
    problems = [str(p) for p in load_pack(write_pack(tmp_path / "q", lesson)).problems]
    assert any("the answer {otp} is read from" in p for p in problems), problems
