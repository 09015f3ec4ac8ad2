"""Progress held in memory (the file could not be written at start-up) reaches the file whole:
every table, rows counted before and after, and the slip-code guard's wrong guesses too, so
guessing never goes faster because the disk was full or read-only (nor counts a guess twice).
So do wrong guesses that could not be written because the disk filled while the kiosk ran."""
from __future__ import annotations

import datetime
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlite_utils
from progress_kit import kiosk_on

from content.model import Pack
from kiosk import slip_texts
from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intents import AnswerConfidence, AnswerHelp, CallStaff, EndSession, EnterCode, OpenLesson, TakeSlip, Touched
from kiosk.progress import ProgressStore
from kiosk.progress_merge import merge_progress
from kiosk.progress_schema import migrate
from kiosk.settings import Settings
from kiosk.slip_desk import FREE_TRIES, WAIT_S
from kiosk.views import LessonView
from kiosk.walkthrough import complete_step
from kiosk.xapi.statements import KioskStatements
from tests.kiosk.disk_kit import fill, run
from tests.kiosk.test_slips import guess_five_wrong_codes, type_code

AT = datetime.datetime(2026, 11, 28, 8, tzinfo=datetime.UTC)
TOUCH = "cham-vuot-go-chu"

Mend = Callable[[], object]


def full(disk: Path) -> Mend:
    return fill(disk).unlink


def read_only(disk: Path) -> Mend:
    remounted = run("mount", "-o", "remount,ro", str(disk))
    if remounted.returncode != 0:
        pytest.skip(f"cannot remount the disk read-only ({remounted.stderr.strip()})")
    return lambda: run("mount", "-o", "remount,rw", str(disk))


@pytest.fixture(params=[full, read_only], ids=["full", "read-only"])
def break_disk(request: pytest.FixtureRequest, small_disk: Path) -> Callable[[], Mend]:
    """Break the small disk as the test's parameter says; returns how to mend it."""
    return lambda: request.param(small_disk)


def held_store(db: Path) -> ProgressStore:
    store = ProgressStore.open(db)
    assert store.path is None and store.held_for == db
    return store


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    return {table: db[table].count for table in db.table_names() if table != "meta"}


def says_wait(kiosk: Kiosk, seconds: int) -> bool:
    """Type a wrong code: True when the kiosk asks to wait `seconds` first."""
    kiosk.handle(Touched())
    kiosk.handle(EnterCode())
    type_code(kiosk, "00000001")
    return kiosk.view().page.message == slip_texts.CODE_WAIT.format(seconds=seconds)


def restarted(db: Path, pack: Pack, clock: ManualClock, later_s: int) -> tuple[Kiosk, ProgressStore]:
    """The app started again `later_s` seconds on: a new process, a new clock."""
    store = ProgressStore.open(db)
    assert store.notice == ""
    kiosk = kiosk_on(store, pack, ManualClock(clock.now() + datetime.timedelta(seconds=later_s)))
    kiosk.handle(Touched())
    return kiosk, store


def test_every_table_is_added_when_held_progress_reaches_the_file():
    """A table the schema gains must be added too: only `meta` is the file's own."""
    held, file = sqlite_utils.Database(memory=True), sqlite_utils.Database(memory=True)
    migrate(held)
    migrate(file)
    assert set(merge_progress(held, file)) == set(file.table_names()) - {"meta"}


def test_wrong_codes_guessed_while_held_reach_the_file_and_a_restart_still_waits(small_disk, break_disk, core_pack):
    db = small_disk / "progress.db"
    ProgressStore.open(db).close()
    mend = break_disk()
    store = held_store(db)
    clock = ManualClock(AT)
    kiosk = kiosk_on(store, core_pack, clock)
    guess_five_wrong_codes(kiosk)
    assert store.db["code_guesses"].count == FREE_TRIES

    mend()
    assert store.try_file()
    assert store.db["code_guesses"].count == FREE_TRIES  # in the file now
    assert says_wait(kiosk, WAIT_S)  # the same wait, not a longer one: no guess counted twice
    clock.advance(WAIT_S)
    kiosk.handle(EndSession())
    assert not says_wait(kiosk, WAIT_S)  # a sixth wrong guess, written to the file
    assert store.db["code_guesses"].count == FREE_TRIES + 1
    kiosk.close()
    store.close()

    again, reopened = restarted(db, core_pack, clock, 5)
    assert says_wait(again, WAIT_S - 5)  # the restart did not reset the guard
    reopened.close()


