"""Disk full and read-only, for real: the kiosk keeps teaching, tells staff, loses nothing
already written, and writes again without a restart once the disk is mended.

Real failures only: a full tmpfs (ENOSPC), SQLite's own page limit (SQLITE_FULL, works
anywhere), an immutable file (EPERM even for root, who ignores chmod) and an ext4 file
system that the kernel turns read-only after an error (errors=remount-ro).
"""
from __future__ import annotations

import errno
import random
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from crash_harness import inconsistencies
from progress_writer import Statements

from content.model import Pack
from kiosk import texts
from kiosk.actions import Action, Show, Speak
from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intents import BackToMenu, EndSession, OpenLesson, Touched
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.views import CompletionView
from kiosk.walkthrough import complete_step
from tests.conftest import TmpfsMount


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _mount(*args: str, why: str) -> None:
    result = _run("mount", *args)
    if result.returncode != 0:
        pytest.skip(f"{why}: `mount {' '.join(args)}` is not permitted here ({result.stderr.strip()})")


# --- the kiosk -----------------------------------------------------------------------------
def kiosk_after_one_lesson(db: Path, pack: Pack, clock: ManualClock) -> tuple[Kiosk, ProgressStore, dict[str, Any]]:
    """A kiosk on `db` whose first citizen has finished the first lesson; what is written."""
    store = ProgressStore.open(db)
    assert store.notice == ""
    store.statements = Statements()
    kiosk = Kiosk([pack], store, Settings(data_dir=db.parent), clock, random.Random(3))
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(pack.lessons[0].id))
    finish_lesson(kiosk, clock)
    return kiosk, store, snapshot(store)


def finish_lesson(kiosk: Kiosk, clock: ManualClock) -> list[Action]:
    actions: list[Action] = []
    while kiosk.lesson_session is not None:
        actions = complete_step(kiosk)
        clock.advance(10)
    return actions


def snapshot(store: ProgressStore) -> dict[str, Any]:
    db = store.db
    return {
        "attempts": {r["id"]: r for r in db["attempts"].rows},
        "visits": {r["id"] for r in db["visits"].rows},
        "completed": {(r["visit_id"], r["lesson_id"]): r for r in db["lesson_summaries"].rows_where("status = 'completed'")},
        "outbox": {r["id"] for r in db["outbox"].rows},
    }


def assert_kept(before: dict[str, Any], store: ProgressStore) -> None:
    """Everything written before the trouble is still there, unchanged, and the file is sound."""
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after = snapshot(store)
    assert before["attempts"].items() <= after["attempts"].items()
    assert before["visits"] <= after["visits"]
    assert before["completed"].items() <= after["completed"].items()
    assert before["outbox"] <= after["outbox"]
    assert inconsistencies(store) == []


def learn_until_a_write_fails(kiosk: Kiosk, clock: ManualClock, lesson_ids: list[str]) -> None:
    """Do lessons until the store refuses a write (a page with room can take a few more)."""
    for lesson_id in lesson_ids * 3:
        kiosk.handle(OpenLesson(lesson_id))
        while kiosk.lesson_session is not None and not kiosk.store_failing:
            complete_step(kiosk)
            clock.advance(10)
        if kiosk.store_failing:
            return
        kiosk.handle(BackToMenu())
    pytest.fail("the store never refused a write: the trouble was not real")


def assert_lesson_finishes(kiosk: Kiosk, clock: ManualClock) -> None:
    actions = finish_lesson(kiosk, clock)
    shown = [a.view.page for a in actions if isinstance(a, Show)]
    assert isinstance(shown[-1], CompletionView) and Speak(texts.COMPLETED) in actions


Trouble = Callable[[ProgressStore], object]


