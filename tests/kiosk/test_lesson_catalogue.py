"""The built-in catalogue, lesson by lesson: each can be walked to the end with the right
answers, and each follows the rules for older users (short plain steps, fictional data)."""
import random
import re
import unicodedata

import pytest

from content.loader import BUILTIN_PACKS, load_pack
from content.model import Lesson, step_element
from kiosk.lesson_fill import fill, pick_data
from kiosk.lesson_session import LessonSession
from kiosk.walkthrough import correct_intents

LOADED = load_pack(BUILTIN_PACKS / "core")
PACK = LOADED.pack
LESSONS = PACK.lessons if PACK else ()
TWELVE_DIGITS = re.compile(r"(?<!\d)\d{4} ?\d{4} ?\d{4}(?![\d ])|(?<!\d)\d{12}(?!\d)")  # grouped or not
FAKE_CCCD = re.compile(r"0012000\d{5}")


def longest_filling(lesson: Lesson, text: str) -> str:
    longest = {name: max(values, key=len) for name, values in lesson.data.items()}
    return max((fill(text, longest | variant) for variant in lesson.variants or ({},)), key=len)


def lesson_texts(lesson: Lesson) -> list[str]:
    texts = [lesson.title, lesson.description, *lesson.recap, *(v for vs in lesson.data.values() for v in vs)]
    for step in lesson.steps:
        texts += [step.instruction, step.hint, step.expect]
    for screen in lesson.screens.values():
        texts.append(screen.title)
        for e in screen.elements:
            texts += [e.label, e.value, e.placeholder, e.sender, *e.options]
    return texts


DRILLS = tuple(lesson for lesson in LESSONS if lesson.variants)


def test_catalogue_has_every_lesson_of_the_issue_in_menu_order():
    assert PACK is not None
    assert [lesson.id for lesson in LESSONS] == [
        "cham-vuot-go-chu", "nhan-ma-otp", "goi-video-gia-dinh", "vneid-kich-hoat-muc-2", "vneid-dang-nhap",
        "vneid-vi-giay-to", "dvc-dang-nhap-vneid", "dvc-ly-lich-tu-phap", "dvc-lien-thong-khai-sinh",
        "vneid-dang-ky-tam-tru", "dvc-thanh-toan-phi", "dvc-tra-cuu-ho-so", "vssid-the-bhyt",
        "vneid-so-suc-khoe", "dat-lich-kham-benh", "thanh-toan-qr", "luong-huu-tai-khoan",
        "an-toan-gia-danh-cong-an", "an-toan-tin-nhan-doi-phi", "an-toan-tro-ly-ai", "an-toan-bao-lua-dao",
    ]
    assert {lesson.topic for lesson in LESSONS} == {t.id for t in PACK.topics}
    assert {lesson.id for lesson in LESSONS if lesson.topic == "an-toan"} <= {lesson.id for lesson in DRILLS}


