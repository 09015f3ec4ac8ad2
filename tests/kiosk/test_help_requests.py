""""Gọi cán bộ hỗ trợ" in the core: the citizen is told and keeps their place, staff get an
alert with the lesson and step, the request is recorded anonymously and closed by staff (or
by the visit ending)."""
from __future__ import annotations

import dataclasses
import random

import pytest

from kiosk import learner_texts
from kiosk.actions import AlertStaff, Speak
from kiosk.help_desk import REMIND_AFTER_S
from kiosk.flow import Kiosk
from kiosk.intents import AnswerHelp, BackToMenu, CallStaff, EndSession, EnterCode, OpenLesson, TakeSlip, Touched
from kiosk.views import CodeEntryView, CompletionView, IntakeView, LessonView, MenuView
from kiosk.walkthrough import complete_step

OTP = "nhan-ma-otp"


def alerts(actions) -> list:
    return [a.alert for a in actions if isinstance(a, AlertStaff)]


def said(actions) -> list[str]:
    return [a.text for a in actions if isinstance(a, Speak)]


def at_step(kiosk, lesson_id: str, number: int) -> LessonView:
    kiosk.handle(OpenLesson(lesson_id))
    while kiosk.view().page.step_number < number:
        complete_step(kiosk)
    return kiosk.view().page


def rows(store) -> list[dict]:
    return list(store.db["help_requests"].rows_where(order_by="asked_at, rowid"))


def test_a_request_in_a_lesson_keeps_the_place_and_tells_staff_the_lesson_and_step(kiosk, store, clock):
    kiosk.handle(Touched())
    before = at_step(kiosk, OTP, 6)
    actions = kiosk.handle(CallStaff())
    assert said(actions) == [learner_texts.HELP_ASKED]
    (alert,) = alerts(actions)
    assert (alert.event, alert.lesson_id, alert.step_number, alert.step_count) == ("asked", OTP, 6, before.step_count)
    assert alert.where == f"Bác đang ở bước 6/{before.step_count} — {before.instruction}"
    assert alert.lesson_title == "Nhận và đọc mã OTP trong tin nhắn"
    view = kiosk.view()
    assert view.page == before  # the same step, nothing typed lost
    assert view.help is not None and view.help.message == learner_texts.HELP_ASKED and not view.help.coming
    assert kiosk.help_request == alert
    (row,) = rows(store)
    assert (row["lesson_id"], row["step_id"], row["step_index"], row["outcome"]) == (OTP, kiosk.lesson_session.step.id, 5, None)
    assert set(row) == {"id", "visit_id", "lesson_id", "step_id", "step_index", "asked_at", "coming_at", "closed_at", "outcome"}


def test_staff_say_they_are_coming_then_close_it_and_the_record_keeps_both_times(kiosk, store, clock):
    kiosk.handle(Touched())
    at_step(kiosk, OTP, 3)
    kiosk.handle(CallStaff())
    clock.advance(40)
    coming = kiosk.handle(AnswerHelp("coming"))
    assert said(coming) == [learner_texts.HELP_COMING] and alerts(coming)[0].event == "coming"
    assert kiosk.view().help.coming and kiosk.view().help.message == learner_texts.HELP_COMING
    assert kiosk.handle(AnswerHelp("coming")) == []  # said once
    clock.advance(80)
    helped = kiosk.handle(AnswerHelp("helped"))
    assert said(helped) == [] and [a.event for a in alerts(helped)] == ["helped"]
    assert kiosk.view().help is None and kiosk.help_request is None
    assert isinstance(kiosk.view().page, LessonView) and kiosk.view().page.step_number == 3
    (row,) = rows(store)
    assert row["outcome"] == "helped" and row["asked_at"] < row["coming_at"] < row["closed_at"]
    assert kiosk.handle(AnswerHelp("helped")) == []  # nothing open any more


def test_pressing_again_reassures_and_reminds_staff_at_most_once_a_minute(kiosk, store, clock):
    kiosk.handle(Touched())
    kiosk.handle(CallStaff())
    again = kiosk.handle(CallStaff())
    assert said(again) == [learner_texts.HELP_WAITING] and alerts(again) == []
    clock.advance(REMIND_AFTER_S)
    reminded = kiosk.handle(CallStaff())
    assert [a.event for a in alerts(reminded)] == ["again"]
    assert len(rows(store)) == 1  # one request, however often pressed


def test_a_request_on_the_menu_has_no_lesson_and_ends_as_left_with_the_visit(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(CallStaff())
    assert isinstance(kiosk.view().page, MenuView) and kiosk.view().help is not None
    assert kiosk.help_request.where == learner_texts.HELP_ON_MENU
    ended = kiosk.handle(EndSession())
    assert [a.event for a in alerts(ended)] == ["left"]  # a lamp goes off
    (row,) = rows(store)
    assert (row["lesson_id"], row["step_index"], row["outcome"]) == ("", None, "left")
    kiosk.handle(Touched())  # the next citizen finds no request of the last one
    assert kiosk.view().help is None and kiosk.help_request is None


def test_the_request_follows_the_citizen_across_pages_until_closed(kiosk):
    kiosk.handle(Touched())
    at_step(kiosk, OTP, 2)
    kiosk.handle(CallStaff())
    kiosk.handle(BackToMenu())
    assert isinstance(kiosk.view().page, MenuView) and kiosk.view().help is not None
    kiosk.handle(OpenLesson("vneid-dang-nhap"))
    assert kiosk.view().help is not None


@pytest.mark.parametrize("outcome", ["coming", "helped"])
def test_staff_answering_with_no_citizen_starts_no_visit(kiosk, store, outcome):
    assert kiosk.handle(AnswerHelp(outcome)) == []
    assert store.db["visits"].count == 0


def test_every_page_a_citizen_meets_stays_as_it_was_when_they_call_staff(core_pack, store, settings, clock):
    kiosk = Kiosk([core_pack], store, dataclasses.replace(settings, intake_at_start=True), clock, random.Random(7))
    kiosk.handle(Touched())
    assert isinstance(kiosk.view().page, IntakeView)
    for leave in (None, BackToMenu(), TakeSlip(), EnterCode()):
        if leave is not None:
            kiosk.handle(leave)
        shown = kiosk.view().page
        actions = kiosk.handle(CallStaff())
        assert kiosk.view().page == shown and kiosk.view().help is not None, type(shown).__name__
        assert learner_texts.HELP_ASKED in said(actions)
        kiosk.handle(AnswerHelp("helped"))
    assert isinstance(kiosk.view().page, CodeEntryView)
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenLesson(OTP))
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
    assert isinstance(kiosk.view().page, CompletionView)
    kiosk.handle(CallStaff())
    assert isinstance(kiosk.view().page, CompletionView) and kiosk.view().help is not None
