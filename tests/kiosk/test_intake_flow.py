"""The intake in the kiosk's flow (no Qt): a visit starts on its first question, each question
is said, the answers make "Lộ trình gợi ý cho bác" on top of the topics page, every lesson's
completion offers the next one, one tap skips it all, and the answers go with the visit."""
import dataclasses
import random

import pytest

from kiosk import intake_texts, texts
from kiosk.actions import Show, Speak
from kiosk.flow import Kiosk
from kiosk.intents import (
    AnswerIntake,
    BackToMenu,
    EndSession,
    EnterCode,
    OpenIntake,
    OpenLesson,
    PreviousQuestion,
    Repeat,
    SetTextSize,
    SkipIntake,
    Touched,
)
from kiosk.settings import Settings
from kiosk.tour import tour
from kiosk.views import CodeEntryView, CompletionView, IntakeView, LessonView, MenuView
from kiosk.walkthrough import complete_step

NEWCOMER = ("chua", "ho-so", "chua")  # never used a touch phone, came about papers, no VNeID account
NEWCOMER_PATH = ["cham-vuot-go-chu", "nhan-ma-otp", "vneid-kich-hoat-muc-2", "dvc-dang-nhap-vneid"]


@pytest.fixture
def kiosk(core_pack, store, settings, clock):
    """A kiosk as shipped: visits start on the intake."""
    return Kiosk([core_pack], store, dataclasses.replace(settings, intake_at_start=True), clock, random.Random(7))


def said(actions):
    return " ".join(a.text for a in actions if isinstance(a, Speak))


def page(kiosk):
    return kiosk.view().page


def answer(kiosk, *answers):
    actions = []
    for each in answers:
        actions = kiosk.handle(AnswerIntake(each))
    return actions


def test_a_visit_starts_on_the_first_question_said_and_answered_by_big_buttons(kiosk):
    actions = kiosk.handle(Touched())
    question = page(kiosk)
    assert isinstance(question, IntakeView) and [a.view.page for a in actions if isinstance(a, Show)] == [question]
    assert (question.number, question.count, question.can_go_back, question.pictures) == (1, 3, False, False)
    assert [(c.id, c.label) for c in question.choices] == [("co", "Có"), ("chua", "Chưa"), ("khong-biet", "Không biết")]
    assert said(actions) == (
        "Để gợi ý bài học hợp với bác, máy hỏi bác không quá 3 câu ngắn. Bác muốn tự chọn bài thì bấm nút Bỏ qua. "
        "Bác đã dùng điện thoại cảm ứng, loại chạm vào màn hình, bao giờ chưa? Bác chạm vào nút Có, Chưa, hoặc Không biết.")


def test_answers_make_a_path_touch_basics_first_numbered_on_top_of_the_topics_and_said(kiosk):
    kiosk.handle(Touched())
    actions = answer(kiosk, "chua")
    tiles = page(kiosk)
    assert tiles.pictures and tiles.number == 2 and tiles.can_go_back
    assert [(c.label, c.icon) for c in tiles.choices][:4] == [
        ("Làm căn cước, VNeID", "id"), ("Nộp hồ sơ, xin giấy tờ", "gov"), ("Trả phí, trả tiền", "pay"), ("Tránh bị lừa đảo", "shield")]
    assert said(actions).startswith("Hôm nay bác cần làm việc gì? Bác chạm vào một ô: Làm căn cước, VNeID; Nộp hồ sơ")
    answer(kiosk, "ho-so")
    assert page(kiosk).question_id == "co-vneid"
    actions = answer(kiosk, "chua")
    menu = page(kiosk)
    assert isinstance(menu, MenuView) and menu.topic == "" and not menu.can_suggest
    assert [tile.lesson_id for tile in menu.path] == NEWCOMER_PATH
    assert said(actions) == (
        "Lộ trình gợi ý cho bác có 4 bài. Bài 1: Chạm, vuốt và gõ chữ. Bài 2: Nhận và đọc mã OTP trong tin nhắn. "
        "Bài 3: Kích hoạt tài khoản định danh điện tử mức 2 trên VNeID. "
        "Bài 4: Đăng nhập Cổng Dịch vụ công bằng tài khoản VNeID. Bác chạm vào bài số 1 để bắt đầu nhé.")


