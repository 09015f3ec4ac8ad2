import datetime
import sqlite3

import pytest

from kiosk.intents import OpenLesson, Touched
from kiosk.lesson_session import Attempt
from kiosk.progress import SCHEMA_VERSION, ProgressStore
from kiosk.set_aside import SetAsideNotice
from kiosk.walkthrough import complete_step

AT = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)


def test_database_uses_wal_full_sync_and_records_schema_version(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("select value from meta where key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_a_written_step_is_in_the_file_for_a_second_reader(store, settings):
    visit = store.start_visit("kiosk-01", AT)
    store.lesson_started(visit, "lesson", AT)
    store.record(visit, "lesson", Attempt("step-1", 0, "wrong"), AT)
    store.record(visit, "lesson", Attempt("step-1", 0, "correct"), AT)
    other = sqlite3.connect(settings.database)
    assert other.execute("select outcome from attempts order by id").fetchall() == [("wrong",), ("correct",)]
    assert other.execute("select steps_done, wrong_count from lesson_summaries").fetchone() == (1, 1)


def test_corrupt_database_is_moved_aside_and_a_new_one_started(tmp_path, caplog):
    path = tmp_path / "progress.db"
    path.write_bytes(b"this is not a database" * 200)
    store = ProgressStore.open(path)
    aside = list(tmp_path.glob("progress.db.broken-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")
    assert store.notice == "" and "moved the damaged database" in caplog.text
    assert aside[0].name in SetAsideNotice(path).text_vi()  # staff are told until they acknowledge it
    store.start_visit("kiosk-01", AT)
    assert store.db["visits"].count == 1


def test_unwritable_location_falls_back_to_memory_and_says_so(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ProgressStore.open(blocker / "progress.db")  # parent is a file: cannot be created
    assert store.path is None and "bộ nhớ" in store.notice
    store.start_visit("kiosk-01", AT)


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path):
    path = tmp_path / "p.db"
    first = ProgressStore.open(path)
    first.start_visit("kiosk-01", AT)
    first.close()
    again = ProgressStore.open(path)
    assert again.db["visits"].count == 1 and again.notice == ""


def test_nothing_a_citizen_types_is_stored(kiosk, store):
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson("vneid-kich-hoat-muc-2"))
    while kiosk.view().page.step_number < 8:  # past CCCD, phone and OTP
        complete_step(kiosk)
    typed = kiosk.view().page.values
    assert set(typed) == {"cccd", "phone", "otp-field"}
    dump = "\n".join(store.db.conn.iterdump())
    assert not any(value in dump for value in typed.values())


def test_a_version_1_database_is_migrated_keeping_its_visits(tmp_path):
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "INSERT INTO meta VALUES ('schema_version', '1');"
        "CREATE TABLE visits (id TEXT PRIMARY KEY, kiosk_id TEXT, started_at TEXT, ended_at TEXT, end_reason TEXT);"
        "INSERT INTO visits (id, kiosk_id, started_at) VALUES ('old', 'kiosk-01', '2026-01-01T08:00:00+00:00');"
        "CREATE TABLE attempts (id INTEGER PRIMARY KEY, visit_id TEXT, lesson_id TEXT, step_id TEXT,"
        " step_index INTEGER, outcome TEXT, at TEXT);"
        "CREATE TABLE lesson_summaries (visit_id TEXT, lesson_id TEXT, status TEXT, started_at TEXT,"
        " completed_at TEXT, seconds FLOAT, steps_done INTEGER, wrong_count INTEGER, hint_count INTEGER,"
        " PRIMARY KEY (visit_id, lesson_id));"
    )
    conn.close()
    store = ProgressStore.open(path)
    assert store.notice == "" and store.db["visits"].count == 1
    assert {"outbox", "slips", "attempt_rollups"} <= set(store.db.table_names())
    assert store.db.execute("select value from meta where key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert ["at"] in [index.columns for index in store.db["attempts"].indexes]


class _Statements:
    """Records what the store hands over; `fail` makes the maker raise mid-transaction."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def lesson_completed(self, visit, summary):
        if self.fail:
            raise RuntimeError("maker broke")
        return [{"id": f"lesson-{summary['lesson_id']}", "verb": "completed", "seconds": summary["seconds"]}]

    def visit_ended(self, visit, summaries):
        return [{"id": f"visit-{visit['id']}", "verb": visit["end_reason"], "lessons": len(summaries)}]


def test_finished_lessons_and_visits_reach_the_outbox_with_their_figures(store):
    store.statements = _Statements()
    visit = store.start_visit("kiosk-01", AT)
    store.lesson_started(visit, "lesson", AT)
    store.lesson_completed(visit, "lesson", AT + datetime.timedelta(minutes=3))
    store.end_visit(visit, AT + datetime.timedelta(minutes=4), "finished")
    rows = {row["id"]: row for row in store.db["outbox"].rows}
    assert set(rows) == {"lesson-lesson", f"visit-{visit}"}
    assert '"seconds": 180.0' in rows["lesson-lesson"]["statement"]
    assert rows[f"visit-{visit}"]["sent_at"] is None and rows[f"visit-{visit}"]["tries"] == 0


def test_progress_and_its_statement_are_written_together_or_not_at_all(store):
    store.statements = _Statements(fail=True)
    visit = store.start_visit("kiosk-01", AT)
    store.lesson_started(visit, "lesson", AT)
    with pytest.raises(RuntimeError):
        store.lesson_completed(visit, "lesson", AT)
    assert store.db["lesson_summaries"].get((visit, "lesson"))["status"] == "started"
    assert store.db["outbox"].count == 0


def test_visits_the_last_run_left_open_are_closed_as_interrupted_at_their_last_activity(store):
    store.statements = _Statements()
    minutes = [AT + datetime.timedelta(minutes=m) for m in range(20)]
    learning = store.start_visit("kiosk-01", minutes[0])
    store.lesson_started(learning, "lesson", minutes[1])
    store.record(learning, "lesson", Attempt("step-1", 0, "correct"), minutes[3])
    touched = store.start_visit("kiosk-01", minutes[10])  # a touch, then the power went
    ended = store.start_visit("kiosk-01", minutes[12])
    store.end_visit(ended, minutes[15], "idle")

    assert store.close_interrupted_visits() == 2
    visits = {row["id"]: row for row in store.db["visits"].rows}
    assert (visits[learning]["end_reason"], visits[learning]["ended_at"]) == ("interrupted", minutes[3].isoformat())
    assert (visits[touched]["end_reason"], visits[touched]["ended_at"]) == ("interrupted", minutes[10].isoformat())
    assert (visits[ended]["end_reason"], visits[ended]["ended_at"]) == ("idle", minutes[15].isoformat())
    outbox = {row["id"]: row["statement"] for row in store.db["outbox"].rows}
    assert '"verb": "interrupted"' in outbox[f"visit-{learning}"] and f"visit-{touched}" in outbox
    assert store.close_interrupted_visits() == 0  # once only
