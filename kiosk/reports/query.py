"""Build a Report from the progress database for a range of local calendar dates.

Periods are local days (midnight to midnight in `tz`); the database stores UTC ISO strings
with seconds, so a day ends at 23:59:59 and nothing is counted twice. Totals of sessions,
lessons and average session length come from kiosk.staff_figures (the staff panel's
figures); the day, week and month rows group the same rows by local day in one pass.
Attempts older than the retention period live on only as per-UTC-day counts in
`attempt_rollups`; a UTC day is counted when its start falls inside the range.
"""
from __future__ import annotations

import datetime
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import sqlite_utils

from content.model import Pack
from kiosk.progress import INTERRUPTED, connect_file
from kiosk.reports import texts
from kiosk.reports.catalogue import Catalogue, catalogue_from_packs
from kiosk.reports.errors import ReportError
from kiosk.reports.learner_query import learner_figures
from kiosk.reports.model import (
    FailedStep,
    LessonRow,
    PeriodRow,
    Place,
    Report,
    TopicRow,
)
from kiosk.settings import Settings
from kiosk.staff_figures import PeriodFigures, figures_since

OTHER_TOPIC_ID = ""


def month_so_far(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The usual report period: from the 1st of `today`'s month to `today`."""
    return today.replace(day=1), today


def report_periods(today: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """What staff may export: this month so far, and the whole month before it
    (what a commune reports at the start of a month)."""
    end_of_last = today.replace(day=1) - datetime.timedelta(days=1)
    return [month_so_far(today), (end_of_last.replace(day=1), end_of_last)]


def report_from_file(db_path: Path, packs: Iterable[Pack], settings: Settings,
                     first: datetime.date, last: datetime.date, now: datetime.datetime) -> Report:
    """The report from the database file at `db_path`, opened read-only: never created,
    migrated or moved aside (the kiosk may be writing to it). ReportError if unusable."""
    try:
        conn = connect_file(db_path, readonly=True)
    except FileNotFoundError as exc:
        raise ReportError(texts.NO_DATABASE.format(path=db_path), f"{db_path}: no such file") from exc
    except sqlite3.Error as exc:
        raise ReportError(texts.BAD_DATABASE.format(path=db_path), f"{db_path}: {exc}") from exc
    try:
        return build_report(sqlite_utils.Database(conn), catalogue_from_packs(packs), settings, first, last, now)
    except sqlite3.Error as exc:
        raise ReportError(texts.BAD_DATABASE.format(path=db_path), f"{db_path}: {exc}") from exc
    finally:
        conn.close()


def build_report(db: sqlite_utils.Database, catalogue: Catalogue, settings: Settings,
                 first: datetime.date, last: datetime.date, now: datetime.datetime) -> Report:
    """The report for `first`..`last` (inclusive) in the time zone of `now` (aware, local)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if first > last:
        raise ValueError(f"first day {first} is after last day {last}")
    tz = now.tzinfo
    start, end = _window(first, last, tz)
    total = figures_since(db, "report", start, end)
    durations = _lesson_minutes(db, start, end)
    lessons = _lesson_rows(total, durations, catalogue)
    all_minutes = [m for minutes in durations.values() for m in minutes]
    daily = _daily(db, first, last, tz)
    return Report(
        place=Place(settings.kiosk_name, settings.kiosk_id, settings.commune, settings.province),
        first=first,
        last=last,
        generated_at=now,
        sessions=total.sessions,
        finished_sessions=_finished_sessions(db, start, end),
        interrupted_sessions=_finished_sessions(db, start, end, INTERRUPTED),
        started=total.started,
        completed=total.completed,
        average_lesson_minutes=_mean(all_minutes),
        average_session_minutes=total.average_minutes,
        lessons=lessons,
        topics=_topic_rows(lessons, catalogue),
        days=_periods(daily, first, last, lambda d: d, texts.day),
        weeks=_periods(daily, first, last, lambda d: d - datetime.timedelta(days=d.weekday()), texts.week_label),
        months=_periods(daily, first, last, lambda d: d.replace(day=1), texts.month_label),
        failed_steps=_failed_steps(db, start, end, catalogue),
        learners=learner_figures(db, start, end, catalogue),
    )


def _window(first: datetime.date, last: datetime.date, tz: datetime.tzinfo) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(first, datetime.time(), tz)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time(), tz)
    return start, end - datetime.timedelta(seconds=1)


def _utc(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _finished_sessions(db: sqlite_utils.Database, start: datetime.datetime, end: datetime.datetime,
                       reason: str | None = None) -> int:
    """Sessions started in the window that have ended (for `reason`, if given)."""
    sql = "SELECT COUNT(*) FROM visits WHERE ended_at IS NOT NULL AND started_at BETWEEN ? AND ?"
    if reason is None:
        return db.execute(sql, [_utc(start), _utc(end)]).fetchone()[0]
    return db.execute(f"{sql} AND end_reason = ?", [_utc(start), _utc(end), reason]).fetchone()[0]


def _lesson_minutes(db: sqlite_utils.Database, start: datetime.datetime, end: datetime.datetime) -> dict[str, list[float]]:
    sql = ("SELECT lesson_id, seconds FROM lesson_summaries"
           " WHERE status = 'completed' AND completed_at BETWEEN ? AND ?")
    minutes: dict[str, list[float]] = defaultdict(list)
    for lesson_id, seconds in db.execute(sql, [_utc(start), _utc(end)]):
        minutes[lesson_id].append(max(0.0, seconds or 0.0) / 60)
    return minutes


def _lesson_rows(total: PeriodFigures, durations: dict[str, list[float]], catalogue: Catalogue) -> tuple[LessonRow, ...]:
    counts = {f.lesson_id: f for f in total.lessons}
    unknown = sorted(lesson_id for lesson_id in counts if lesson_id not in catalogue)
    rows = []
    for lesson_id in [*catalogue, *unknown]:
        info = catalogue.get(lesson_id)
        figures = counts.get(lesson_id)
        rows.append(LessonRow(
            lesson_id=lesson_id,
            title=info.title if info else lesson_id,
            topic_title=info.topic_title if info else texts.OTHER_TOPIC,
            started=figures.started if figures else 0,
            completed=figures.completed if figures else 0,
            average_minutes=_mean(durations.get(lesson_id, [])),
        ))
    return tuple(rows)


def _topic_rows(lessons: tuple[LessonRow, ...], catalogue: Catalogue) -> tuple[TopicRow, ...]:
    titles: dict[str, str] = {}
    started: Counter[str] = Counter()
    completed: Counter[str] = Counter()
    for row in lessons:
        info = catalogue.get(row.lesson_id)
        topic_id = info.topic_id if info else OTHER_TOPIC_ID
        titles.setdefault(topic_id, row.topic_title)
        started[topic_id] += row.started
        completed[topic_id] += row.completed
    return tuple(TopicRow(topic_id, title, started[topic_id], completed[topic_id]) for topic_id, title in titles.items())


def _daily(db: sqlite_utils.Database, first: datetime.date, last: datetime.date,
           tz: datetime.tzinfo) -> dict[str, Counter[datetime.date]]:
    """Sessions, lessons started and lessons completed per local day, in one pass each
    (the same conditions as kiosk.staff_figures.figures_since, grouped by day)."""
    window = [_utc(at) for at in _window(first, last, tz)]
    queries = {
        "sessions": "SELECT started_at FROM visits WHERE started_at BETWEEN ? AND ?",
        "started": "SELECT started_at FROM lesson_summaries WHERE started_at BETWEEN ? AND ?",
        "completed": "SELECT completed_at FROM lesson_summaries WHERE status = 'completed' AND completed_at BETWEEN ? AND ?",
    }
    return {key: Counter(datetime.datetime.fromisoformat(row[0]).astimezone(tz).date() for row in db.execute(sql, window))
            for key, sql in queries.items()}


def _periods(daily: dict[str, Counter[datetime.date]], first: datetime.date, last: datetime.date,
             bucket: Callable[[datetime.date], datetime.date], label: Callable[[datetime.date], str]) -> tuple[PeriodRow, ...]:
    """One row per day, week or month (`bucket` maps a day to its period's first day)."""
    spans: dict[datetime.date, list[datetime.date]] = {}
    for d in _days(first, last):
        spans.setdefault(bucket(d), []).append(d)
    return tuple(
        PeriodRow(label(key), days[0], days[-1], *(sum(daily[kind][d] for d in days) for kind in ("sessions", "started", "completed")))
        for key, days in spans.items()
    )


def _days(first: datetime.date, last: datetime.date) -> Iterator[datetime.date]:
    for offset in range((last - first).days + 1):
        yield first + datetime.timedelta(days=offset)


def _failed_steps(db: sqlite_utils.Database, start: datetime.datetime, end: datetime.datetime,
                  catalogue: Catalogue) -> tuple[FailedStep, ...]:
    wrong: Counter[tuple[str, str]] = Counter()
    indexes: dict[tuple[str, str], int] = {}
    raw = ("SELECT lesson_id, step_id, MAX(step_index), COUNT(*) FROM attempts"
           " WHERE outcome = 'wrong' AND at BETWEEN ? AND ? GROUP BY lesson_id, step_id")
    for lesson_id, step_id, index, count in db.execute(raw, [_utc(start), _utc(end)]):
        wrong[lesson_id, step_id] += count
        indexes[lesson_id, step_id] = index
    if db["attempt_rollups"].exists():
        rolled = ("SELECT lesson_id, step_id, SUM(count) FROM attempt_rollups"
                  " WHERE outcome = 'wrong' AND day BETWEEN ? AND ? GROUP BY lesson_id, step_id")
        for lesson_id, step_id, count in db.execute(rolled, _rollup_days(start, end)):
            wrong[lesson_id, step_id] += count
    rows = []
    for (lesson_id, step_id), count in wrong.items():
        info = catalogue.get(lesson_id)
        step = info.steps.get(step_id) if info else None
        index = indexes.get((lesson_id, step_id))
        rows.append(FailedStep(
            lesson_id=lesson_id,
            lesson_title=info.title if info else lesson_id,
            step_id=step_id,
            step_number=step.number if step else (index + 1 if index is not None else None),
            instruction=step.instruction if step else "",
            wrong=count,
        ))
    order = list(catalogue)
    return tuple(sorted(rows, key=lambda r: (-r.wrong, order.index(r.lesson_id) if r.lesson_id in order else len(order),
                                             r.lesson_id, r.step_number or 0, r.step_id)))


def _rollup_days(start: datetime.datetime, end: datetime.datetime) -> list[str]:
    """First and last UTC day (ISO dates) whose midnight lies in [start, end]."""
    first = start.astimezone(datetime.UTC)
    first_day = first.date() if first.time() == datetime.time() else first.date() + datetime.timedelta(days=1)
    return [first_day.isoformat(), end.astimezone(datetime.UTC).date().isoformat()]
