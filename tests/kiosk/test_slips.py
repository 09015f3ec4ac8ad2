"""The practice slip and its code, driven through the core like a citizen would."""
from __future__ import annotations

import datetime
import random
import re

import pytest

from kiosk import slip_texts, slips
from kiosk.actions import SendToPrinter, Show, Speak
from kiosk.flow import Kiosk
from kiosk.intents import (
    BackToMenu,
    EndSession,
    EnterCode,
    Erase,
    OpenLesson,
    PrintSlip,
    ResumeLesson,
    SlipPrinted,
    Submit,
    TakeSlip,
    Touched,
    TypeChar,
)
from kiosk.clock import ManualClock
from kiosk.lesson_session import LessonSession
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.slip_desk import FREE_TRIES, GUARD_WINDOW_S, WAIT_S
from kiosk.views import (
    AttractView,
    CodeEntryView,
    CompletionView,
    LessonView,
    MenuView,
    SlipView,
)
from kiosk.walkthrough import complete_step

SHORT = "cham-vuot-go-chu"
VNEID = "vneid-kich-hoat-muc-2"


def finish(kiosk: Kiosk, lesson_id: str) -> None:
    kiosk.handle(OpenLesson(lesson_id))
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
    assert isinstance(kiosk.view().page, CompletionView)


def reach(kiosk: Kiosk, lesson_id: str, step_number: int) -> None:
    kiosk.handle(OpenLesson(lesson_id))
    while kiosk.view().page.step_number < step_number:
        complete_step(kiosk)


def type_code(kiosk: Kiosk, code: str) -> list:
    for digit in code:
        kiosk.handle(TypeChar(digit))
    return kiosk.handle(Submit())


def slip_after_practice(kiosk: Kiosk) -> SlipView:
    kiosk.handle(Touched())
    reach(kiosk, VNEID, 5)
    kiosk.handle(BackToMenu())
    finish(kiosk, SHORT)
    kiosk.handle(TakeSlip())
    page = kiosk.view().page
    assert isinstance(page, SlipView)
    return page


def test_codes_are_eight_digits_and_unique_among_live_codes(store, clock):
    made = set()
    for _ in range(300):
        visit = store.start_visit("kiosk-01", clock.now())
        code = slips.issue(store.db, visit, clock.now())
        assert re.fullmatch(r"\d{8}", code)
        assert slips.issue(store.db, visit, clock.now()) == code  # one code per visit
        made.add(code)
    assert len(made) == store.db["slips"].count == 300
    assert slips.spaced("12345678") == "1234 5678"


def test_a_new_code_never_repeats_a_live_one(store, clock, monkeypatch):
    first = store.start_visit("kiosk-01", clock.now())
    taken = slips.issue(store.db, first, clock.now())
    offers = iter([taken, taken, "87654321"])
    monkeypatch.setattr(slips, "new_code", lambda: next(offers))
    second = store.start_visit("kiosk-01", clock.now())
    assert slips.issue(store.db, second, clock.now()) == "87654321"


def test_the_slip_shows_what_was_practised_today_with_a_stored_code(kiosk, store, clock):
    page = slip_after_practice(kiosk)
    assert page.completed == ("Chạm, vuốt và gõ chữ",)
    assert len(page.unfinished) == 1 and "VNeID" in page.unfinished[0]
    assert page.date == clock.now().astimezone().strftime("%d/%m/%Y")
    row = store.db.execute("select code, visit_id from slips").fetchone()
    open_visits = store.db.execute("select id from visits where ended_at is null").fetchall()
    assert row == (page.code, open_visits[0][0]) and len(open_visits) == 1
    for line in (*page.completed, *page.unfinished, slips.spaced(page.code), page.date, page.place):
        assert line in page.text
    assert not page.can_print


def test_the_slip_is_spoken_with_its_code_digit_by_digit(kiosk):
    kiosk.handle(Touched())
    finish(kiosk, SHORT)
    actions = kiosk.handle(TakeSlip())
    code = kiosk.view().page.code
    said = " ".join(a.text for a in actions if isinstance(a, Speak))
    assert slip_texts.PHOTO in said
    assert f"{' '.join(code[:4])}, {' '.join(code[4:])}" in said