def test_a_start_up_that_cannot_write_still_waits_for_the_guesses_in_the_file(small_disk, break_disk, core_pack):
    db = small_disk / "progress.db"
    clock = ManualClock(AT)
    store = ProgressStore.open(db)
    guess_five_wrong_codes(kiosk_on(store, core_pack, clock))
    store.close()
    mend = break_disk()

    store = held_store(db)  # restarted on the broken disk
    later = ManualClock(clock.now() + datetime.timedelta(seconds=5))
    kiosk = kiosk_on(store, core_pack, later)
    kiosk.handle(Touched())
    assert says_wait(kiosk, WAIT_S - 5)
    later.advance(WAIT_S)
    assert not says_wait(kiosk, WAIT_S)  # a sixth wrong guess, held in memory
    assert store.db["code_guesses"].count == FREE_TRIES + 1

    mend()
    assert store.try_file()
    assert store.db["code_guesses"].count == FREE_TRIES + 1  # the five from the file are not added again
    kiosk.close()
    store.close()


def test_everything_a_citizen_did_while_held_reaches_the_file(small_disk, break_disk, core_pack):
    """A help request, the confidence answers, a guided and a solo run, a slip and wrong codes."""
    db = small_disk / "progress.db"
    store = ProgressStore.open(db)
    before = counts(store.db)
    store.close()
    mend = break_disk()
    store = held_store(db)
    clock = ManualClock(AT)
    settings = Settings(data_dir=small_disk, confidence_questions=True)
    kiosk = Kiosk([core_pack], store, settings, clock, random.Random(3))
    store.statements = KioskStatements(lambda: settings, lambda: kiosk.packs)

    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(TOUCH))
    kiosk.handle(AnswerConfidence(1))
    kiosk.handle(CallStaff())
    kiosk.handle(AnswerHelp("coming"))
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
        clock.advance(10)
    kiosk.handle(AnswerConfidence(3))
    kiosk.handle(AnswerConfidence(1))
    kiosk.handle(OpenLesson(TOUCH, mode="solo"))
    while isinstance(kiosk.view().page, LessonView):
        complete_step(kiosk)
        clock.advance(10)
    kiosk.handle(TakeSlip())
    guess_five_wrong_codes(kiosk)
    kiosk.handle(EndSession())
    held = counts(store.db)
    assert all(held[table] for table in held if table != "attempt_rollups"), held  # each table written

    mend()
    assert store.try_file()
    assert store.path == db
    file = sqlite_utils.Database(sqlite3.connect(db))
    assert counts(file) == {table: before[table] + held[table] for table in before}
    assert file["help_requests"].get(next(store.db["help_requests"].rows)["id"])["outcome"] == "left"
    assert {r["mode"] for r in file["lesson_runs"].rows} == {"guided", "solo"}
    file.close()
    kiosk.close()
    store.close()


def test_a_guess_at_the_same_time_in_both_is_one_guess_and_more_in_memory_are_added():
    file, held = sqlite_utils.Database(memory=True), sqlite_utils.Database(memory=True)
    for db in (file, held):
        migrate(db)
    file["code_guesses"].insert_all([{"at": 1.0}, {"at": 2.0}])
    held["code_guesses"].insert_all([{"at": 2.0}, {"at": 3.0}, {"at": 3.0}])
    assert merge_progress(held, file)["code_guesses"] == 2
    assert sorted(r["at"] for r in file["code_guesses"].rows) == [1.0, 2.0, 3.0, 3.0]
    assert merge_progress(held, file)["code_guesses"] == 0  # merging again adds nothing


