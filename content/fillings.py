"""Placeholders `{name}` in lesson text, and every way a run can fill them."""
from __future__ import annotations

import itertools
import re
from collections.abc import Mapping

from content.model import Lesson, Problem

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
MAX_FILLINGS = 200  # more combinations than this are sampled, not all checked


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each placeholder that `values` names filled in (others left as they are)."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def picks(lesson: Lesson, *texts: str) -> list[dict[str, str]]:
    """Every way a run can fill the placeholders of `texts` together (sampled when there are very many)."""
    names = [n for n in dict.fromkeys(PLACEHOLDER.findall("".join(texts))) if n in lesson.data]
    choices = itertools.product(list(lesson.variants) or [{}], *(lesson.data[n] for n in names))
    return [{**variant, **dict(zip(names, values))} for variant, *values in itertools.islice(choices, MAX_FILLINGS)]


def fillings(lesson: Lesson, text: str) -> list[str]:
    """`text` as each run can fill it."""
    return [fill(text, p) for p in picks(lesson, text)]


def undefined(lesson: Lesson, where: str, text: str) -> list[Problem]:
    """A problem for each placeholder of `text` that the lesson's data and variants do not define."""
    known = set(lesson.data) | {name for variant in lesson.variants for name in variant}
    return [
        Problem(where, f"placeholder {{{name}}} is not defined in the lesson's data or variants")
        for name in PLACEHOLDER.findall(text)
        if name not in known
    ]
