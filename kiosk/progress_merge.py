"""Adding one progress database's rows to another, so that nothing is lost when progress held
in memory reaches the file (kiosk.progress) or a set-aside file is restored over the
database that replaced it (kiosk.progress_restore).

Visits, statements, slips, help requests and lesson runs have random ids, so the two sides never share one; a row the
target already has is left as it is. Attempts get new row ids. Daily counts of pruned
attempts add up. The `meta` table (schema version, last prune) is the target's own.
"""
from __future__ import annotations

import sqlite_utils

# In the order foreign keys need: visits before what belongs to them.
KEYED = ("visits", "lesson_summaries", "outbox", "slips", "help_requests", "confidence_answers", "lesson_runs")
ATTEMPT_COLUMNS = ("visit_id", "lesson_id", "step_id", "step_index", "outcome", "at", "run_id", "hint_level")
ROLLUP_KEY = ("day", "lesson_id", "step_id", "outcome")


def merge_progress(source: sqlite_utils.Database, target: sqlite_utils.Database) -> dict[str, int]:
    """Add every row of `source` to `target` in one transaction of `target` (both at the same
    schema version); rows added per table."""
    added: dict[str, int] = {}
    with target.atomic():
        for table in KEYED:
            columns = [c.name for c in source[table].columns]
            added[table] = _insert(source, target, table, columns, "INSERT OR IGNORE")
        added["attempts"] = _insert(source, target, "attempts", list(ATTEMPT_COLUMNS), "INSERT")
        upsert = f"ON CONFLICT ({', '.join(ROLLUP_KEY)}) DO UPDATE SET count = count + excluded.count"
        added["attempt_rollups"] = _insert(source, target, "attempt_rollups", [*ROLLUP_KEY, "count"], "INSERT", upsert)
    return added


def _insert(source: sqlite_utils.Database, target: sqlite_utils.Database, table: str, columns: list[str],
            verb: str, tail: str = "") -> int:
    names = ", ".join(f"[{c}]" for c in columns)
    rows = source.execute(f"SELECT {names} FROM [{table}]").fetchall()
    if not rows:
        return 0
    places = ", ".join("?" for _ in columns)
    cursor = target.conn.executemany(f"{verb} INTO [{table}] ({names}) VALUES ({places}) {tail}", rows)
    return cursor.rowcount
