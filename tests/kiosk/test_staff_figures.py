"""Staff figures over a real progress database written through ProgressStore."""
from __future__ import annotations

import datetime

import pytest

from kiosk.progress import ProgressStore
from kiosk.staff_figures import all_figures, period_start

VN = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=VN)  # a Friday


def visit(store: ProgressStore, start: datetime.datetime, minutes: float | None,
          lessons: dict[str, bool]) -> None:
    """One citizen session: `lessons` maps lesson id -> completed."""
    visit_id = store.start_visit("kiosk-01", start)
    for lesson_id, done in lessons.items():
        store.lesson_started(visit_id, lesson_id, start)
        if done:
            store.lesson_completed(visit_id, lesson_id, start + datetime.timedelta(minutes=3))
    if minutes is not None:
        store.end_visit(visit_id, start + datetime.timedelta(minutes=minutes), "finished")


@pytest.fixture
def figures(store: ProgressStore):
    visit(store, NOW - datetime.timedelta(hours=1), 10, {"vneid": True, "scam": False})
    visit(store, NOW - datetime.timedelta(hours=2), 20, {"vneid": False})
    visit(store, NOW - datetime.timedelta(minutes=5), None, {"scam": False})  # still going
    # 01:00 local on Wednesday is 18:00 UTC on Tuesday: counts for this week, not for today.
    visit(store, datetime.datetime(2026, 11, 25, 1, 0, tzinfo=VN), 30, {"vneid": True})
    visit(store, datetime.datetime(2026, 11, 2, 9, 0, tzinfo=VN), 6, {"fees": True})  # this month
    visit(store, datetime.datetime(2026, 10, 31, 23, 0, tzinfo=VN), 6, {"fees": True})  # last month
    visit(store, NOW + datetime.timedelta(hours=1), 6, {"fees": True})  # after `now`: not counted
    return {f.period: f for f in all_figures(store.db, NOW)}


def test_today_counts_sessions_lessons_and_average_minutes(figures) -> None:
    today = figures["today"]
    assert today.sessions == 3
    assert [(f.lesson_id, f.started, f.completed) for f in today.lessons] == [("vneid", 2, 1), ("scam", 2, 0)]
    assert (today.started, today.completed) == (4, 1)
    assert today.average_minutes == pytest.approx(15.0)  # the unfinished session is left out


def test_week_and_month_use_local_calendar_boundaries(figures) -> None:
    week, month = figures["week"], figures["month"]
    assert week.sessions == 4
    assert dict((f.lesson_id, f.completed) for f in week.lessons) == {"vneid": 2, "scam": 0}
    assert week.average_minutes == pytest.approx(20.0)
    assert month.sessions == 5
    assert dict((f.lesson_id, f.completed) for f in month.lessons)["fees"] == 1


def test_empty_database_gives_zeros(store: ProgressStore) -> None:
    for period in all_figures(store.db, NOW):
        assert (period.sessions, period.lessons, period.average_minutes) == (0, (), None)


def test_period_starts() -> None:
    assert period_start("week", NOW) == datetime.datetime(2026, 11, 23, tzinfo=VN)
    assert period_start("month", NOW) == datetime.datetime(2026, 11, 1, tzinfo=VN)
    with pytest.raises(ValueError):
        all_figures(None, NOW.replace(tzinfo=None))  # type: ignore[arg-type]
