"""Retention: old raw attempts become daily counts, in one transaction, once a day."""
from __future__ import annotations

import datetime
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.lesson_session import Attempt
from kiosk.progress import ProgressStore
from kiosk.retention import LAST_PRUNE_KEY, cutoff_for, prune, prune_if_due

UTC = datetime.UTC
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # 12 months back: 2025-11-27 09:00 UTC
ROWS = 40_000  # a year of a busy kiosk's attempts, for the kill test


def at(*args: int, tz: datetime.tzinfo = UTC) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=tz)


def visit_with(store: ProgressStore, lesson: str, attempts: list[tuple[datetime.datetime, str, str]]) -> str:
    visit = store.start_visit("kiosk-01", attempts[0][0])
    store.lesson_started(visit, lesson, attempts[0][0])
    for when, step, outcome in attempts:
        store.record(visit, lesson, Attempt(step, 0, outcome), when)
    store.lesson_completed(visit, lesson, attempts[-1][0])
    store.end_visit(visit, attempts[-1][0], "finished")
    return visit


def rollups(store: ProgressStore) -> list[tuple[str, str, str, str, int]]:
    return store.db.execute("SELECT day, lesson_id, step_id, outcome, count FROM attempt_rollups ORDER BY 1, 2, 3, 4").fetchall()


@pytest.fixture
def old_and_new(store: ProgressStore) -> ProgressStore:
    visit_with(store, "vneid", [
        (at(2025, 10, 4, 6, 30, tz=VIETNAM), "otp", "wrong"),  # 23:30 UTC on 3 October
        (at(2025, 10, 3, 1, 0), "otp", "wrong"),
        (at(2025, 10, 3, 1, 1), "otp", "hint"),
        (at(2025, 10, 3, 1, 2), "otp", "correct"),
    ])
    visit_with(store, "vneid", [
        (at(2025, 11, 27, 8, 59, 59), "otp", "wrong"),  # one second before the cut
        (at(2025, 11, 27, 9, 0), "otp", "wrong"),  # at the cut: kept
        (at(2026, 5, 1, 10, 0), "pin", "correct"),
    ])
    return store


def test_old_attempts_become_counts_per_utc_day_and_the_rest_stays(old_and_new):
    store = old_and_new
    result = prune(store, NOW, 12)
    assert result.cutoff == at(2025, 11, 27, 9, 0) and result.deleted == 5 and result.days == 2
    assert rollups(store) == [
        ("2025-10-03", "vneid", "otp", "correct", 1),
        ("2025-10-03", "vneid", "otp", "hint", 1),
        ("2025-10-03", "vneid", "otp", "wrong", 2),
        ("2025-11-27", "vneid", "otp", "wrong", 1),
    ]
    assert sum(row[-1] for row in rollups(store)) == result.deleted
    assert [r["at"] for r in store.db["attempts"].rows] == ["2025-11-27T09:00:00+00:00", "2026-05-01T10:00:00+00:00"]
    assert store.db["visits"].count == 2 and store.db["lesson_summaries"].count == 2  # the figures keep them
    assert "5 lượt trả lời cũ hơn 27/11/2025" in result.message_vi()


def test_pruning_twice_changes_nothing_more_and_counts_add_to_earlier_ones(old_and_new):
    store = old_and_new
    store.db["attempt_rollups"].insert({"day": "2025-10-03", "lesson_id": "vneid", "step_id": "otp", "outcome": "wrong",
                                        "count": 40})  # from an earlier prune
    first = prune(store, NOW, 12)
    after_first = rollups(store)
    second = prune(store, NOW, 12)
    assert (first.deleted, second.deleted) == (5, 0)
    assert rollups(store) == after_first
    assert ("2025-10-03", "vneid", "otp", "wrong", 42) in after_first


