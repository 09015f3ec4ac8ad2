"""Progress written by the kiosk becomes valid xAPI 1.0.3 statements in the outbox."""
import dataclasses
import datetime
import json
import unicodedata
import uuid

import pytest
from xapi_rules import problems

from kiosk.intents import BackToMenu, EndSession, Help, OpenLesson, Tap, Touched
from kiosk.lesson_session import Attempt
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step
from kiosk.xapi.statements import (
    BASE,
    HOME_PAGE,
    KioskStatements,
    iso_duration,
    lesson_iri,
    statement_id,
)

AT = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
PASSED = "http://adlnet.gov/expapi/verbs/passed"
ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"


def outbox(store) -> list[dict]:
    return [json.loads(row["statement"]) for row in store.db["outbox"].rows_where(order_by="rowid")]


def by_verb(statements, object_id=None) -> dict[str, dict]:
    return {s["verb"]["id"]: s for s in statements if object_id is None or s["object"]["id"] == object_id}


def finish_lesson(kiosk) -> None:
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)


def test_a_lesson_done_unaided_gives_completed_and_passed_then_the_session(kiosk, xapi_store, clock):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    clock.advance(30)
    finish_lesson(kiosk)
    kiosk.handle(EndSession())
    statements = outbox(xapi_store)
    visit = xapi_store.db["visits"].get(xapi_store.db.execute("select id from visits").fetchone()[0])
    assert [s["verb"]["id"] for s in statements] == [COMPLETED, PASSED, COMPLETED]
    lesson, session = statements[0], statements[2]
    assert lesson["object"]["id"] == lesson_iri("core", "cham-vuot-go-chu") == f"{BASE}activities/lesson/core/cham-vuot-go-chu"
    assert lesson["object"]["definition"] == {
        "name": {"vi-VN": "Chạm, vuốt và gõ chữ"},
        "type": "http://adlnet.gov/expapi/activities/lesson",
    }
    assert lesson["actor"] == {"objectType": "Agent", "account": {"homePage": HOME_PAGE, "name": "kiosk-07"}}
    assert lesson["result"]["duration"] == "PT30S" and lesson["result"]["completion"] is True
    assert lesson["result"]["score"]["scaled"] == 1.0
    assert statements[1]["result"]["success"] is True
    assert lesson["timestamp"] == "2026-11-27T08:00:30Z"
    context = lesson["context"]
    assert context["registration"] == str(uuid.UUID(visit["id"]))
    assert context["platform"] == "Trạm Học vụ số" and context["language"] == "vi-VN"
    assert context["extensions"] == {
        f"{BASE}extensions/kiosk-id": "kiosk-07",
        f"{BASE}extensions/commune": "Xã Tân Phú",
        f"{BASE}extensions/province": "Tỉnh Đồng Nai",
    }
    assert session["object"]["id"] == f"{BASE}activities/practice-session"
    assert session["result"]["extensions"][f"{BASE}extensions/lessons-completed"] == 1
    assert session["result"]["extensions"][f"{BASE}extensions/end-reason"] == "ended"
    for statement in statements:
        assert problems(statement) == [], statement
        text = json.dumps(statement, ensure_ascii=False)
        assert unicodedata.normalize("NFC", text) == text


def test_wrong_answers_and_hints_lower_the_score_and_withhold_passed(kiosk, xapi_store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    complete_step(kiosk)  # past the welcome card, onto "tap Tin nhắn"
    kiosk.handle(Tap("no-such-element"))
    kiosk.handle(Help())
    finish_lesson(kiosk)
    statements = by_verb(outbox(xapi_store))
    assert PASSED not in statements
    score = statements[COMPLETED]["result"]["score"]
    assert score["min"] == 0 and score["max"] == score["raw"] + 2
    assert score["scaled"] == round(score["raw"] / score["max"], 4) < 1
    extensions = statements[COMPLETED]["result"]["extensions"]
    assert extensions[f"{BASE}extensions/wrong-answers"] == 1 and extensions[f"{BASE}extensions/hints"] == 1
    assert problems(statements[COMPLETED]) == []


def test_a_lesson_left_unfinished_is_attempted_when_the_visit_ends(kiosk, xapi_store, clock):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("vneid-kich-hoat-muc-2"))
    complete_step(kiosk)
    kiosk.handle(BackToMenu())
    assert outbox(xapi_store) == []  # nothing until the visit ends
    clock.advance(150)  # the citizen walked away: idle warning, then the wipe
    kiosk.tick()
    clock.advance(60)
    kiosk.tick()
    attempted, session = outbox(xapi_store)
    assert attempted["verb"]["id"] == ATTEMPTED and attempted["result"]["completion"] is False
    assert attempted["object"]["id"].endswith("/vneid-kich-hoat-muc-2")
    assert attempted["result"]["score"]["raw"] == 1
    assert session["verb"]["id"] == ATTEMPTED and session["result"]["completion"] is False
    assert session["result"]["extensions"][f"{BASE}extensions/end-reason"] == "idle"
    assert session["result"]["duration"] == attempted["result"]["duration"] == "PT2M30S"
    assert [problems(s) for s in (attempted, session)] == [[], []]


