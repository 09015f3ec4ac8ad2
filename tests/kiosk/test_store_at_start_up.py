"""Opening the progress database at start-up: only a file that really is damaged is set
aside. A lock, a full or failing disk and a newer schema each keep the file where it is and
everything in it (rows counted before and after), and staff are told the true cause."""
from __future__ import annotations

import datetime
import hashlib
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from progress_kit import assert_kept, files, kiosk_after_one_lesson, kiosk_on, learn, set_aside_names, snapshot

from content.model import Pack
from kiosk.clock import ManualClock
from kiosk.progress import SCHEMA_VERSION, ProgressStore
from kiosk.reports.query import report_from_file
from kiosk.settings import Settings
from tests.kiosk.disk_kit import Ext4Disk, fill

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
if sys.argv[2] == "exclusive":  # no other connection may even read
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("BEGIN EXCLUSIVE")
else:  # the write lock, as another writer holds it for a moment
    conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO visits (id, kiosk_id, started_at) VALUES ('other', 'kiosk-01', '2026-11-27T07:00:00+00:00')")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
print("released", flush=True)
"""


class OtherProcess:
    """Another real process that writes a visit and holds its lock until `release()`."""

    def __init__(self, db: Path, lock: str) -> None:
        self._proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), lock],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._readline() == "locked\n"

    def _readline(self) -> str:
        assert self._proc.stdout is not None
        return self._proc.stdout.readline()

    def release(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.write("go\n")
        self._proc.stdin.flush()
        assert self._readline() == "released\n"
        assert self._proc.wait(timeout=60) == 0


def history(db: Path, pack: Pack, lessons: int = 3) -> dict:
    """A database with some citizens' finished lessons (and their unsent statements), closed
    as a stopped kiosk leaves it; what it holds."""
    clock = ManualClock()
    kiosk, store, _ = kiosk_after_one_lesson(db, pack, clock)
    for lesson in pack.lessons[1:lessons]:
        learn(kiosk, clock, lesson.id)
    kiosk.close()
    written = snapshot(store)
    store.close()
    return written


def open_in_background(db: Path) -> tuple[threading.Thread, list[ProgressStore]]:
    opened: list[ProgressStore] = []
    thread = threading.Thread(target=lambda: opened.append(ProgressStore.open(db)))
    thread.start()
    return thread, opened


# --- locked ------------------------------------------------------------------------------
def test_a_write_lock_held_by_another_process_at_start_up_is_waited_for(tmp_path, core_pack):
    db = tmp_path / "progress.db"
    before = history(db, core_pack)
    other = OtherProcess(db, "write")
    thread, opened = open_in_background(db)
    thread.join(0.5)
    assert thread.is_alive()  # it waits: the file must take a write before the kiosk relies on it
    other.release()
    thread.join(60)
    store = opened[0]
    assert store.notice == "" and store.path == db
    assert files(tmp_path) == ["progress.db", "progress.db-shm", "progress.db-wal"]
    assert_kept(before, store)
    assert store.db["visits"].count == len(before["visits"]) + 1  # the other process's visit too
    store.close()


def test_a_start_up_that_must_write_waits_for_the_other_writer(tmp_path, core_pack):
    """An update's migration needs the write lock: the kiosk waits for it, then migrates."""
    db = tmp_path / "progress.db"
    before = history(db, core_pack)
    old = sqlite3.connect(db)
    with old:  # as schema version 2 left it
        old.execute("DROP TABLE code_guesses")
        old.execute("DROP INDEX idx_attempts_at")
        old.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    old.close()
    other = OtherProcess(db, "write")
    thread, opened = open_in_background(db)
    thread.join(0.5)
    assert thread.is_alive()  # it cannot finish while the other process writes
    other.release()
    thread.join(60)
    store = opened[0]
    assert store.notice == "" and store.path == db
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert files(tmp_path) == ["progress.db", "progress.db-shm", "progress.db-wal"]
    assert_kept(before, store)
    store.close()


def test_a_database_locked_past_the_wait_is_kept_and_written_once_free(tmp_path, core_pack):
    db = tmp_path / "progress.db"
    before = history(db, core_pack)
    other = OtherProcess(db, "exclusive")
    store = ProgressStore.open(db, wait_s=0.2, tries=2)
    assert store.path is None and store.held_for == db
    assert "chương trình khác" in store.notice and "bộ nhớ" in store.notice
    clock = ManualClock(datetime.datetime(2026, 11, 28, 8, tzinfo=datetime.UTC))
    kiosk = kiosk_on(store, core_pack, clock)
    learn(kiosk, clock, core_pack.lessons[0].id)  # the kiosk teaches meanwhile, from memory
    held = snapshot(store)
    assert not store.try_file()  # still locked
    other.release()
    assert store.try_file()
    assert store.path == db and store.held_for is None and "không mất gì" in store.notice
    assert files(tmp_path) == ["progress.db", "progress.db-shm", "progress.db-wal"]
    assert_kept(before, store)
    after = snapshot(store)
    assert held["visits"] <= after["visits"] and held["outbox"] <= after["outbox"]
    assert len(after["attempts"]) == len(before["attempts"]) + len(held["attempts"])
    kiosk.close()
    store.close()


