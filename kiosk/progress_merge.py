"""Adding one progress database's rows to another, so that nothing is lost when progress held
in memory reaches the file (kiosk.progress) or a set-aside file is restored over the
database that replaced it (kiosk.progress_restore).

Visits, statements, slips, help requests, confidence answers and lesson runs have keys, random
or the visit's, so the two sides never share one; a row the target already has is left as it
is. Attempts get new row ids. Daily counts of pruned attempts add up. Wrong slip-code guesses
(kiosk.slip_desk.CodeGuard) are times: a time the target already has is the same guess (one
copied from the file into memory at start-up, `recall_guesses`), so none is counted twice and
none is lost. The `meta` table (schema version, last prune) is the target's own.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

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
        added["code_guesses"] = _add_guesses(source, target)
    return added


def recall_guesses(path: Path, held: sqlite_utils.Database) -> int:
    """Copy the wrong slip-code guesses the file at `path` keeps into `held`, the store held in
    memory because the file cannot be written, so that a start-up on a full or read-only disk
    never lets guessing go faster. Reads the file read-only, else as it is on disk without its
    WAL (a full disk has no room for the shared memory a read-only connection needs). Best
    effort: 0 when the file cannot be read; the guesses copied."""
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
            try:
                with held.atomic():
                    return _add_guesses(sqlite_utils.Database(conn), held)
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return 0


def _add_guesses(source: sqlite_utils.Database, target: sqlite_utils.Database) -> int:
    """Each time of a wrong guess as often as `source` has it more than `target` does; the
    caller holds `target`'s transaction."""
    added = 0
    for at, count in source.execute("SELECT at, count(*) FROM code_guesses GROUP BY at").fetchall():
        have = target.execute("SELECT count(*) FROM code_guesses WHERE at = ?", [at]).fetchone()[0]
        missing = max(0, count - have)
        target.conn.executemany("INSERT INTO code_guesses (at) VALUES (?)", [(at,)] * missing)
        added += missing
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
