""""Tập lại chỗ bác hay nhầm": a slip code brought back within 30 days offers the steps of the
earlier visit that had wrong tries, a hint or a help request, as one short guided run."""
from __future__ import annotations

import pytest

from content.model import Step
from kiosk import learner_records, learner_texts, slip_texts
from kiosk.actions import Speak
from kiosk.intents import (
    BackToMenu,
    CallStaff,
    EndSession,
    EnterCode,
    Help,
    OpenLesson,
    PractiseAgain,
    TakeSlip,
    Tap,
    Touched,
)
from kiosk.lesson_resume import practice_plan
from kiosk.views import CompletionView, LessonView, MenuView
from kiosk.walkthrough import complete_step
from tests.kiosk.test_slips import type_code

OTP = "nhan-ma-otp"
VNEID = "vneid-kich-hoat-muc-2"


def to_step(kiosk, number: int) -> None:
    while kiosk.view().page.step_number < number:
        complete_step(kiosk)


def wrong_tap(kiosk) -> None:
    session = kiosk.lesson_session
    wrong = next(e.id for e in session.view().screen.elements
                 if e.tappable and session.verdict(e.id) == "wrong" and e.id not in session.step.needs)
    kiosk.handle(Tap(wrong))


def first_visit(kiosk) -> tuple[str, dict[str, tuple[str, ...]]]:
    """A citizen who gets step 3 of the OTP lesson wrong, asks Trợ giúp on step 5 and calls a
    helper on step 6, finishes it, and starts VNeID level 2 without a mistake; their slip code
    and the tricky steps (lesson → step ids)."""
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(OTP))
    session = kiosk.lesson_session
    tricky = []
    to_step(kiosk, 3)
    wrong_tap(kiosk)
    tricky.append(session.step.id)
    to_step(kiosk, 5)
    kiosk.handle(Help())
    tricky.append(session.step.id)
    to_step(kiosk, 6)
    kiosk.handle(CallStaff())
    tricky.append(session.step.id)
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
    kiosk.handle(BackToMenu())
    return slip_after(kiosk, VNEID), {OTP: tuple(tricky)}


def slip_after(kiosk, lesson_id: str) -> str:
    """Four steps of `lesson_id` done right, then the slip's code; the visit ends."""
    kiosk.handle(OpenLesson(lesson_id))
    to_step(kiosk, 4)
    kiosk.handle(BackToMenu())
    kiosk.handle(TakeSlip())
    code = kiosk.view().page.code
    kiosk.handle(EndSession())
    return code


def bring_back(kiosk, code: str) -> list:
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    return type_code(kiosk, code)


def test_the_earlier_visits_wrong_tries_hints_and_help_requests_are_its_tricky_steps(kiosk, store):
    code, tricky = first_visit(kiosk)
    visit_id = store.db.execute("SELECT visit_id FROM slips WHERE code = ?", [code]).fetchone()[0]
    assert learner_records.tricky_steps(store.db, visit_id) == tricky


def test_a_code_brought_back_offers_practising_again_beside_the_unfinished_lesson(kiosk, store, clock):
    code, tricky = first_visit(kiosk)
    clock.advance(20 * 24 * 3600)
    said = [a.text for a in bring_back(kiosk, code) if isinstance(a, Speak)]
    assert said == [f"{slip_texts.CODE_OK} {learner_texts.PRACTICE_TOO}"]
    menu = kiosk.view().page
    assert isinstance(menu, MenuView)
    assert [t.lesson_id for t in menu.unfinished] == [VNEID]
    assert menu.practice is not None and menu.practice.lessons == ("Nhận và đọc mã OTP trong tin nhắn",)
    lesson = next(lesson for lesson in kiosk.packs[0].lessons if lesson.id == OTP)
    assert menu.practice.steps == sum(b - a + 1 for a, b in practice_plan(lesson.steps, tricky[OTP]))
    assert not menu.practice.done


