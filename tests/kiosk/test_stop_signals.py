"""A real kiosk process told to stop (SIGTERM from systemctl stop/restart and Ansible, SIGINT,
SIGHUP) ends the citizen's visit as the idle wipe does, with its xAPI statements, and exits 0;
one killed outright (kill -9, a power cut) leaves its visit open, and the next start closes
it as interrupted at its last recorded activity."""
from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.xapi.statements import EXTENSION

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("kiosk_child.py")
WAIT_S = 120  # generous: a slow machine starts Qt, the voice and the core


class Kiosk:
    """A kiosk process (the child harness, or `hocvuso run --windowed`), offscreen, on tmp_path."""

    def __init__(self, tmp_path: Path, *command: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
               "HOCVUSO_DATA_DIR": str(tmp_path / "data"), "HOCVUSO_CONFIG": str(tmp_path / "no-config.toml")}
        env.pop("HOCVUSO_DB", None)
        self.log = tmp_path / f"kiosk-{time.monotonic_ns()}.log"
        with self.log.open("w") as log:
            self.proc = subprocess.Popen([sys.executable, *command], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                         stderr=log, text=True)

    def ready(self) -> None:
        """Wait for the harness's "ready" line (its citizen's first step is written)."""
        assert self.proc.stdout is not None
        readable, _, _ = select.select([self.proc.stdout], [], [], WAIT_S)
        line = self.proc.stdout.readline() if readable else ""
        assert line == "ready\n", f"the kiosk did not get ready: {line!r}\n{self.log.read_text()}"

    def stop(self, number: int) -> int:
        os.kill(self.proc.pid, number)
        return self.proc.wait(timeout=WAIT_S)


def database(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{(tmp_path / 'data' / 'progress.db').as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def visits(tmp_path: Path) -> list[sqlite3.Row]:
    conn = database(tmp_path)
    try:
        return conn.execute("SELECT * FROM visits").fetchall()
    finally:
        conn.close()


def end_reasons(tmp_path: Path) -> list[str]:
    """The end reason in each session statement of the outbox."""
    conn = database(tmp_path)
    try:
        statements = [json.loads(row[0]) for row in conn.execute("SELECT statement FROM outbox")]
    finally:
        conn.close()
    extensions = [s["result"].get("extensions", {}) for s in statements]
    return [e[EXTENSION + "end-reason"] for e in extensions if EXTENSION + "end-reason" in e]


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting: {what}"
        time.sleep(0.05)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda s: s.name)
def test_a_stop_signal_closes_the_visit_and_exits_0(tmp_path, stop):
    kiosk = Kiosk(tmp_path, str(CHILD))
    kiosk.ready()
    [visit] = visits(tmp_path)
    assert visit["ended_at"] is None  # the citizen is mid-lesson

    assert kiosk.stop(stop) == 0, kiosk.log.read_text()
    [visit] = visits(tmp_path)
    assert visit["end_reason"] == "shutdown" and visit["ended_at"] >= visit["started_at"]
    assert end_reasons(tmp_path) == ["shutdown"]
    assert "Traceback" not in kiosk.log.read_text()


def test_a_killed_kiosk_leaves_its_visit_open_and_the_next_start_closes_it_as_interrupted(tmp_path):
    kiosk = Kiosk(tmp_path, str(CHILD))
    kiosk.ready()
    assert kiosk.stop(signal.SIGKILL) == -signal.SIGKILL
    [visit] = visits(tmp_path)
    assert visit["ended_at"] is None and end_reasons(tmp_path) == []
    conn = database(tmp_path)
    last = conn.execute("SELECT max(at) FROM attempts WHERE visit_id = ?", [visit["id"]]).fetchone()[0]
    conn.close()
    assert last is not None

    restarted = Kiosk(tmp_path, "-m", "kiosk.cli", "run", "--windowed")  # the real command, as systemd restarts it
    wait_until(lambda: visits(tmp_path)[0]["ended_at"] is not None, "the next start closing the visit left open")
    assert restarted.stop(signal.SIGTERM) == 0, restarted.log.read_text()
    [visit] = visits(tmp_path)
    assert visit["end_reason"] == "interrupted" and visit["ended_at"] == last
    assert end_reasons(tmp_path) == ["interrupted"]


STAND_IN_CAGE = """
import signal, subprocess, sys
app = subprocess.Popen(sys.argv[1:])
signal.signal(signal.SIGTERM, lambda *_: app.kill())  # cage takes the screen away: the app dies at once
sys.exit(app.wait())
"""


def test_the_units_stop_command_lets_the_app_close_its_visit_before_cage_goes(tmp_path):
    """`systemctl stop` runs the unit's ExecStop first: SIGTERM to cage's child, the app, alone."""
    unit = (REPO / "deploy" / "hocvuso-kiosk.service").read_text()
    [stop] = [line.removeprefix("ExecStop=") for line in unit.splitlines() if line.startswith("ExecStop=")]
    assert stop.startswith("/bin/sh -c '") and stop.endswith("'")
    cage = Kiosk(tmp_path, "-c", STAND_IN_CAGE, sys.executable, str(CHILD))
    cage.ready()
    script = stop.removeprefix("/bin/sh -c '").removesuffix("'").replace("$MAINPID", str(cage.proc.pid))
    stopping = subprocess.Popen(["/bin/sh", "-c", script])  # as systemd runs it; systemd reaps cage meanwhile
    assert cage.proc.wait(timeout=WAIT_S) == 0, cage.log.read_text()  # the app exited 0, and cage with it
    assert stopping.wait(timeout=WAIT_S) == 0  # the stop command returns once cage is gone
    [visit] = visits(tmp_path)
    assert visit["end_reason"] == "shutdown" and end_reasons(tmp_path) == ["shutdown"]
