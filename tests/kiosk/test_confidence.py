"""Did confidence grow? Before the visit's first lesson the kiosk asks (three faces), after
that lesson it asks again and whether they will try it on their own phone; one tap each,
skippable, spoken, stored anonymously."""
from __future__ import annotations

import dataclasses
import random

import pytest

from kiosk import learner_texts
from kiosk.actions import Speak
from kiosk.flow import Kiosk
from kiosk.intents import (
    AnswerConfidence,
    BackToMenu,
    CallStaff,
    EndSession,
    OpenLesson,
    Repeat,
    ResumeLesson,
    SkipConfidence,
    Touched,
)
from kiosk.spoken_lines import KIOSK_GROUP, line_groups
from kiosk.views import CompletionView, ConfidenceView, LessonView
from kiosk.walkthrough import complete_step
from voice.lines import sentences

TOUCH = "cham-vuot-go-chu"
OTP = "nhan-ma-otp"
TOUCH_TITLE = "Chạm, vuốt và gõ chữ"


@pytest.fixture
def kiosk(core_pack, store, settings, clock) -> Kiosk:
    return Kiosk([core_pack], store, dataclasses.replace(settings, confidence_questions=True), clock, random.Random(7))


def said(actions) -> list[str]:
    return [a.text for a in actions if isinstance(a, Speak)]


def answers(store) -> dict[tuple[str, str], int]:
    return {(r["lesson_id"], r["question"]): r["answer"] for r in store.db["confidence_answers"].rows}


def finish(kiosk) -> list:
    actions: list = []
    while isinstance(kiosk.view().page, LessonView):
        actions = complete_step(kiosk)
    return actions


def test_before_the_first_lesson_three_faces_are_asked_and_said_then_the_lesson_opens(kiosk, store):
    kiosk.handle(Touched())
    actions = kiosk.handle(OpenLesson(TOUCH))
    page = kiosk.view().page
    assert isinstance(page, ConfidenceView) and page.question == "before"
    assert page.ask == learner_texts.CONFIDENT and page.lesson_title == TOUCH_TITLE
    assert [(c.answer, c.label, c.face) for c in page.choices] == [
        (1, "Chưa tự tin", "worried"), (2, "Hơi tự tin", "unsure"), (3, "Rất tự tin", "happy")]
    assert said(actions) == [f"Bác sắp học bài «{TOUCH_TITLE}». {learner_texts.CONFIDENT} {learner_texts.FACES_HOW}"]
    assert said(kiosk.handle(Repeat())) == said(actions)
    opened = kiosk.handle(AnswerConfidence(2))
    assert isinstance(kiosk.view().page, LessonView) and kiosk.view().page.lesson_id == TOUCH
    assert said(opened)[0] == kiosk.view().page.instruction  # straight into the lesson
    assert answers(store) == {(TOUCH, "before"): 2}


def test_after_that_lesson_the_faces_again_then_will_you_try_then_the_completion(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(TOUCH))
    kiosk.handle(AnswerConfidence(1))
    done = finish(kiosk)
    page = kiosk.view().page
    assert isinstance(page, ConfidenceView) and page.question == "after"
    assert said(done)[-1] == f"Bác đã học xong bài «{TOUCH_TITLE}». {learner_texts.CONFIDENT} {learner_texts.FACES_HOW}"
    assert kiosk.handle(AnswerConfidence(7)) == []  # not a face: nothing happens
    asked = kiosk.handle(AnswerConfidence(3))
    page = kiosk.view().page
    assert isinstance(page, ConfidenceView) and page.question == "will_try"
    assert [(c.answer, c.label) for c in page.choices] == [(1, "Có"), (0, "Chưa")]
    assert said(asked) == [f"{learner_texts.WILL_TRY} {learner_texts.YES_NO_HOW}"]
    thanked = kiosk.handle(AnswerConfidence(0))
    assert isinstance(kiosk.view().page, CompletionView)
    assert said(thanked) and learner_texts.WILL_TRY not in said(thanked)[0]  # what the completion says (or thanks)
    assert answers(store) == {(TOUCH, "before"): 1, (TOUCH, "after"): 3, (TOUCH, "will_try"): 0}


def test_only_the_visits_first_lesson_is_asked_about(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(TOUCH))
    kiosk.handle(AnswerConfidence(2))
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenLesson(OTP))
    assert isinstance(kiosk.view().page, LessonView)  # no question before the second lesson
    finish(kiosk)
    assert isinstance(kiosk.view().page, CompletionView)  # nor after it
    kiosk.handle(EndSession())
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(OTP))
    assert isinstance(kiosk.view().page, ConfidenceView)  # the next citizen is asked
    assert answers(store) == {(TOUCH, "before"): 2}


def test_one_tap_skips_each_moment_and_nothing_is_stored(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(TOUCH))
    kiosk.handle(SkipConfidence())
    assert isinstance(kiosk.view().page, LessonView)
    finish(kiosk)
    assert kiosk.view().page.question == "after"
    kiosk.handle(SkipConfidence())  # both questions after the lesson
    assert isinstance(kiosk.view().page, CompletionView)
    assert answers(store) == {}


def test_after_a_skip_before_the_lesson_the_citizen_is_still_asked_after_it(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(ResumeLesson(TOUCH))  # a lesson from a slip code is a first lesson too
    kiosk.handle(SkipConfidence())
    finish(kiosk)
    kiosk.handle(AnswerConfidence(3))
    kiosk.handle(AnswerConfidence(1))
    assert answers(store) == {(TOUCH, "after"): 3, (TOUCH, "will_try"): 1}


def test_calling_a_helper_keeps_the_question_and_going_elsewhere_drops_it(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(TOUCH))
    kiosk.handle(CallStaff())
    assert isinstance(kiosk.view().page, ConfidenceView) and kiosk.view().help is not None
    kiosk.handle(BackToMenu())
    assert not isinstance(kiosk.view().page, ConfidenceView)
    kiosk.handle(OpenLesson(OTP))
    assert isinstance(kiosk.view().page, LessonView)  # asked once per visit, even unanswered
    assert answers(store) == {}


def test_with_the_setting_off_lessons_open_at_once(core_pack, store, settings, clock):
    kiosk = Kiosk([core_pack], store, settings, clock, random.Random(7))
    assert not settings.confidence_questions
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(TOUCH))
    assert isinstance(kiosk.view().page, LessonView)
    finish(kiosk)
    assert isinstance(kiosk.view().page, CompletionView)


def test_every_sentence_of_the_questions_can_be_recorded(kiosk, core_pack):
    groups = {group.id: set(group.lines) for group in line_groups([core_pack])}
    kiosk.handle(Touched())
    spoken = said(kiosk.handle(OpenLesson(TOUCH)))
    kiosk.handle(AnswerConfidence(1))
    spoken += said(finish(kiosk)) + said(kiosk.handle(AnswerConfidence(2)))
    recordable = groups[KIOSK_GROUP] | groups[TOUCH]
    missing = [s for line in spoken for s in sentences(line) if s not in recordable]
    assert missing == []