def test_the_run_takes_only_those_steps_then_says_it_is_done(kiosk, store, clock):
    code, tricky = first_visit(kiosk)
    bring_back(kiosk, code)
    started = kiosk.handle(PractiseAgain())
    page = kiosk.view().page
    steps = kiosk.view().page.step_count
    assert isinstance(page, LessonView) and page.lesson_title == "Tập lại: Nhận và đọc mã OTP trong tin nhắn"
    assert (page.step_number, kiosk.lesson_session.step.id) == (1, tricky[OTP][0])
    assert [a.text for a in started if isinstance(a, Speak)][0] == learner_texts.PRACTICE_START.format(steps=steps)
    met = []
    while isinstance(kiosk.view().page, LessonView):
        met.append(kiosk.lesson_session.step.id)
        complete_step(kiosk)
    assert set(tricky[OTP]) <= set(met) and len(met) == steps
    done = kiosk.view().page
    assert isinstance(done, CompletionView) and done.lesson_title == learner_texts.PRACTICE_TITLE
    assert done.recap == (learner_texts.PRACTICE_RECAP.format(title="Nhận và đọc mã OTP trong tin nhắn", steps=steps),)
    kiosk.handle(BackToMenu())
    assert kiosk.view().page.practice.done  # still there, to do again


def test_practising_again_is_recorded_as_answers_not_as_a_lesson_started(kiosk, store):
    code, _ = first_visit(kiosk)
    bring_back(kiosk, code)
    kiosk.handle(PractiseAgain())
    if kiosk.lesson_session.step.kind == "tap":
        wrong_tap(kiosk)
    else:
        kiosk.handle(Help())
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
    (visit,) = store.db.execute("SELECT id FROM visits WHERE ended_at IS NULL").fetchone()
    assert store.db["lesson_summaries"].count_where("visit_id = ?", [visit]) == 0  # not a lesson begun, nor unfinished
    outcomes = [r[0] for r in store.db.execute("SELECT outcome FROM attempts WHERE visit_id = ?", [visit])]
    assert "correct" in outcomes and ("wrong" in outcomes or "hint" in outcomes)
    assert list(learner_records.tricky_steps(store.db, visit)) == [OTP]  # a later code brings these back


def test_leaving_the_run_keeps_where_an_unfinished_lesson_continues(kiosk, store):
    code, _ = first_visit(kiosk)
    bring_back(kiosk, code)
    resume_at = kiosk.view().page.unfinished[0].resume_step
    kiosk.handle(PractiseAgain())
    complete_step(kiosk)
    kiosk.handle(BackToMenu())
    menu = kiosk.view().page
    assert isinstance(menu, MenuView) and menu.unfinished[0].resume_step == resume_at


def test_a_visit_with_nothing_wrong_offers_no_practice(kiosk, store):
    kiosk.handle(Touched())
    bring_back(kiosk, slip_after(kiosk, OTP))
    menu = kiosk.view().page
    assert menu.practice is None and menu.notice == slip_texts.CODE_OK
    assert kiosk.handle(PractiseAgain()) == []


@pytest.mark.parametrize(("tricky", "expected"), [
    (("c",), ((2, 2),)),
    (("c", "d"), ((2, 3),)),
    (("b", "e"), ((1, 1), (4, 4))),
    (("again",), ((4, 5),)),  # typed again: from where the new password was typed
    (("gone",), ()),
])
def test_the_plan_starts_each_step_where_its_screens_can_be_rebuilt(tricky, expected):
    steps = (Step("a", "info", "s", "Đọc."), Step("b", "tap", "s", "Chạm.", target="x"),
             Step("c", "tap", "s", "Chạm.", target="y"), Step("d", "info", "s", "Đọc."),
             Step("e", "type", "s", "Gõ mật khẩu mới.", target="pw", rule="password"),
             Step("again", "type", "s", "Gõ lại mật khẩu.", target="pw2", same_as="pw"))
    assert practice_plan(steps, tricky) == expected
