"""SIGKILL `hocvuso pack install` many times and count what the kiosk would start with.

Every file operation of an install is a kill point (deterministic), then random-delay
kills of the real CLI make up the rest of `--runs`. Prints counts; exits 1 if any run
left the kiosk with something other than exactly the old or the new pack.

    .venv/bin/python benchmarks/kill_install.py --runs 300
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "kiosk" / "bundles"))

from kill_harness import NEW, OLD, check, fresh_root, prepare, run_child, run_cli_killed_after, scratch_dir  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--media-files", type=int, default=8, help="70 KB files in the new pack (more kill points)")
    args = parser.parse_args()
    base = scratch_dir()
    try:
        return run(base, args.runs, random.Random(args.seed), args.media_files)
    finally:
        shutil.rmtree(base)


def run(base: Path, runs: int, rng: random.Random, media_files: int) -> int:
    scenario = prepare(base, media_files)
    root = base / "data" / "packs"
    _, total = run_child(scenario, fresh_root(scenario, root), kill_at=0)
    config = base / "kiosk.toml"
    config.write_text(f"trusted_keys = [{json.dumps(scenario.public_key)}]\n")
    started = time.perf_counter()
    assert run_cli_killed_after(scenario, fresh_root(scenario, root), None, config) == 0
    full_s = time.perf_counter() - started
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    failures: list[str] = []
    for i in range(runs):
        fresh_root(scenario, root)
        if i < total:
            how, (code, _) = f"file operation {i + 1}", run_child(scenario, root, kill_at=i + 1)
        else:
            delay = rng.uniform(0, full_s * 1.2)
            how, code = f"CLI after {delay:.3f} s", run_cli_killed_after(scenario, root, delay, config)
        counts["killed" if code == -9 else "finished before the kill"] += 1
        try:
            counts[{OLD: "started with the old pack", NEW: "started with the new pack"}[check(scenario, root)]] += 1
        except AssertionError as exc:
            failures.append(f"{how}: {exc}")
    elapsed = time.perf_counter() - started
    print(f"file operations per install: {total}; one uninterrupted `hocvuso pack install`: {full_s:.2f} s")
    print(f"runs: {runs} ({min(runs, total)} at file operations, {max(0, runs - total)} at random times) "
          f"in {elapsed:.1f} s")
    for name, count in sorted(counts.items()):
        print(f"  {name}: {count}")
    print(f"  broken start: {len(failures)}")
    for failure in failures[:20]:
        print(f"    {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
