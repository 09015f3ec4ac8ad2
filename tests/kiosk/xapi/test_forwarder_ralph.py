"""The forwarder against a real Ralph LRS on 127.0.0.1: queues while the LRS is away,
delivers everything exactly once when it is back, and sets aside what the LRS refuses."""
from __future__ import annotations

import dataclasses
import json
import random
import time
import uuid

import pytest
from lrs_helpers import PASSWORD, USER, Relay, assert_stored_as_written, free_port

from kiosk.clock import ManualClock, SystemClock
from kiosk.intents import BackToMenu, EndSession, OpenLesson, Touched
from kiosk.lesson_session import Attempt
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step
from kiosk.xapi.forwarder import Forwarder
from kiosk.xapi.outbox import Outbox
from kiosk.xapi.statements import HOME_PAGE, KioskStatements
from kiosk.xapi.transport import LrsTransport


@pytest.fixture
def kiosk_id() -> str:
    return f"kiosk-{uuid.uuid4().hex[:8]}"  # each test's statements are its own at the shared LRS


@pytest.fixture
def write_visits(store, settings, core_pack, kiosk_id, clock):
    """Writes finished visits through the real store, with this test's kiosk id in their statements."""
    store.statements = KioskStatements(lambda: dataclasses.replace(settings, kiosk_id=kiosk_id), lambda: [core_pack])

    def write_visits(count: int) -> None:
        for _ in range(count):  # each visit: completed + passed + the session = 3 statements
            visit = store.start_visit(kiosk_id, clock.now())
            store.lesson_started(visit, "cham-vuot-go-chu", clock.now())
            store.record(visit, "cham-vuot-go-chu", Attempt("welcome", 0, "viewed"), clock.now())
            clock.advance(40)
            store.lesson_completed(visit, "cham-vuot-go-chu", clock.now())
            store.end_visit(visit, clock.now(), "ended")

    return write_visits


def forwarder(store, clock, url: str, password: str = PASSWORD) -> Forwarder:
    return Forwarder(store.path, LrsTransport(url, USER, password, timeout=10), clock, random.Random(3))


def stored_ids(ralph, kiosk_id: str) -> list[str]:
    agent = json.dumps({"objectType": "Agent", "account": {"homePage": HOME_PAGE, "name": kiosk_id}})
    return [s["id"] for s in ralph.statements(agent=agent)]


def outbox_ids(store) -> set[str]:
    return {row[0] for row in store.db.execute("select id from outbox")}


def test_a_lesson_at_the_kiosk_reaches_the_lrs_as_written(kiosk, xapi_store, clock, ralph):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("vneid-kich-hoat-muc-2"))
    complete_step(kiosk)
    kiosk.handle(BackToMenu())
    kiosk.handle(OpenLesson("cham-vuot-go-chu"))
    while isinstance(kiosk.view().page, LessonView):
        clock.advance(5)
        complete_step(kiosk)
    kiosk.handle(EndSession())
    sender = forwarder(xapi_store, clock, ralph.url)
    sender.run_once()
    sender.close()
    ours = {row["id"]: json.loads(row["statement"]) for row in xapi_store.db["outbox"].rows}
    assert len(ours) == 4  # completed + passed, attempted, the session
    assert_stored_as_written(ralph, ours)
    assert Outbox(xapi_store.db.conn).counts().sent == 4


def test_while_the_lrs_is_away_statements_wait_with_growing_backoff_then_arrive_once(store, write_visits, clock, ralph, kiosk_id):
    write_visits(20)  # 60 statements: two batches
    port = free_port()  # nothing listens here yet
    sender = forwarder(store, clock, f"http://127.0.0.1:{port}/xAPI/")
    outbox = Outbox(store.db.conn)
    sender.run_once()
    first_wait = (sender.resume_at - clock.now()).total_seconds()
    assert outbox.counts().waiting == 60 and sender.problem.kind == "network"
    assert "mất mạng" in sender.status().line_vi() and "60 bản ghi đang chờ" in sender.status().line_vi()
    tries = dict(store.db.execute("select id, tries from outbox").fetchall())
    assert sorted(tries.values()) == [0] * 10 + [1] * 50  # the first batch was tried once
    sender.run_once()  # still backing off: no new try
    assert dict(store.db.execute("select id, tries from outbox").fetchall()) == tries
    clock.advance(first_wait)
    sender.run_once()
    assert (sender.resume_at - clock.now()).total_seconds() >= first_wait
    assert max(row[0] for row in store.db.execute("select tries from outbox")) == 2
    relay = Relay(ralph.url, port)  # the network is back: the LRS answers on that address
    relay.start()
    try:
        sender.run_once()  # the probe sees it; the backoff is cut short
    finally:
        relay.stop()
        sender.close()
    assert outbox.counts().waiting == 0 and outbox.counts().sent == 60
    assert relay.seen == [200, 200] and sender.problem is None
    ids = stored_ids(ralph, kiosk_id)
    assert len(ids) == len(set(ids)) == 60 and set(ids) == outbox_ids(store)
    assert sender.status().line_vi() == "Đã gửi hết số liệu lên tỉnh (60 bản ghi)."