# --- a full disk -------------------------------------------------------------------------
def test_start_up_on_a_full_disk_keeps_the_file_and_a_restart_with_room_finds_everything(small_disk, core_pack):
    """The story from the issue: start on a full disk, free space, restart; the old attempts
    and unsent statements are all there and the month's report counts the lessons."""
    db = small_disk / "progress.db"
    before = history(db, core_pack)
    filler = fill(small_disk)

    store = ProgressStore.open(db)
    assert set_aside_names(small_disk) == [] and "progress.db" in files(small_disk)  # nothing set aside
    assert store.path is None and store.held_for == db
    assert "đầy" in store.notice and "bộ nhớ" in store.notice
    clock = ManualClock(datetime.datetime(2026, 11, 28, 8, tzinfo=datetime.UTC))
    kiosk = kiosk_on(store, core_pack, clock)
    learn(kiosk, clock, core_pack.lessons[0].id)  # still teaching
    kiosk.close()
    store.close()  # the kiosk is restarted before anyone frees space: what it held is gone

    filler.unlink()
    again = ProgressStore.open(db)
    assert again.notice == "" and again.path == db
    assert_kept(before, again)
    assert snapshot(again)["attempts"].keys() == before["attempts"].keys()
    unsent = again.db.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]
    assert unsent == len(before["outbox"]) > 0
    again.close()
    now = datetime.datetime(2026, 11, 30, 17, tzinfo=datetime.UTC)
    report = report_from_file(db, [core_pack], Settings(data_dir=small_disk), datetime.date(2026, 11, 1),
                              datetime.date(2026, 11, 30), now)
    assert report.completed == len(before["completed"]) == 3


def test_space_freed_while_running_writes_what_was_held_into_the_file(small_disk, core_pack):
    db = small_disk / "progress.db"
    before = history(db, core_pack)
    filler = fill(small_disk)
    store = ProgressStore.open(db)
    clock = ManualClock(datetime.datetime(2026, 11, 28, 8, tzinfo=datetime.UTC))
    kiosk = kiosk_on(store, core_pack, clock)
    learn(kiosk, clock, core_pack.lessons[1].id)
    held = snapshot(store)
    assert not store.try_file()  # still full

    filler.unlink()
    assert store.try_file()
    assert store.path == db and "chép kết quả giữ tạm" in store.notice
    learn(kiosk, clock, core_pack.lessons[2].id)  # the same citizen goes on, now on disk
    kiosk.close()
    assert_kept(before, store)
    after = snapshot(store)
    assert held["visits"] <= after["visits"] and held["completed"].keys() <= after["completed"].keys()
    assert len(after["completed"]) == len(before["completed"]) + 2
    store.close()


# --- a failing disk ----------------------------------------------------------------------
def test_start_up_on_a_failing_disk_keeps_the_file_and_says_the_disk_fails(ext4_disk: Ext4Disk, core_pack):
    db = ext4_disk.mount_dir / "progress.db"
    before = history(db, core_pack)
    ext4_disk.fail_reads()

    store = ProgressStore.open(db)
    assert store.path is None
    assert "lỗi" in store.notice and "bộ nhớ" in store.notice and "đầy" not in store.notice
    store.close()

    ext4_disk.mend()
    assert set_aside_names(ext4_disk.mount_dir) == []
    again = ProgressStore.open(db)
    assert again.notice == ""
    assert_kept(before, again)
    again.close()


# --- a newer schema ----------------------------------------------------------------------
def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_data_from_a_newer_app_is_never_written_to_or_moved(tmp_path, core_pack):
    """After a downgrade: the kiosk teaches, records nothing and says the app is older."""
    db = tmp_path / "progress.db"
    before = history(db, core_pack)
    newer = sqlite3.connect(db)
    with newer:
        newer.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    newer.close()
    unchanged = digest(db)

    store = ProgressStore.open(db)
    assert store.path is None and store.held_for is None
    assert "phiên bản" in store.notice and "không ghi" in store.notice
    clock = ManualClock(datetime.datetime(2026, 11, 28, 8, tzinfo=datetime.UTC))
    kiosk = kiosk_on(store, core_pack, clock)
    learn(kiosk, clock, core_pack.lessons[0].id)
    kiosk.close()
    assert not store.try_file()
    store.close()
    assert files(tmp_path) == ["progress.db"] and digest(db) == unchanged
    readback = sqlite3.connect(db)
    assert readback.execute("SELECT count(*) FROM attempts").fetchone()[0] == len(before["attempts"])
    readback.close()


# --- real damage -------------------------------------------------------------------------
def test_a_database_failing_its_check_is_set_aside_whole(tmp_path, core_pack):
    db = tmp_path / "progress.db"
    history(db, core_pack)
    data = bytearray(db.read_bytes())
    page = 4096
    data[2 * page: 2 * page + 16] = b"\xff" * 16  # the header of a b-tree page scribbled over
    db.write_bytes(bytes(data))

    store = ProgressStore.open(db)
    aside = [name for name in files(tmp_path) if ".broken-" in name]
    assert len(aside) == 1 and (tmp_path / aside[0]).read_bytes() == bytes(data)
    assert store.path == db and store.db["visits"].count == 0
    store.close()
