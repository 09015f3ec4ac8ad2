"""Continuing a lesson left unfinished (a practice-slip code): where it starts again and how
the screens look there."""
from __future__ import annotations

from collections.abc import Mapping

from content.model import Screen, Step, step_element


def resume_point(steps: tuple[Step, ...], reached: int) -> int:
    """The step a lesson continues at for a citizen who reached step index `reached`."""
    start = min(reached, len(steps) - 1)
    typed_at = {s.target: i for i, s in enumerate(steps[:start]) if s.kind == "type" and not s.expect}
    return min([start, *(typed_at[s.same_as] for s in steps[start:] if s.same_as in typed_at)])


def resumed(steps: tuple[Step, ...], screens: Mapping[str, Screen], reached: int) -> tuple[int, dict[str, str], dict[str, int]]:
    """The step to continue at, with the screens as the earlier steps left them: their example
    answers typed (element id → text), boxes ticked and options chosen (element id → option).
    A later step that must match something typed earlier with no example (a new password,
    then "type it again") moves the start back to where that was typed, so the citizen types
    it themselves."""
    start = resume_point(steps, reached)
    values: dict[str, str] = {}
    chosen: dict[str, int] = {}
    for step in steps[:start]:
        element = step_element(screens, step, step.target)
        if step.kind == "type" and (step.expect or step.same_as in values):
            values[step.target] = step.expect or values[step.same_as]
        elif step.kind == "tap" and element is not None and element.kind == "checkbox":
            chosen[step.target] = 0
        elif step.kind == "choose" and element is not None and step.expect in element.options:
            chosen[step.target] = element.options.index(step.expect)
        elif step.kind == "choose_many":
            chosen.update(dict.fromkeys(step.targets, 0))
    return start, values, chosen


def practice_plan(steps: tuple[Step, ...], step_ids: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The stretches of steps (first, last index) that practise `step_ids` again ("Tập lại chỗ
    bác hay nhầm"): each step from where it can start with the screens as earlier steps left
    them (see `resume_point`), stretches that meet joined; ids no longer in the lesson are left out."""
    wanted = sorted(i for i, step in enumerate(steps) if step.id in step_ids)
    stretches: list[tuple[int, int]] = []
    for index in wanted:
        first = resume_point(steps, index)
        if stretches and first <= stretches[-1][1] + 1:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], index))
        else:
            stretches.append((first, index))
    return tuple(stretches)
