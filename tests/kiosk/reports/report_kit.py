"""Helpers for the report tests: a real progress database for November 2026 at a kiosk
in Vietnam (UTC+7), written through ProgressStore with explicit times, plus attempts
already rolled up past retention.

Expected for 01/11–30/11: 4 sessions (3 finished: 12, 20 and 10 minutes), 4 lessons
started and 3 completed (6, 4 and 8 minutes), and wrong answers: nhan-ma-otp step 3
2 raw + 5 rolled up, vneid-dang-nhap step 2 once, and a step no longer in its lesson once.
"""
from __future__ import annotations

import datetime

from kiosk.lesson_session import Attempt
from kiosk.progress import ProgressStore

VN = datetime.timezone(datetime.timedelta(hours=7))
NOW = datetime.datetime(2026, 12, 1, 8, 30, tzinfo=VN)
FIRST, LAST = datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)
PLACE = {"kiosk_name": "Trạm Học vụ số Tân Phú", "kiosk_id": "pt-tanphu-01", "commune": "Xã Tân Phú",
         "province": "Tỉnh Phú Thọ"}


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=VN)


def visit(store: ProgressStore, start: datetime.datetime, minutes: float | None,
          lessons: dict[str, float | None], wrong: tuple[tuple[str, str, int], ...] = ()) -> None:
    """A session: `lessons` maps lesson id -> minutes to complete (None: left unfinished);
    `wrong` holds (lesson id, step id, step index) of wrong answers."""
    visit_id = store.start_visit("pt-tanphu-01", start)
    for lesson_id, done in lessons.items():
        store.lesson_started(visit_id, lesson_id, start)
        for wrong_lesson, step_id, index in wrong:
            if wrong_lesson == lesson_id:
                store.record(visit_id, lesson_id, Attempt(step_id, index, "wrong"), start + datetime.timedelta(minutes=1))
        if done is not None:
            store.lesson_completed(visit_id, lesson_id, start + datetime.timedelta(minutes=done))
    if minutes is not None:
        store.end_visit(visit_id, start + datetime.timedelta(minutes=minutes), "finished")


def add_rollups(store: ProgressStore, rows: list[tuple[str, str, str, str, int]]) -> None:
    """Rows as the retention job leaves them (the table exists from schema v2 on)."""
    table = store.db["attempt_rollups"]
    if not table.exists():
        table.create({"day": str, "lesson_id": str, "step_id": str, "outcome": str, "count": int},
                     pk=("day", "lesson_id", "step_id", "outcome"))
    table.insert_all([dict(zip(("day", "lesson_id", "step_id", "outcome", "count"), row)) for row in rows])
