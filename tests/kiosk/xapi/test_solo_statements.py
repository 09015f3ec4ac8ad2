"""Tự làm runs and their hints as xAPI statements: valid 1.0.3, told apart from guided runs by
the `mode` extension, and accepted as written by a real Ralph LRS."""
import json
import random

from lrs_helpers import PASSWORD, USER, assert_stored_as_written
from xapi_rules import problems

from kiosk.intents import BackToMenu, EndSession, Help, OpenLesson, Touched
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step, correct_intents
from kiosk.xapi.forwarder import Forwarder
from kiosk.xapi.outbox import Outbox
from kiosk.xapi.statements import EXTENSION, lesson_iri
from kiosk.xapi.transport import LrsTransport

VERB = "http://adlnet.gov/expapi/verbs/"
ACTIVATE = "vneid-kich-hoat-muc-2"
POLICE = "an-toan-gia-danh-cong-an"


def outbox(store) -> list[dict]:
    return [json.loads(row["statement"]) for row in store.db["outbox"].rows_where(order_by="rowid")]


def finish(kiosk, clock) -> None:
    while isinstance(kiosk.view().page, LessonView):
        clock.advance(5)
        complete_step(kiosk)


def solo_visit(kiosk, clock, hints: int) -> None:
    """A guided run of the VNeID activation, then a Tự làm run with `hints` hints, then a judged
    drill left after its first answer."""
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(ACTIVATE))
    finish(kiosk, clock)
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    for _ in range(hints):
        clock.advance(2)
        kiosk.handle(Help())
    finish(kiosk, clock)
    kiosk.handle(OpenLesson(POLICE, "solo"))
    for intent in correct_intents(kiosk.lesson_session):
        kiosk.handle(intent)
    clock.advance(20)
    kiosk.handle(BackToMenu())
    kiosk.handle(EndSession())


def mode(statement) -> str:
    return statement["context"]["extensions"].get(EXTENSION + "mode", "")


def test_a_solo_run_and_its_hints_are_statements_of_their_own(kiosk, xapi_store, clock):
    solo_visit(kiosk, clock, hints=2)
    statements = outbox(xapi_store)
    assert [p for s in statements for p in problems(s)] == []
    solo = [s for s in statements if mode(s) == "solo"]
    assert [(s["verb"]["id"].removeprefix(VERB), s["object"]["id"].rsplit("/", 1)[-1]) for s in solo] == [
        ("asked", "tap-activate"), ("asked", "tap-activate"), ("completed", ACTIVATE), ("attempted", POLICE)]
    hint, completed, left = solo[1], solo[2], solo[3]
    assert hint["object"]["id"] == f"{lesson_iri('core', ACTIVATE)}/step/tap-activate"
    assert hint["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/interaction"
    assert hint["result"]["extensions"] == {EXTENSION + "hint-level": 2}
    assert hint["context"]["contextActivities"]["parent"] == [{"objectType": "Activity", "id": lesson_iri("core", ACTIVATE)}]
    assert completed["result"]["completion"] is True and completed["result"]["extensions"][EXTENSION + "hints"] == 2
    assert "success" not in completed["result"]  # two hints: not done alone, so no "passed"
    runs = {s["context"]["extensions"][EXTENSION + "run"] for s in solo[:3]}
    assert len(runs) == 1 and left["context"]["extensions"][EXTENSION + "run"] not in runs
    assert left["result"]["completion"] is False
    assert left["result"]["duration"] == "PT20S"  # from its start to when the visit ended
    guided = [s for s in statements if s["object"]["id"] == lesson_iri("core", ACTIVATE) and not mode(s)]
    assert [s["verb"]["id"].removeprefix(VERB) for s in guided] == ["completed", "passed"]  # the guided run, as before


def test_a_solo_run_done_alone_is_passed_and_a_judged_drill_has_its_score(kiosk, xapi_store, clock):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(ACTIVATE, "solo"))
    kiosk.handle(Help())
    finish(kiosk, clock)
    kiosk.handle(OpenLesson(POLICE, "solo"))
    finish(kiosk, clock)
    kiosk.handle(EndSession())
    solo = [s for s in outbox(xapi_store) if mode(s) == "solo"]
    verbs = [(s["verb"]["id"].removeprefix(VERB), s["object"]["id"].rsplit("/", 1)[-1]) for s in solo]
    assert verbs == [("asked", "tap-activate"), ("completed", ACTIVATE), ("passed", ACTIVATE), ("completed", POLICE),
                     ("passed", POLICE)]
    assert solo[2]["result"]["success"] is True and solo[2]["verb"]["display"]["vi-VN"] == "đã tự làm được"
    assert solo[4]["result"]["score"] == {"scaled": 1.0, "raw": 4, "min": 0, "max": 4}
    assert len({s["id"] for s in solo}) == len(solo)


def test_solo_runs_and_hints_reach_the_lrs_as_written(kiosk, xapi_store, clock, ralph):
    solo_visit(kiosk, clock, hints=3)
    sender = Forwarder(xapi_store.path, LrsTransport(ralph.url, USER, PASSWORD, timeout=10), clock, random.Random(3))
    sender.run_once()
    sender.close()
    ours = {row["id"]: json.loads(row["statement"]) for row in xapi_store.db["outbox"].rows}
    assert sum(1 for s in ours.values() if s["verb"]["id"] == VERB + "asked") == 3
    assert_stored_as_written(ralph, ours)
    counts = Outbox(xapi_store.db.conn).counts()
    assert counts.sent == len(ours) and counts.set_aside == 0
