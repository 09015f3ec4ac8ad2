"""Help requests and the confidence answers as xAPI results (deploy/XAPI.md): valid 1.0.3
statements, and accepted as written by the local Ralph LRS."""
from __future__ import annotations

import dataclasses
import json
import random
import uuid

import pytest
from lrs_helpers import PASSWORD, USER
from xapi_rules import problems

from kiosk.flow import Kiosk
from kiosk.intents import AnswerConfidence, AnswerHelp, BackToMenu, CallStaff, EndSession, OpenLesson, SkipConfidence, Touched
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step
from kiosk.xapi.forwarder import Forwarder
from kiosk.xapi.statements import BASE, KioskStatements
from kiosk.xapi.transport import LrsTransport

RESPONDED = "http://adlnet.gov/expapi/verbs/responded"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"
EXT = f"{BASE}extensions/"


@pytest.fixture
def asking_kiosk(core_pack, xapi_store, settings, clock) -> Kiosk:
    return Kiosk([core_pack], xapi_store, dataclasses.replace(settings, confidence_questions=True), clock, random.Random(7))


def outbox(store) -> list[dict]:
    return [json.loads(row["statement"]) for row in store.db["outbox"].rows_where(order_by="rowid")]


def visit_with_answers_and_help(kiosk: Kiosk, clock) -> None:
    """Before the lesson: Chưa tự tin; a helper called twice in it (once on the menu first);
    after it: Rất tự tin, and Có; a second lesson left half-way with another call."""
    kiosk.handle(Touched())
    kiosk.handle(CallStaff())
    kiosk.handle(AnswerHelp("helped"))
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    kiosk.handle(AnswerConfidence(1))
    complete_step(kiosk)
    kiosk.handle(CallStaff())
    kiosk.handle(AnswerHelp("helped"))
    complete_step(kiosk)
    kiosk.handle(CallStaff())
    kiosk.handle(AnswerHelp("coming"))
    kiosk.handle(AnswerHelp("helped"))
    while isinstance(kiosk.view().page, LessonView):
        clock.advance(5)
        complete_step(kiosk)
    kiosk.handle(AnswerConfidence(3))
    kiosk.handle(AnswerConfidence(1))
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenLesson("nhan-ma-otp"))
    kiosk.handle(CallStaff())
    kiosk.handle(EndSession())


def test_help_requests_and_confidence_are_results_of_valid_statements(asking_kiosk, xapi_store, clock):
    visit_with_answers_and_help(asking_kiosk, clock)
    statements = outbox(xapi_store)
    for statement in statements:
        assert problems(statement) == [], statement
    lesson = next(s for s in statements if s["verb"]["id"] == COMPLETED and s["object"]["id"].endswith("/cham-vuot-go-chu"))
    assert lesson["result"]["extensions"][EXT + "help-requests"] == 2
    left = next(s for s in statements if s["verb"]["id"] == ATTEMPTED and s["object"]["id"].endswith("/nhan-ma-otp"))
    assert left["result"]["extensions"][EXT + "help-requests"] == 1
    (responded,) = [s for s in statements if s["verb"]["id"] == RESPONDED]
    assert responded["object"]["id"] == lesson["object"]["id"]
    assert responded["result"] == {"extensions": {EXT + "confidence-before": 1, EXT + "confidence-after": 3,
                                                  EXT + "will-try-real-service": True}}
    assert responded["context"]["registration"] == lesson["context"]["registration"]
    session = statements[-1]
    assert session["object"]["id"] == f"{BASE}activities/practice-session"
    assert session["result"]["extensions"][EXT + "help-requests"] == 4  # the menu's too


def test_only_the_answers_given_are_sent(asking_kiosk, xapi_store, clock):
    asking_kiosk.handle(Touched())
    asking_kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    asking_kiosk.handle(SkipConfidence())
    while isinstance(asking_kiosk.view().page, LessonView):
        complete_step(asking_kiosk)
    asking_kiosk.handle(AnswerConfidence(2))
    asking_kiosk.handle(SkipConfidence())
    asking_kiosk.handle(EndSession())
    statements = outbox(xapi_store)
    (responded,) = [s for s in statements if s["verb"]["id"] == RESPONDED]
    assert responded["result"] == {"extensions": {EXT + "confidence-after": 2}}
    lesson = next(s for s in statements if s["verb"]["id"] == COMPLETED)
    assert EXT + "help-requests" not in lesson["result"].get("extensions", {})
    assert statements[-1]["result"]["extensions"][EXT + "help-requests"] == 0


def test_the_ralph_lrs_accepts_them_as_written(core_pack, store, settings, clock, ralph):
    kiosk_id = f"kiosk-{uuid.uuid4().hex[:8]}"
    asking = dataclasses.replace(settings, confidence_questions=True, kiosk_id=kiosk_id)
    store.statements = KioskStatements(lambda: asking, lambda: [core_pack])
    kiosk = Kiosk([core_pack], store, asking, clock, random.Random(7))
    visit_with_answers_and_help(kiosk, clock)
    sender = Forwarder(store.path, LrsTransport(ralph.url, USER, PASSWORD, timeout=10), clock, random.Random(3))
    sender.run_once()
    sender.close()
    ours = {s["id"]: s for s in outbox(store)}
    registration = next(iter(ours.values()))["context"]["registration"]
    stored = ralph.statements(registration=registration)
    assert sorted(s["id"] for s in stored) == sorted(ours)
    assert RESPONDED in {s["verb"]["id"] for s in stored}
    for statement in stored:
        for key in ("actor", "verb", "object", "result", "context"):
            assert statement[key] == ours[statement["id"]][key], key
