"""Kill a progress writer (tests/kiosk/progress_writer.py) with SIGKILL at a random moment
and check the reopened database against every write it acknowledged.

Used by tests/kiosk/test_crash_safety.py and benchmarks/crash_safety.py.
"""
from __future__ import annotations

import contextlib
import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.progress import ProgressStore

WRITER = Path(__file__).with_name("progress_writer.py")
REPO = Path(__file__).resolve().parents[2]
COUNTERS = {"correct": "steps_done", "viewed": "steps_done", "wrong": "wrong_count", "hint": "hint_count"}


@dataclass
class Acks:
    """Everything the writers said was written, over all the runs on one database."""

    visits: set[str] = field(default_factory=set)
    ended: dict[str, str] = field(default_factory=dict)  # visit -> reason
    lessons: set[tuple[str, str]] = field(default_factory=set)
    attempts: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)
    completed: set[tuple[str, str]] = field(default_factory=set)
    statements: set[str] = field(default_factory=set)
    writes: int = 0

    def add(self, line: str) -> None:
        kind, *words = line.split(" ")
        if kind == "ready":
            return
        self.writes += 1
        if kind == "visit":
            self.visits.add(words[0])
        elif kind == "lesson":
            self.lessons.add((words[0], words[1]))
        elif kind == "attempt":
            self.attempts[(words[0], words[1], words[2], words[3])] += 1
        elif kind == "completed":
            self.completed.add((words[0], words[1]))
            self.statements.add(words[2])
        elif kind == "ended":
            self.ended[words[0]] = words[1]
            self.statements.add(words[2])
        else:
            raise ValueError(f"unknown acknowledgement {line!r}")


@dataclass(frozen=True)
class Plan:
    seed: int  # the writer's citizens
    after: int | None  # kill once this many writes are acknowledged; None: at once, while it opens the database
    delay_s: float  # and then this much later, so the kill lands anywhere in the next writes


@dataclass
class Kill:
    acked: int  # writes acknowledged by this run before it died
    exit_problem: str  # "" when the writer was still running at the kill
    ran_s: float  # from ready to the kill