def test_a_resend_of_stored_statements_adds_nothing_at_the_lrs(store, write_visits, clock, ralph, kiosk_id):
    write_visits(4)
    sender = forwarder(store, clock, ralph.url)
    sender.run_once()
    store.db.execute("update outbox set sent_at = NULL")  # as if every acknowledgement had been lost
    write_visits(2)  # mixed with new ones in the same batch
    sender.run_once()
    sender.run_once()
    sender.close()
    ids = stored_ids(ralph, kiosk_id)
    assert len(ids) == len(set(ids)) == 18 and set(ids) == outbox_ids(store)
    assert Outbox(store.db.conn).counts().sent == 18


def test_server_errors_are_retried_with_backoff_and_nothing_is_lost(store, write_visits, clock, ralph, kiosk_id):
    write_visits(5)
    relay = Relay(ralph.url)
    relay.failures = 3  # 503, 503, 503, then the real LRS
    relay.start()
    sender = forwarder(store, clock, relay.url)
    waits = []
    try:
        for _ in range(4):
            sender.run_once()
            if sender.resume_at is not None:
                assert "đang lỗi" in sender.status().line_vi()
                sender.run_once()  # too early: no request
                waits.append((sender.resume_at - clock.now()).total_seconds())
                clock.advance(waits[-1])
    finally:
        relay.stop()
        sender.close()
    assert relay.seen == [503, 503, 503, 200]
    assert waits == sorted(waits) and waits[-1] > waits[0]
    assert {row[0] for row in store.db.execute("select tries from outbox")} == {4}
    ids = stored_ids(ralph, kiosk_id)
    assert len(ids) == len(set(ids)) == 15 and set(ids) == outbox_ids(store)


def test_a_statement_the_lrs_refuses_is_set_aside_and_the_rest_of_its_batch_arrives(store, write_visits, clock, ralph, kiosk_id):
    write_visits(3)
    broken = json.loads(store.db.execute("select statement from outbox limit 1").fetchone()[0])
    broken.pop("verb")
    broken["id"] = str(uuid.uuid4())
    created = store.db.execute("select created_at from outbox limit 1").fetchone()[0]
    store.db["outbox"].insert({"id": broken["id"], "statement": json.dumps(broken), "created_at": created, "tries": 0})
    write_visits(3)
    relay = Relay(ralph.url)
    relay.start()
    sender = forwarder(store, clock, relay.url)
    try:
        sender.run_once()
        outbox = Outbox(store.db.conn)
        assert outbox.counts().set_aside == 1 and outbox.counts().sent == 18 and outbox.counts().waiting == 0
        ((aside_id, reason),) = outbox.set_aside_rows()
        assert aside_id == broken["id"] and "422" in reason and "verb" in reason
        assert "1 bản ghi bị máy chủ từ chối" in sender.status().line_vi()
        requests = len(relay.seen)
        sender.run_once()
        assert len(relay.seen) == requests  # not retried on its own
    finally:
        relay.stop()
        sender.close()
    ids = stored_ids(ralph, kiosk_id)
    assert len(ids) == len(set(ids)) == 18 and broken["id"] not in ids


def test_a_wrong_password_waits_and_tells_staff_to_call_it(store, write_visits, clock, ralph):
    write_visits(1)
    sender = forwarder(store, clock, ralph.url, password="wrong")
    sender.run_once()
    sender.close()
    status = sender.status()
    assert status.problem.kind == "config" and "401" in status.problem.detail
    assert status.counts.waiting == 3 and status.counts.set_aside == 0
    assert "báo bộ phận IT" in status.line_vi()


def test_the_background_thread_sends_new_progress_and_stops_cleanly(store, write_visits, ralph, kiosk_id):
    sender = Forwarder(store.path, LrsTransport(ralph.url, USER, PASSWORD), SystemClock(), idle_s=0.1)
    sender.start()
    try:
        write_visits(2)  # written on this (the "UI") thread while the forwarder runs
        deadline = time.monotonic() + 20
        while sender.status().counts.sent < 6 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        assert sender.stop()
    assert sender.status().counts.sent == 6
    assert len(stored_ids(ralph, kiosk_id)) == 6


def test_stopping_while_the_lrs_is_away_does_not_hang(store, write_visits):
    write_visits(1)
    sender = Forwarder(store.path, LrsTransport(f"http://127.0.0.1:{free_port()}/xAPI/", USER, PASSWORD), ManualClock())
    sender.start()
    deadline = time.monotonic() + 10
    while sender.problem is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sender.stop()
    assert sender.status().counts.waiting == 3 and sender.problem.kind == "network"
