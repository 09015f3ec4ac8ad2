"""How long a commune report takes on a busy kiosk: a year of sessions written into a
real progress database (bulk-inserted rows shaped like ProgressStore's), then the report
built for the year and for one month, and each format rendered.

    .venv/bin/python benchmarks/report.py --sessions-per-day 40

Prints rows written, seconds per step and file sizes.
"""
from __future__ import annotations

import argparse
import datetime
import random
import tempfile
import time
import uuid
from pathlib import Path

from content.loader import BUILTIN_PACKS, load_pack
from kiosk.progress import ProgressStore
from kiosk.reports.catalogue import catalogue_from_packs
from kiosk.reports.output import FORMATS, render
from kiosk.reports.query import build_report
from kiosk.settings import Settings

VN = datetime.timezone(datetime.timedelta(hours=7))


def fill(store: ProgressStore, lessons: list, year: int, per_day: int, rng: random.Random) -> int:
    visits, summaries, attempts = [], [], []
    day = datetime.datetime(year, 1, 1, 7, tzinfo=VN)
    for _ in range(365):
        for _ in range(per_day):
            start = day + datetime.timedelta(minutes=rng.randrange(10 * 60))
            visit_id = uuid.uuid4().hex
            visits.append({"id": visit_id, "kiosk_id": "bench", "started_at": _iso(start),
                           "ended_at": _iso(start + datetime.timedelta(minutes=rng.randint(5, 40))),
                           "end_reason": "finished"})
            for lesson in rng.sample(lessons, rng.randint(1, 3)):
                done = rng.random() < 0.7
                seconds = rng.randint(120, 900)
                summaries.append({"visit_id": visit_id, "lesson_id": lesson.id, "status": "completed" if done else "started",
                                  "started_at": _iso(start), "completed_at": _iso(start + datetime.timedelta(seconds=seconds)) if done else None,
                                  "seconds": seconds if done else 0, "steps_done": len(lesson.steps), "wrong_count": 0, "hint_count": 0})
                for index, step in enumerate(lesson.steps):
                    outcome = "wrong" if rng.random() < 0.1 else "correct"
                    attempts.append({"visit_id": visit_id, "lesson_id": lesson.id, "step_id": step.id, "step_index": index,
                                     "outcome": outcome, "at": _iso(start)})
        day += datetime.timedelta(days=1)
    with store.db.atomic():
        store.db["visits"].insert_all(visits)
        store.db["lesson_summaries"].insert_all(summaries)
        store.db["attempts"].insert_all(attempts)
    return len(visits) + len(summaries) + len(attempts)


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions-per-day", type=int, default=40)
    args = parser.parse_args()
    pack = load_pack(BUILTIN_PACKS / "core").pack
    catalogue = catalogue_from_packs([pack])
    settings = Settings(commune="Xã Tân Phú", province="Tỉnh Phú Thọ")
    now = datetime.datetime(2027, 1, 2, 9, tzinfo=VN)
    with tempfile.TemporaryDirectory(prefix="hocvuso-report-") as base:
        store = ProgressStore.open(Path(base) / "progress.db")
        began = time.perf_counter()
        rows = fill(store, list(pack.lessons), 2026, args.sessions_per_day, random.Random(1))
        print(f"rows written: {rows} in {time.perf_counter() - began:.1f} s")
        for label, first, last in (("year", datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)),
                                   ("month", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))):
            began = time.perf_counter()
            report = build_report(store.db, catalogue, settings, first, last, now)
            print(f"{label}: build {time.perf_counter() - began:.2f} s ({report.sessions} sessions)")
            for fmt in FORMATS:
                began = time.perf_counter()
                data = render(report, fmt)
                print(f"{label}: {fmt} {time.perf_counter() - began:.2f} s, {len(data) / 1024:.0f} KiB")
        store.close()


if __name__ == "__main__":
    main()
