"""Disk full and read-only, for real: the kiosk keeps teaching, tells staff, loses nothing
already written, and writes again without a restart once the disk is mended.

Real failures only: a full tmpfs (ENOSPC), SQLite's own page limit (SQLITE_FULL, works
anywhere), an immutable file (EPERM even for root, who ignores chmod) and an ext4 file
system that the kernel turns read-only after an error (errors=remount-ro).
"""
from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from progress_kit import assert_kept, files, finish_lesson, kiosk_after_one_lesson

from content.model import Pack
from kiosk import texts
from kiosk.actions import Show, Speak
from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intents import BackToMenu, EndSession, OpenLesson, Touched
from kiosk.progress import ProgressStore
from kiosk.views import CompletionView
from kiosk.walkthrough import complete_step
from tests.kiosk.disk_kit import Ext4Disk, fill, run


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
def test_full_disk_keeps_teaching_and_writes_again_once_there_is_room(small_disk, core_pack):
    filled: list[Path] = []
    keeps_teaching_through(small_disk / "progress.db", core_pack, lambda _: filled.append(fill(small_disk)),
                           lambda _: filled[0].unlink())


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
    parts = [str(db), f"{db}-wal"]

    def lock(_: ProgressStore) -> None:
        result = run("chattr", "+i", *parts)
        if result.returncode != 0:
            pytest.skip(f"this file system cannot make files immutable ({result.stderr.strip()})")
        with pytest.raises(PermissionError):  # root too: the lock is real
            db.open("ab").close()

    try:
        keeps_teaching_through(db, core_pack, lock, lambda _: run("chattr", "-i", *parts))
    finally:
        run("chattr", "-i", *parts)


def test_file_system_turned_read_only_by_the_kernel_keeps_teaching_and_loses_nothing(ext4_disk: Ext4Disk, core_pack):
    """What ext4 does after a disk error: remount read-only under the running kiosk. The kiosk
    keeps teaching; a restart before the technician's repair teaches from memory, leaves the
    file alone and tells staff the disk is read-only; after the repair everything written
    before the error is there."""
    mount_dir = ext4_disk.mount_dir
    trigger = Path(f"/sys/fs/ext4/{ext4_disk.device}/trigger_fs_error")
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
    assert "chỉ đọc" in kiosk.store_problem  # the true cause
    assert_lesson_finishes(kiosk, clock)
    restarted = ProgressStore.open(db)  # a restart while the disk is still read-only
    assert restarted.path is None and "bộ nhớ" in restarted.notice and "chỉ đọc" in restarted.notice
    assert files(mount_dir) == ["progress.db", "progress.db-shm", "progress.db-wal"]
    restarted.close()
    kiosk.close()
    store.close()

    ext4_disk.mend()  # the technician's repair, then the kiosk starts again
    again = ProgressStore.open(db)
    assert again.notice == ""
    assert_kept(before, again)
    again.close()
