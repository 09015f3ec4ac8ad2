"""The lesson menu a citizen sees: first the topics, then one topic's lessons with how far
they got this visit; and the unfinished lessons a practice-slip code brought back."""
from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from content.model import Lesson, Pack
from kiosk.lesson_resume import resume_point
from kiosk.views import LessonTile, MenuView, TopicGroup


def menu_view(
    packs: Sequence[Pack],
    lessons: Mapping[str, Lesson],
    statuses: Mapping[str, str],
    resumable: Mapping[str, int],
    notice: str,
    topic: str = "",
    solo_done: Collection[str] = (),
) -> MenuView:
    """`statuses`: lesson id → started | completed this visit; `resumable`: lesson id → the
    step index a slip code resumes at; `topic`: the open topic ("": the topics page);
    `solo_done`: lessons done alone in a Tự làm run this visit ("Đã tự làm được")."""
    groups = []
    for pack in packs:
        for each in pack.topics:
            tiles = tuple(
                LessonTile(lesson.id, lesson.title, lesson.minutes, lesson.updated, statuses.get(lesson.id, ""),
                           solo_done=lesson.id in solo_done)
                for lesson in pack.lessons
                if lesson.topic == each.id
            )
            if tiles:
                groups.append(TopicGroup(each.title, each.icon, tiles, each.id))
    unfinished = tuple(
        LessonTile(lesson.id, lesson.title, lesson.minutes, lesson.updated, "resume",
                   resume_point(lesson.steps, step) + 1, len(lesson.steps))
        for lesson_id, step in resumable.items()
        if (lesson := lessons.get(lesson_id)) is not None and statuses.get(lesson_id) != "completed"
    )
    open_topic = topic if any(group.id == topic for group in groups) else ""
    return MenuView(tuple(groups), unfinished, bool(statuses), notice, open_topic)
