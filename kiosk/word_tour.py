"""The screenshot tour's stops (kiosk.tour) for words a citizen may not know: a word's button
tapped, and its explanation shown, on the first step with one word's button and the first with
two (no buttons show while a keyboard is up or a computer stands beside the phone)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kiosk.intents import ExplainTerm
from kiosk.views import LessonView

if TYPE_CHECKING:
    from kiosk.flow import Kiosk

Stop = tuple[str, str]  # a kiosk.tour.Stop's name and caption


class WordStops:
    def __init__(self) -> None:
        self._shown: set[int] = set()  # how many buttons there were where a word was explained

    def stops(self, kiosk: Kiosk, stem: str) -> Iterator[Stop]:
        page = kiosk.view().page
        if not isinstance(page, LessonView) or not page.terms:
            return
        layout = len(page.terms)
        if layout in self._shown:
            return
        self._shown.add(layout)
        term = max((term for term, _ in page.terms), key=len)  # the longest button, the longest words
        kiosk.handle(ExplainTerm(term))
        yield (f"{stem}-meaning", f"The button '{term} là gì?' tapped: what the word means, shown and said")
