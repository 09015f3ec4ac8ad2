"""Training figures for the staff panel: sessions, lessons started / completed per lesson
and average minutes, for today, this week (from Monday) and this month.

Periods follow the local calendar of the `now` passed in (an aware datetime: the kiosk
passes its local time); the progress database stores UTC, compared as ISO strings.
"""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

import sqlite_utils

PERIODS = ("today", "week", "month")


@dataclass(frozen=True)
class LessonFigures:
    lesson_id: str
    started: int
    completed: int


@dataclass(frozen=True)
class PeriodFigures:
    period: str  # one of PERIODS
    sessions: int
    lessons: tuple[LessonFigures, ...]  # most started first
    average_minutes: float | None  # mean length of the finished sessions; None: none finished

    @property
    def started(self) -> int:
        return sum(lesson.started for lesson in self.lessons)

    @property
    def completed(self) -> int:
        return sum(lesson.completed for lesson in self.lessons)


def period_start(period: str, now: datetime.datetime) -> datetime.datetime:
    """Local midnight starting `period` that contains `now`."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "today":
        return midnight
    if period == "week":
        return midnight - datetime.timedelta(days=now.weekday())
    if period == "month":
        return midnight.replace(day=1)
    raise ValueError(f"unknown period {period!r}")


def all_figures(db: sqlite_utils.Database, now: datetime.datetime) -> list[PeriodFigures]:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return [figures_since(db, period, period_start(period, now), now) for period in PERIODS]


def figures_since(db: sqlite_utils.Database, period: str, start: datetime.datetime,
                  end: datetime.datetime) -> PeriodFigures:
    since, until = _iso(start), _iso(end)
    window = "BETWEEN ? AND ?"
    visits = db.execute(f"SELECT started_at, ended_at FROM visits WHERE started_at {window}", [since, until]).fetchall()
    started = Counter(row[0] for row in db.execute(
        f"SELECT lesson_id FROM lesson_summaries WHERE started_at {window}", [since, until]))
    completed = Counter(row[0] for row in db.execute(
        f"SELECT lesson_id FROM lesson_summaries WHERE status = 'completed' AND completed_at {window}",
        [since, until]))
    lessons = sorted(
        (LessonFigures(lesson_id, started[lesson_id], completed[lesson_id]) for lesson_id in started | completed),
        key=lambda f: (-f.started, -f.completed, f.lesson_id),
    )
    lengths = [_minutes(begin, end_at) for begin, end_at in visits if end_at]
    average = sum(lengths) / len(lengths) if lengths else None
    return PeriodFigures(period, len(visits), tuple(lessons), average)


def _minutes(begin: str, end: str) -> float:
    delta = datetime.datetime.fromisoformat(end) - datetime.datetime.fromisoformat(begin)
    return max(0.0, delta.total_seconds() / 60)


def _iso(at: datetime.datetime) -> str:
    """The same format as kiosk.progress writes (UTC, seconds)."""
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")