def test_nothing_personal_is_in_the_qr_text_or_the_database(kiosk, store):
    kiosk.handle(Touched())
    reach(kiosk, VNEID, 8)  # past CCCD, phone and OTP
    typed = kiosk.view().page.values
    assert set(typed) == {"cccd", "phone", "otp-field"}
    kiosk.handle(BackToMenu())
    kiosk.handle(TakeSlip())
    page = kiosk.view().page
    dump = "\n".join(store.db.conn.iterdump())
    for value in typed.values():
        assert value not in page.text and value not in dump
    assert set(store.db["slips"].columns_dict) == {"code", "visit_id", "created_at"}


def test_a_code_resumes_the_unfinished_lesson_at_the_step_reached_in_a_new_visit(kiosk, store, clock):
    code = slip_after_practice(kiosk).code
    kiosk.handle(EndSession())
    clock.advance(29 * 24 * 3600)
    actions = kiosk.handle(EnterCode())  # on the attract screen: starts the session on the code page
    assert isinstance(kiosk.view().page, CodeEntryView)
    assert [type(a.view.page) for a in actions if isinstance(a, Show)] == [CodeEntryView]
    assert [a.text for a in actions if isinstance(a, Speak)] == [slip_texts.CODE_PROMPT]
    said = [a.text for a in type_code(kiosk, code) if isinstance(a, Speak)]
    assert said == [slip_texts.CODE_OK]
    menu = kiosk.view().page
    assert isinstance(menu, MenuView) and menu.notice == slip_texts.CODE_OK
    assert [(t.lesson_id, t.resume_step) for t in menu.unfinished] == [(VNEID, 5)]  # not the finished one
    kiosk.handle(ResumeLesson(VNEID))
    lesson = kiosk.view().page
    assert lesson.step_number == 5 and lesson.values["cccd"]  # the earlier screens as they were left
    complete_step(kiosk)
    rows = store.db.execute("select visit_id, step_index from attempts where step_index = 4").fetchall()
    (new_visit,) = store.db.execute("select id from visits where ended_at is null").fetchone()
    assert rows[-1] == (new_visit, 4)
    assert store.db["lesson_summaries"].get((new_visit, VNEID))["status"] == "started"


def test_a_code_older_than_30_days_is_refused_gently(kiosk, clock):
    code = slip_after_practice(kiosk).code
    kiosk.handle(EndSession())
    clock.advance(30 * 24 * 3600 + 1)
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    type_code(kiosk, code)
    page = kiosk.view().page
    assert isinstance(page, CodeEntryView)
    assert (page.message, page.message_kind) == (slip_texts.CODE_WRONG, "wrong")
    assert page.typed == code  # left to correct, digit by digit


def test_typing_a_code_keeps_digits_only_and_at_most_eight(kiosk):
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    for char in "12a3456789":
        kiosk.handle(TypeChar(char))
    assert kiosk.view().page.typed == "12345678"
    kiosk.handle(Erase())
    kiosk.handle(Submit())
    assert kiosk.view().page.message == slip_texts.CODE_SHORT


def test_after_five_wrong_codes_each_try_waits(kiosk, clock):
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    for _ in range(FREE_TRIES):
        type_code(kiosk, "00000000")
        assert kiosk.view().page.message == slip_texts.CODE_WRONG
        for _ in range(8):
            kiosk.handle(Erase())
    type_code(kiosk, "00000001")
    assert kiosk.view().page.message == slip_texts.CODE_WAIT.format(seconds=WAIT_S)
    clock.advance(WAIT_S)
    kiosk.handle(Submit())
    assert kiosk.view().page.message == slip_texts.CODE_WRONG  # checked again, unlimited tries


def guess_five_wrong_codes(kiosk: Kiosk) -> None:
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    for _ in range(FREE_TRIES):
        type_code(kiosk, "00000000")
        for _ in range(8):
            kiosk.handle(Erase())


def test_a_new_session_does_not_reset_the_wait_but_ten_quiet_minutes_do(kiosk, clock):
    guess_five_wrong_codes(kiosk)
    kiosk.handle(EndSession())
    kiosk.handle(EnterCode())  # someone else, or the same guesser again
    type_code(kiosk, "00000001")
    assert kiosk.view().page.message == slip_texts.CODE_WAIT.format(seconds=WAIT_S)
    clock.advance(GUARD_WINDOW_S + 1)
    kiosk.handle(Submit())
    assert kiosk.view().page.message == slip_texts.CODE_WRONG


