"""The running kiosk prunes old attempts after start-up and keeps looking every hour."""
from __future__ import annotations

import datetime

from kiosk.lesson_session import Attempt


def test_old_attempts_are_summarised_after_start_up(kiosk_app, clock) -> None:
    store = kiosk_app.store
    old = clock.now() - datetime.timedelta(days=400)
    visit = store.start_visit("kiosk-01", old)
    store.record(visit, "lesson", Attempt("step", 0, "wrong"), old)
    store.record(visit, "lesson", Attempt("step", 0, "correct"), clock.now())
    kiosk_app.start_retention()
    assert [r["at"][:4] for r in store.db["attempts"].rows] == [str(clock.now().year)]
    assert store.db.execute("SELECT day, outcome, count FROM attempt_rollups").fetchall() == [
        (old.date().isoformat(), "wrong", 1)
    ]
    assert kiosk_app.prune_timer.isActive() and kiosk_app.prune_timer.interval() == 3_600_000