def test_someone_who_came_to_pay_a_fee_is_asked_two_questions(kiosk):
    kiosk.handle(Touched())
    answer(kiosk, "co", "tra-phi")
    assert [tile.lesson_id for tile in page(kiosk).path] == [
        "dvc-thanh-toan-phi", "thanh-toan-qr", "an-toan-tin-nhan-doi-phi", "luong-huu-tai-khoan"]


def test_one_tap_skips_to_the_topics_where_the_intake_is_offered_again(kiosk):
    kiosk.handle(Touched())
    answer(kiosk, "co")
    actions = kiosk.handle(SkipIntake())
    menu = page(kiosk)
    assert isinstance(menu, MenuView) and menu.path == () and menu.can_suggest
    assert said(actions) == texts.TOPICS_PROMPT
    kiosk.handle(OpenIntake())  # "Gợi ý bài cho tôi"
    again = page(kiosk)
    assert isinstance(again, IntakeView) and again.number == 1 and again.chosen == ""


def test_going_back_shows_the_answer_given_and_a_changed_answer_changes_what_follows(kiosk):
    kiosk.handle(Touched())
    answer(kiosk, "chua", "vneid")
    assert page(kiosk).question_id == "co-vneid"
    kiosk.handle(PreviousQuestion())
    back = page(kiosk)
    assert (back.question_id, back.chosen, back.number) == ("viec-can-lam", "vneid", 2)
    answer(kiosk, "tranh-lua")  # the VNeID question no longer applies
    assert [tile.lesson_id for tile in page(kiosk).path] == [
        "cham-vuot-go-chu", "nhan-ma-otp", "an-toan-gia-danh-cong-an", "an-toan-tin-nhan-doi-phi"]
    assert kiosk.handle(PreviousQuestion()) == []  # no question is up any more


def test_listen_again_repeats_the_question_and_text_size_keeps_it_up(kiosk):
    kiosk.handle(Touched())
    answer(kiosk, "co")
    actions = kiosk.handle(Repeat(slow=True))
    assert [a for a in actions if isinstance(a, Speak)][0].slow
    assert said(actions).startswith("Hôm nay bác cần làm việc gì?")
    kiosk.handle(SetTextSize("large"))
    assert isinstance(page(kiosk), IntakeView) and kiosk.view().text_size == "large"


def test_an_answer_that_is_not_one_of_the_question_s_changes_nothing(kiosk):
    kiosk.handle(Touched())
    assert kiosk.handle(AnswerIntake("tra-phi")) == []  # a tile of the next question
    assert page(kiosk).number == 1


def test_each_completion_offers_the_next_lesson_of_the_path_until_it_is_done(kiosk):
    kiosk.handle(Touched())
    answer(kiosk, "co", "tra-phi")
    path = [tile.lesson_id for tile in page(kiosk).path]
    for number, lesson_id in enumerate(path, start=1):
        kiosk.handle(OpenLesson(lesson_id))
        while isinstance(page(kiosk), LessonView):
            actions = complete_step(kiosk)
        done = page(kiosk)
        assert isinstance(done, CompletionView)
        if number < len(path):
            assert done.next_in_path.lesson_id == path[number]
            assert intake_texts.NEXT_IN_PATH.format(title=done.next_in_path.title) in said(actions)
        else:
            assert done.next_in_path is None and intake_texts.PATH_DONE in said(actions)
        kiosk.handle(BackToMenu())
    kiosk.handle(BackToMenu())  # up to the topics
    assert {tile.status for tile in page(kiosk).path} == {"completed"}


