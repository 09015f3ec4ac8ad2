"""Every sentence the kiosk may say, grouped as staff record them: one group per lesson, and the
kiosk's own phrases (prompts, praise, "Chưa đúng…", the idle warning, the practice slip, the
glossary's explanations).

A sentence with a filled-in value (a practice ID number, an amount) is listed once per value
when a run can pick only a few values (MAX_RECORDED_VALUES); with more, the kiosk always says
it with espeak-ng, and so the whole line it belongs to (never half recorded, half synthetic):
such sentences are counted in `machine`, not offered for recording.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from content.fillings import PLACEHOLDER, fillings
from content.model import Lesson, Pack
from kiosk import learner_texts, slip_texts, solo_texts, texts
from kiosk.lesson_answers import answer_lines
from kiosk.practice_again import MAX_STEPS as MAX_PRACTICE_STEPS
from voice.lines import sentences
from voice.recognizer import ASK_AGAIN

MAX_RECORDED_VALUES = 12
KIOSK_GROUP = "kiosk"
SLIP_SPOKEN = (slip_texts.SPOKEN, slip_texts.PHOTO, slip_texts.PRINTING, slip_texts.PRINTED, slip_texts.PRINT_FAILED,
               slip_texts.CODE_PROMPT, slip_texts.CODE_SHORT, slip_texts.CODE_WRONG, slip_texts.CODE_WAIT,
               slip_texts.CODE_OK, slip_texts.CODE_OK_NOTHING_LEFT)


@dataclass(frozen=True)
class LineGroup:
    id: str  # a lesson id, or KIOSK_GROUP
    title: str
    lines: tuple[str, ...]  # sentences to record, in the order they are first said
    machine: int = 0  # sentences always said by espeak-ng (too many values to record)


def line_groups(packs: Sequence[Pack]) -> list[LineGroup]:
    """The kiosk's phrases first, then each lesson of `packs` in menu order."""
    groups = [kiosk_group(packs)]
    seen: set[str] = set()
    for pack in packs:
        for lesson in pack.lessons:
            if lesson.id not in seen:
                seen.add(lesson.id)
                groups.append(lesson_group(lesson))
    return groups


def kiosk_group(packs: Sequence[Pack]) -> LineGroup:
    phrases = [value for name, value in vars(texts).items() if name.isupper()]  # the module's sentences
    said = [value for value in phrases if isinstance(value, str)]
    said += [value for table in phrases if isinstance(table, dict) for value in table.values()]
    said += [*SLIP_SPOKEN, *solo_texts.SPOKEN, ASK_AGAIN]
    said += [f"{topic.title}." for pack in packs for topic in pack.topics]  # "<topic>. Mời bác chọn một bài học."
    said += [term.says for pack in packs if pack.glossary for term in pack.glossary.terms]  # "… là gì?" answered
    said += [*learner_texts.SPOKEN, *(learner_texts.PRACTICE_START.format(steps=n) for n in range(1, MAX_PRACTICE_STEPS + 1))]
    lines, machine = _sentences(said, lambda text: [] if PLACEHOLDER.search(text) else [text])
    return LineGroup(KIOSK_GROUP, "", lines, machine)


def lesson_group(lesson: Lesson) -> LineGroup:
    said = [s.instruction for s in lesson.steps] + [s.hint for s in lesson.steps if s.hint]
    said += [line.format(title=lesson.title) for line in learner_texts.SPOKEN_PER_LESSON]  # the confidence questions, practice
    said += answer_lines(lesson.steps)
    said.append(lesson.goal)  # said first in a Tự làm run ("" when the lesson has none)
    said += [*lesson.recap, lesson.remember]  # "Nghe lại" on the completion page
    lines, machine = _sentences(said, lambda text: fillings(lesson, text))
    return LineGroup(lesson.id, lesson.title, lines, machine)


def _sentences(templates: Iterable[str], fill: Callable[[str], list[str]]) -> tuple[tuple[str, ...], int]:
    """The recordable sentences of `templates`, and how many sentences are machine-only.
    `fill(sentence)` gives every way a run fills a sentence's placeholders ([] when unknown)."""
    recordable: dict[str, None] = {}
    machine: set[str] = set()
    for template in templates:
        found: list[str] = []
        whole = True
        for sentence in sentences(template):
            if not PLACEHOLDER.search(sentence):
                found.append(sentence)
                continue
            values = list(dict.fromkeys(fill(sentence)))
            if not values or len(values) > MAX_RECORDED_VALUES:
                machine.add(sentence)
                whole = False
            else:
                found += [piece for value in values for piece in sentences(value)]
        if whole:
            recordable.update(dict.fromkeys(found))
    return tuple(recordable), len(machine)