def keeps_teaching_through(db: Path, pack: Pack, break_disk: Trouble, mend_disk: Trouble) -> None:
    clock = ManualClock()
    kiosk, store, before = kiosk_after_one_lesson(db, pack, clock)
    assert before["completed"] and before["outbox"]
    lesson_ids = [lesson.id for lesson in pack.lessons]

    break_disk(store)
    learn_until_a_write_fails(kiosk, clock, lesson_ids[1:])
    assert "Không ghi được tiến độ học" in kiosk.store_problem
    assert_lesson_finishes(kiosk, clock)  # the citizen is not stopped
    kiosk.handle(EndSession())
    kiosk.handle(Touched())  # the next citizen comes while the disk is still in trouble
    kiosk.handle(OpenLesson(lesson_ids[2]))
    complete_step(kiosk)

    mend_disk(store)
    visits_before_mend = store.db["visits"].count
    complete_step(kiosk)
    assert not kiosk.store_failing and "đã ghi lại được bình thường" in kiosk.store_problem
    newest = store.db.execute("SELECT visit_id FROM attempts ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert store.db["visits"].count >= visits_before_mend and store.db["visits"].get(newest)["ended_at"] is None
    assert_lesson_finishes(kiosk, clock)
    assert_kept(before, store)
    kiosk.close()
    store.close()
    again = ProgressStore.open(db)
    assert again.notice == ""
    assert_kept(before, again)
    again.close()


# --- disk full -----------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmpfs_mount: TmpfsMount) -> Path:
    """A real 2 MB file system (tmpfs) that the test can fill up."""
    return tmpfs_mount("disk", size="2m")


def test_full_disk_keeps_teaching_and_writes_again_once_there_is_room(small_disk, core_pack):
    filler = small_disk / "logs-that-filled-the-disk"

    def fill(_: ProgressStore) -> None:
        with filler.open("wb") as out, pytest.raises(OSError) as full:
            while True:
                out.write(b"x" * 65536)
                out.flush()
        assert full.value.errno == errno.ENOSPC

    keeps_teaching_through(small_disk / "progress.db", core_pack, fill, lambda _: filler.unlink())


def test_database_at_its_page_limit_keeps_teaching_and_writes_again(tmp_path, core_pack):
    """SQLITE_FULL from SQLite itself (max_page_count), on any machine."""

    def no_new_pages(store: ProgressStore) -> None:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        assert store.db.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages

    def room(store: ProgressStore) -> None:
        store.db.execute("PRAGMA max_page_count = 1073741823")

    keeps_teaching_through(tmp_path / "progress.db", core_pack, no_new_pages, room)


# --- read-only -----------------------------------------------------------------------------
def test_immutable_database_keeps_teaching_and_writes_again_when_writable(tmp_path, core_pack):
    db = tmp_path / "progress.db"
    files = [str(db), f"{db}-wal"]

    def lock(_: ProgressStore) -> None:
        result = _run("chattr", "+i", *files)
        if result.returncode != 0:
            pytest.skip(f"this file system cannot make files immutable ({result.stderr.strip()})")
        with pytest.raises(PermissionError):  # root too: the lock is real
            db.open("ab").close()

    try:
        keeps_teaching_through(db, core_pack, lock, lambda _: _run("chattr", "-i", *files))
    finally:
        _run("chattr", "-i", *files)


@pytest.fixture
def ext4_disk(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """An 8 MB ext4 file system on a loop device, mounted errors=remount-ro."""
    image, mount_dir = tmp_path / "ext4.img", tmp_path / "ext4"
    mount_dir.mkdir()
    with image.open("wb") as out:
        out.truncate(8 << 20)
    made = _run("mkfs.ext4", "-q", "-F", str(image))
    if made.returncode != 0:
        pytest.skip(f"mkfs.ext4 is needed for the read-only file system test ({made.stderr.strip()})")
    _mount("-o", "loop,errors=remount-ro", str(image), str(mount_dir), why="a file system turning read-only needs root")
    device = Path(_run("findmnt", "-n", "-o", "SOURCE", str(mount_dir)).stdout.strip()).name
    yield mount_dir, device
    _run("umount", "-l", str(mount_dir))


def test_file_system_turned_read_only_by_the_kernel_keeps_teaching_and_loses_nothing(ext4_disk, core_pack, tmp_path):
    """What ext4 does after a disk error: remount read-only under the running kiosk. The kiosk
    keeps teaching; a restart before the technician's repair teaches from memory and leaves
    the file alone; after the repair everything written before the error is there."""
    mount_dir, device = ext4_disk
    trigger = Path(f"/sys/fs/ext4/{device}/trigger_fs_error")
    if not trigger.exists():
        pytest.skip(f"{trigger} is missing: this kernel cannot simulate an ext4 error")
    db, clock = mount_dir / "progress.db", ManualClock()
    kiosk, store, before = kiosk_after_one_lesson(db, core_pack, clock)

    trigger.write_text("hocvuso test\n")
    with pytest.raises(OSError) as refused:
        (mount_dir / "probe").write_text("x")
    assert refused.value.errno == errno.EROFS
    kiosk.handle(OpenLesson(core_pack.lessons[1].id))
    assert kiosk.store_failing and "Không ghi được tiến độ học" in kiosk.store_problem
    assert_lesson_finishes(kiosk, clock)
    restarted = ProgressStore.open(db)  # a restart while the disk is still read-only
    assert restarted.path is None and "bộ nhớ" in restarted.notice
    assert sorted(p.name for p in mount_dir.glob("progress.db*")) == ["progress.db", "progress.db-shm", "progress.db-wal"]
    restarted.close()
    kiosk.close()
    store.close()

    _run("umount", str(mount_dir))  # the technician's repair, then the kiosk starts again
    _mount("-o", "loop", str(tmp_path / "ext4.img"), str(mount_dir), why="remounting the repaired file system")
    again = ProgressStore.open(db)
    assert again.notice == ""
    assert_kept(before, again)
    again.close()
