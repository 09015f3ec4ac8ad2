"""Retention: raw attempts older than `retention_months` are counted into `attempt_rollups`
(per UTC day of `at`, lesson, step and outcome; added to the counts already there) and then
deleted, all in one transaction, so a crash or error half-way leaves the database as it was.

Visits and lesson summaries are kept: they hold nothing personal and the figures need them.
xAPI statements the LRS accepted before the cutoff leave the outbox in the same transaction;
waiting and set-aside statements are never pruned.
The kiosk prunes after its first paint, at most once a day (`prune_if_due`); staff and
provincial IT can also run `hocvuso db prune`.
"""
from __future__ import annotations

import calendar
import datetime
import logging
from dataclasses import dataclass

import sqlite_utils

from kiosk.progress import ProgressStore

log = logging.getLogger(__name__)

LAST_PRUNE_KEY = "last_prune_at"  # in the meta table, UTC ISO
PRUNE_EVERY = datetime.timedelta(days=1)

_ROLL_UP = """
INSERT INTO attempt_rollups (day, lesson_id, step_id, outcome, count)
SELECT substr(at, 1, 10), lesson_id, step_id, outcome, count(*) FROM attempts WHERE at < ? GROUP BY 1, 2, 3, 4
ON CONFLICT (day, lesson_id, step_id, outcome) DO UPDATE SET count = count + excluded.count
"""


@dataclass(frozen=True)
class PruneResult:
    cutoff: datetime.datetime  # attempts before this moment were summarised and deleted
    deleted: int  # raw attempts deleted (each now counted in attempt_rollups)
    days: int  # distinct UTC days they came from
    statements: int = 0  # xAPI statements sent to the LRS before the cutoff, removed from the outbox

    def message_vi(self) -> str:
        """For staff and the command line."""
        if not self.deleted:
            return f"Không có lượt trả lời nào cũ hơn {self.cutoff:%d/%m/%Y}; không có gì phải dọn."
        return (f"Đã tổng hợp theo ngày rồi xoá {self.deleted} lượt trả lời cũ hơn {self.cutoff:%d/%m/%Y} "
                f"(thuộc {self.days} ngày). Số lượt học và bài đã học vẫn giữ nguyên.")


def cutoff_for(now: datetime.datetime, months: int) -> datetime.datetime:
    """The same moment `months` calendar months earlier (the 31st becomes the month's last day)."""
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(now.day, calendar.monthrange(year, month + 1)[1])
    return now.replace(year=year, month=month + 1, day=day)


def prune(store_or_db: ProgressStore | sqlite_utils.Database, now: datetime.datetime, months: int) -> PruneResult:
    """Summarise and delete raw attempts older than `months` before `now` (aware datetime),
    in one transaction. Running it again at once changes nothing."""
    if months < 1:
        raise ValueError(f"retention must be at least one month, not {months}")
    db = store_or_db.db if isinstance(store_or_db, ProgressStore) else store_or_db
    cutoff = cutoff_for(now, months)
    before = cutoff.astimezone(datetime.UTC).isoformat(timespec="seconds")
    with db.atomic():
        deleted, days = db.execute(
            "SELECT count(*), count(DISTINCT substr(at, 1, 10)) FROM attempts WHERE at < ?", [before]
        ).fetchone()
        if deleted:
            db.execute(_ROLL_UP, [before])
            db.execute("DELETE FROM attempts WHERE at < ?", [before])
        statements = db.execute("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?", [before]).rowcount
        db["meta"].upsert({"key": LAST_PRUNE_KEY, "value": now.astimezone(datetime.UTC).isoformat()}, pk="key")
    if deleted:
        log.info("retention: %d attempts before %s summarised into attempt_rollups and deleted", deleted, before)
    if statements:
        log.info("retention: %d xAPI statements sent before %s removed from the outbox", statements, before)
    return PruneResult(cutoff, deleted, days, statements)


def prune_if_due(store: ProgressStore, now: datetime.datetime, months: int) -> PruneResult | None:
    """`prune` unless it ran less than a day ago (by a clock that was not set back since) or
    `months` is 0 (keep every attempt); None when it did not run."""
    if months < 1:
        return None
    row = store.db.execute("SELECT value FROM meta WHERE key = ?", [LAST_PRUNE_KEY]).fetchone()
    if row and datetime.timedelta(0) <= now - datetime.datetime.fromisoformat(row[0]) < PRUNE_EVERY:
        return None
    return prune(store, now, months)
