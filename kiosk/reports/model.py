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
class ConfidenceRow:
    """A lesson's confidence answers (1 Chưa tự tin, 2 Hơi tự tin, 3 Rất tự tin) before it and
    after it, and how many said they will try it on their real phone."""

    lesson_id: str
    title: str
    answers_before: int
    before: float | None  # mean answer; None: nobody answered
    answers_after: int
    after: float | None
    will_try: int  # "Có"
    will_try_answers: int  # "Có" and "Chưa"


@dataclass(frozen=True)
class HelpStep:
    """Where citizens pressed "Gọi cán bộ hỗ trợ"."""

    lesson_id: str  # "" outside a lesson (the menu)
    lesson_title: str
    step_number: int | None  # None outside a lesson, or when the step is no longer in the lesson
    instruction: str
    requests: int


@dataclass(frozen=True)
class LearnerFigures:
    """What citizens told and asked the kiosk in the period (kiosk.reports.learner_query)."""

    confidence: tuple[ConfidenceRow, ...] = ()  # lessons asked about, pack order
    help_requests: int = 0
    help_steps: tuple[HelpStep, ...] = ()  # most requests first
    solo_runs: int = 0  # Tự làm runs that ended in the period
    solo_alone: int = 0  # of those: done alone ("đã tự làm được")

    @property
    def will_try_percent(self) -> float | None:
        answers = sum(row.will_try_answers for row in self.confidence)
        return 100 * sum(row.will_try for row in self.confidence) / answers if answers else None

    @property
    def solo_success_percent(self) -> float | None:
        return 100 * self.solo_alone / self.solo_runs if self.solo_runs else None

    def mean(self, moment: str) -> float | None:
        """The mean confidence answer `moment` ("before" or "after") over every lesson."""
        pairs = [(getattr(row, moment), getattr(row, f"answers_{moment}")) for row in self.confidence]
        count = sum(n for _, n in pairs)
        return sum(value * n for value, n in pairs if value is not None) / count if count else None


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
    learners: LearnerFigures = LearnerFigures()  # confidence, help requests, Tự làm

    @property
    def completion_percent(self) -> float | None:
        return 100 * self.completed / self.started if self.started else None