def test_an_error_half_way_leaves_no_half_state(old_and_new):
    store = old_and_new
    attempts = [tuple(r.values()) for r in store.db["attempts"].rows]
    store.db.execute("CREATE TRIGGER refuse BEFORE DELETE ON attempts BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(sqlite3.IntegrityError, match="disk trouble"):  # after the counts were added
        prune(store, NOW, 12)
    assert rollups(store) == []
    assert [tuple(r.values()) for r in store.db["attempts"].rows] == attempts
    assert store.db.execute("SELECT value FROM meta WHERE key = ?", [LAST_PRUNE_KEY]).fetchone() is None
    store.db.execute("DROP TRIGGER refuse")
    assert prune(store, NOW, 12).deleted == 5  # and the next run does the job


def test_kill_9_during_a_prune_leaves_all_or_nothing(tmp_path):
    """A big prune killed at several moments: attempts + rolled-up counts always add up."""
    db = tmp_path / "progress.db"
    store = ProgressStore.open(db)
    visit = store.start_visit("kiosk-01", at(2024, 1, 1, 8, 0))
    rows = [(visit, f"l{i % 7}", f"s{i % 13}", ("correct", "wrong", "hint")[i % 3],
             f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00:00+00:00") for i in range(ROWS)]
    with store.db.atomic():
        store.db.conn.executemany(
            "INSERT INTO attempts (visit_id, lesson_id, step_id, step_index, outcome, at) VALUES (?, ?, ?, 0, ?, ?)", rows
        )
    store.close()
    child = ("import datetime, sys; from kiosk.progress import ProgressStore; from kiosk.retention import prune;"
             "s = ProgressStore.open(__import__('pathlib').Path(sys.argv[1])); print('go', flush=True);"
             "prune(s, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), 12); print('done', flush=True)")
    for delay in (0.0, 0.02, 0.05, 0.1, 0.2, None):  # None: let it finish
        proc = subprocess.Popen([sys.executable, "-c", child, str(db)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
        assert proc.stdout is not None and proc.stdout.readline() == "go\n"
        if delay is not None:
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
        finished = proc.stdout.read() == "done\n"
        proc.wait()
        conn = sqlite3.connect(db)
        left = conn.execute("SELECT count(*) FROM attempts").fetchone()[0]
        rolled = conn.execute("SELECT coalesce(sum(count), 0) FROM attempt_rollups").fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (left, rolled) in ((ROWS, 0), (0, ROWS)), delay
        conn.close()
        assert left == 0 or not finished, "a prune that said done left attempts behind"
        if left == 0:
            break  # a kill after the commit (before "done" was printed) still pruned everything
    assert left == 0  # the prune did finish at last


def test_the_kiosk_prunes_at_most_once_a_day(old_and_new):
    store = old_and_new
    assert prune_if_due(store, NOW, 12) is not None
    assert prune_if_due(store, NOW + datetime.timedelta(hours=23), 12) is None
    assert prune_if_due(store, NOW + datetime.timedelta(hours=25), 12) is not None
    assert prune_if_due(store, NOW - datetime.timedelta(days=30), 12) is not None  # the clock was set back
    assert prune_if_due(store, NOW + datetime.timedelta(days=60), 0) is None  # 0 keeps every attempt


@pytest.mark.parametrize(("now", "months", "cutoff"), [
    (at(2026, 3, 31, 12), 1, at(2026, 2, 28, 12)),
    (at(2026, 3, 31, 12), 12, at(2025, 3, 31, 12)),
    (at(2024, 2, 29, 0), 12, at(2023, 2, 28, 0)),
    (at(2026, 1, 15, 0), 13, at(2024, 12, 15, 0)),
])
def test_months_are_calendar_months(now, months, cutoff):
    assert cutoff_for(now, months) == cutoff


def test_hocvuso_db_prune_says_what_it_did(old_and_new, settings, capsys, caplog):
    old_and_new.close()
    caplog.set_level(logging.INFO, logger="kiosk.commands.db")
    assert main(["-v", "--db", str(settings.database), "db", "prune", "--months", "1"]) == 0  # all of them, whenever it runs
    out = capsys.readouterr().out
    assert "7 lượt trả lời cũ hơn" in out and "attempts" not in out  # the answer alone; the detail is in the log
    assert "7 attempts from 3 UTC days" in caplog.text
    again = ProgressStore.open(settings.database)
    assert again.db["attempts"].count == 0 and sum(row[-1] for row in rollups(again)) == 7
    again.close()


def test_statements_the_lrs_accepted_long_ago_leave_the_outbox_but_waiting_ones_stay(store):
    rows = [
        ("sent-old", "2025-06-01T08:00:00+00:00", None),
        ("sent-new", "2026-11-01T08:00:00+00:00", None),
        ("waiting-old", None, None),
        ("set-aside-old", None, "2025-06-01T08:00:00+00:00"),
    ]
    store.db["outbox"].insert_all(
        {"id": id_, "statement": "{}", "created_at": "2025-06-01T08:00:00+00:00", "tries": 1, "sent_at": sent,
         "rejected_at": rejected} for id_, sent, rejected in rows
    )
    result = prune(store, NOW, 12)
    assert result.statements == 1
    assert sorted(row["id"] for row in store.db["outbox"].rows) == ["sent-new", "set-aside-old", "waiting-old"]
