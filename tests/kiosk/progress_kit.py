"""A kiosk with progress written to a real database, and what it wrote: for the disk and
database trouble tests (rows counted before and after)."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from crash_harness import inconsistencies
from progress_writer import Statements

from content.model import Pack
from kiosk.actions import Action
from kiosk.clock import ManualClock
from kiosk.flow import Kiosk
from kiosk.intents import OpenLesson, Touched
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.walkthrough import complete_step


def kiosk_on(store: ProgressStore, pack: Pack, clock: ManualClock) -> Kiosk:
    """A kiosk writing to `store`, with xAPI statements made as the real kiosk does."""
    store.statements = Statements()
    return Kiosk([pack], store, Settings(data_dir=Path(store.path or ".").parent, confidence_questions=False), clock,
                 random.Random(3))


def learn(kiosk: Kiosk, clock: ManualClock, lesson_id: str) -> list[Action]:
    """A citizen (the current one, or a new one) does the whole lesson."""
    kiosk.handle(Touched())
    kiosk.handle(OpenLesson(lesson_id))
    return finish_lesson(kiosk, clock)


def kiosk_after_one_lesson(db: Path, pack: Pack, clock: ManualClock) -> tuple[Kiosk, ProgressStore, dict[str, Any]]:
    """A kiosk on `db` whose first citizen has finished the first lesson; what is written."""
    store = ProgressStore.open(db)
    assert store.notice == ""
    kiosk = kiosk_on(store, pack, clock)
    learn(kiosk, clock, pack.lessons[0].id)
    return kiosk, store, snapshot(store)


def finish_lesson(kiosk: Kiosk, clock: ManualClock) -> list[Action]:
    actions: list[Action] = []
    while kiosk.lesson_session is not None:
        actions = complete_step(kiosk)
        clock.advance(10)
    return actions


def snapshot(store: ProgressStore) -> dict[str, Any]:
    db = store.db
    return {
        "attempts": {r["id"]: r for r in db["attempts"].rows},
        "visits": {r["id"] for r in db["visits"].rows},
        "completed": {(r["visit_id"], r["lesson_id"]): r for r in db["lesson_summaries"].rows_where("status = 'completed'")},
        "outbox": {r["id"] for r in db["outbox"].rows},
    }


def assert_kept(before: dict[str, Any], store: ProgressStore) -> None:
    """Everything written before the trouble is still there, unchanged, and the file is sound."""
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after = snapshot(store)
    assert before["attempts"].items() <= after["attempts"].items()
    assert before["visits"] <= after["visits"]
    assert before["completed"].items() <= after["completed"].items()
    assert before["outbox"] <= after["outbox"]
    assert inconsistencies(store) == []


def files(folder: Path) -> list[str]:
    """The names of the database's files in `folder` (a file set aside would show here)."""
    return sorted(p.name for p in folder.glob("progress.db*"))


def set_aside_names(folder: Path) -> list[str]:
    return [name for name in files(folder) if ".broken-" in name or ".replaced-" in name]
