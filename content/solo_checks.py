"""Checks of a lesson's Tự làm form (`goal`, `card`, `judged`): a run without step-by-step
words must still be doable. Whatever a guided step tells the learner to type (or which option
to pick) must be on the practice-data card or on the step's own screens."""
from __future__ import annotations

import re
import unicodedata

from content.fillings import fill, picks, undefined
from content.model import Lesson, Problem, Step, element_texts, step_elements
from content.rules import RULES

ANY_WORD = "ab"  # a rule that accepts this needs no example on the card (a security question's answer)


def check_solo(lesson: Lesson, where: str) -> list[Problem]:
    problems = undefined(lesson, f"{where}.goal", lesson.goal)
    for i, (label, value) in enumerate(lesson.card):
        problems += undefined(lesson, f"{where}.card[{i}]", label + value)
    if not lesson.goal:
        if lesson.card:
            problems.append(Problem(f"{where}.card", "the card is shown only in a Tự làm run: give the lesson a goal"))
        if lesson.judged:
            problems.append(Problem(f"{where}.judged", "only a lesson with a goal has a Tự làm run to judge"))
        return problems
    if all(step.kind == "info" for step in lesson.steps):
        problems.append(Problem(f"{where}.goal", "a Tự làm run skips info steps: a lesson with a goal needs a step to do"))
    if lesson.judged:
        return problems + _check_judged(lesson, where)
    for i, step in enumerate(lesson.steps):
        loc = f"{where}.steps[{i}]"
        if step.kind == "type":
            problems += _typed_from_card(lesson, step, loc)
        elif step.kind == "choose" and step.expect:
            problems += _chosen_from_card(lesson, step, loc)
    return problems


def _check_judged(lesson: Lesson, where: str) -> list[Problem]:
    problems = []
    if not any(step.decides for step in lesson.steps):
        problems.append(Problem(f"{where}.judged", "a judged lesson needs a decision to judge: a choose step with "
                                "expect, a choose_many step, or a tap step with also_right, safe or why"))
    if len(lesson.variants) < 2 and not any(len(values) > 1 for values in lesson.data.values()):
        problems.append(Problem(f"{where}.judged", "a judged lesson needs at least two variants (or data values), "
                                "so that its Tự làm run is a case the guided run did not show"))
    if lesson.card:
        problems.append(Problem(f"{where}.card", "a judged lesson shows each step's words, not a card: leave the card out"))
    return problems


def _typed_from_card(lesson: Lesson, step: Step, loc: str) -> list[Problem]:
    """The text a type step expects is on the card or its screens; a rule that a learner cannot
    meet with any word (a password) has an example on the card."""
    card = [value for _, value in lesson.card]
    if step.expect:
        screens = [text for e in step_elements(lesson.screens, step) if e.id != step.target for text in element_texts(e)]
        for values in picks(lesson, step.expect, *card, *screens):
            expect = _squash(fill(step.expect, values))
            if not any(expect in _squash(fill(text, values)) for text in (*card, *screens)):
                return [Problem(f"{loc}.expect", f"{fill(step.expect, values)!r} is neither on the card nor on "
                                f"the step's screens: a Tự làm run has no words saying what to type; add it to the card")]
    rule = RULES.get(step.rule)
    if rule is not None and rule(ANY_WORD):
        for values in picks(lesson, *card):
            if not any(not rule(fill(value, values)) for value in card):
                return [Problem(f"{loc}.rule", f"no value on the card meets the {step.rule} rule: a Tự làm run has no "
                                "words giving an example; add one to the card")]
    return []


def _chosen_from_card(lesson: Lesson, step: Step, loc: str) -> list[Problem]:
    """An option that only the guided words name (the commune to pick) is on the card."""
    card = [value for _, value in lesson.card]
    for values in picks(lesson, step.expect, step.instruction, *card):
        expect = _squash(fill(step.expect, values))
        if expect in _squash(fill(step.instruction, values)) and not any(expect in _squash(fill(v, values)) for v in card):
            return [Problem(f"{loc}.expect", f"the guided words name the option {fill(step.expect, values)!r}: a Tự "
                            "làm run does not say them; add it to the card")]
    return []


def _squash(text: str) -> str:
    """Text as typed answers compare it: NFC, case and spaces ignored ("0012 0000 1234" is 001200001234)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text).casefold())
