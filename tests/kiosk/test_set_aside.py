"""A damaged database set aside is told to staff on every start until they acknowledge it;
`hocvuso db broken` lists what was set aside and `hocvuso db restore` puts a file back
without losing what was written since."""
from __future__ import annotations

import datetime
import sqlite3

from progress_kit import files, kiosk_on, learn, set_aside_names, snapshot

from kiosk.clock import ManualClock
from kiosk.progress import ProgressStore
from kiosk.reports.query import report_from_file
from kiosk.set_aside import SetAsideNotice
from kiosk.settings import Settings
from tests.test_cli import hocvuso

NOVEMBER = datetime.datetime(2026, 11, 20, 8, tzinfo=datetime.UTC)


def damaged(db):
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database" * 200)


def test_a_file_set_aside_is_told_on_every_start_until_staff_acknowledge_it(tmp_path):
    db = tmp_path / "progress.db"
    damaged(db)
    ProgressStore.open(db).close()
    aside = set_aside_names(tmp_path)
    assert len(aside) == 1
    for _ in range(2):  # two starts: told each time
        told = SetAsideNotice(db).text_vi()
        assert aside[0] in told and "sang một bên" in told and "Đã biết" in told
    SetAsideNotice(db).acknowledge()
    assert SetAsideNotice(db).text_vi() == ""  # the next start: acknowledged for good

    damaged(db)  # damaged again later: only the new file is told
    ProgressStore.open(db).close()
    newer = [name for name in set_aside_names(tmp_path) if name not in aside]
    told = SetAsideNotice(db).text_vi()
    assert len(newer) == 1 and f"({newer[0]})" in told and f"({aside[0]})" not in told


def test_an_acknowledgement_that_cannot_be_saved_holds_until_the_restart(tmp_path):
    db = tmp_path / "progress.db"
    damaged(db)
    ProgressStore.open(db).close()
    (tmp_path / "progress.db.seen").mkdir()  # in the way: the acknowledgement cannot be written
    notice = SetAsideNotice(db)
    notice.acknowledge()
    assert notice.text_vi() == ""
    assert SetAsideNotice(db).text_vi() != ""  # after a restart staff are told again


def written(db, lesson_ids, clock, pack):
    store = ProgressStore.open(db)
    kiosk = kiosk_on(store, pack, clock)
    for lesson_id in lesson_ids:
        learn(kiosk, clock, lesson_id)
    kiosk.close()
    rows = snapshot(store)
    store.close()
    return rows


def test_restore_puts_a_set_aside_file_back_and_keeps_what_was_written_since(tmp_path, core_pack):
    """What an old kiosk did to a healthy file at a lock: set it aside and start afresh."""
    db = tmp_path / "data" / "progress.db"
    old = written(db, [core_pack.lessons[0].id, core_pack.lessons[1].id], ManualClock(NOVEMBER), core_pack)
    aside = db.with_name("progress.db.broken-20261121T080000")
    db.rename(aside)
    since = written(db, [core_pack.lessons[2].id], ManualClock(NOVEMBER + datetime.timedelta(days=2)), core_pack)

    listed = hocvuso("db", "broken", env_extra={}, tmp_path=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert aside.name in listed.stdout and "08:00 ngày 21/11/2026" in listed.stdout
    assert f"{len(old['visits'])} lượt học" in listed.stdout and f"{len(old['attempts'])} lượt trả lời" in listed.stdout

    done = hocvuso("db", "restore", aside.name, env_extra={}, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Đã khôi phục" in done.stdout and ".replaced-" in done.stdout
    replaced = [name for name in set_aside_names(db.parent) if ".replaced-" in name]
    assert len(replaced) == 1 and not aside.exists()
    store = ProgressStore.open(db)
    now = snapshot(store)
    assert now["visits"] == old["visits"] | since["visits"]
    assert len(now["attempts"]) == len(old["attempts"]) + len(since["attempts"])
    assert now["outbox"] == old["outbox"] | since["outbox"]
    store.close()
    report = report_from_file(db, [core_pack], Settings(data_dir=db.parent), datetime.date(2026, 11, 1),
                              datetime.date(2026, 11, 30), NOVEMBER + datetime.timedelta(days=5))
    assert report.completed == 3
    again = hocvuso("db", "broken", env_extra={}, tmp_path=tmp_path)
    assert replaced[0] in again.stdout and "khi khôi phục" in again.stdout


def test_restore_refuses_while_the_kiosk_has_the_database_open(tmp_path, core_pack):
    db = tmp_path / "data" / "progress.db"
    written(db, [core_pack.lessons[0].id], ManualClock(NOVEMBER), core_pack)
    aside = db.with_name("progress.db.broken-20261121T080000")
    db.rename(aside)
    running = ProgressStore.open(db)  # the kiosk, running
    before = files(db.parent)
    refused = hocvuso("db", "restore", aside.name, env_extra={}, tmp_path=tmp_path)
    assert refused.returncode == 1 and "systemctl stop hocvuso-kiosk" in refused.stderr
    assert files(db.parent) == before
    running.close()


def test_restore_refuses_a_file_that_is_really_damaged(tmp_path):
    db = tmp_path / "data" / "progress.db"
    damaged(db)
    ProgressStore.open(db).close()
    aside = set_aside_names(db.parent)[0]
    listed = hocvuso("db", "broken", env_extra={}, tmp_path=tmp_path)
    assert "không đọc được (tệp dữ liệu bị hỏng)" in listed.stdout
    refused = hocvuso("db", "restore", aside, env_extra={}, tmp_path=tmp_path)
    assert refused.returncode == 1 and ".recover" in refused.stderr
    assert set_aside_names(db.parent) == [aside]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"  # the database in use is untouched
    conn.close()
