"""Finished progress as xAPI 1.0.3 statements (implements kiosk.progress.StatementMaker).

The actor is always the kiosk's own account, never a person. Per visit:
- each completed lesson: `completed`, plus `passed` when it was done unaided (no wrong
  answer, no hint asked);
- each lesson started but not finished when the visit ends: `attempted`;
- the visit itself: `completed` on the practice-session activity when at least one lesson
  was completed, else `attempted`, with the visit's duration.

Score rule (lessons): raw = steps done, max = steps done + wrong answers + hints asked,
scaled = raw / max: the share of the citizen's step actions that were right.
Durations: a completed lesson from its start to its completion; an unfinished one from its
start to the end of the visit (an upper bound); a visit from its start to its end.
Statement ids are uuid5(visit id / lesson id / verb [/ completion time]), so a resend is
idempotent. A lesson completed again in the same visit is a new event (its figures then
cover both runs: progress keeps one summary per lesson per visit). The timestamp is the
progress time (UTC) and is always set (the LRS compares it on resends).
What the citizen told and asked the kiosk (kiosk.learner_records): lesson statements carry
`help-requests` (times "Gọi cán bộ hỗ trợ" was pressed in that lesson), the visit's statement
the visit's total; and at the visit's end, for a lesson the confidence questions were answered
about, `responded` with `confidence-before` and `confidence-after` (1 Chưa tự tin, 2 Hơi tự
tin, 3 Rất tự tin) and `will-try-real-service` (true: Có, false: Chưa), each when answered.
Our own IRIs all live under BASE; they identify, they need not resolve.

A Tự làm run (a lesson done without step-by-step guidance) has statements of its own, with the
context extension `mode` "solo" and `run` (a random id): `completed` (plus `passed` when done
alone: at most one hint, or a judged drill with no wrong decision) or `attempted` when it was
left; and, for each hint it used, `asked` on the step, with the hint's level (1 the next thing
in words, 2 its place, 3 the highlight).
"""
from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from content.model import Pack
from kiosk.settings import Settings

BASE = "https://hocvuso.vn/xapi/"
HOME_PAGE = "https://hocvuso.vn/kiosk"  # the actor's account system: kiosk ids are names in it
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)
PLATFORM = "Trạm Học vụ số"
LANGUAGE = "vi-VN"
LESSON_TYPE = "http://adlnet.gov/expapi/activities/lesson"
SESSION_ACTIVITY = BASE + "activities/practice-session"
SESSION_TYPE = BASE + "activitytypes/practice-session"
PACK_TYPE = BASE + "activitytypes/lesson-pack"
TOPIC_TYPE = BASE + "activitytypes/topic"
STEP_TYPE = "http://adlnet.gov/expapi/activities/interaction"
EXTENSION = BASE + "extensions/"
VERBS = {
    "responded": ("http://adlnet.gov/expapi/verbs/responded", "đã trả lời"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "đã hoàn thành"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "đã tự làm được"),
    "attempted": ("http://adlnet.gov/expapi/verbs/attempted", "đã thử"),
    "asked": ("http://adlnet.gov/expapi/verbs/asked", "đã hỏi gợi ý"),
}


@dataclass(frozen=True)
class LessonRef:
    """What a statement says about a lesson, besides its id."""

    pack_id: str
    title: str
    topic_id: str
    topic_title: str


def lesson_refs(packs: Iterable[Pack]) -> dict[str, LessonRef]:
    refs = {}
    for pack in packs:
        topics = {topic.id: topic.title for topic in pack.topics}
        for lesson in pack.lessons:
            refs[lesson.id] = LessonRef(pack.id, lesson.title, lesson.topic, topics.get(lesson.topic, lesson.topic))
    return refs


def lesson_iri(pack_id: str, lesson_id: str) -> str:
    return f"{BASE}activities/lesson/{quote(pack_id, safe='')}/{quote(lesson_id, safe='')}"


def statement_id(visit_id: str, subject: str, verb: str, at: str = "") -> str:
    """Deterministic: the same visit, lesson (or "session"), verb and time give the same id.
    `at` tells apart a lesson completed again in the same visit (a new event)."""
    return str(uuid.uuid5(NAMESPACE, f"{visit_id}/{subject}/{verb}" + (f"/{at}" if at else "")))


def iso_duration(seconds: float) -> str:
    """ISO 8601 duration as xAPI wants it (0.01 s precision), e.g. 192.0 -> "PT3M12S"."""
    centis = max(0, round(seconds * 100))
    hours, rest = divmod(centis, 360000)
    minutes, rest = divmod(rest, 6000)
    secs = f"{rest // 100}" + (f".{rest % 100:02d}".rstrip("0") if rest % 100 else "")
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    return text + (f"{secs}S" if rest or text == "PT" else "")


