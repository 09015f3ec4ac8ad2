"""What a citizen asked for and told the kiosk, kept beside their progress (schema v6, see
kiosk.progress_schema): help requests ("Gọi cán bộ hỗ trợ") with the lesson and step they were
on, the answers to the confidence questions, and the steps of a "Tập lại chỗ bác hay nhầm" run.

Anonymous like the rest: rows hold the random visit id, lesson and step ids, times and the
answers' numbers. Each write is one transaction; a failing write raises (kiosk.visit_record
keeps teaching and tells staff).
"""
from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # sqlite-utils loads with the core, not with the first paint
    import sqlite_utils

    from kiosk.lesson_session import Attempt

QUESTIONS = ("before", "after", "will_try")  # confidence before the lesson, after it; will they try on their own phone
HELPED, LEFT = "helped", "left"  # how a help request ends: staff helped, or the visit ended first


def _iso(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="seconds")


# --- help requests ----------------------------------------------------------------------------
def help_asked(db: sqlite_utils.Database, request_id: str, visit_id: str, lesson_id: str, step_id: str,
               step_index: int | None, at: datetime.datetime) -> None:
    """Record a help request (a random id). `lesson_id` "" (and no step) outside a lesson."""
    with db.atomic():
        db["help_requests"].insert({"id": request_id, "visit_id": visit_id, "lesson_id": lesson_id, "step_id": step_id,
                                    "step_index": step_index, "asked_at": _iso(at)})


def help_coming(db: sqlite_utils.Database, request_id: str, at: datetime.datetime) -> None:
    """Staff are coming. (Like help_closed, nothing to do when the request was never written: a
    full disk refused it.)"""
    with db.atomic():
        db.execute("UPDATE help_requests SET coming_at = ? WHERE id = ?", [_iso(at), request_id])


def help_closed(db: sqlite_utils.Database, request_id: str, at: datetime.datetime, outcome: str) -> None:
    with db.atomic():
        db.execute("UPDATE help_requests SET closed_at = ?, outcome = ? WHERE id = ?", [_iso(at), outcome, request_id])


# --- confidence ---------------------------------------------------------------------------------
def confidence_answered(db: sqlite_utils.Database, visit_id: str, lesson_id: str, question: str, answer: int,
                        at: datetime.datetime) -> None:
    """Keep an answer (QUESTIONS); answering again in the same visit replaces it."""
    if question not in QUESTIONS:
        raise ValueError(f"unknown confidence question {question!r}")
    with db.atomic():
        db["confidence_answers"].upsert({"visit_id": visit_id, "lesson_id": lesson_id, "question": question,
                                         "answer": answer, "at": _iso(at)}, pk=("visit_id", "lesson_id", "question"))


# --- practising again -------------------------------------------------------------------------
def practice_attempt(db: sqlite_utils.Database, visit_id: str, lesson_id: str, attempt: Attempt,
                     at: datetime.datetime) -> None:
    """A step action of a "Tập lại" run: an attempt like any other (reports and the next
    practice count it), without starting the lesson's summary (it is no new try of the lesson)."""
    with db.atomic():
        db["attempts"].insert({"visit_id": visit_id, "lesson_id": lesson_id, "step_id": attempt.step_id,
                               "step_index": attempt.step_index, "outcome": attempt.outcome, "at": _iso(at)})


def tricky_steps(db: sqlite_utils.Database, visit_id: str) -> dict[str, tuple[str, ...]]:
    """The visit's steps with a wrong try, a hint or a help request: lesson id → step ids,
    lessons in the order they were first met, steps in lesson order."""
    rows = db.execute(
        """
        SELECT lesson_id, step_id, MIN(step_index), MIN(at) FROM (
            SELECT lesson_id, step_id, step_index, at FROM attempts
            WHERE visit_id = ? AND outcome IN ('wrong', 'hint')
            UNION ALL
            SELECT lesson_id, step_id, step_index, asked_at FROM help_requests
            WHERE visit_id = ? AND lesson_id != '' AND step_index IS NOT NULL
        ) GROUP BY lesson_id, step_id
        """,
        [visit_id, visit_id],
    ).fetchall()
    first_met: dict[str, str] = {}
    for lesson_id, _, _, at in rows:
        first_met[lesson_id] = min(at, first_met.get(lesson_id, at))
    lessons = sorted(first_met, key=lambda lesson_id: (first_met[lesson_id], lesson_id))
    return {lesson_id: tuple(step for _, step, _, _ in sorted((r for r in rows if r[0] == lesson_id), key=lambda r: r[2]))
            for lesson_id in lessons}


# --- for the xAPI statements --------------------------------------------------------------------
def with_learner_records(db: sqlite_utils.Database, summary: dict[str, Any]) -> dict[str, Any]:
    """A lesson summary (a lesson_summaries row) with the help requests made in that lesson and
    the confidence answers about it: keys help_requests, and confidence_before,
    confidence_after, will_try where answered."""
    visit_id, lesson_id = summary["visit_id"], summary["lesson_id"]
    helped = db.execute("SELECT COUNT(*) FROM help_requests WHERE visit_id = ? AND lesson_id = ?",
                        [visit_id, lesson_id]).fetchone()[0]
    answers = db.execute("SELECT question, answer FROM confidence_answers WHERE visit_id = ? AND lesson_id = ?",
                         [visit_id, lesson_id]).fetchall()
    named = {"before": "confidence_before", "after": "confidence_after", "will_try": "will_try"}
    return {**summary, "help_requests": helped, **{named[question]: answer for question, answer in answers}}


def visit_help_requests(db: sqlite_utils.Database, visit_id: str) -> int:
    """Help requests of the whole visit (in lessons and outside them)."""
    return db.execute("SELECT COUNT(*) FROM help_requests WHERE visit_id = ?", [visit_id]).fetchone()[0]
