"""One run's values for a lesson's placeholders, and its steps and screens with them filled in."""
from __future__ import annotations

import random
from dataclasses import replace

from content.fillings import fill
from content.model import Lesson, Screen, Step

__all__ = ["fill", "fill_screen", "fill_step", "pick_data"]


def pick_data(lesson: Lesson, rng: random.Random) -> dict[str, str]:
    """One run's placeholder values: one of each `data` list, then one whole variant."""
    data = {name: rng.choice(values) for name, values in lesson.data.items()}
    if lesson.variants:
        data.update(rng.choice(lesson.variants))
    return data


def fill_step(step: Step, data: dict[str, str]) -> Step:
    return replace(
        step,
        instruction=fill(step.instruction, data),
        hint=fill(step.hint, data),
        expect=fill(step.expect, data),
        explain=fill(step.explain, data),
        target=fill(step.target, data),
        targets=tuple(fill(t, data) for t in step.targets),
        needs=tuple(fill(n, data) for n in step.needs),
        also_right=tuple(fill(a, data) for a in step.also_right),
        safe=tuple(fill(a, data) for a in step.safe),
        why=tuple((fill(answer, data), fill(text, data)) for answer, text in step.why),
    )


def fill_screen(screen: Screen, data: dict[str, str], rng: random.Random) -> Screen:
    elements = []
    for e in screen.elements:
        options = [fill(o, data) for o in e.options]
        if e.shuffle:
            rng.shuffle(options)
        elements.append(
            replace(
                e,
                label=fill(e.label, data),
                value=fill(e.value, data),
                placeholder=fill(e.placeholder, data),
                sender=fill(e.sender, data),
                options=tuple(options),
                rows=tuple((fill(k, data), fill(v, data)) for k, v in e.rows),
            )
        )
    return replace(screen, title=fill(screen.title, data), elements=tuple(elements))
