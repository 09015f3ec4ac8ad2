"""Queries on the progress database's `outbox` table (created by kiosk.progress, schema v2).

A row is *waiting* until the LRS accepted it (`sent_at`) or refused it as invalid
(`rejected_at`, "set aside"); it is *due* when waiting and its `next_try_at` has passed.
Every change is one short transaction, so the forwarder's connection never holds the
database while it talks to the network. Times are UTC ISO strings, as in kiosk.progress.
"""
from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

WAITING = "sent_at IS NULL AND rejected_at IS NULL"


@dataclass(frozen=True)
class Pending:
    id: str
    statement: str  # the JSON exactly as written with the progress: resends are byte-identical
    tries: int


@dataclass(frozen=True)
class OutboxCounts:
    sent: int
    waiting: int
    set_aside: int


def has_outbox(conn: sqlite3.Connection) -> bool:
    """False for a database older than schema v2 (it has no statements yet)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox'").fetchone() is not None


class Outbox:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def due(self, now: datetime.datetime, limit: int) -> list[Pending]:
        rows = self.conn.execute(
            f"SELECT id, statement, tries FROM outbox WHERE {WAITING} AND (next_try_at IS NULL OR next_try_at <= ?)"
            " ORDER BY created_at, rowid LIMIT ?",
            [_iso(now), limit],
        ).fetchall()
        return [Pending(*row) for row in rows]

    def mark_sent(self, ids: Sequence[str], at: datetime.datetime) -> None:
        with self._transaction():
            self.conn.executemany(
                "UPDATE outbox SET sent_at = ?, tries = tries + 1, next_try_at = NULL WHERE id = ?",
                [(_iso(at), id_) for id_ in ids],
            )

    def set_aside(self, id_: str, at: datetime.datetime, reason: str) -> None:
        with self._transaction():
            self.conn.execute(
                "UPDATE outbox SET rejected_at = ?, rejected_reason = ?, tries = tries + 1, next_try_at = NULL WHERE id = ?",
                [_iso(at), reason, id_],
            )

    def postpone(self, ids: Sequence[str], until: datetime.datetime) -> None:
        """Count a failed try and keep the rows waiting until `until`."""
        with self._transaction():
            self.conn.executemany(
                "UPDATE outbox SET tries = tries + 1, next_try_at = ? WHERE id = ?", [(_iso(until), id_) for id_ in ids]
            )

    def retry_now(self) -> int:
        """Make every waiting row due at once (the network is back, or IT asked); returns how many."""
        with self._transaction():
            return self.conn.execute(f"UPDATE outbox SET next_try_at = NULL WHERE {WAITING}").rowcount

    def release_set_aside(self) -> int:
        """Put statements set aside back in the queue (after the LRS or the kiosk was fixed)."""
        with self._transaction():
            return self.conn.execute(
                "UPDATE outbox SET rejected_at = NULL, rejected_reason = NULL, next_try_at = NULL"
                " WHERE sent_at IS NULL AND rejected_at IS NOT NULL"
            ).rowcount

    def counts(self) -> OutboxCounts:
        sent, waiting, aside = self.conn.execute(
            "SELECT count(sent_at), coalesce(sum(sent_at IS NULL AND rejected_at IS NULL), 0),"
            " coalesce(sum(sent_at IS NULL AND rejected_at IS NOT NULL), 0) FROM outbox"
        ).fetchone()
        return OutboxCounts(sent, waiting, aside)

    def set_aside_rows(self) -> list[tuple[str, str]]:
        """(id, reason) of every statement set aside, oldest first."""
        return self.conn.execute(
            "SELECT id, rejected_reason FROM outbox WHERE sent_at IS NULL AND rejected_at IS NOT NULL ORDER BY rejected_at, id"
        ).fetchall()

    def statements(self, unsent_only: bool = False) -> Iterator[str]:
        """The statement JSON of every row (or only those not yet accepted by the LRS), oldest first."""
        where = "WHERE sent_at IS NULL" if unsent_only else ""
        for (statement,) in self.conn.execute(f"SELECT statement FROM outbox {where} ORDER BY created_at, rowid"):
            yield statement

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")