class WriterServer:
    """The fork server of progress_writer.py: `kill(db, plan, acks)` starts a writer on `db`,
    SIGKILLs it as planned, waits for it to be dead and adds what it acknowledged to `acks`."""

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self._proc = subprocess.Popen(
            [sys.executable, str(WRITER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True, bufsize=1
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:  # keeps the pipe empty so a writer never blocks on an acknowledgement
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _next(self, timeout_s: float = 60.0) -> str:
        line = self._lines.get(timeout=timeout_s)
        if line is None:
            raise RuntimeError(f"the writer server stopped (exit {self._proc.wait()})")
        return line

    def kill(self, db: Path, plan: Plan, acks: Acks) -> Kill:
        assert self._proc.stdin is not None
        self._proc.stdin.write(f"run {db} {plan.seed}\n")
        self._proc.stdin.flush()
        pid = int(self._next().split()[1])
        lines: list[str] = []
        ran_s = 0.0
        if plan.after is not None:
            lines.append(self._next())  # "ready", unless it failed
            ready_at = time.perf_counter()
            while len(lines) <= plan.after and not lines[-1].startswith("dead "):
                lines.append(self._next())
            time.sleep(plan.delay_s)
            ran_s = time.perf_counter() - ready_at
        with contextlib.suppress(ProcessLookupError):  # it may have failed on its own
            os.kill(pid, signal.SIGKILL)
        while not lines or not lines[-1].startswith("dead "):
            lines.append(self._next())
        status = int(lines.pop().split()[2])
        acked = [line.rstrip("\n") for line in lines if line.endswith("\n") and line.strip()]
        problem = "" if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL else f"writer exited: {status}"
        if plan.after is not None and acked[:1] != ["ready"]:
            problem = problem or "it died before it was ready"
        for line in acked:
            acks.add(line)
        return Kill(max(len(acked) - 1, 0), problem, ran_s)

    def close(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait()


def check(db: Path, acks: Acks, kills: int) -> list[str]:
    """Everything wrong with `db` after the kills; empty when nothing acknowledged is missing,
    nothing is half-written and at most one unacknowledged write per kill made it."""
    raw = sqlite3.connect(db)
    try:
        integrity = raw.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        raw.close()
    if integrity != "ok":
        return [f"integrity_check: {integrity}"]
    store = ProgressStore.open(db)
    try:
        if store.notice:
            return [f"the store did not open cleanly: {store.notice}"]
        return _missing(store, acks) + inconsistencies(store) + _extra(store, acks, kills)
    finally:
        store.close()


def _missing(store: ProgressStore, acks: Acks) -> list[str]:
    db = store.db
    visits = {r["id"]: r for r in db["visits"].rows}
    summaries = {(r["visit_id"], r["lesson_id"]): r for r in db["lesson_summaries"].rows}
    attempts = Counter(db.execute("SELECT visit_id, lesson_id, step_id, outcome FROM attempts").fetchall())
    outbox = {r[0] for r in db.execute("SELECT id FROM outbox")}
    problems = [f"acknowledged visit {v} missing" for v in acks.visits - visits.keys()]
    problems += [
        f"visit {v} acknowledged as ended ({reason}) but reads {visits.get(v)}"
        for v, reason in acks.ended.items()
        if v not in visits or visits[v]["end_reason"] != reason or not visits[v]["ended_at"]
    ]
    problems += [f"acknowledged lesson start {key} missing" for key in acks.lessons - summaries.keys()]
    problems += [
        f"acknowledged completion {key} reads {summaries.get(key)}"
        for key in acks.completed
        if key not in summaries or summaries[key]["status"] != "completed" or not summaries[key]["completed_at"]
    ]
    problems += [f"{n - attempts[k]} acknowledged attempt(s) {k} missing" for k, n in acks.attempts.items() if attempts[k] < n]
    problems += [f"acknowledged statement {s} missing from the outbox" for s in acks.statements - outbox]
    return problems


def inconsistencies(store: ProgressStore) -> list[str]:
    """Half-written transactions would show as summaries out of step with their attempts or
    statements without the progress they describe (and the other way round)."""
    db = store.db
    counted: Counter[tuple[str, str, str]] = Counter()
    for visit, lesson, outcome, n in db.execute(
        "SELECT visit_id, lesson_id, outcome, count(*) FROM attempts GROUP BY 1, 2, 3"
    ):
        counted[(visit, lesson, COUNTERS[outcome])] += n
    problems = []
    for row in db["lesson_summaries"].rows:
        for column in ("steps_done", "wrong_count", "hint_count"):
            if row[column] != counted[(row["visit_id"], row["lesson_id"], column)]:
                problems.append(f"summary {row['visit_id']}/{row['lesson_id']} {column}={row[column]} but attempts say "
                                f"{counted[(row['visit_id'], row['lesson_id'], column)]}")
    said: Counter[tuple[str, str]] = Counter()
    for (text,) in db.execute("SELECT statement FROM outbox"):
        statement = json.loads(text)
        said[(statement["visit"], statement["lesson"])] += 1
    done = {(r["visit_id"], r["lesson_id"]) for r in db["lesson_summaries"].rows_where("status = 'completed'")}
    ended = {(r["id"], "") for r in db["visits"].rows_where("ended_at IS NOT NULL")}
    problems += [f"{key} finished without its statement" for key in (done | ended) - said.keys()]
    problems += [f"statement for {key} without the progress it describes" for key in said.keys() - (done | ended)]
    return problems


def _extra(store: ProgressStore, acks: Acks, kills: int) -> list[str]:
    """Each kill may leave at most the one write that committed just before the kill."""
    db = store.db
    rows = db["visits"].count + db["lesson_summaries"].count + db["attempts"].count
    acked_rows = len(acks.visits) + len(acks.lessons) + sum(acks.attempts.values())
    extra = rows - acked_rows
    return [f"{extra} rows were never acknowledged (more than {kills} kills explain)"] if extra > kills else []


@dataclass
class Campaign:
    kills: int = 0
    writes_checked: int = 0
    at_start: int = 0  # killed while opening the database
    writing_s: float = 0.0  # time the writers ran between ready and the kill
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def campaign(base: Path, kills: int, seed: int, chains: int = 2, max_acks: int = 200, max_delay_s: float = 0.02) -> Campaign:
    """`kills` kill-and-check rounds spread over `chains` databases written in parallel;
    each database keeps growing over its rounds, as on a real kiosk. One kill in ten lands
    while the writer opens the database (recovering the last crash); the others once it has
    acknowledged up to `max_acks` writes, plus up to `max_delay_s`."""
    rng = random.Random(seed)

    def plan() -> Plan:
        after = None if rng.random() < 0.1 else rng.randrange(max_acks)
        return Plan(rng.randrange(1 << 30), after, rng.uniform(0, max_delay_s))

    plans = [[plan() for _ in range(kills // chains + (i < kills % chains))] for i in range(chains)]
    started = time.perf_counter()

    def chain(index: int) -> Campaign:
        db = base / f"chain-{index}" / "progress.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        acks, result, server = Acks(), Campaign(), WriterServer()
        try:
            for each in plans[index]:
                kill = server.kill(db, each, acks)
                result.kills += 1
                result.at_start += each.after is None
                result.writing_s += kill.ran_s
                problems = ([kill.exit_problem] if kill.exit_problem else []) + check(db, acks, result.kills)
                result.failures += [f"chain {index} kill {result.kills} ({each}): {p}" for p in problems]
        finally:
            server.close()
        result.writes_checked = acks.writes
        return result

    total = Campaign()
    with ThreadPoolExecutor(chains) as pool:
        for part in pool.map(chain, range(chains)):
            total.kills += part.kills
            total.writes_checked += part.writes_checked
            total.at_start += part.at_start
            total.writing_s += part.writing_s
            total.failures += part.failures
    total.seconds = time.perf_counter() - started
    return total
