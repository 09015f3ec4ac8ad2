"""A training report for one kiosk over a range of local calendar dates: plain frozen
data that every writer (CSV, XLSX, PDF) renders the same way. Nothing personal."""
from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    kiosk_name: str
    kiosk_id: str
    commune: str
    province: str


@dataclass(frozen=True)
class LessonRow:
    lesson_id: str
    title: str
    topic_title: str
    started: int
    completed: int
    average_minutes: float | None  # mean time to complete it; None: nobody completed it


@dataclass(frozen=True)
class TopicRow:
    topic_id: str
    title: str
    started: int
    completed: int


@dataclass(frozen=True)
class PeriodRow:
    """A day, ISO week or month, clipped to the report's range."""

    label: str
    first: datetime.date
    last: datetime.date
    sessions: int
    started: int
    completed: int


@dataclass(frozen=True)
class FailedStep:
    lesson_id: str
    lesson_title: str
    step_id: str
    step_number: int | None  # None: the step is no longer in the lessons
    instruction: str  # "" when the lessons no longer have the step
    wrong: int  # wrong answers, including those summarised after the retention period


@dataclass(frozen=True)
class Report:
    place: Place
    first: datetime.date
    last: datetime.date
    generated_at: datetime.datetime  # local, aware
    sessions: int
    finished_sessions: int
    interrupted_sessions: int  # of the finished: ended by a crash, kill or power cut (closed at the next start)
    started: int
    completed: int
    average_lesson_minutes: float | None
    average_session_minutes: float | None
    lessons: tuple[LessonRow, ...]  # pack order, then lessons no longer in the packs
    topics: tuple[TopicRow, ...]
    days: tuple[PeriodRow, ...]
    weeks: tuple[PeriodRow, ...]
    months: tuple[PeriodRow, ...]
    failed_steps: tuple[FailedStep, ...]  # most wrong answers first

    @property
    def completion_percent(self) -> float | None:
        return 100 * self.completed / self.started if self.started else None
