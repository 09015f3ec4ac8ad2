"""Words a citizen may not know, under a lesson step's instruction: a button "… là gì?" for each
glossary word the core found in the words shown (the kiosk's own look: round ends, a book icon),
and the explanation asked for, in a box until the step changes."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.intents import ExplainTerm, Intent
from kiosk.views import LessonView
from ui import texts
from ui import theme as t
from ui.icons import kiosk_icon
from ui.style import Look
from ui.widgets import WrapButton, label


class WordMeanings(QWidget):
    def __init__(self, look: Look, send: Callable[[Intent], None]) -> None:
        super().__init__()
        self.setObjectName("wordMeanings")
        self._look, self._send = look, send
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(look.px(2))
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(look.px(3))
        column.addLayout(self._row)
        self.meaning = label("")
        self.meaning.setObjectName("meaning")
        column.addWidget(self.meaning)
        self.buttons: list[WrapButton] = []
        self._terms: tuple[str, ...] | None = None
        self.hide()

    def show_view(self, view: LessonView) -> None:
        terms = tuple(term for term, _ in view.terms)
        if terms != self._terms:
            self._show_buttons(terms)
        self.meaning.setText(view.meaning)
        self.meaning.setVisible(bool(view.meaning))
        self.setVisible(bool(terms))

    def _show_buttons(self, terms: tuple[str, ...]) -> None:
        self._terms = terms
        for button in self.buttons:
            button.hide()
            button.deleteLater()
        self.buttons = [self._button(term) for term in terms]
        for button in self.buttons:
            self._row.addWidget(button, 1)

    def _button(self, term: str) -> WrapButton:
        """Its words wrap when two long ones share the row."""
        words = texts.WORD_ASKED.format(term=term[:1].upper() + term[1:])
        icon = kiosk_icon("meaning", t.SECONDARY_TEXT, self._look.px(6))
        return WrapButton(words, "secondary", self._look.min_target, lambda: self._send(ExplainTerm(term)),
                          f"word:{term}", main=False, icon=icon)
