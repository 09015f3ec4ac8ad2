"""Words a citizen may not know, on a lesson's page: the pack's glossary (content.glossary) terms
in the words shown become buttons "… là gì?", and the one asked about is shown and said.

The words shown are the step's instruction (in a Tự làm run, which has none: the goal), then
the feedback (a hint, a wrong answer's why). A judged drill's Tự làm run gives no help at all,
so no words either. At most MAX_SHOWN buttons, for the terms in the order they come; "nghĩa là
gì" goes through every term of the step, those without a button too. While a
keyboard is up, or a computer stands beside the phone, the instruction's column has no room for
them: no buttons then, and a word asked for by voice ("nghĩa là gì") is said, not shown. An explanation belongs to the step it was asked
on: a new step (even the same one again) shows none; a second touch on its button closes it.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Hashable, Iterable, Mapping, Sequence

from content.glossary import Glossary, Term
from content.model import Pack
from kiosk.views import LessonView

MAX_SHOWN = 2  # buttons side by side under the instruction


def lesson_glossaries(packs: Sequence[Pack]) -> dict[str, Glossary]:
    """Each lesson's glossary: its own pack's, else the first pack's that has one."""
    first = next((pack.glossary for pack in packs if pack.glossary is not None), None)
    return {lesson.id: glossary for pack in packs for lesson in pack.lessons
            if (glossary := pack.glossary or first) is not None}


class WordMeanings:
    """One visit's explanations. `step` is any value that changes whenever a lesson enters a step."""

    def __init__(self, glossaries: Mapping[str, Glossary]) -> None:
        self._glossaries = glossaries
        self._shown: tuple[Hashable, Term] | None = None  # the step it was asked on, the term

    def terms(self, view: LessonView) -> tuple[Term, ...]:
        glossary = self._glossaries.get(view.lesson_id)
        if glossary is None:
            return ()
        if view.mode == "solo" and view.instruction:  # only a judged drill's Tự làm run shows step words
            return ()
        found = (*glossary.find(view.instruction or view.goal), *glossary.find(view.feedback))
        return tuple(dict.fromkeys(found))

    def dress(self, view: LessonView, step: Hashable) -> LessonView:
        """`view` with its words' terms and the explanation asked for on this step, if any."""
        if view.keyboard or view.computer is not None:
            return view
        terms = self.terms(view)
        shown = self._shown[1] if self._shown is not None and self._shown[0] == step else None
        return dataclasses.replace(view, terms=tuple((term.term, term.says) for term in terms[:MAX_SHOWN]),
                                   meaning=shown.says if shown in terms else "")

    def explain(self, view: LessonView, step: Hashable, term: str = "") -> str:
        """Show `term` of this step's words, or ("") the one after the term shown (the first):
        returns what to say, "" when the step has no such word."""
        terms = self.terms(view)
        if term:
            chosen = next((each for each in terms if each.term == term), None)
        elif terms:
            shown = self._shown[1] if self._shown is not None and self._shown[0] == step else None
            chosen = terms[(terms.index(shown) + 1) % len(terms)] if shown in terms else terms[0]
        else:
            chosen = None
        if chosen is None:
            return ""
        self._shown = (step, chosen)
        return chosen.says

    def close(self, step: Hashable, term: str) -> bool:
        """A second touch on the button of the explanation shown: it goes (the Tự làm card it
        may hide comes back). False when that term's explanation is not shown on this step."""
        if self._shown is None or self._shown[0] != step or self._shown[1].term != term:
            return False
        self._shown = None
        return True

    def lines(self, lesson_id: str, said: Iterable[str]) -> tuple[str, ...]:
        """The explanations of the terms in a lesson's lines (for rendering speech ahead)."""
        glossary = self._glossaries.get(lesson_id)
        if glossary is None:
            return ()
        return tuple(dict.fromkeys(term.says for text in said for term in glossary.find(text)))