def test_a_lesson_outside_the_path_still_offers_the_path_s_next_lesson(kiosk):
    kiosk.handle(Touched())
    answer(kiosk, *NEWCOMER)
    kiosk.handle(OpenLesson("an-toan-tro-ly-ai"))
    while isinstance(page(kiosk), LessonView):
        complete_step(kiosk)
    assert page(kiosk).next_in_path.lesson_id == "cham-vuot-go-chu"


def test_the_answers_and_the_path_go_with_the_visit_and_are_never_stored(kiosk, store, clock):
    kiosk.handle(Touched())
    answer(kiosk, "chua", "vneid")
    kiosk.handle(PreviousQuestion())  # answers held: "chua", "vneid"
    kiosk.handle(EndSession())
    kiosk.handle(Touched())
    fresh = page(kiosk)
    assert isinstance(fresh, IntakeView) and (fresh.number, fresh.chosen) == (1, "")
    answer(kiosk, *NEWCOMER)
    assert page(kiosk).path
    clock.advance(kiosk.idle_warning_s + 60)
    kiosk.tick()
    kiosk.tick()  # the idle wipe
    kiosk.handle(Touched())
    assert isinstance(page(kiosk), IntakeView)
    kiosk.handle(SkipIntake())
    assert page(kiosk).path == ()
    stored = "\n".join(str(row) for table in store.db.table_names() for row in store.db[table].rows)
    for word in ("cam-ung", "viec-can-lam", "co-vneid", "ho-so", "khong-biet", "Lộ trình"):
        assert word not in stored


def test_a_slip_code_from_the_attract_screen_skips_the_intake(kiosk):
    kiosk.handle(EnterCode())
    assert isinstance(page(kiosk), CodeEntryView)
    kiosk.handle(BackToMenu())
    assert isinstance(page(kiosk), MenuView)


def test_opening_a_lesson_while_a_question_is_up_leaves_the_intake(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("nhan-ma-otp"))  # e.g. said aloud
    kiosk.handle(BackToMenu())
    assert isinstance(page(kiosk), MenuView) and page(kiosk).can_suggest


def test_as_shipped_a_visit_starts_on_the_intake(core_pack, store, clock, tmp_path):
    kiosk = Kiosk([core_pack], store, Settings(data_dir=tmp_path), clock)
    kiosk.handle(Touched())
    assert isinstance(page(kiosk), IntakeView)


def test_with_intake_at_start_off_a_visit_starts_on_the_topics_offering_the_intake(core_pack, store, settings, clock):
    kiosk = Kiosk([core_pack], store, settings, clock)
    assert not settings.intake_at_start
    actions = kiosk.handle(Touched())
    assert isinstance(page(kiosk), MenuView) and page(kiosk).can_suggest and said(actions) == texts.TOPICS_PROMPT


def test_a_pack_without_an_intake_offers_none(core_pack, store, settings, clock):
    plain = dataclasses.replace(core_pack, intake=None)
    kiosk = Kiosk([plain], store, dataclasses.replace(settings, intake_at_start=True), clock)
    kiosk.handle(Touched())
    assert isinstance(page(kiosk), MenuView) and not page(kiosk).can_suggest
    assert kiosk.handle(OpenIntake()) == [] and isinstance(page(kiosk), MenuView)


def test_the_tour_shows_the_first_question_then_every_question_and_the_path(kiosk, clock, core_pack):
    seen = {}
    for stop in tour(kiosk, clock, [lesson.id for lesson in core_pack.lessons][:1]):
        seen[stop.name] = page(kiosk)
    intake = [name for name in seen if "intake" in name]
    assert intake == ["00b-intake-first", "01-intake-1-cam-ung", "01-intake-2-viec-can-lam", "01-intake-3-co-vneid",
                      "01-intake-back-2", "01-intake-back-1"]
    assert [(seen[f"01-intake-back-{n}"].number, seen[f"01-intake-back-{n}"].chosen) for n in (2, 1)] == [
        (2, "vneid"), (1, "co")]
    assert len(seen["01-menu-path"].path) == 4
    assert seen["01-menu-topics"].can_suggest
    assert seen["01-cham-vuot-go-chu-done"].next_in_path is not None
