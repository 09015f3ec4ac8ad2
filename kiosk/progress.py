"""Anonymous learning progress in SQLite (sqlite-utils), after Kolibri's logger model:
a visit per citizen session, an attempt per step action, a summary per lesson per visit.

Schema v2 adds `outbox` (xAPI statements waiting for the LRS, written in the same
transaction as the progress they describe), `slips` (practice-slip codes that resume a
visit's unfinished lessons) and `attempt_rollups` (attempts older than the retention
period, counted per UTC day, lesson, step and outcome; see kiosk.retention). Schema v3
indexes attempts by time, for retention and reports. Schema v5 adds `lesson_runs` (each run
of a lesson, guided or solo, "Tự làm": kiosk.progress_runs) and, per attempt, its run and the
level of a Tự làm hint. Schema v6 adds help requests and the
confidence answers (kiosk.learner_records), handed to the statements with each summary.

Nothing personal is stored: ids are random, and no typed text is ever written.
Every write is its own transaction in WAL mode with synchronous=FULL: once a write returns
it is in the WAL file and fsynced, so neither a killed process (tests/kiosk/test_crash_safety.py,
benchmarks/crash_safety.py) nor a power cut loses it (with synchronous=NORMAL a simulated
power cut lost half the commits, see ../shared/reference/platform-notes.md). A write that
fails (disk full, read-only) changes nothing; the kiosk keeps teaching (kiosk.flow).

Opening never gives up on a sound file (see kiosk.store_trouble): a lock is waited for and
retried; a full, read-only or failing disk, or a lock that outlasts the wait, leaves the file
where it is while progress is held in memory until `try_file` can write it there; a file
written by a newer app is never written to; only a file that is not a database or fails
`quick_check` is set aside (kiosk.set_aside) and a new one started.
"""
from __future__ import annotations

import datetime
import json
import logging
import sqlite3
import uuid
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from kiosk import progress_runs as runs
from kiosk.learner_records import visit_help_requests, with_learner_records
from kiosk.lesson_session import Attempt, Run
from kiosk.progress_merge import merge_progress, recall_guesses
from kiosk.progress_schema import SCHEMA_VERSION, migrate, schema_version
from kiosk.set_aside import BROKEN, set_aside
from kiosk.store_trouble import WRITTEN_AGAIN_VI, Cause, DamagedError, NewerSchemaError, diagnose, is_locked

log = logging.getLogger(__name__)

WAIT_S = 5.0  # how long one try waits for another process's lock (SQLite's busy timeout)
TRIES = 3  # tries at start-up before progress is held in memory
INTERRUPTED = "interrupted"  # the end reason of a visit the last run left open (crash, power cut)


class StatementMaker(Protocol):
    """Turns finished progress into xAPI statements (dicts with an "id"); see kiosk/xapi."""

    def lesson_completed(self, visit: dict[str, Any], summary: dict[str, Any]) -> list[dict[str, Any]]: ...

    def visit_ended(self, visit: dict[str, Any], summaries: list[dict[str, Any]]) -> list[dict[str, Any]]: ...

    def solo_run(self, visit: dict[str, Any], run: dict[str, Any]) -> list[dict[str, Any]]: ...

    def hint_used(self, visit: dict[str, Any], run: dict[str, Any], attempt: dict[str, Any]) -> list[dict[str, Any]]: ...


