"""xAPI roll-up figures: what statements add to a progress write (the UI thread waits for
it), how fast a backlog drains to a real Ralph LRS, how fast the outbox finds due rows
when it holds many sent ones, and how fast `export --xapi` writes.

    python benchmarks/xapi.py [--visits 1000]      (Ralph: bash tools/setup_ralph.sh)
"""
from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "kiosk" / "xapi")]

from lrs_helpers import PASSWORD, USER, Ralph, ralph_missing  # noqa: E402

from content.loader import BUILTIN_PACKS, load_pack  # noqa: E402
from kiosk.cli import main as hocvuso  # noqa: E402
from kiosk.clock import ManualClock  # noqa: E402
from kiosk.lesson_session import Attempt  # noqa: E402
from kiosk.progress import ProgressStore  # noqa: E402
from kiosk.settings import Settings  # noqa: E402
from kiosk.xapi.forwarder import Forwarder  # noqa: E402
from kiosk.xapi.outbox import Outbox  # noqa: E402
from kiosk.xapi.statements import KioskStatements  # noqa: E402
from kiosk.xapi.transport import LrsTransport  # noqa: E402

LESSON = "cham-vuot-go-chu"


def write_visits(store: ProgressStore, clock: ManualClock, count: int) -> list[float]:
    """Write `count` finished visits; return the ms each lesson_completed + end_visit took."""
    times = []
    for _ in range(count):
        visit = store.start_visit("kiosk-bench", clock.now())
        store.lesson_started(visit, LESSON, clock.now())
        store.record(visit, LESSON, Attempt("welcome", 0, "viewed"), clock.now())
        clock.advance(60)
        start = time.perf_counter()
        store.lesson_completed(visit, LESSON, clock.now())
        store.end_visit(visit, clock.now(), "ended")
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1000, help="visits in the backlog (3 statements each)")
    args = parser.parse_args()
    pack = load_pack(BUILTIN_PACKS / "core").pack
    settings = Settings(kiosk_id="kiosk-bench", commune="Xã Tân Phú", province="Tỉnh Đồng Nai")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for label, maker in (("without statements", None), ("with statements", KioskStatements(lambda: settings, lambda: [pack]))):
            store = ProgressStore.open(root / f"{label.split()[0]}.db")
            store.statements = maker
            times = write_visits(store, ManualClock(), 200)
            store.close()
            print(f"lesson_completed + end_visit {label}: median {statistics.median(times):.2f} ms, "
                  f"p95 {sorted(times)[189]:.2f} ms")

        clock = ManualClock()
        store = ProgressStore.open(root / "backlog.db")
        store.statements = KioskStatements(lambda: settings, lambda: [pack])
        write_visits(store, clock, args.visits)
        total = store.db["outbox"].count
        out = root / "export.jsonl"
        start = time.perf_counter()
        hocvuso(["--db", str(store.path), "export", "--xapi", str(out)])
        print(f"export --xapi: {total} statements, {out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - start:.2f} s")

        missing = ralph_missing()
        if missing:
            print(f"drain to Ralph: skipped ({missing})")
        else:
            ralph = Ralph(root / "ralph")
            ralph.start()
            try:
                forwarder = Forwarder(store.path, LrsTransport(ralph.url, USER, PASSWORD), clock)
                start = time.perf_counter()
                forwarder.run_once()
                elapsed = time.perf_counter() - start
                forwarder.close()
                sent = Outbox(store.db.conn).counts().sent
                print(f"drain to Ralph (fs backend, batches of 50): {sent}/{total} statements in {elapsed:.2f} s, "
                      f"{sent / elapsed:.0f} statements/s")
            finally:
                ralph.stop()

        outbox = Outbox(store.db.conn)
        now = clock.now() + datetime.timedelta(days=1)
        write_visits(store, clock, 17)  # 51 waiting among the sent backlog
        start = time.perf_counter()
        for _ in range(100):
            due = outbox.due(now, 50)
        print(f"outbox.due(50) among {store.db['outbox'].count} rows: {(time.perf_counter() - start) * 10:.2f} ms "
              f"({len(due)} due)")
        store.close()


if __name__ == "__main__":
    main()
