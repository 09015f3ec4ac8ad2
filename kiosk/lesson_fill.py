"""One run's values for a lesson's placeholders, and its steps and screens with them filled in."""
from __future__ import annotations

import random
import re
from dataclasses import replace

from content.model import Lesson, Screen, Step

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def fill(text: str, data: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: data.get(m.group(1), m.group(0)), text)


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
