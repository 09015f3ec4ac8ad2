"""A computer beside the phone: a screen with `device: computer` shown during the steps that name
it in `computer` (inherited like `screen`, cleared with `computer: ""`); taps, typing and ticks
may target its elements, and element ids are unique across the two screens."""
import random

import pytest

from content.loader import load_pack
from kiosk.intents import Continue, Submit, Tap, TypeChar
from kiosk.lesson_session import LessonSession
from kiosk.walkthrough import correct_intents
from tests.content.test_format import refused_with, write_pack

LESSON = {
    "schema_version": 1, "id": "mau", "topic": "an-toan", "title": "Bài mẫu", "description": "Quét mã QR trên máy tính.",
    "minutes": 4, "difficulty": 1, "updated": "2026-11-27", "recap": ["Quét mã QR."],
    "sources": ["Tài liệu mẫu — Nhóm phát triển, 01/8/2025 — https://example.org/tai-lieu-mau"],
    "data": {"otp": ["123456", "654321"]},
    "screens": {
        "portal": {"app": "Cổng Dịch vụ công quốc gia", "title": "dichvucong.gov.vn", "device": "computer", "elements": [
            {"id": "sign-in", "type": "button", "label": "Đăng nhập"},
            {"id": "agree", "type": "checkbox", "label": "Tôi đồng ý"},
            {"id": "code", "type": "field", "label": "Mã", "keyboard": "digits"},
            {"id": "web-qr", "type": "qr", "label": "Mã QR đăng nhập", "value": "dang-nhap"},
        ]},
        "otp-page": {"app": "Cổng Dịch vụ công quốc gia", "title": "Xác thực", "device": "computer", "elements": [
            {"id": "otp", "type": "otp", "label": "Mã OTP"},
        ]},
        "home": {"app": "VNeID", "title": "Trang chủ", "elements": [
            {"id": "scan", "type": "button", "label": "Quét QR"},
            {"id": "ok", "type": "checkbox", "label": "Đúng là tôi"},
        ]},
        "sms": {"app": "VNeID", "title": "Tin nhắn", "elements": [
            {"id": "otp-sms", "type": "notification", "sender": "Tin nhắn · VNeID", "value": "Mã OTP là {otp}."},
        ]},
    },
    "steps": [
        {"id": "intro", "type": "info", "screen": "home", "computer": "portal", "say": "Trang web trên máy tính."},
        {"id": "web-tap", "type": "tap", "say": "Chạm Đăng nhập trên máy tính.", "target": "sign-in"},
        {"id": "phone-tap", "type": "tap", "say": "Chạm Quét QR trên điện thoại.", "target": "scan"},
        {"id": "web-type", "type": "type", "say": "Gõ 42.", "target": "code", "expect": "42"},
        {"id": "ticks", "type": "choose_many", "say": "Đánh dấu hai ô.", "target": "scan", "targets": ["agree", "ok"]},
        {"id": "otp", "type": "type", "screen": "sms", "computer": "otp-page", "say": "Gõ mã.", "target": "otp",
         "expect": "{otp}", "needs": ["otp-sms"]},
        {"id": "phone-only", "type": "info", "computer": "", "say": "Xong."},
    ],
}


@pytest.fixture
def lesson(tmp_path):
    result = load_pack(write_pack(tmp_path / "p", LESSON))
    assert result.problems == ()
    return result.pack.lesson("mau")


def test_a_step_shows_its_computer_screen_and_the_next_steps_inherit_it(lesson):
    assert lesson.screens["portal"].device == "computer" and lesson.screens["home"].device == "phone"
    assert [s.computer for s in lesson.steps] == ["portal", "portal", "portal", "portal", "portal", "otp-page", ""]
    session = LessonSession(lesson, random.Random(1))
    view = session.view()
    assert view.screen.id == "home" and view.computer is not None and view.computer.id == "portal"


def test_taps_typing_and_ticks_reach_the_computer_screen(lesson):
    session = LessonSession(lesson, random.Random(1))
    session.handle(Continue())
    assert session.view().targets == ("sign-in",)
    assert [a.outcome for a in session.handle(Tap("sign-in")).attempts] == ["correct"]
    session.handle(Tap("scan"))
    view = session.view()
    assert session.step.id == "web-type" and view.focus == "code" and view.keyboard == "digits"
    for char in "42":
        session.handle(TypeChar(char))
    session.handle(Submit())
    assert session.step.id == "ticks"
    session.handle(Tap("agree"))  # a box on the computer, one on the phone
    session.handle(Tap("ok"))
    assert [a.outcome for a in session.handle(Tap("scan")).attempts] == ["correct"]
    assert session.view().chosen == {"agree": 0, "ok": 0}


def test_a_code_on_the_phone_is_typed_into_the_computer_and_the_computer_can_go(lesson):
    session = LessonSession(lesson, random.Random(1))
    while session.step.id != "otp":
        for intent in correct_intents(session):
            session.handle(intent)
    view = session.view()
    assert view.computer.id == "otp-page" and view.needs == ("otp-sms",) and view.focus == "otp"
    assert session.element("otp").kind == "otp" and session.element("otp-sms").kind == "notification"
    for intent in correct_intents(session):
        session.handle(intent)
    assert session.step.id == "phone-only" and session.view().computer is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["screens"]["portal"].update(device="laptop"), "screens.portal.device: unknown device 'laptop'"),
        (lambda d: d["steps"][0].update(computer="nowhere"), "steps[0].computer: screen 'nowhere' is not defined"),
        (lambda d: d["steps"][0].update(computer="home"), "steps[0].computer: 'home' is a phone screen"),
        (lambda d: d["steps"][0].update(screen="portal"), "steps[0].screen: 'portal' is a computer screen"),
        (lambda d: d["screens"]["home"]["elements"].append({"id": "sign-in", "type": "button", "label": "X"}),
         "steps[0].computer: element id(s) 'sign-in' are on both screen 'home' and computer screen 'portal'"),
        (lambda d: d["steps"][1].update(target="gone"), "target 'gone' does not exist on screen 'home' or computer screen 'portal'"),
        (lambda d: d["steps"][4].update(targets=["agree", "sign-in"]), "'sign-in' is not a checkbox on screen 'home' or computer"),
        (lambda d: d["steps"][5].update(needs=[]), "the answer {otp} is read from 'otp-sms' on screen 'sms'"),
    ],
)
def test_problems_with_the_computer_are_reported_with_their_place(tmp_path, change, message):
    problems = refused_with(tmp_path / "p", LESSON, change)
    assert any(message in p for p in problems), problems
