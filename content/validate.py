"""Cross-reference checks on a parsed pack: every id, target, rule and placeholder must
resolve, for every value a run can pick. Field-level problems (types, missing fields) are
found by the loader."""
from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

from content.fillings import PLACEHOLDER, fill, fillings, picks, undefined
from content.model import (
    CHOOSABLE,
    SWIPE_DIRECTIONS,
    TAPPABLE,
    TOPIC_ICONS,
    TYPABLE,
    Lesson,
    Pack,
    Problem,
    Screen,
    Step,
    element_texts,
    step_element,
)
from content.glossary_checks import glossary_warnings
from content.rules import RULES
from content.solo_checks import check_solo
from content.step_checks import check_answers, check_devices, check_ticks, shown
from content.style import source_problems, style_warnings

TARGET_KINDS = {"tap": TAPPABLE, "type": TYPABLE, "choose": CHOOSABLE, "choose_many": TAPPABLE - {"checkbox"}}


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
        problems.extend(source_problems(lesson, where))  # every lesson names a source with an address
    return problems


def warn_pack(pack: Pack) -> list[Problem]:
    """What the pack should improve but may ship with: words outside the style sheet and its
    glossary's use."""
    warnings: list[Problem] = []
    for lesson in pack.lessons:
        where = _file(lesson)
        warnings.extend(style_warnings(lesson, where))
    warnings.extend(glossary_warnings(pack, _file))
    return warnings


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
    problems.extend(_check_data(lesson, where))
    for screen in lesson.screens.values():
        problems.extend(_check_screen(lesson, screen, f"{where}.screens.{screen.id}"))
    for step_id, count in Counter(s.id for s in lesson.steps).items():
        if count > 1:
            problems.append(Problem(f"{where}.steps", f"step id {step_id!r} is used {count} times"))
    for i, step in enumerate(lesson.steps):
        problems.extend(_check_step(lesson, step, f"{where}.steps[{i}]"))
        problems.extend(_check_read_from_phone(lesson, i, f"{where}.steps[{i}]"))
        problems.extend(check_answers(lesson, step, f"{where}.steps[{i}]"))
    problems.extend(check_devices(lesson, where))
    problems.extend(check_solo(lesson, where))
    for i, line in enumerate(lesson.recap):
        problems.extend(undefined(lesson, f"{where}.recap[{i}]", line))
    problems.extend(undefined(lesson, f"{where}.remember", lesson.remember))
    return problems


def _check_data(lesson: Lesson, where: str) -> list[Problem]:
    problems = [
        Problem(f"{where}.data.{name}", "needs at least one value") for name, values in lesson.data.items() if not values
    ]
    if lesson.variants:
        names = set(lesson.variants[0])
        if not names:
            problems.append(Problem(f"{where}.variants[0]", "a variant sets at least one placeholder"))
        for i, variant in enumerate(lesson.variants):
            if set(variant) != names:
                problems.append(
                    Problem(f"{where}.variants[{i}]", f"sets {sorted(variant)}; every variant must set {sorted(names)}")
                )
        for name in sorted(names & set(lesson.data)):
            problems.append(Problem(f"{where}.variants", f"placeholder {{{name}}} is set both in data and in variants"))
    return problems


def _check_step(lesson: Lesson, step: Step, loc: str) -> list[Problem]:
    problems: list[Problem] = []
    for key, text in (("say", step.instruction), ("hint", step.hint), ("expect", step.expect), ("explain", step.explain),
                      ("target", step.target), *(("targets", t) for t in step.targets), *(("needs", n) for n in step.needs),
                      *(("also_right", a) for a in step.also_right), *(("safe", a) for a in step.safe),
                      *((f"why.{answer}", answer + text) for answer, text in step.why)):
        problems.extend(undefined(lesson, f"{loc}.{key}", text))
    if step.screen not in lesson.screens:
        return [*problems, Problem(f"{loc}.screen", f"screen {step.screen!r} is not defined in this lesson")]
    if step.computer and step.computer not in lesson.screens:
        return [*problems, Problem(f"{loc}.computer", f"screen {step.computer!r} is not defined in this lesson")]
    where_shown = shown(step)
    for need in step.needs:
        for element_id in dict.fromkeys(fillings(lesson, need)):
            if step_element(lesson.screens, step, element_id) is None:
                problems.append(Problem(f"{loc}.needs", f"{element_id!r} does not exist on {where_shown}"))
    if step.kind == "swipe" and step.direction not in SWIPE_DIRECTIONS:
        problems.append(
            Problem(f"{loc}.direction", f"unknown direction {step.direction!r}; known: {', '.join(sorted(SWIPE_DIRECTIONS))}")
        )
    if step.kind != "swipe" and step.direction:
        problems.append(Problem(f"{loc}.direction", "only a swipe step has a direction"))
    if step.kind in ("info", "swipe"):
        if step.target:
            problems.append(Problem(f"{loc}.target", f"{'an info' if step.kind == 'info' else 'a swipe'} step has no target"))
        return problems
    kinds = TARGET_KINDS.get(step.kind)
    if kinds is None:
        return problems
    for target_id in dict.fromkeys(fillings(lesson, step.target)):
        target = step_element(lesson.screens, step, target_id)
        if target is None:
            problems.append(Problem(f"{loc}.target", f"target {target_id!r} does not exist on {where_shown}"))
        elif target.kind not in kinds:
            problems.append(
                Problem(f"{loc}.target", f"a {step.kind} step needs a {'/'.join(sorted(kinds))} target; {target.id!r} is a {target.kind}")
            )
        elif step.kind == "type":
            problems.extend(_check_typing(lesson, step, target.kind, target.length, loc))
        elif step.kind == "choose" and step.expect:
            missing = {
                fill(step.expect, values)
                for values in picks(lesson, step.expect, *target.options)
                if fill(step.expect, values) not in [fill(option, values) for option in target.options]
            }
            for expect in sorted(missing):
                problems.append(Problem(f"{loc}.expect", f"{expect!r} is not one of the options of {target.id!r}"))
    if step.kind == "choose_many":
        problems.extend(check_ticks(lesson, step, loc))
    return problems


