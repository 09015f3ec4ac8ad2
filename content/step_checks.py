"""Checks of a step against its screens: what it can be answered with (targets, boxes to tick,
other right, safe and explained answers) and which device each of its screens is on."""
from __future__ import annotations

from content.fillings import fill, fillings, picks
from content.model import Element, Lesson, Problem, Step, step_element


def check_answers(lesson: Lesson, step: Step, loc: str) -> list[Problem]:
    """`also_right`, `safe` and `why` name answers the step can get: elements to tap on its
    screens (tap, choose_many) or options of its select (choose)."""
    if not (step.also_right or step.safe or step.why):
        return []
    if step.kind not in ("tap", "choose", "choose_many"):
        return [Problem(loc, "only tap, choose and choose_many steps have also_right, safe or why")]
    if step.screen not in lesson.screens or (step.computer and step.computer not in lesson.screens):
        return []  # reported by _check_step
    problems = []
    if step.kind == "choose_many" and step.also_right:
        problems.append(Problem(f"{loc}.also_right", "a choose_many step is right only with its own ticks; use safe or why"))
    select = step_element(lesson.screens, step, step.target) if step.kind == "choose" else None
    for key, answers in (("also_right", step.also_right), ("safe", step.safe), ("why", [a for a, _ in step.why])):
        for text in answers:
            for values in picks(lesson, text, step.target, *(select.options if select else ())):
                answer = fill(text, values)
                problem = _not_an_answer(lesson, step, answer, values, select, key)
                if problem:
                    problems.append(Problem(f"{loc}.{key}", problem))
                    break
    for text in step.safe:
        if not step.why_for(text):
            problems.append(Problem(f"{loc}.safe", f"{text!r} needs a why: why it is safe, and what this step asks for"))
        if text in step.also_right:
            problems.append(Problem(f"{loc}.safe", f"{text!r} is both also_right and safe"))
    return problems


def _not_an_answer(lesson: Lesson, step: Step, answer: str, values: dict[str, str], select: Element | None, key: str) -> str:
    """What is wrong with `answer` as an answer to `step` ("" if it is one)."""
    if step.kind == "choose":
        options = [fill(option, values) for option in select.options] if select else []
        return "" if answer in options else f"{answer!r} is not one of the options of {step.target!r}"
    element = step_element(lesson.screens, step, answer)
    if element is None:
        return f"{answer!r} does not exist on {shown(step)}"
    if key != "why" and not element.tappable:
        return f"{answer!r} is a {element.kind}, not something to tap"
    return ""


def shown(step: Step) -> str:
    """How a problem names the screens of a step."""
    computer = f" or computer screen {step.computer!r}" if step.computer else ""
    return f"screen {step.screen!r}{computer}"


def check_devices(lesson: Lesson, where: str) -> list[Problem]:
    """A step's `screen` is the phone's and its `computer` a computer's; an element id names one
    element of the two (a tap on it must mean one thing). Each pair of screens is checked once."""
    problems: list[Problem] = []
    pairs: set[tuple[str, str]] = set()
    for i, step in enumerate(lesson.steps):
        loc = f"{where}.steps[{i}]"
        screen, computer = lesson.screens.get(step.screen), lesson.screens.get(step.computer)
        if screen is not None and screen.device != "phone":
            problems.append(Problem(f"{loc}.screen", f"{step.screen!r} is a {screen.device} screen; "
                                    "a step's screen is the phone's (show a computer screen with computer:)"))
        if computer is not None and computer.device != "computer":
            problems.append(Problem(f"{loc}.computer", f"{step.computer!r} is a {computer.device} screen; "
                                    "computer: names a screen with device: computer"))
        if screen is None or computer is None or (step.screen, step.computer) in pairs:
            continue
        pairs.add((step.screen, step.computer))
        both = sorted({e.id for e in screen.elements} & {e.id for e in computer.elements})
        if both:
            problems.append(Problem(f"{loc}.computer", f"element id(s) {', '.join(map(repr, both))} are on both "
                                    f"screen {screen.id!r} and computer screen {computer.id!r}; rename one"))
    return problems


def check_ticks(lesson: Lesson, step: Step, loc: str) -> list[Problem]:
    problems = []
    if not step.targets:
        problems.append(Problem(f"{loc}.targets", "a choose_many step needs the checkboxes to tick"))
    for text in step.targets:
        for target_id in dict.fromkeys(fillings(lesson, text)):
            element = step_element(lesson.screens, step, target_id)
            if element is None or element.kind != "checkbox":
                problems.append(Problem(f"{loc}.targets", f"{target_id!r} is not a checkbox on {shown(step)}"))
    return problems
