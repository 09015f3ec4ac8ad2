"""Cross-reference checks on a parsed pack: every id, target, rule and placeholder must
resolve. Field-level problems (types, missing fields) are found by the loader."""
from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

from content.model import CHOOSABLE, TAPPABLE, TOPIC_ICONS, TYPABLE, Lesson, Pack, Problem, Screen
from content.rules import RULES

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
TARGET_KINDS = {"tap": TAPPABLE, "type": TYPABLE, "choose": CHOOSABLE}


def validate_pack_dir(path: Path) -> list[Problem]:
    """All problems of the pack at `path` (empty: the pack is good)."""
    from content.loader import load_pack

    return list(load_pack(path).problems)


def check_pack(pack: Pack) -> list[Problem]:
    problems: list[Problem] = []
    topic_ids = [t.id for t in pack.topics]
    for topic_id, count in Counter(topic_ids).items():
        if count > 1:
            problems.append(Problem("pack.yaml.topics", f"topic id {topic_id!r} is used {count} times"))
    for i, topic in enumerate(pack.topics):
        if topic.icon and topic.icon not in TOPIC_ICONS:
            problems.append(
                Problem(f"pack.yaml.topics[{i}].icon", f"unknown icon {topic.icon!r}; known: {', '.join(sorted(TOPIC_ICONS))}")
            )
    seen: dict[str, str] = {}
    for lesson in pack.lessons:
        where = _file(lesson)
        if lesson.id in seen:
            problems.append(Problem(f"{where}.id", f"lesson id {lesson.id!r} is also used in {seen[lesson.id]}"))
        seen[lesson.id] = where
        if lesson.topic and lesson.topic not in topic_ids:
            problems.append(Problem(f"{where}.topic", f"topic {lesson.topic!r} is not defined in pack.yaml"))
        problems.extend(_check_lesson(lesson, where))
    return problems


def _file(lesson: Lesson) -> str:
    return f"lessons/{lesson.source_file.name}" if lesson.source_file else lesson.id


def _check_lesson(lesson: Lesson, where: str) -> list[Problem]:
    problems: list[Problem] = []
    try:
        datetime.date.fromisoformat(lesson.updated)
    except ValueError:
        problems.append(Problem(f"{where}.updated", f"expected a date like 2026-11-27, found {lesson.updated!r}"))
    if not lesson.steps:
        problems.append(Problem(f"{where}.steps", "a lesson needs at least one step"))
    for name, values in lesson.data.items():
        if not values:
            problems.append(Problem(f"{where}.data.{name}", "needs at least one value"))
    for screen in lesson.screens.values():
        problems.extend(_check_screen(lesson, screen, f"{where}.screens.{screen.id}"))
    typable = {e.id for s in lesson.screens.values() for e in s.elements if e.kind in TYPABLE}
    for step_id, count in Counter(s.id for s in lesson.steps).items():
        if count > 1:
            problems.append(Problem(f"{where}.steps", f"step id {step_id!r} is used {count} times"))
    for i, step in enumerate(lesson.steps):
        loc = f"{where}.steps[{i}]"
        problems.extend(_placeholders(lesson, f"{loc}.say", step.instruction))
        problems.extend(_placeholders(lesson, f"{loc}.hint", step.hint))
        problems.extend(_placeholders(lesson, f"{loc}.expect", step.expect))
        screen = lesson.screens.get(step.screen)
        if screen is None:
            problems.append(Problem(f"{loc}.screen", f"screen {step.screen!r} is not defined in this lesson"))
            continue
        if step.kind == "info":
            if step.target:
                problems.append(Problem(f"{loc}.target", "an info step has no target"))
            continue
        target = screen.element(step.target)
        kinds = TARGET_KINDS.get(step.kind)
        if kinds is None:
            continue
        if target is None:
            problems.append(Problem(f"{loc}.target", f"target {step.target!r} does not exist on screen {screen.id!r}"))
        elif target.kind not in kinds:
            problems.append(
                Problem(f"{loc}.target", f"a {step.kind} step needs a {'/'.join(sorted(kinds))} target; {target.id!r} is a {target.kind}")
            )
        if step.kind == "type":
            if not (step.expect or step.rule or step.same_as):
                problems.append(Problem(loc, "a type step needs expect, rule or same_as"))
            if step.rule and step.rule not in RULES:
                problems.append(Problem(f"{loc}.rule", f"unknown rule {step.rule!r}; known: {', '.join(sorted(RULES))}"))
            if step.same_as and step.same_as not in typable:
                problems.append(Problem(f"{loc}.same_as", f"{step.same_as!r} is not a text field of this lesson"))
        if step.kind == "choose" and step.expect and target is not None:
            for expect in _fillings(lesson, step.expect):
                if expect not in target.options:
                    problems.append(Problem(f"{loc}.expect", f"{expect!r} is not one of the options of {target.id!r}"))
    for i, line in enumerate(lesson.recap):
        problems.extend(_placeholders(lesson, f"{where}.recap[{i}]", line))
    return problems


def _check_screen(lesson: Lesson, screen: Screen, where: str) -> list[Problem]:
    problems = _placeholders(lesson, f"{where}.title", screen.title)
    for element_id, count in Counter(e.id for e in screen.elements).items():
        if count > 1:
            problems.append(Problem(f"{where}.elements", f"element id {element_id!r} is used {count} times"))
    for i, element in enumerate(screen.elements):
        for text in (element.label, element.value, element.placeholder, element.sender, *element.options):
            problems.extend(_placeholders(lesson, f"{where}.elements[{i}]", text))
        if element.kind in CHOOSABLE and not element.options:
            problems.append(Problem(f"{where}.elements[{i}].options", "a select needs options"))
    return problems


def _fillings(lesson: Lesson, text: str) -> list[str]:
    """`text` with its placeholders filled in every way the lesson's data allows."""
    results = [text]
    for name in dict.fromkeys(PLACEHOLDER.findall(text)):
        values = lesson.data.get(name, ())
        results = [r.replace(f"{{{name}}}", v) for r in results for v in values] or results
    return results


def _placeholders(lesson: Lesson, where: str, text: str) -> list[Problem]:
    return [
        Problem(where, f"placeholder {{{name}}} is not defined in the lesson's data")
        for name in PLACEHOLDER.findall(text)
        if name not in lesson.data
    ]
