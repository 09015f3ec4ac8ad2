"""What the report needs to know about the lessons, taken from the loaded packs by the
caller (the query layer never loads packs): titles, topics and each step's number and
instruction, keyed by lesson id."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from content.model import Pack

_PLACEHOLDER = re.compile(r"\{[^{}]+\}")


@dataclass(frozen=True)
class StepInfo:
    number: int  # from 1, as the citizen met it
    instruction: str  # placeholders (filled per run) shown as "…"


@dataclass(frozen=True)
class LessonInfo:
    title: str
    topic_id: str
    topic_title: str
    steps: Mapping[str, StepInfo]


Catalogue = Mapping[str, LessonInfo]  # lesson id -> info, in pack order


def catalogue_from_packs(packs: Iterable[Pack]) -> dict[str, LessonInfo]:
    """Every lesson of `packs`; the first pack wins when two hold the same lesson id."""
    catalogue: dict[str, LessonInfo] = {}
    for pack in packs:
        topics = {topic.id: topic.title for topic in pack.topics}
        for lesson in pack.lessons:
            steps = {
                step.id: StepInfo(number, _PLACEHOLDER.sub("…", step.instruction).replace("….", "…"))
                for number, step in enumerate(lesson.steps, start=1)
            }
            catalogue.setdefault(lesson.id, LessonInfo(lesson.title, lesson.topic, topics.get(lesson.topic, lesson.topic), steps))
    return catalogue