def test_the_slip_and_the_typed_code_are_wiped_with_the_session(kiosk, clock):
    slip_after_practice(kiosk)
    clock.advance(kiosk.idle_warning_s + 60)
    kiosk.tick()
    assert isinstance(kiosk.view().page, AttractView)
    kiosk.handle(Touched())
    assert isinstance(kiosk.view().page, MenuView) and kiosk.view().page.unfinished == ()


@pytest.fixture
def printing_kiosk(core_pack, store, tmp_path, clock):
    settings = Settings(data_dir=tmp_path / "data", printer="may-in", commune="Xã Tân Lập", confidence_questions=False)
    return Kiosk([core_pack], store, settings, clock, random.Random(7))


def test_print_asks_the_printer_once_and_tells_how_it_went(printing_kiosk):
    kiosk = printing_kiosk
    page = slip_after_practice(kiosk)
    assert page.can_print and "Xã Tân Lập" in page.place
    actions = kiosk.handle(PrintSlip())
    job = next(a for a in actions if isinstance(a, SendToPrinter))
    assert job.slip.code == page.code
    assert kiosk.handle(PrintSlip()) == []  # a second tap while printing
    actions = kiosk.handle(SlipPrinted(job.session, ok=False))
    assert kiosk.view().page.print_note == slip_texts.PRINT_FAILED
    assert any(isinstance(a, Speak) and a.text == slip_texts.PRINT_FAILED for a in actions)
    assert any(isinstance(a, SendToPrinter) for a in kiosk.handle(PrintSlip()))  # try again
    kiosk.handle(SlipPrinted(job.session, ok=True))
    assert kiosk.view().page.print_note == slip_texts.PRINTED


def test_a_late_print_result_does_not_reach_the_next_citizen(printing_kiosk):
    kiosk = printing_kiosk
    slip_after_practice(kiosk)
    job = next(a for a in kiosk.handle(PrintSlip()) if isinstance(a, SendToPrinter))
    kiosk.handle(EndSession())
    assert kiosk.handle(SlipPrinted(job.session, ok=True)) == []
    assert isinstance(kiosk.view().page, AttractView)  # no session started by the printer


def test_resume_moves_back_to_a_password_the_citizen_must_type_again(core_pack):
    lesson = core_pack.lesson(VNEID)
    again = next(i for i, s in enumerate(lesson.steps) if s.same_as == "new-password")
    session = LessonSession(lesson, random.Random(1), start=again)
    assert session.step.target == "new-password"  # no example to fill in: type it, then again
    assert session.values["cccd"] and "new-password" not in session.values
    assert LessonSession(lesson, random.Random(1), start=999).index == len(lesson.steps) - 1


def test_a_restart_does_not_reset_the_wait(core_pack, store, settings, clock):
    guess_five_wrong_codes(Kiosk([core_pack], store, settings, clock, random.Random(1)))
    store.close()
    reopened = ProgressStore.open(settings.database)  # the app started again: a new process, a new clock
    restarted = ManualClock(clock.now() + datetime.timedelta(seconds=5))
    kiosk = Kiosk([core_pack], reopened, settings, restarted, random.Random(2))
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    type_code(kiosk, "00000001")
    assert kiosk.view().page.message == slip_texts.CODE_WAIT.format(seconds=WAIT_S - 5)
    restarted.advance(GUARD_WINDOW_S)
    kiosk.handle(Submit())
    assert kiosk.view().page.message == slip_texts.CODE_WRONG  # ten quiet minutes still forgive
    reopened.close()


def test_a_database_that_cannot_be_written_never_lets_guessing_go_faster(kiosk, store, clock):
    store.db.execute("PRAGMA query_only = ON")  # SQLite refuses every write from now on
    guess_five_wrong_codes(kiosk)
    type_code(kiosk, "00000001")
    assert kiosk.view().page.message == slip_texts.CODE_WAIT.format(seconds=WAIT_S)
