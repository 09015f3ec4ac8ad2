"""Practice-slip codes in the progress database (`slips`: code, visit_id, created_at).

A code is 8 random digits (from `secrets`) that the citizen can read aloud and type on the
digit pad. It points at one visit; for `LIVE_DAYS` it lets the citizen continue that visit's
unfinished lessons at the step they reached, and practise again the steps where they went
wrong or asked for help. Nothing about the person is stored: the row
holds the code, the random visit id and the time it was made.
"""
from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.learner_records import tricky_steps

if TYPE_CHECKING:  # kept out of the first paint: the slip page imports this module
    import sqlite_utils

CODE_DIGITS = 8
LIVE_DAYS = 30


def new_code() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


def spaced(code: str) -> str:
    """"12345678" → "1234 5678": easier to read aloud and to copy."""
    return f"{code[:4]} {code[4:]}"


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")


def _oldest_live(now: datetime.datetime) -> str:
    return _iso(now - datetime.timedelta(days=LIVE_DAYS))


def issue(db: sqlite_utils.Database, visit_id: str, now: datetime.datetime) -> str:
    """The visit's code: the one it already has, or a new one unique among live codes.
    Expired codes are deleted in the same transaction (they open nothing any more)."""
    with db.atomic():
        row = db.execute("SELECT code FROM slips WHERE visit_id = ? AND created_at >= ?", [visit_id, _oldest_live(now)]).fetchone()
        if row:
            return str(row[0])
        db.execute("DELETE FROM slips WHERE created_at < ?", [_oldest_live(now)])
        code = new_code()
        while db.execute("SELECT 1 FROM slips WHERE code = ?", [code]).fetchone():
            code = new_code()
        db["slips"].insert({"code": code, "visit_id": visit_id, "created_at": _iso(now)})
    return code


def find_visit(db: sqlite_utils.Database, code: str, now: datetime.datetime) -> str | None:
    """The visit a code was given for, if the code exists and is at most LIVE_DAYS old."""
    row = db.execute(
        "SELECT visit_id FROM slips WHERE code = ? AND created_at >= ?", [code, _oldest_live(now)]
    ).fetchone()
    return str(row[0]) if row else None


def unfinished(db: sqlite_utils.Database, visit_id: str) -> dict[str, int]:
    """Lessons the visit started but did not finish → the step index the citizen reached
    (one past the last step they got right, or the step they were trying), oldest first."""
    rows = db.execute(
        """
        SELECT s.lesson_id,
               COALESCE(MAX(CASE WHEN a.outcome IN ('correct', 'viewed') THEN a.step_index + 1
                                 ELSE a.step_index END), 0)
        FROM lesson_summaries s
        LEFT JOIN attempts a ON a.visit_id = s.visit_id AND a.lesson_id = s.lesson_id
        WHERE s.visit_id = ? AND s.status = 'started'
        GROUP BY s.lesson_id
        ORDER BY MIN(s.started_at), s.lesson_id
        """,
        [visit_id],
    ).fetchall()
    return {lesson_id: int(step) for lesson_id, step in rows}


@dataclass(frozen=True)
class BroughtBack:
    """What a live code brings back from its visit."""

    unfinished: dict[str, int]  # lessons started but not finished → the step index reached (see `unfinished`)
    tricky: dict[str, tuple[str, ...]]  # steps with wrong tries or help, to practise again (learner_records.tricky_steps)


def brought_back(db: sqlite_utils.Database, code: str, now: datetime.datetime) -> BroughtBack | None:
    """For a live code: its visit's unfinished lessons and tricky steps; None for a wrong or expired code."""
    visit_id = find_visit(db, code, now)
    return None if visit_id is None else BroughtBack(unfinished(db, visit_id), tricky_steps(db, visit_id))