def _check_typing(lesson: Lesson, step: Step, kind: str, length: int, loc: str) -> list[Problem]:
    problems = []
    if not (step.expect or step.rule or step.same_as):
        problems.append(Problem(loc, "a type step needs expect, rule or same_as"))
    if step.rule and step.rule not in RULES:
        problems.append(Problem(f"{loc}.rule", f"unknown rule {step.rule!r}; known: {', '.join(sorted(RULES))}"))
    typable = {e.id for s in lesson.screens.values() for e in s.elements if e.kind in TYPABLE}
    if step.same_as and step.same_as not in typable:
        problems.append(Problem(f"{loc}.same_as", f"{step.same_as!r} is not a text field of this lesson"))
    for expect in dict.fromkeys(fillings(lesson, step.expect)) if step.expect else ():
        if kind == "otp" and not (expect.isdigit() and len(expect) == length):
            problems.append(Problem(f"{loc}.expect", f"{expect!r} does not fit {length} OTP boxes"))
        if kind == "date" and not _is_date(expect):
            problems.append(Problem(f"{loc}.expect", f"{expect!r} is not a date like 05/03/2025"))
    return problems


def _check_read_from_phone(lesson: Lesson, index: int, loc: str) -> list[Problem]:
    """A value typed from something the phone showed (the code in a message) must be in view
    while typing: an element of the step's own screen, named in `needs`, shows it. Screens
    after the step (a review page echoing what was typed) are not where it is read from."""
    step = lesson.steps[index]
    screen = lesson.screens.get(step.screen)
    if step.kind != "type" or not PLACEHOLDER.search(step.expect) or screen is None:
        return []
    seen = (lesson.screens[i] for s in lesson.steps[: index + 1] for i in s.screen_ids if i in lesson.screens)
    source = next(
        (f"{e.id!r} on screen {s.id!r}" for s in dict.fromkeys(seen) for e in s.elements
         if e.id != step.target and any(step.expect in text for text in element_texts(e))),
        None,
    )
    needed = (step_element(lesson.screens, step, n) for n in step.needs)
    if source is None or any(e is not None and any(step.expect in t for t in element_texts(e)) for e in needed):
        return []
    return [Problem(f"{loc}.needs", f"the answer {step.expect} is read from {source}: name an element of "
                    f"{shown(step)} that shows it in needs (add one at the top), so nobody has to remember it")]


def _is_date(text: str) -> bool:
    try:
        datetime.datetime.strptime(text, "%d/%m/%Y")
    except ValueError:
        return False
    return True


def _check_screen(lesson: Lesson, screen: Screen, where: str) -> list[Problem]:
    problems = undefined(lesson, f"{where}.title", screen.title)
    for element_id, count in Counter(e.id for e in screen.elements).items():
        if count > 1:
            problems.append(Problem(f"{where}.elements", f"element id {element_id!r} is used {count} times"))
    for i, element in enumerate(screen.elements):
        for text in element_texts(element):
            problems.extend(undefined(lesson, f"{where}.elements[{i}]", text))
        if element.kind in CHOOSABLE and not element.options:
            problems.append(Problem(f"{where}.elements[{i}].options", "a select needs options"))
        if element.kind == "summary" and not element.rows:
            problems.append(Problem(f"{where}.elements[{i}].rows", "a summary needs rows"))
        if element.kind != "otp" and element.length:
            problems.append(Problem(f"{where}.elements[{i}].length", "only otp boxes have a length"))
    return problems