@pytest.mark.parametrize("lesson", DRILLS, ids=lambda lesson: lesson.id)
def test_a_drill_changes_its_details_between_runs_and_ends_with_its_rule(lesson):
    runs = [pick_data(lesson, random.Random(seed)) for seed in range(60)]
    assert len({tuple(sorted(run.items())) for run in runs[:8]}) > 1, "the first seeds all give the same drill"
    for variant in lesson.variants:  # every variant is reachable: nothing in the drill is fixed
        assert any(variant.items() <= run.items() for run in runs), variant
    assert lesson.remember
    session = LessonSession(lesson, random.Random(1))
    assert session.recap[-1] == lesson.remember
    assert lesson.steps[-1].kind == "info" and lesson.steps[-1].instruction.startswith("Nhớ nhé")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_lesson_walks_to_completion_with_the_right_answers(lesson, seed):
    session = LessonSession(lesson, random.Random(seed))
    outcomes, finished = [], False
    while not finished:
        for intent in correct_intents(session):
            result = session.handle(intent)
            outcomes += [a.outcome for a in result.attempts]
            finished = result.finished
    assert "wrong" not in outcomes
    assert len(outcomes) == len(lesson.steps)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_lesson_follows_the_rules_for_older_users(lesson):
    assert 6 <= len(lesson.steps) <= 25
    assert 3 <= lesson.minutes <= 10
    assert lesson.sources and lesson.recap and lesson.description
    too_long = [s.id for s in lesson.steps if len(longest_filling(lesson, s.instruction).split()) > 25]
    assert too_long == [], "instructions over 25 words"
    assert lesson.steps[0].kind == "info", "a lesson starts with an introduction"
    for variant in lesson.variants or ({},):
        picks = {name: values[0] for name, values in lesson.data.items()} | variant
        for step in lesson.steps:
            for target_id in filter(None, (step.target, *step.targets)):
                target = step_element(lesson.screens, step, fill(target_id, picks))
                assert target is not None and (target.tappable or target.typable or target.kind == "select"), step.id


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_lesson_text_is_nfc_and_uses_only_fictional_identity_numbers(lesson):
    texts = lesson_texts(lesson)
    assert [t for t in texts if unicodedata.normalize("NFC", t) != t] == []
    numbers = {n.replace(" ", "") for t in texts for n in TWELVE_DIGITS.findall(t)}
    assert {n for n in numbers if not FAKE_CCCD.fullmatch(n)} == set()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_kiosk_button_names_never_name_a_phone_button(lesson):
    """The kiosk's "Bước tiếp theo"/"Bước trước" are not on the phone; a step that says
    "Tiếp tục" or "Quay lại" means a phone button on its own screen."""
    labels = {e.label.strip("‹ ") for screen in lesson.screens.values() for e in screen.elements}
    assert labels.isdisjoint({"Bước tiếp theo", "Bước trước"})
    for step in lesson.steps:
        on_screen = {e.label.strip("‹ ") for e in lesson.screens[step.screen].elements}
        for words in ("Tiếp tục", "Quay lại"):
            if f'"{words}"' in step.instruction + step.hint or f"bấm {words}" in step.instruction + step.hint:
                assert words in on_screen, step.id


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_a_code_is_typed_with_its_message_on_top_of_the_screen(lesson):
    """Nobody has to remember an OTP: the message with it is the first thing on the typing
    screen (the phone's, also when it is typed on the computer beside it), named in `needs`;
    "trên cùng" only where it is."""
    for step in lesson.steps:
        screen = lesson.screens[step.screen]
        target = step_element(lesson.screens, step, step.target)
        if step.kind == "type" and target is not None and (target.kind == "otp" or "OTP" in target.label + step.instruction):
            assert step.needs and screen.elements[0].id == step.needs[0], step.id
            assert screen.elements[0].kind == "notification" and step.expect in screen.elements[0].value, step.id
        if "trên cùng" in step.instruction + step.hint:
            assert screen.elements[0].kind == "notification", step.id


def test_the_built_in_pack_has_no_warnings():
    """Every lesson speaks the style sheet's words (content/STYLE.md) and says a glossary word before its recap uses it."""
    assert [str(w) for w in LOADED.warnings] == []


def test_no_lesson_offers_what_the_real_services_no_longer_have():
    """No portal-issued account for a citizen (Nghị định 69/2024/NĐ-CP), no real bank's name, no
    "Sở Tư pháp" issuing criminal-record certificates (the police do since 01/3/2025)."""
    for lesson in LESSONS:
        text = "\n".join(lesson_texts(lesson))
        assert "cấp bởi Cổng Dịch vụ công" not in text, lesson.id
        assert "Sở Tư pháp" not in text and "SỞ TƯ PHÁP" not in text, lesson.id
        for bank in re.findall(r"Ngân hàng [A-ZĐ][\w ]*", text):
            assert "Tập Luyện" in bank, (lesson.id, bank)


@pytest.mark.parametrize("lesson", DRILLS, ids=lambda lesson: lesson.id)
def test_no_variant_contradicts_the_title(lesson):
    for amount in re.findall(r"\d{1,3}(?:\.\d{3})+ ?đ", lesson.title):
        assert all(amount in variant.values() for variant in lesson.variants), amount


SCAM_DRILLS = ("goi-video-gia-dinh", "dat-lich-kham-benh", "thanh-toan-qr", "luong-huu-tai-khoan",
               "an-toan-gia-danh-cong-an", "an-toan-tin-nhan-doi-phi")


@pytest.mark.parametrize("lesson_id", SCAM_DRILLS)
def test_a_scam_drill_points_to_the_lesson_on_reporting_a_scam(lesson_id):
    """A recap card names the reporting lesson and says only what that lesson's rule says."""
    lessons = {lesson.id: lesson for lesson in LESSONS}
    report = lessons["an-toan-bao-lua-dao"]
    cards = [card for card in lessons[lesson_id].recap if f"(bài «{report.title}»)" in card]
    assert len(cards) == 1 and report.remember.startswith(cards[0].split(" (bài «")[0] + ".")
