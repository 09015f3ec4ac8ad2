"""kill -9 a progress writer (the real kiosk core and store) at random moments, many times,
and check every acknowledged write against the reopened database.

    .venv/bin/python benchmarks/crash_safety.py --kills 200

Prints kills, acknowledged writes checked, failures and the writers' rate; exits 1 on any
failure. SIGKILL does not lose the page cache: power loss is covered by WAL with
synchronous=FULL (see kiosk/progress.py and ../shared/reference/platform-notes.md).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "kiosk"))

from crash_harness import campaign


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chains", type=int, default=2, help="databases written (and killed) in parallel")
    parser.add_argument("--max-acks", type=int, default=200, help="most writes acknowledged before a kill")
    parser.add_argument("--max-delay", type=float, default=0.02, help="longest wait after those, seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hocvuso-crash-") as base:
        result = campaign(Path(base), args.kills, args.seed, args.chains, args.max_acks, args.max_delay)
    print(f"kills:                          {result.kills}")
    print(f"  of which while opening:       {result.at_start}")
    print(f"acknowledged writes checked:    {result.writes_checked}")
    print(f"failures:                       {len(result.failures)}")
    print(f"writes/s (per writer, WAL+FULL): {result.writes_checked / max(result.writing_s, 1e-9):.0f}")
    print(f"wall time:                      {result.seconds:.1f} s")
    for failure in result.failures[:20]:
        print(f"  FAIL {failure}")
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