class KioskStatements:
    """Makes the statements of one kiosk (see the module docstring for what and why).
    `settings` and `packs` are read at each statement, so staff edits (commune, province)
    and newly installed lesson packs apply at once."""

    def __init__(self, settings: Callable[[], Settings], packs: Callable[[], Sequence[Pack]]) -> None:
        self._settings = settings
        self._packs = packs
        self._refs_of: Sequence[Pack] | None = None
        self._refs: dict[str, LessonRef] = {}

    def lesson_ref(self, lesson_id: str) -> LessonRef:
        packs = self._packs()
        if packs is not self._refs_of:
            self._refs_of, self._refs = packs, lesson_refs(packs)
        return self._refs.get(lesson_id) or LessonRef("unknown", lesson_id, "unknown", "unknown")

    def lesson_completed(self, visit: dict[str, Any], summary: dict[str, Any]) -> list[dict[str, Any]]:
        result = _with_help({"completion": True, "duration": iso_duration(summary["seconds"] or 0.0), **_score(summary)}, summary)
        at = summary["completed_at"]
        statements = [self._lesson_statement(visit, summary, "completed", at, result)]
        if not summary["wrong_count"] and not summary["hint_count"]:
            statements.append(self._lesson_statement(visit, summary, "passed", at, result | {"success": True}))
        return statements

    def visit_ended(self, visit: dict[str, Any], summaries: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ended = visit["ended_at"]
        statements = []
        for summary in summaries:
            if summary["status"] == "completed":
                continue
            duration = _seconds_between(summary["started_at"], ended)
            result = _with_help({"completion": False, "duration": iso_duration(duration), **_score(summary)}, summary)
            statements.append(self._lesson_statement(visit, summary, "attempted", ended, result))
        statements += [self._lesson_statement(visit, summary, "responded", ended, answered)
                       for summary in summaries if (answered := _confidence(summary))]
        completed = sum(1 for s in summaries if s["status"] == "completed")
        verb = "completed" if completed else "attempted"
        statements.append(
            self._statement(
                statement_id(visit["id"], "session", verb),
                visit,
                verb,
                {
                    "objectType": "Activity",
                    "id": SESSION_ACTIVITY,
                    "definition": {"name": {LANGUAGE: "Phiên luyện tập tại trạm"}, "type": SESSION_TYPE},
                },
                ended,
                {
                    "completion": bool(completed),
                    "duration": iso_duration(_seconds_between(visit["started_at"], ended)),
                    "extensions": {
                        EXTENSION + "lessons-started": len(summaries),
                        EXTENSION + "lessons-completed": completed,
                        EXTENSION + "end-reason": visit["end_reason"] or "",
                        EXTENSION + "help-requests": visit.get("help_requests", 0),
                    },
                },
                {},
            )
        )
        return statements

    def solo_run(self, visit: dict[str, Any], run: dict[str, Any]) -> list[dict[str, Any]]:
        """A Tự làm run that ended: `completed` (and `passed` when done alone) once finished,
        else `attempted`; a judged drill's score is its decisions right (or safe) of those given."""
        finished = run["status"] == "completed"
        at = run["ended_at"]
        result: dict[str, Any] = {
            "completion": finished,
            "duration": iso_duration(_seconds_between(run["started_at"], at)),
            "extensions": {EXTENSION + "hints": run["hint_count"] or 0, EXTENSION + "wrong-answers": run["wrong_count"] or 0},
        }
        if run["judged_total"]:
            right, total = run["judged_right"] or 0, run["judged_total"]
            result["score"] = {"scaled": round(right / total, 4), "raw": right, "min": 0, "max": total}
        verbs = (["completed", "passed"] if run["alone"] else ["completed"]) if finished else ["attempted"]
        return [self._lesson_statement(visit, run, verb, at, result | ({"success": True} if verb == "passed" else {}), run)
                for verb in verbs]

    def hint_used(self, visit: dict[str, Any], run: dict[str, Any], attempt: dict[str, Any]) -> list[dict[str, Any]]:
        """Trợ giúp in a Tự làm run: `asked` on the step, with the level of the hint given."""
        lesson_id = run["lesson_id"]
        ref = self.lesson_ref(lesson_id)
        lesson = lesson_iri(ref.pack_id, lesson_id)
        step = {
            "objectType": "Activity",
            "id": f"{lesson}/step/{quote(attempt['step_id'], safe='')}",
            "definition": {"name": {LANGUAGE: f"{ref.title}: bước {attempt['step_index'] + 1}"}, "type": STEP_TYPE},
        }
        level = attempt["hint_level"]
        id_ = statement_id(visit["id"], f"{lesson_id}/solo/{run['id']}/{attempt['step_id']}", "asked", str(level))
        return [self._statement(id_, visit, "asked", step, attempt["at"], {"extensions": {EXTENSION + "hint-level": level}},
                                self._context_activities(ref, lesson), _solo(run))]

    def _lesson_statement(
        self, visit: dict[str, Any], summary: dict[str, Any], verb: str, at: str, result: dict[str, Any],
        run: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A statement on a lesson: of the visit's summary, or of one Tự làm `run`."""
        lesson_id = summary["lesson_id"]
        ref = self.lesson_ref(lesson_id)
        activity = {
            "objectType": "Activity",
            "id": lesson_iri(ref.pack_id, lesson_id),
            "definition": {"name": {LANGUAGE: ref.title}, "type": LESSON_TYPE},
        }
        activities = self._context_activities(ref, SESSION_ACTIVITY)
        subject = f"{lesson_id}/solo/{run['id']}" if run else lesson_id
        id_ = statement_id(visit["id"], subject, verb, "" if verb == "attempted" else at)
        return self._statement(id_, visit, verb, activity, at, result, activities, _solo(run) if run else {})

    @staticmethod
    def _context_activities(ref: LessonRef, parent: str) -> dict[str, Any]:
        grouping = [
            {"objectType": "Activity", "id": f"{BASE}activities/pack/{quote(ref.pack_id, safe='')}",
             "definition": {"type": PACK_TYPE}},
            {"objectType": "Activity", "id": f"{BASE}activities/topic/{quote(ref.topic_id, safe='')}",
             "definition": {"name": {LANGUAGE: ref.topic_title}, "type": TOPIC_TYPE}},
        ]
        return {"parent": [{"objectType": "Activity", "id": parent}], "grouping": grouping}

    def _statement(
        self,
        id_: str,
        visit: dict[str, Any],
        verb: str,
        activity: dict[str, Any],
        at: str,
        result: dict[str, Any],
        context_activities: dict[str, Any],
        extensions: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        verb_iri, verb_vi = VERBS[verb]
        settings = self._settings()
        where = {"kiosk-id": settings.kiosk_id, "commune": settings.commune, "province": settings.province}
        context: dict[str, Any] = {
            "registration": _registration(visit["id"]),
            "platform": PLATFORM,
            "language": LANGUAGE,
            "extensions": {**{EXTENSION + key: value for key, value in where.items() if value}, **(extensions or {})},
        }
        if context_activities:
            context["contextActivities"] = context_activities
        return {
            "id": id_,
            "actor": {"objectType": "Agent", "account": {"homePage": HOME_PAGE, "name": settings.kiosk_id}},
            "verb": {"id": verb_iri, "display": {LANGUAGE: verb_vi, "en-US": verb}},
            "object": activity,
            "result": result,
            "context": context,
            "timestamp": _utc(at),
        }


def _score(summary: dict[str, Any]) -> dict[str, Any]:
    done = summary["steps_done"] or 0
    actions = done + (summary["wrong_count"] or 0) + (summary["hint_count"] or 0)
    if not actions:
        return {}
    return {
        "score": {"scaled": round(done / actions, 4), "raw": done, "min": 0, "max": actions},
        "extensions": {EXTENSION + "wrong-answers": summary["wrong_count"] or 0, EXTENSION + "hints": summary["hint_count"] or 0},
    }


def _solo(run: dict[str, Any]) -> dict[str, Any]:
    """The context extensions of a Tự làm run's statements."""
    return {EXTENSION + "mode": run["mode"], EXTENSION + "run": run["id"]}


def _registration(visit_id: str) -> str:
    try:
        return str(uuid.UUID(visit_id))
    except ValueError:
        return str(uuid.uuid5(NAMESPACE, visit_id))


def _parse(at: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(at).astimezone(datetime.UTC)


def _utc(at: str) -> str:
    return _parse(at).isoformat(timespec="seconds").replace("+00:00", "Z")


def _seconds_between(start: str, end: str) -> float:
    return max(0.0, (_parse(end) - _parse(start)).total_seconds())


def _with_help(result: dict[str, Any], summary: dict[str, Any]) -> dict[str, Any]:
    """`result` with the lesson's help requests among its extensions (when there were any)."""
    if not summary.get("help_requests"):
        return result
    return result | {"extensions": {**result.get("extensions", {}), EXTENSION + "help-requests": summary["help_requests"]}}


def _confidence(summary: dict[str, Any]) -> dict[str, Any] | None:
    """The `responded` result for a lesson's confidence answers; None when none were given."""
    answers = {f"{EXTENSION}confidence-{moment}": summary[f"confidence_{moment}"]
               for moment in ("before", "after") if summary.get(f"confidence_{moment}") is not None}
    if summary.get("will_try") is not None:
        answers[EXTENSION + "will-try-real-service"] = bool(summary["will_try"])
    return {"extensions": answers} if answers else None
