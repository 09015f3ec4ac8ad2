"""The report as titled tables of plain cells, in the order every writer lays them out
(CSV sections, XLSX sheets). Cells are native values; each writer formats them."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from kiosk.reports import texts
from kiosk.reports.model import PeriodRow, Report

Cell = str | int | float | datetime.date | None


@dataclass(frozen=True)
class Table:
    title: str  # also the XLSX sheet name
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def all_tables(report: Report) -> list[Table]:
    return [
        summary_table(report),
        Table(texts.BY_LESSON,
              (texts.LESSON_ID, texts.LESSON, texts.TOPIC, texts.STARTED, texts.COMPLETED, texts.AVERAGE_MINUTES),
              tuple((r.lesson_id, r.title, r.topic_title, r.started, r.completed, _round(r.average_minutes))
                    for r in report.lessons)),
        Table(texts.BY_TOPIC, (texts.TOPIC_ID, texts.TOPIC, texts.STARTED, texts.COMPLETED),
              tuple((r.topic_id, r.title, r.started, r.completed) for r in report.topics)),
        _period_table(texts.BY_DAY, report.days),
        _period_table(texts.BY_WEEK, report.weeks),
        _period_table(texts.BY_MONTH, report.months),
        Table(texts.FAILED_STEPS, (texts.LESSON_ID, texts.LESSON, texts.STEP, texts.INSTRUCTION, texts.WRONG),
              tuple((r.lesson_id, r.lesson_title, r.step_number, r.instruction or texts.STEP_GONE, r.wrong)
                    for r in report.failed_steps)),
        *learner_tables(report),
    ]


def learner_tables(report: Report) -> list[Table]:
    """Confidence before → after per lesson, and help requests by step."""
    learners = report.learners
    confidence = Table(texts.CONFIDENCE_SHEET,
                       (texts.LESSON_ID, texts.LESSON, texts.ANSWERS_BEFORE, texts.MEAN_BEFORE, texts.ANSWERS_AFTER,
                        texts.MEAN_AFTER, texts.WILL_TRY_YES, texts.WILL_TRY_ANSWERS),
                       tuple((r.lesson_id, r.title, r.answers_before, _round(r.before), r.answers_after, _round(r.after),
                              r.will_try, r.will_try_answers) for r in learners.confidence))
    help_steps = Table(texts.HELP_SHEET, (texts.LESSON_ID, texts.LESSON, texts.STEP, texts.INSTRUCTION, texts.HELP_COUNT),
                       tuple((r.lesson_id, r.lesson_title, r.step_number, r.instruction, r.requests)
                             for r in learners.help_steps))
    return [confidence, help_steps]


def summary_table(report: Report) -> Table:
    place = report.place
    rows: tuple[tuple[Cell, ...], ...] = (
        (texts.KIOSK, place.kiosk_name),
        (texts.KIOSK_ID, place.kiosk_id),
        (texts.COMMUNE, place.commune),
        (texts.PROVINCE, place.province),
        (texts.FROM, report.first),
        (texts.TO, report.last),
        (texts.GENERATED, report.generated_at.strftime("%d/%m/%Y %H:%M")),
        (texts.SESSIONS, report.sessions),
        (texts.FINISHED_SESSIONS, report.finished_sessions),
        (texts.INTERRUPTED_SESSIONS, report.interrupted_sessions),
        (texts.STARTED, report.started),
        (texts.COMPLETED, report.completed),
        (texts.COMPLETION_PERCENT, _round(report.completion_percent)),
        (texts.LESSON_TIME, _round(report.average_lesson_minutes)),
        (texts.SESSION_TIME, _round(report.average_session_minutes)),
        (texts.CONFIDENCE_MEAN_BEFORE, _round(report.learners.mean("before"))),
        (texts.CONFIDENCE_MEAN_AFTER, _round(report.learners.mean("after"))),
        (texts.WILL_TRY_PERCENT, _round(report.learners.will_try_percent)),
        (texts.HELP_REQUESTS, report.learners.help_requests),
        (texts.SOLO_RUNS, report.learners.solo_runs),
        (texts.SOLO_ALONE, report.learners.solo_alone),
        (texts.SOLO_PERCENT, _round(report.learners.solo_success_percent)),
    )
    return Table(texts.SUMMARY, (texts.ITEM, texts.VALUE), rows)


def _period_table(title: str, periods: tuple[PeriodRow, ...]) -> Table:
    header = (texts.PERIOD_LABEL, texts.FROM, texts.TO, texts.SESSIONS, texts.STARTED, texts.COMPLETED)
    return Table(title, header, tuple((p.label, p.first, p.last, p.sessions, p.started, p.completed) for p in periods))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
