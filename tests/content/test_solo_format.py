"""A lesson's Tự làm form in the pack: `goal`, `card` and `judged` load, and the validator reports
every way a run without step-by-step words would leave the learner stuck."""
import copy

import pytest

from content.loader import BUILTIN_PACKS, load_pack
from tests.content.test_format import write_pack

LESSON = {
    "schema_version": 1,
    "id": "mau",
    "topic": "an-toan",
    "title": "Bài mẫu",
    "description": "Bài mẫu để thử Tự làm.",
    "goal": "Bác hãy đăng nhập với thông tin trên phiếu này.",
    "card": [{"Số định danh cá nhân": "{cccd}"}, {"Mật khẩu": "Lan@2026"}, {"Tỉnh": "Tỉnh Đồng Nai"}],
    "minutes": 4,
    "difficulty": 1,
    "updated": "2026-11-27",
    "sources": ["Tài liệu mẫu — Nhóm phát triển, 01/8/2025 — https://example.org/tai-lieu-mau"],
    "recap": ["Đăng nhập bằng số định danh cá nhân và mật khẩu."],
    "data": {"cccd": ["0012 0000 1234", "0012 0000 5678"], "otp": ["123456", "654321"]},
    "screens": {
        "login": {
            "app": "VNeID",
            "title": "Đăng nhập",
            "elements": [
                {"id": "cccd", "type": "field", "label": "Số định danh cá nhân", "keyboard": "digits"},
                {"id": "password", "type": "password", "label": "Mật khẩu"},
                {"id": "province", "type": "select", "label": "Tỉnh", "options": ["Tỉnh Đồng Nai", "Tỉnh Lâm Đồng"]},
                {"id": "go", "type": "button", "label": "Đăng nhập"},
            ],
        },
        "otp": {
            "app": "VNeID",
            "title": "Xác thực",
            "elements": [
                {"id": "sms", "type": "notification", "sender": "Tin nhắn · VNeID", "value": "Mã OTP là {otp}."},
                {"id": "code", "type": "otp", "label": "Mã OTP"},
            ],
        },
    },
    "steps": [
        {"id": "intro", "type": "info", "screen": "login", "say": "Bài này tập đăng nhập."},
        {"id": "type-cccd", "type": "type", "say": "Bác gõ số {cccd}.", "target": "cccd", "expect": "{cccd}"},
        {"id": "type-password", "type": "type", "say": "Bác gõ mật khẩu Lan@2026.", "target": "password", "rule": "password"},
        {"id": "pick", "type": "choose", "say": "Bác chọn Tỉnh Đồng Nai.", "target": "province", "expect": "Tỉnh Đồng Nai"},
        {"id": "go", "type": "tap", "say": "Bác chạm vào nút Đăng nhập.", "target": "go"},
        {"id": "type-otp", "type": "type", "screen": "otp", "say": "Bác gõ mã OTP.", "target": "code", "expect": "{otp}",
         "needs": ["sms"]},
    ],
}


def load(tmp_path, lesson):
    return load_pack(write_pack(tmp_path / "p", lesson))


def changed(**fields) -> dict:
    lesson = copy.deepcopy(LESSON)
    for key, value in fields.items():
        if value is None:
            lesson.pop(key, None)
        else:
            lesson[key] = value
    return lesson


def test_goal_card_and_judged_load(tmp_path):
    result = load(tmp_path, LESSON)
    assert result.problems == ()
    lesson = result.pack.lesson("mau")
    assert lesson.has_solo and not lesson.judged
    assert lesson.goal == "Bác hãy đăng nhập với thông tin trên phiếu này."
    assert lesson.card == (("Số định danh cá nhân", "{cccd}"), ("Mật khẩu", "Lan@2026"), ("Tỉnh", "Tỉnh Đồng Nai"))
    plain = load(tmp_path / "plain", changed(goal=None, card=None)).pack.lesson("mau")
    assert not plain.has_solo and plain.card == ()


@pytest.mark.parametrize("fields, where, words", [
    ({"goal": None}, "lessons/mau.yaml.card", "give the lesson a goal"),
    ({"goal": None, "card": None, "judged": True}, "lessons/mau.yaml.judged", "only a lesson with a goal"),
    ({"card": [{"Mật khẩu": "Lan@2026"}, {"Tỉnh": "Tỉnh Đồng Nai"}]}, "lessons/mau.yaml.steps[1].expect",
     "'0012 0000 1234' is neither on the card nor on the step's screens"),
    ({"card": [{"Số định danh cá nhân": "{cccd}"}, {"Tỉnh": "Tỉnh Đồng Nai"}]}, "lessons/mau.yaml.steps[2].rule",
     "no value on the card meets the password rule"),
    ({"card": [{"Số định danh cá nhân": "{cccd}"}, {"Mật khẩu": "Lan@2026"}]}, "lessons/mau.yaml.steps[3].expect",
     "the guided words name the option 'Tỉnh Đồng Nai'"),
    ({"card": [{"Số": "{so}"}]}, "lessons/mau.yaml.card[0]", "placeholder {so} is not defined"),
    ({"goal": "Bác hãy làm {viec}."}, "lessons/mau.yaml.goal", "placeholder {viec} is not defined"),
    ({"judged": True, "card": None, "steps": [s for s in LESSON["steps"] if s["id"] != "pick"]}, "lessons/mau.yaml.judged",
     "needs a decision to judge"),
    ({"judged": True, "data": {"cccd": ["0012 0000 1234"], "otp": ["123456"]}}, "lessons/mau.yaml.judged",
     "at least two variants"),
    ({"judged": True}, "lessons/mau.yaml.card", "leave the card out"),
    ({"judged": "có"}, "lessons/mau.yaml.judged", "expected true or false"),
])
def test_every_problem_of_a_solo_form_is_reported_with_its_place(tmp_path, fields, where, words):
    problems = [p for p in load(tmp_path, changed(**fields)).problems if p.location == where]
    assert any(words in p.message for p in problems), load(tmp_path / "again", changed(**fields)).problems


def test_a_lesson_of_info_steps_only_has_nothing_to_do_alone(tmp_path):
    lesson = changed(card=None, steps=[{"id": "intro", "type": "info", "screen": "login", "say": "Bài này để đọc."}])
    assert [str(p) for p in load(tmp_path, lesson).problems] == [
        "lessons/mau.yaml.goal: a Tự làm run skips info steps: a lesson with a goal needs a step to do"]


def test_a_code_read_from_the_phone_needs_no_card_line(tmp_path):
    """The OTP is on the notification the typing screen shows (its `needs`), so the card leaves it out."""
    assert load(tmp_path, LESSON).problems == ()
    assert all("otp" not in value for _, value in load(tmp_path / "q", LESSON).pack.lesson("mau").card)


def test_every_built_in_e_service_lesson_and_drill_has_a_solo_form():
    pack = load_pack(BUILTIN_PACKS / "core").pack
    solo = {lesson.id for lesson in pack.lessons if lesson.has_solo}
    judged = {lesson.id for lesson in pack.lessons if lesson.judged}
    assert {"vneid-kich-hoat-muc-2", "vneid-dang-nhap", "dvc-ly-lich-tu-phap", "cham-vuot-go-chu"} <= solo
    assert {"an-toan-gia-danh-cong-an", "an-toan-tin-nhan-doi-phi", "an-toan-tro-ly-ai"} <= judged <= solo
