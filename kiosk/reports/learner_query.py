"""The report's figures on what citizens told and asked the kiosk (kiosk.learner_records):
confidence before → after per lesson and who will try the real service, where they pressed
"Gọi cán bộ hỗ trợ", and how often a Tự làm run was done alone.

Answers count in the period they were given, help requests when they were made, Tự làm runs
when they ended. The Tự làm figures read the `lesson_runs` table of the solo mode (schema v5,
kiosk.progress_runs) when the database has it, and are 0 otherwise.
"""
from __future__ import annotations

import datetime
from collections import defaultdict

import sqlite_utils

from kiosk.reports import texts
from kiosk.reports.catalogue import Catalogue
from kiosk.reports.model import ConfidenceRow, HelpStep, LearnerFigures


def learner_figures(db: sqlite_utils.Database, start: datetime.datetime, end: datetime.datetime,
                    catalogue: Catalogue) -> LearnerFigures:
    window = [_utc(start), _utc(end)]
    if not db["help_requests"].exists():  # a database from before schema v6, read-only
        return LearnerFigures()
    help_steps = _help_steps(db, window, catalogue)
    runs, alone = _solo(db, window)
    return LearnerFigures(_confidence(db, window, catalogue), sum(step.requests for step in help_steps), help_steps,
                          runs, alone)


def _utc(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")


def _confidence(db: sqlite_utils.Database, window: list[str], catalogue: Catalogue) -> tuple[ConfidenceRow, ...]:
    sql = ("SELECT lesson_id, question, COUNT(*), AVG(answer), SUM(answer) FROM confidence_answers"
           " WHERE at BETWEEN ? AND ? GROUP BY lesson_id, question")
    found: dict[str, dict[str, tuple[int, float, int]]] = defaultdict(dict)
    for lesson_id, question, count, mean, total in db.execute(sql, window):
        found[lesson_id][question] = (count, mean, total)
    order = [*(i for i in catalogue if i in found), *sorted(i for i in found if i not in catalogue)]
    rows = []
    for lesson_id in order:
        answers = found[lesson_id]
        before, after, will = (answers.get(q, (0, None, 0)) for q in ("before", "after", "will_try"))
        info = catalogue.get(lesson_id)
        rows.append(ConfidenceRow(lesson_id, info.title if info else lesson_id, before[0], before[1], after[0], after[1],
                                  will[2], will[0]))
    return tuple(rows)


def _help_steps(db: sqlite_utils.Database, window: list[str], catalogue: Catalogue) -> tuple[HelpStep, ...]:
    sql = ("SELECT lesson_id, step_id, MAX(step_index), COUNT(*) FROM help_requests"
           " WHERE asked_at BETWEEN ? AND ? GROUP BY lesson_id, step_id")
    rows = []
    for lesson_id, step_id, index, count in db.execute(sql, window):
        info = catalogue.get(lesson_id)
        step = info.steps.get(step_id) if info else None
        if not lesson_id:
            rows.append(HelpStep("", texts.OUTSIDE_LESSONS, None, "", count))
            continue
        rows.append(HelpStep(lesson_id, info.title if info else lesson_id,
                             step.number if step else (index + 1 if index is not None else None),
                             step.instruction if step else "", count))
    order = list(catalogue)
    return tuple(sorted(rows, key=lambda r: (-r.requests, order.index(r.lesson_id) if r.lesson_id in order else len(order),
                                             r.lesson_id, r.step_number or 0)))


def _solo(db: sqlite_utils.Database, window: list[str]) -> tuple[int, int]:
    """Tự làm runs ended in the window, and those done alone."""
    if not db["lesson_runs"].exists():
        return 0, 0
    sql = ("SELECT COUNT(*), COALESCE(SUM(alone = 1), 0) FROM lesson_runs"
           " WHERE mode = 'solo' AND ended_at BETWEEN ? AND ?")
    runs, alone = db.execute(sql, window).fetchone()
    return int(runs), int(alone)
