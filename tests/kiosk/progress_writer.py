"""The victim of the kill -9 test: citizens' sessions through the real kiosk core and store,
with one acknowledgement line on stdout (flushed) after each progress write has returned.

    python tests/kiosk/progress_writer.py

A small fork server, so each victim starts in a millisecond: it imports the core and loads
the lessons once (no Qt), then for each stdin line "run DB SEED" forks a writer on DB and
prints "pid PID"; once that writer is dead (the test kills it) it prints "dead PID STATUS".
The writer's lines, space-separated:
    ready
    visit VISIT
    lesson VISIT LESSON
    attempt VISIT LESSON STEP OUTCOME
    completed VISIT LESSON STATEMENT_ID
    ended VISIT REASON STATEMENT_ID
A writer runs until killed; it exits 3 if a write failed (the kiosk would have told staff).
"""
from __future__ import annotations

import datetime
import os
import random
import sys
import uuid
from pathlib import Path
from typing import Any

from content.loader import BUILTIN_PACKS, load_pack
from content.model import Pack
from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intents import BackToMenu, EndSession, Help, OpenLesson, Tap, Touched
from kiosk.lesson_session import Attempt, Run
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.walkthrough import complete_step

WRONG_TAP = Tap("khong-co-nut-nay")


class Statements:
    """A minimal StatementMaker: random ids, naming the visit and lesson they describe."""

    def __init__(self) -> None:
        self.last: list[str] = []

    def lesson_completed(self, visit: dict[str, Any], summary: dict[str, Any]) -> list[dict[str, Any]]:
        return self._made({"visit": visit["id"], "lesson": summary["lesson_id"], "verb": "completed"})

    def visit_ended(self, visit: dict[str, Any], summaries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self._made({"visit": visit["id"], "lesson": "", "verb": "ended", "lessons": len(summaries)})

    def _made(self, statement: dict[str, Any]) -> list[dict[str, Any]]:
        statement["id"] = str(uuid.uuid4())
        self.last = [statement["id"]]
        return [statement]


class AckingStore(ProgressStore):
    """The real store; each write, once it has returned, is acknowledged on stdout."""

    maker: Statements

    def start_visit(self, kiosk_id: str, at: datetime.datetime) -> str:
        visit_id = super().start_visit(kiosk_id, at)
        _ack("visit", visit_id)
        return visit_id

    def lesson_started(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        super().lesson_started(visit_id, lesson_id, at)
        _ack("lesson", visit_id, lesson_id)

    def record(self, visit_id: str, lesson_id: str, attempt: Attempt, at: datetime.datetime, run: Run | None = None) -> None:
        super().record(visit_id, lesson_id, attempt, at, run)
        _ack("attempt", visit_id, lesson_id, attempt.step_id, attempt.outcome)

    def lesson_completed(self, visit_id: str, lesson_id: str, at: datetime.datetime) -> None:
        super().lesson_completed(visit_id, lesson_id, at)
        _ack("completed", visit_id, lesson_id, *self.maker.last)

    def end_visit(self, visit_id: str, at: datetime.datetime, reason: str) -> None:
        super().end_visit(visit_id, at, reason)
        _ack("ended", visit_id, reason, *self.maker.last)


def _ack(*words: str) -> None:
    sys.stdout.write(" ".join(words) + "\n")
    sys.stdout.flush()


def citizens(kiosk: Kiosk, clock: ManualClock, rng: random.Random, lesson_ids: list[str]) -> None:
    """Forever: a citizen touches, does one to three lessons (with wrong taps, hints and the
    odd lesson left half-way), then ends the session or walks away."""
    while True:
        kiosk.handle(Touched())
        for _ in range(rng.randint(1, 3)):
            kiosk.handle(OpenLesson(rng.choice(lesson_ids)))
            while kiosk.lesson_session is not None and rng.random() > 0.01:
                roll = rng.random()
                if roll < 0.1:
                    kiosk.handle(Help())
                elif roll < 0.2 and kiosk.lesson_session.step.kind in ("tap", "type"):
                    kiosk.handle(WRONG_TAP)
                else:
                    complete_step(kiosk)
                clock.advance(rng.uniform(2, 30))
                _fail_if_not_written(kiosk)
            kiosk.handle(BackToMenu())
        if rng.random() < 0.7:
            kiosk.handle(EndSession())
        else:
            clock.advance(kiosk.idle_warning_s + 1)
            kiosk.tick()
            clock.advance(600)
            kiosk.tick()
        _fail_if_not_written(kiosk)


def _fail_if_not_written(kiosk: Kiosk) -> None:
    if kiosk.store_problem:
        sys.stderr.write(f"a progress write failed: {kiosk.store_problem}\n")
        sys.exit(3)


def write(db: Path, seed: int, pack: Pack) -> None:
    rng = random.Random(seed)
    clock = ManualClock(datetime.datetime(2026, 1, 1, 8, tzinfo=datetime.UTC) + datetime.timedelta(days=seed % 300))
    store = AckingStore.open(db)
    if store.notice:
        sys.stderr.write(f"store notice: {store.notice}\n")
        sys.exit(4)
    store.maker = Statements()
    store.statements = store.maker
    kiosk = Kiosk([pack], store, Settings(data_dir=db.parent, confidence_questions=False), clock, rng)
    _ack("ready")
    citizens(kiosk, clock, rng, [lesson.id for lesson in pack.lessons])


def serve() -> None:
    pack = load_pack(BUILTIN_PACKS / "core").pack
    assert pack is not None
    for command in sys.stdin:
        _, db, seed = command.split()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                write(Path(db), int(seed), pack)
            except SystemExit as exc:
                code = int(exc.code or 0)
            finally:
                sys.stdout.flush()
                os._exit(code)
        _ack("pid", str(pid))
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"\ndead {pid} {status}\n")  # on a fresh line, whatever the writer left
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
