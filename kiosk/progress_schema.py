"""The progress database's schema: the tables of each `schema_version` and the migrations
between them (see kiosk.progress for what they hold)."""
from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

import sqlite_utils

from kiosk.store_trouble import NewerSchemaError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6


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


def _create_code_guesses(db: sqlite_utils.Database) -> None:
    """When wrong slip codes were typed (epoch seconds), for kiosk.slip_desk.CodeGuard."""
    db["code_guesses"].create({"at": float})
    db["code_guesses"].create_index(["at"])


def _create_lesson_runs(db: sqlite_utils.Database) -> None:
    """Each run of a lesson with its mode, guided or solo ("Tự làm"), and, per attempt, its run
    and the level of a Tự làm hint (kiosk.progress_runs). Self-contained: it needs no other
    migration after v4, and leaves what it finds already made; attempts written before it have
    neither."""
    if not db["lesson_runs"].exists():
        _lesson_runs_table(db)
    columns = db["attempts"].columns_dict
    for column, kind in (("run_id", str), ("hint_level", int)):
        if column not in columns:
            db["attempts"].add_column(column, kind)


def _lesson_runs_table(db: sqlite_utils.Database) -> None:
    db["lesson_runs"].create(
        {
            "id": str,  # random
            "visit_id": str,
            "lesson_id": str,
            "mode": str,  # guided | solo
            "started_at": str,
            "ended_at": str,  # NULL while running
            "status": str,  # started | completed | left (another run began, or the visit ended)
            "hint_count": int,
            "wrong_count": int,
            "judged_right": int,  # a judged drill's decisions right or safe; NULL for other runs
            "judged_total": int,
            "alone": int,  # a finished solo run done alone ("đã tự làm được"): 1 or 0; NULL otherwise
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
        defaults={"hint_count": 0, "wrong_count": 0},
    )
    db["lesson_runs"].create_index(["visit_id"])
    db["lesson_runs"].create_index(["started_at"])


def _create_learner_records(db: sqlite_utils.Database) -> None:
    """Help requests ("Gọi cán bộ hỗ trợ") with where the citizen was, and the confidence
    questions' answers (see kiosk.learner_records). It leaves what it finds already made."""
    db["help_requests"].create(
        {
            "id": str,  # random
            "visit_id": str,
            "lesson_id": str,  # "" when asked outside a lesson (the menu)
            "step_id": str,
            "step_index": int,  # NULL outside a lesson
            "asked_at": str,
            "coming_at": str,  # staff pressed "Cán bộ đang đến"
            "closed_at": str,
            "outcome": str,  # NULL while open | helped ("Đã hỗ trợ") | left (the visit ended first)
        },
        pk="id",
        foreign_keys=[("visit_id", "visits", "id")],
        if_not_exists=True,
    )
    db["help_requests"].create_index(["asked_at"], if_not_exists=True)
    db["confidence_answers"].create(
        {"visit_id": str, "lesson_id": str, "question": str, "answer": int, "at": str},
        pk=("visit_id", "lesson_id", "question"),
        foreign_keys=[("visit_id", "visits", "id")],
        if_not_exists=True,
    )
    db["confidence_answers"].create_index(["at"], if_not_exists=True)


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _create_v1, 2: _create_v2, 3: _index_attempt_times, 4: _create_code_guesses, 5: _create_lesson_runs,
    6: _create_learner_records,
}


def schema_version(db: sqlite_utils.Database) -> int:
    """The file's schema version (0: a new file); fails here if it is not a database."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone():
        return 0
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite_utils.Database) -> None:
    """Create or upgrade the schema and note when the file was opened, in one transaction
    that takes the write lock first (waiting for another writer) and reads the version again
    under the lock. It always writes: a file that cannot be written fails here."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if not db["meta"].exists():
            db["meta"].create({"key": str, "value": str}, pk="key")
        current = schema_version(db)
        if current > SCHEMA_VERSION:
            raise NewerSchemaError(current, SCHEMA_VERSION)
        for version in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version](db)
            log.info("progress database migrated to schema_version %d", version)
        db["meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")
        db["meta"].upsert({"key": "opened_at", "value": datetime.datetime.now(datetime.UTC).isoformat()}, pk="key")
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