def test_a_lesson_done_twice_in_one_visit_is_kept_and_counted_twice(kiosk, xapi_store, clock):
    kiosk.handle(Touched())
    for _ in range(2):
        kiosk.handle(OpenLesson("cham-vuot-go-chu"))
        clock.advance(20)
        finish_lesson(kiosk)
        kiosk.handle(BackToMenu())
    assert kiosk.store_problem == ""
    completed = [s for s in outbox(xapi_store) if s["verb"]["id"] == COMPLETED]
    assert len({s["id"] for s in completed}) == 2
    assert [s["timestamp"] for s in completed] == ["2026-11-27T08:00:20Z", "2026-11-27T08:00:40Z"]


def test_statement_ids_are_the_same_for_the_same_visit_lesson_and_verb(xapi_store, maker):
    visit = xapi_store.start_visit("kiosk-07", AT)
    xapi_store.lesson_started(visit, "cham-vuot-go-chu", AT)
    xapi_store.record(visit, "cham-vuot-go-chu", Attempt("welcome", 0, "viewed"), AT)
    xapi_store.lesson_completed(visit, "cham-vuot-go-chu", AT + datetime.timedelta(seconds=5))
    visit_row = xapi_store.db["visits"].get(visit)
    summary = xapi_store.db["lesson_summaries"].get((visit, "cham-vuot-go-chu"))
    again = maker.lesson_completed(visit_row, summary)
    assert [s["id"] for s in again] == [row["id"] for row in xapi_store.db["outbox"].rows]
    at = summary["completed_at"]
    assert again[0]["id"] == statement_id(visit, "cham-vuot-go-chu", "completed", at)
    assert statement_id(visit, "cham-vuot-go-chu", "completed", at) != statement_id(visit, "cham-vuot-go-chu", "passed", at)
    assert statement_id(visit, "cham-vuot-go-chu", "completed", at) != statement_id(visit + "0", "cham-vuot-go-chu", "completed", at)


def test_staff_edits_apply_to_the_next_statement_and_empty_places_are_left_out(settings, core_pack, store):
    current = [settings]
    store.statements = KioskStatements(lambda: current[0], lambda: [core_pack])
    visit = store.start_visit("kiosk-07", AT)
    store.end_visit(visit, AT, "ended")
    current[0] = dataclasses.replace(settings, commune="", province="")
    visit = store.start_visit("kiosk-07", AT)
    store.end_visit(visit, AT, "ended")
    first, second = outbox(store)
    assert first["context"]["extensions"][f"{BASE}extensions/commune"] == "Xã Tân Phú"
    assert second["context"]["extensions"] == {f"{BASE}extensions/kiosk-id": "kiosk-07"}
    assert second["result"]["duration"] == "PT0S"


def test_a_lesson_from_a_newly_installed_pack_is_named_and_placed(settings, core_pack, store):
    renamed = dataclasses.replace(core_pack, id="core-2027")
    packs = [(core_pack,)]
    store.statements = KioskStatements(lambda: settings, lambda: packs[0])
    visit = store.start_visit("kiosk-07", AT)
    store.lesson_started(visit, "cham-vuot-go-chu", AT)
    packs[0] = (renamed,)
    store.lesson_completed(visit, "cham-vuot-go-chu", AT)
    assert outbox(store)[0]["object"]["id"] == lesson_iri("core-2027", "cham-vuot-go-chu")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "PT0S"), (0.004, "PT0S"), (12, "PT12S"), (192.0, "PT3M12S"), (3600, "PT1H"), (3723.5, "PT1H2M3.5S"), (59.999, "PT1M")],
)
def test_durations_are_iso_8601(seconds, text):
    assert iso_duration(seconds) == text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.pop("verb"), "missing verb"),
        (lambda s: s.update(id="not-a-uuid"), "id is not a UUID"),
        (lambda s: s["actor"].update(mbox="mailto:x@example.org"), "exactly one identifier"),
        (lambda s: s["object"].update(id="lesson 1"), "object.id is not an IRI"),
        (lambda s: s["result"].update(duration="3 minutes"), "is not ISO 8601"),
        (lambda s: s["result"]["score"].update(scaled=1.5), "score.scaled outside"),
        (lambda s: s["context"].update(registration="visit-1"), "registration is not a UUID"),
        (lambda s: s["verb"]["display"].update({"vietnamese": "x"}), "not a language tag"),
        (lambda s: s["context"]["extensions"].update({"commune": "x"}), "is not an IRI"),
        (lambda s: s.update(timestamp="2026-11-27T09:00:00"), "time zone"),
    ],
)
def test_the_rule_check_catches_each_broken_statement(xapi_store, change, expected):
    visit = xapi_store.start_visit("kiosk-07", AT)
    xapi_store.lesson_started(visit, "cham-vuot-go-chu", AT)
    xapi_store.record(visit, "cham-vuot-go-chu", Attempt("welcome", 0, "viewed"), AT)
    xapi_store.lesson_completed(visit, "cham-vuot-go-chu", AT)
    statement = outbox(xapi_store)[0]
    assert problems(statement) == []
    change(statement)
    assert any(expected in problem for problem in problems(statement))