class ProgressStore:
    def __init__(self, db: sqlite_utils.Database, path: Path | None, notice: str = "",
                 held_for: Path | None = None) -> None:
        self.db = db
        self.path = path  # the file written to; None while progress is in memory only
        self.notice = notice  # for staff: what went wrong with the file, in Vietnamese
        self.held_for = held_for  # the sound file progress held in memory goes to (try_file)
        self.statements: StatementMaker | None = None  # set by the app when xAPI is on

    @classmethod
    def open(cls, path: Path, wait_s: float = WAIT_S, tries: int = TRIES) -> ProgressStore:
        """Open (creating or migrating) the database at `path`, waiting up to `tries` × `wait_s`
        for another process's lock. Only a damaged file is set aside and a new one started;
        otherwise, when the file cannot be used, progress is kept in memory and staff told why."""
        try:
            return cls(_connect(path, wait_s, tries), path)
        except NewerSchemaError as exc:
            log.error("progress database %s left untouched: %s; progress is not recorded", path, exc)
            return cls._in_memory(exc.message_vi())
        except (sqlite3.Error, OSError) as exc:
            trouble = diagnose(exc, path)
        if trouble.cause is not Cause.CORRUPT:
            log.error("progress database %s cannot be used now (%s: %s); holding progress in memory until it can",
                      path, trouble.cause.value, trouble.detail)
            return cls._in_memory(trouble.held_vi(), held_for=path)
        log.error("progress database %s is damaged (%s)", path, trouble.detail)
        try:
            aside = set_aside(path, BROKEN)
            log.error("moved the damaged database to %s and started a new one", aside)
            return cls(_connect(path, wait_s, tries), path)
        except (sqlite3.Error, OSError) as exc:
            stuck = diagnose(exc, path)
            log.critical("cannot set aside the damaged database %s (%s); keeping progress in memory only",
                         path, stuck.detail)
            return cls._in_memory(stuck.stuck_vi())

    @classmethod
    def _in_memory(cls, notice: str, held_for: Path | None = None) -> ProgressStore:
        """A store in memory; holding for `held_for`, it starts with the file's wrong slip-code guesses."""
        db = sqlite_utils.Database(memory=True)
        migrate(db)
        if held_for is not None:
            recall_guesses(held_for, db)
        return cls(db, None, notice, held_for)

    def try_file(self) -> bool:
        """While progress is held in memory for a file that could not be opened: open it now,
        close the visits its last run left open, and move the held progress into it. True
        once progress is written to the file (the notice then says so)."""
        if self.held_for is None:
            return False
        try:
            file_db = _connect(self.held_for, wait_s=1.0, tries=1)
        except (sqlite3.Error, OSError) as exc:
            log.info("progress database %s still cannot be used (%s)", self.held_for, exc)
            return False
        held, self.db = self.db, file_db
        try:
            self.close_interrupted_visits()
            added = merge_progress(held, file_db)
        except (sqlite3.Error, OSError) as exc:
            log.error("progress held in memory not yet written to %s (%s)", self.held_for, exc)
            self.db = held
            file_db.close()
            return False
        log.warning("progress database %s is used again; added what was held in memory: %s", self.held_for, added)
        self.path, self.held_for, self.notice = self.held_for, None, f"{self.notice} {WRITTEN_AGAIN_VI}"
        held.close()
        return True

    def close_interrupted_visits(self) -> int:
        """Close every visit still open, as the last run left it when it was killed or the
        power went: ended `interrupted` at its last recorded activity, with its statements.
        Only the kiosk calls this, at start-up before its first visit; the number closed."""
        open_visits = self.db.execute(_LAST_ACTIVITY).fetchall()
        for visit_id, last in open_visits:
            self.end_visit(visit_id, datetime.datetime.fromisoformat(last), INTERRUPTED)
        if open_visits:
            log.warning("closed %d visit(s) left open by the last run as %s", len(open_visits), INTERRUPTED)
        return len(open_visits)

    def close(self) -> None:
        self.db.close()

    # --- writes ------------------------------------------------------------------------
    def start_visit(self, kiosk_id: str, at: datetime.datetime) -> str:
        visit_id = uuid.uuid4().hex
        with self.db.atomic():
            self.db["visits"].insert({"id": visit_id, "kiosk_id": kiosk_id, "started_at": _iso(at)})
        return visit_id

    def end_visit(self, visit_id: str, at: datetime.datetime, reason: str) -> None:
        with self.db.atomic():
            self.db["visits"].update(visit_id, {"ended_at": _iso(at), "end_reason": reason})
            self._runs_left(visit_id, runs.close_open_runs(self.db, visit_id, _iso(at)), at)
            if self.statements is not None:
                visit = {**self.db["visits"].get(visit_id), "help_requests": visit_help_requests(self.db, visit_id)}
                summaries = [with_learner_records(self.db, summary)
                             for summary in self.db["lesson_summaries"].rows_where("visit_id = ?", [visit_id])]
                self._enqueue(self.statements.visit_ended(visit, summaries), at)

    def lesson_started(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        with self.db.atomic():
            self._summary_exists(visit_id, lesson_id, at)

    def record(self, visit_id: str, lesson_id: str, attempt: Attempt, at: datetime.datetime, run: Run | None = None) -> None:
        counter = {"correct": "steps_done", "viewed": "steps_done", "wrong": "wrong_count", "hint": "hint_count"}
        with self.db.atomic():
            self._summary_exists(visit_id, lesson_id, at)
            row = {
                "visit_id": visit_id,
                "lesson_id": lesson_id,
                "step_id": attempt.step_id,
                "step_index": attempt.step_index,
                "outcome": attempt.outcome,
                "at": _iso(at),
                "run_id": run.id if run else None,
                "hint_level": attempt.level or None,
            }
            self.db["attempts"].insert(row)
            if run is not None:
                self._run_attempt(visit_id, lesson_id, run, attempt, row, at)
            column = counter[attempt.outcome]
            self.db.execute(
                f"UPDATE lesson_summaries SET {column} = {column} + 1 WHERE visit_id = ? AND lesson_id = ?",
                [visit_id, lesson_id],
            )

    def lesson_completed(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        with self.db.atomic():
            self._complete_summary(visit_id, lesson_id, at)
            if self.statements is not None:
                visit = self.db["visits"].get(visit_id)
                summary = with_learner_records(self.db, self.db["lesson_summaries"].get((visit_id, lesson_id)))
                self._enqueue(self.statements.lesson_completed(visit, summary), at)

    # --- lesson runs: guided or solo ("Tự làm"), kiosk.progress_runs -------------------------
    def run_started(self, visit_id: str, lesson_id: str, run: Run, at: datetime.datetime) -> None:
        """A run of the lesson begins (after `lesson_started`); a run still open was left now."""
        with self.db.atomic():
            self._runs_left(visit_id, runs.close_open_runs(self.db, visit_id, _iso(at), keep=run.id), at)
            runs.ensure_run(self.db, visit_id, lesson_id, run, _iso(at))

    def run_completed(self, visit_id: str, lesson_id: str, run: Run, at: datetime.datetime) -> None:
        """A run finished. A guided run's lesson is completed by `lesson_completed`, with its
        statements; a solo run completes the lesson here if nothing did before, and makes its own."""
        with self.db.atomic():
            runs.ensure_run(self.db, visit_id, lesson_id, run, _iso(at))
            self._summary_exists(visit_id, lesson_id, at)
            if run.mode == "solo" and self.db["lesson_summaries"].get((visit_id, lesson_id))["status"] != "completed":
                self._complete_summary(visit_id, lesson_id, at)
            self._runs_left(visit_id, [runs.complete_run(self.db, run, _iso(at))], at)

    def _run_attempt(self, visit_id: str, lesson_id: str, run: Run, attempt: Attempt, row: dict[str, Any],
                     at: datetime.datetime) -> None:
        runs.ensure_run(self.db, visit_id, lesson_id, run, _iso(at))
        runs.count_attempt(self.db, run, attempt)
        if self.statements is not None and run.mode == "solo" and attempt.outcome == "hint":
            visit = self.db["visits"].get(visit_id)
            self._enqueue(self.statements.hint_used(visit, self.db["lesson_runs"].get(run.id), row), at)

    def _runs_left(self, visit_id: str, closed: list[dict[str, Any]], at: datetime.datetime) -> None:
        """The statements of solo runs that ended (finished, or left when another began or the visit ended)."""
        solo = [row for row in closed if row["mode"] == "solo"]
        if self.statements is not None and solo:
            visit = self.db["visits"].get(visit_id)
            for row in solo:
                self._enqueue(self.statements.solo_run(visit, row), at)

    def _complete_summary(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        self._summary_exists(visit_id, lesson_id, at)
        row = self.db["lesson_summaries"].get((visit_id, lesson_id))
        started = datetime.datetime.fromisoformat(row["started_at"])
        self.db["lesson_summaries"].update(
            (visit_id, lesson_id),
            {"status": "completed", "completed_at": _iso(at), "seconds": (at - started).total_seconds()},
        )

    def _summary_exists(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        """Start the lesson's summary unless it exists: also when `lesson_started` was lost
        (disk full, read-only), so later steps of the lesson are still counted."""
        self.db.execute(
            "INSERT OR IGNORE INTO lesson_summaries (visit_id, lesson_id, status, started_at, seconds,"
            " steps_done, wrong_count, hint_count) VALUES (?, ?, 'started', ?, 0, 0, 0, 0)",
            [visit_id, lesson_id, _iso(at)],
        )

    def _enqueue(self, statements: list[dict[str, Any]], at: datetime.datetime) -> None:
        """Add statements to the outbox; the caller holds the progress transaction."""
        self.db["outbox"].insert_all(
            {"id": st["id"], "statement": json.dumps(st, ensure_ascii=False), "created_at": _iso(at), "tries": 0}
            for st in statements
        )


def connect_file(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A connection of its own (the xAPI forwarder thread, reports, exports) to an existing
    progress database, never creating, migrating or moving it.
    Raises FileNotFoundError when there is none, sqlite3.DatabaseError when it is not one."""
    if not path.is_file():
        raise FileNotFoundError(f"no progress database at {path}")
    target, uri = (path.resolve().as_uri() + "?mode=ro", True) if readonly else (str(path), False)
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False, timeout=30)
    try:
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails here if it is not a database
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")


def _connect(path: Path, wait_s: float, tries: int) -> sqlite_utils.Database:
    """Open the database, retrying while another process holds it locked."""
    attempt = 1
    while True:
        try:
            return _connect_once(path, wait_s)
        except sqlite3.OperationalError as exc:
            if not is_locked(exc) or attempt >= tries:
                raise
            log.warning("progress database %s is locked by another process (%s); try %d of %d", path, exc, attempt, tries)
            attempt += 1


def _connect_once(path: Path, wait_s: float) -> sqlite_utils.Database:
    """Open, check, migrate and note the time in `meta` (a newer file is left exactly as it
    was). NewerSchemaError, DamagedError, sqlite3.Error, OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=wait_s)
    try:
        db = sqlite_utils.Database(conn)
        found = schema_version(db)
        if found > SCHEMA_VERSION:
            raise NewerSchemaError(found, SCHEMA_VERSION)
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise DamagedError(f"quick_check: {check}")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)  # also proves the file can be written now: else progress is held in memory
    except BaseException:
        conn.close()
        raise
    return db


_LAST_ACTIVITY = """
SELECT v.id, max(v.started_at,
    coalesce((SELECT max(at) FROM attempts WHERE visit_id = v.id), ''),
    coalesce((SELECT max(coalesce(completed_at, started_at)) FROM lesson_summaries WHERE visit_id = v.id), ''),
    coalesce((SELECT max(created_at) FROM slips WHERE visit_id = v.id), ''))
FROM visits v WHERE v.ended_at IS NULL ORDER BY v.started_at
"""
