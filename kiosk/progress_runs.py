"""Lesson runs in the progress database (schema v5, `lesson_runs`): each run of a lesson with
its mode, guided or solo ("Tự làm"), its hints and wrong tries, and how it ended. A citizen
works on one lesson at a time, so a run still open when another starts (or when the visit
ends) was left then. The caller (kiosk.progress.ProgressStore) holds the transaction."""
from __future__ import annotations

from typing import Any

import sqlite_utils

from kiosk.lesson_session import Attempt, Run

COUNTED = {"wrong": "wrong_count", "hint": "hint_count"}


def ensure_run(db: sqlite_utils.Database, visit_id: str, lesson_id: str, run: Run, at: str) -> None:
    """Start the run's row unless it exists (also when its start could not be written)."""
    db.execute("INSERT OR IGNORE INTO lesson_runs (id, visit_id, lesson_id, mode, started_at, status, hint_count,"
               " wrong_count) VALUES (?, ?, ?, ?, ?, 'started', 0, 0)", [run.id, visit_id, lesson_id, run.mode, at])


def close_open_runs(db: sqlite_utils.Database, visit_id: str, at: str, keep: str = "") -> list[dict[str, Any]]:
    """Mark the visit's runs still open (but `keep`) as left at `at`; the rows closed."""
    open_ids = [row[0] for row in db.execute(
        "SELECT id FROM lesson_runs WHERE visit_id = ? AND ended_at IS NULL AND id != ?", [visit_id, keep])]
    for run_id in open_ids:
        db["lesson_runs"].update(run_id, {"status": "left", "ended_at": at})
    return [db["lesson_runs"].get(run_id) for run_id in open_ids]


def count_attempt(db: sqlite_utils.Database, run: Run, attempt: Attempt) -> None:
    column = COUNTED.get(attempt.outcome)
    if column:
        db.execute(f"UPDATE lesson_runs SET {column} = {column} + 1 WHERE id = ?", [run.id])


def complete_run(db: sqlite_utils.Database, run: Run, at: str) -> dict[str, Any]:
    """The run finished: its row completed, with how it went for a solo run; the row."""
    right, total = run.judged if run.judged is not None else (None, None)
    alone = int(run.alone) if run.mode == "solo" else None
    db["lesson_runs"].update(run.id, {"status": "completed", "ended_at": at, "judged_right": right,
                                      "judged_total": total, "alone": alone})
    return db["lesson_runs"].get(run.id)
