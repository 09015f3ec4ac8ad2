"""Anonymous learning progress in SQLite (sqlite-utils), after Kolibri's logger model:
a visit per citizen session, an attempt per step action, a summary per lesson per visit.

Schema v2 adds `outbox` (xAPI statements waiting for the LRS, written in the same
transaction as the progress they describe), `slips` (practice-slip codes that resume a
visit's unfinished lessons) and `attempt_rollups` (attempts older than the retention
period, counted per UTC day, lesson, step and outcome; see kiosk.retention). Schema v3
indexes attempts by time, for retention and reports.

Nothing personal is stored: ids are random, and no typed text is ever written.
Every write is its own transaction in WAL mode with synchronous=FULL: once a write returns
it is in the WAL file and fsynced, so neither a killed process (tests/kiosk/test_crash_safety.py,
benchmarks/crash_safety.py) nor a power cut loses it (with synchronous=NORMAL a simulated
power cut lost half the commits, see ../shared/reference/platform-notes.md). A write that
fails (disk full, read-only) changes nothing; the kiosk keeps teaching (kiosk.flow).
"""
from __future__ import annotations

import datetime
import json
import logging
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import sqlite_utils

from kiosk.lesson_session import Attempt

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3


class StatementMaker(Protocol):
    """Turns finished progress into xAPI statements (dicts with an "id"); see kiosk/xapi."""

    def lesson_completed(self, visit: dict[str, Any], summary: dict[str, Any]) -> list[dict[str, Any]]: ...

    def visit_ended(self, visit: dict[str, Any], summaries: list[dict[str, Any]]) -> list[dict[str, Any]]: ...


def _create_v1(db: sqlite_utils.Database) -> None:
    db["visits"].create(
        {"id": str, "kiosk_id": str, "started_at": str, "ended_at": str, "end_reason": str}, pk="id"
    )
    db["attempts"].create(
        {"id": int, "visit_id": str, "lesson_id": str, "step_id": str, "step_index": int, "outcome": str, "at": str},
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
    )
    db["attempts"].create_index(["visit_id"])
    db["lesson_summaries"].create(
        {
            "visit_id": str,
            "lesson_id": str,
            "status": str,  # started | completed
            "started_at": str,
            "completed_at": str,
            "seconds": float,
            "steps_done": int,
            "wrong_count": int,
            "hint_count": int,
        },
        pk=("visit_id", "lesson_id"),
        foreign_keys=[("visit_id", "visits", "id")],
    )


def _create_v2(db: sqlite_utils.Database) -> None:
    db["outbox"].create(
        {
            "id": str,  # the statement id: resending it is idempotent at the LRS
            "statement": str,  # JSON
            "created_at": str,
            "tries": int,
            "next_try_at": str,  # NULL: as soon as the network is up
            "sent_at": str,  # NULL until the LRS accepted it
            "rejected_at": str,  # set aside: the LRS refused it as invalid
            "rejected_reason": str,
        },
        pk="id",
        defaults={"tries": 0},
    )
    db["outbox"].create_index(["sent_at", "rejected_at"])
    db["slips"].create(
        {"code": str, "visit_id": str, "created_at": str},
        pk="code",
        foreign_keys=[("visit_id", "visits", "id")],
    )
    db["attempt_rollups"].create(
        {"day": str, "lesson_id": str, "step_id": str, "outcome": str, "count": int},
        pk=("day", "lesson_id", "step_id", "outcome"),
    )


def _index_attempt_times(db: sqlite_utils.Database) -> None:
    db["attempts"].create_index(["at"])


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {1: _create_v1, 2: _create_v2, 3: _index_attempt_times}


class ProgressStore:
    def __init__(self, db: sqlite_utils.Database, path: Path | None, notice: str = "") -> None:
        self.db = db
        self.path = path
        self.notice = notice  # for staff: what went wrong with the file, in Vietnamese
        self.statements: StatementMaker | None = None  # set by the app when xAPI is on

    @classmethod
    def open(cls, path: Path) -> ProgressStore:
        """Open (creating or migrating) the database at `path`. A corrupt or unreadable file
        is moved aside and a new one started; if even that fails, progress is kept in memory."""
        try:
            return cls(_connect(path), path)
        except (sqlite3.DatabaseError, OSError) as exc:
            log.error("progress database %s is unusable (%s)", path, exc)
        try:
            aside = _move_aside(path)
            log.error("moved the unusable database to %s and started a new one", aside)
            notice = f"Tệp dữ liệu cũ bị hỏng nên đã được cất sang {aside.name}; kiosk đã tạo tệp mới."
            return cls(_connect(path), path, notice)
        except (sqlite3.DatabaseError, OSError) as exc:
            log.critical("cannot create a progress database at %s (%s); keeping progress in memory only", path, exc)
            db = sqlite_utils.Database(memory=True)
            _migrate(db)
            return cls(db, None, "Không ghi được dữ liệu học tập vào ổ đĩa; kết quả hôm nay chỉ giữ tạm trong bộ nhớ.")

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
            if self.statements is not None:
                visit = self.db["visits"].get(visit_id)
                summaries = list(self.db["lesson_summaries"].rows_where("visit_id = ?", [visit_id]))
                self._enqueue(self.statements.visit_ended(visit, summaries), at)

    def lesson_started(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        with self.db.atomic():
            self._summary_exists(visit_id, lesson_id, at)

    def record(self, visit_id: str, lesson_id: str, attempt: Attempt, at: datetime.datetime) -> None:
        counter = {"correct": "steps_done", "viewed": "steps_done", "wrong": "wrong_count", "hint": "hint_count"}
        with self.db.atomic():
            self._summary_exists(visit_id, lesson_id, at)
            self.db["attempts"].insert(
                {
                    "visit_id": visit_id,
                    "lesson_id": lesson_id,
                    "step_id": attempt.step_id,
                    "step_index": attempt.step_index,
                    "outcome": attempt.outcome,
                    "at": _iso(at),
                }
            )
            column = counter[attempt.outcome]
            self.db.execute(
                f"UPDATE lesson_summaries SET {column} = {column} + 1 WHERE visit_id = ? AND lesson_id = ?",
                [visit_id, lesson_id],
            )

    def lesson_completed(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        with self.db.atomic():
            self._summary_exists(visit_id, lesson_id, at)
            row = self.db["lesson_summaries"].get((visit_id, lesson_id))
            started = datetime.datetime.fromisoformat(row["started_at"])
            self.db["lesson_summaries"].update(
                (visit_id, lesson_id),
                {"status": "completed", "completed_at": _iso(at), "seconds": (at - started).total_seconds()},
            )
            if self.statements is not None:
                visit = self.db["visits"].get(visit_id)
                summary = self.db["lesson_summaries"].get((visit_id, lesson_id))
                self._enqueue(self.statements.lesson_completed(visit, summary), at)

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


def _connect(path: Path) -> sqlite_utils.Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        _migrate(db)
    except BaseException:
        conn.close()
        raise
    return db


def _migrate(db: sqlite_utils.Database) -> None:
    with db.atomic():
        if not db["meta"].exists():
            db["meta"].create({"key": str, "value": str}, pk="key")
        row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"schema_version {current} is newer than this kiosk ({SCHEMA_VERSION})")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](db)
            log.info("progress database migrated to schema_version %d", version)
        db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


def _move_aside(path: Path) -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.rename(Path(str(aside) + suffix))
    return aside