def file_guesses(db: Path) -> list[float]:
    """The wrong guesses' times the file at `db` keeps, read as a restarted app would."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [at for (at,) in conn.execute("SELECT at FROM code_guesses ORDER BY at")]
    finally:
        conn.close()


def guesses_on_a_disk_that_fills(db: Path, pack: Pack, clock: ManualClock) -> tuple[Kiosk, ProgressStore, Path]:
    """A kiosk running on a sound file, then the disk fills and five wrong codes cannot be
    written: the guard waits from memory. Returns the kiosk, its store and the filler."""
    store = ProgressStore.open(db)
    kiosk = kiosk_on(store, pack, clock)
    kiosk.handle(Touched())  # the visit is written
    filler = fill(db.parent)
    guess_five_wrong_codes(kiosk)
    assert file_guesses(db) == []  # none could be written
    assert says_wait(kiosk, WAIT_S)
    return kiosk, store, filler


def test_wrong_codes_not_written_on_a_full_disk_reach_it_with_the_next_write_and_a_restart_still_waits(small_disk, core_pack):
    db, clock = small_disk / "progress.db", ManualClock(AT)
    kiosk, store, filler = guesses_on_a_disk_that_fills(db, core_pack, clock)
    kiosk.handle(OpenLesson(TOUCH))  # progress the full disk refuses too: the guesses stay in memory
    assert kiosk.store_failing and file_guesses(db) == []

    filler.unlink()
    complete_step(kiosk)  # the first progress write that works
    assert not kiosk.store_failing
    assert file_guesses(db) == [AT.timestamp()] * FREE_TRIES  # each at the time it was guessed
    complete_step(kiosk)
    kiosk.handle(EndSession())
    assert len(file_guesses(db)) == FREE_TRIES  # written once, never again
    assert says_wait(kiosk, WAIT_S)  # the same wait: no guess counted twice
    kiosk.close()
    store.close()

    again, reopened = restarted(db, core_pack, clock, 5)
    assert says_wait(again, WAIT_S - 5)  # the restart did not forget them
    reopened.close()


def test_wrong_codes_not_written_are_kept_while_the_disk_stays_full_and_go_with_the_next_guess(small_disk, core_pack):
    db, clock = small_disk / "progress.db", ManualClock(AT)
    kiosk, store, filler = guesses_on_a_disk_that_fills(db, core_pack, clock)
    clock.advance(WAIT_S)
    kiosk.handle(EndSession())
    assert not says_wait(kiosk, WAIT_S)  # a sixth wrong guess, refused by the full disk as well
    assert file_guesses(db) == []

    filler.unlink()
    clock.advance(WAIT_S)
    kiosk.handle(EndSession())
    assert not says_wait(kiosk, WAIT_S)  # a seventh, the first write to work: all seven go
    assert file_guesses(db) == [AT.timestamp()] * FREE_TRIES + [AT.timestamp() + WAIT_S, AT.timestamp() + 2 * WAIT_S]
    kiosk.close()
    store.close()


def test_wrong_codes_not_written_reach_the_file_when_the_kiosk_stops(small_disk, core_pack):
    """Mended with nobody at the kiosk: stopping it (SIGTERM, kiosk.app.stop_signals) writes them."""
    db, clock = small_disk / "progress.db", ManualClock(AT)
    kiosk, store, filler = guesses_on_a_disk_that_fills(db, core_pack, clock)
    kiosk.handle(EndSession())  # the visit's end is refused too
    filler.unlink()
    kiosk.close()
    store.close()
    assert len(file_guesses(db)) == FREE_TRIES


def test_a_help_request_the_full_disk_refused_is_answered_and_closed_without_a_crash(small_disk, core_pack):
    store = ProgressStore.open(small_disk / "progress.db")
    kiosk = kiosk_on(store, core_pack, ManualClock(AT))
    kiosk.handle(Touched())
    filler = fill(small_disk)
    kiosk.handle(CallStaff())  # not written: the disk is full
    assert kiosk.store_failing and kiosk.help_request is not None
    filler.unlink()  # mended before staff answer
    kiosk.handle(AnswerHelp("coming"))
    kiosk.handle(AnswerHelp("helped"))
    kiosk.handle(CallStaff())  # a second request is written and closed with the visit
    kiosk.handle(EndSession())
    (visit,) = store.db["visits"].rows
    assert visit["ended_at"] and [r["outcome"] for r in store.db["help_requests"].rows] == ["left"]
