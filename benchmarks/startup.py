"""Start-up: process start → first painted attract screen, and RSS then, beside a bare
PySide6 window measured the same way in the same run. Targets: ≤ 1 s, ≤ 3× the bare
window, RSS ≤ 150 MB.

    python benchmarks/startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.monotonic()} {rss_mb():.1f}", flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            watched.removeEventFilter(self)
        return False

app = QApplication(sys.argv[:1])
if sys.argv[1] == "bare":
    window = QWidget()
else:
    import random
    from pathlib import Path
    from kiosk.app import KioskApp
    from kiosk.clock import SystemClock
    from kiosk.settings import load_settings
    window = KioskApp(load_settings(), SystemClock(), random.Random(0), defer_core=True).window  # as `hocvuso run`
window.resize(1920, 1080)
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def measure(kind: str, data_dir: str) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOCVUSO_DATA_DIR": data_dir, "HOCVUSO_CONFIG": "/nonexistent"}
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", CHILD, kind], env=env, capture_output=True, text=True, check=True)
    painted, rss = out.stdout.split()
    return float(painted) - start, float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as data_dir:
        results = {kind: [measure(kind, data_dir) for _ in range(runs)] for kind in ("bare", "kiosk")}
    medians = {kind: (statistics.median(t for t, _ in r), statistics.median(m for _, m in r)) for kind, r in results.items()}
    for kind, r in results.items():
        times = sorted(t * 1000 for t, _ in r)
        print(f"{kind:5}: first paint min {times[0]:.0f} ms, median {medians[kind][0] * 1000:.0f} ms, "
              f"max {times[-1]:.0f} ms; RSS median {medians[kind][1]:.0f} MB")
    ratio = medians["kiosk"][0] / medians["bare"][0]
    print(f"kiosk / bare: time {ratio:.2f}× (target ≤ 3×), RSS {medians['kiosk'][1] / medians['bare'][1]:.2f}×")
    print(f"targets: first paint ≤ 1000 ms → {'ok' if medians['kiosk'][0] <= 1 else 'OVER'}; "
          f"RSS ≤ 150 MB → {'ok' if medians['kiosk'][1] <= 150 else 'OVER'}")


if __name__ == "__main__":
    main()
