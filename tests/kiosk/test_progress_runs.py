"""Lesson runs in the progress database (schema v5): a file from before them gains them keeping
its attempts, and runs held in memory reach the file with their hints."""
import datetime
import sqlite3

import sqlite_utils

from kiosk.lesson_session import Attempt, Run
from kiosk.progress import ProgressStore
from kiosk.progress_merge import merge_progress
from kiosk.progress_schema import MIGRATIONS, migrate

AT = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
V4_TABLES = {"meta", "visits", "attempts", "lesson_summaries", "outbox", "slips", "attempt_rollups", "code_guesses"}


def test_a_database_from_before_lesson_runs_gains_them_keeping_its_attempts(tmp_path):
    path = tmp_path / "progress.db"
    store = ProgressStore.open(path)
    visit = store.start_visit("kiosk-01", AT)
    store.record(visit, "cham-vuot-go-chu", Attempt("welcome", 0, "viewed"), AT)
    store.close()
    conn = sqlite3.connect(path)
    with conn:  # as schema version 4 left it: no table a later version added
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            if table not in V4_TABLES:
                conn.execute(f"DROP TABLE [{table}]")
        conn.execute("ALTER TABLE attempts DROP COLUMN run_id")
        conn.execute("ALTER TABLE attempts DROP COLUMN hint_level")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.close()
    store = ProgressStore.open(path)
    assert store.notice == "" and "lesson_runs" in store.db.table_names()
    assert {"run_id", "hint_level"} <= set(store.db["attempts"].columns_dict)
    assert [(r["step_id"], r["run_id"], r["hint_level"]) for r in store.db["attempts"].rows] == [("welcome", None, None)]
    run = Run("r1", "solo")
    store.run_started(visit, "cham-vuot-go-chu", run, AT)
    store.record(visit, "cham-vuot-go-chu", Attempt("open-messages", 1, "hint", 2), AT, run)
    assert store.db["lesson_runs"].get("r1")["hint_count"] == 1
    store.close()


def test_migrating_again_leaves_lesson_runs_as_they_are(tmp_path):
    db = sqlite_utils.Database(tmp_path / "p.db")
    migrate(db)
    db["visits"].insert({"id": "v", "kiosk_id": "k", "started_at": AT.isoformat()})
    db["lesson_runs"].insert({"id": "r", "visit_id": "v", "lesson_id": "x", "mode": "solo", "started_at": AT.isoformat(),
                              "status": "started", "hint_count": 2, "wrong_count": 0})
    MIGRATIONS[5](db)
    assert db["lesson_runs"].get("r")["hint_count"] == 2


def test_runs_held_in_memory_reach_the_file_with_their_hints(tmp_path):
    held = sqlite_utils.Database(memory=True)
    migrate(held)
    store = ProgressStore(held, None)
    visit = store.start_visit("kiosk-01", AT)
    run = Run("r1", "solo")
    store.lesson_started(visit, "nhan-ma-otp", AT)
    store.run_started(visit, "nhan-ma-otp", run, AT)
    store.record(visit, "nhan-ma-otp", Attempt("open-notice", 2, "hint", 1), AT, run)
    target = sqlite_utils.Database(tmp_path / "progress.db")
    migrate(target)
    added = merge_progress(held, target)
    assert added["lesson_runs"] == 1 and added["attempts"] == 1
    row = next(target["attempts"].rows)
    assert (row["run_id"], row["hint_level"]) == ("r1", 1)
    assert target["lesson_runs"].get("r1")["hint_count"] == 1
