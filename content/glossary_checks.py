"""What a pack's glossary (content.glossary), and the lessons that use its words, should
improve but may ship with: warnings, never errors.

- An explanation uses the style sheet's words (content/STYLE.md), at most MAX_WORDS words, and
  names the word it explains ("Passcode là …"), so it makes sense when heard alone.
- A term no step of any lesson says: its button never shows.
- A term used before it is explained. The kiosk offers a word's button "… là gì?" on a
  lesson's steps only, for the words shown there (the step's `say`, or a Tự làm run's `goal`,
  and its hint, explain or why when shown), so a term in a lesson's title, description (the
  menu), recap or remember (the completion page) needs a step whose `say` has it.
- A term the finder cannot see in a `say`: run on into Latin letters or digits ("OTPs").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from content.glossary import GLOSSARY_FILE, Glossary, Term
from content.model import Lesson, Pack, Problem
from content.style import avoided

MAX_WORDS = 30  # heard once, by someone who did not know the word


def glossary_warnings(pack: Pack, where: Callable[[Lesson], str]) -> list[Problem]:
    """Every warning about `pack`'s glossary and its use; `where(lesson)` names a lesson's file."""
    glossary = pack.glossary
    if glossary is None:
        return []
    warnings = [warning for i, term in enumerate(glossary.terms) for warning in _explanation(glossary, term, i)]
    said: set[Term] = set()
    for lesson in pack.lessons:
        said.update(term for step in lesson.steps for term in glossary.find(step.instruction))
        warnings += _before_explained(glossary, lesson, where(lesson))
        warnings += _unseen(glossary, lesson, where(lesson))
    warnings += [Problem(f"{GLOSSARY_FILE}.terms[{i}].term", f"{term.term!r} is in no step's `say`: its button never shows")
                 for i, term in enumerate(glossary.terms) if term not in said]
    return warnings


def _explanation(glossary: Glossary, term: Term, index: int) -> Iterator[Problem]:
    loc = f"{GLOSSARY_FILE}.terms[{index}].says"
    yield from (Problem(loc, message) for message in avoided(term.says))
    if (words := len(term.says.split())) > MAX_WORDS:
        yield Problem(loc, f"{words} words: explain it in at most {MAX_WORDS}, it is heard once")
    if term not in glossary.find(term.says):
        yield Problem(loc, f"say which word it explains, e.g. \"{term.term[:1].upper()}{term.term[1:]} là …\"")


def _before_explained(glossary: Glossary, lesson: Lesson, where: str) -> Iterator[Problem]:
    """Terms in a lesson's words shown where no button offers them, that no step's `say` has."""
    explained = {term for step in lesson.steps for term in glossary.find(step.instruction)}
    shown = (("title", lesson.title), ("description", lesson.description),
             *((f"recap[{i}]", line) for i, line in enumerate(lesson.recap)), ("remember", lesson.remember))
    for key, text in shown:
        for term in glossary.find(text):
            if term not in explained:
                yield Problem(f"{where}.{key}", f"{term.term!r} (glossary) is used here before it is explained: no "
                              "step's `say` has it, so its button never shows in this lesson; say it in a step, or "
                              "use other words here")


def _unseen(glossary: Glossary, lesson: Lesson, where: str) -> Iterator[Problem]:
    """A term's form glued to Latin letters or digits in a step's `say` ("OTPs"): the finder
    (whole words) misses it. (A Vietnamese syllable running on is another word: "số dư", "dưới".)"""
    for i, step in enumerate(lesson.steps):
        text = step.instruction
        for term in glossary.terms:
            hits = (hit for form in term.forms for hit in re.finditer(re.escape(form), text, re.IGNORECASE))
            glued = next((_word(text, *hit.span()) for hit in hits if _glued(text[hit.start() - 1:hit.start()])
                          or _glued(text[hit.end():hit.end() + 1])), None)
            if glued is not None:
                yield Problem(f"{where}.steps[{i}].say", f"{glued!r} runs on into the next letters, so the button for "
                              f"{term.term!r} (glossary) will not show: write it as a word of its own")


def _glued(neighbour: str) -> bool:
    return neighbour.isascii() and neighbour.isalnum()


def _word(text: str, start: int, end: int) -> str:
    """The whole word around text[start:end]."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]
