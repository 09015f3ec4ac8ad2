"""kill -9 a writer running citizens' sessions through the real kiosk core, many times, and
check that every write it acknowledged is in the database and nothing is half-written.

SIGKILL ends the process but not the machine, so the page cache keeps what was written;
power loss is covered by WAL with synchronous=FULL (see kiosk/progress.py)."""
from __future__ import annotations

import sqlite3

from crash_harness import Acks, Plan, WriterServer, campaign, check

KILLS = 52


def test_kill_9_at_random_moments_loses_no_acknowledged_write(tmp_path):
    result = campaign(tmp_path, KILLS, seed=20261127)
    assert result.failures == []
    assert result.kills == KILLS
    assert 0 < result.at_start < KILLS // 4  # most land in sessions; some while the store opens
    assert result.writes_checked > 40 * KILLS  # each session kill waits for up to 200 acknowledgements


def test_the_check_finds_a_lost_acknowledged_write(tmp_path):
    """The check above can fail: drop one acknowledged attempt and it is reported."""
    db = tmp_path / "progress.db"
    acks = Acks()
    server = WriterServer()
    kill = server.kill(db, Plan(seed=1, after=30, delay_s=0), acks)
    server.close()
    assert kill.exit_problem == "" and kill.acked >= 30
    assert check(db, acks, kills=1) == []
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM attempts WHERE id = (SELECT min(id) FROM attempts WHERE outcome = 'correct')")
    conn.close()
    problems = check(db, acks, kills=1)
    assert any("acknowledged attempt" in p for p in problems)
    assert any("steps_done" in p for p in problems)  # the summary no longer matches its attempts
