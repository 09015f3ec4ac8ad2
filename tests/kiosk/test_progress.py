import datetime
import sqlite3

from kiosk.intents import OpenLesson, Touched
from kiosk.lesson_session import Attempt
from kiosk.progress import SCHEMA_VERSION, ProgressStore
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
    assert "đã được cất sang" in store.notice
    assert "moved the unusable database" in caplog.text
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
