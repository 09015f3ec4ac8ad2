"""The top of the instruction panel in a Tự làm run: the lesson's goal, and the practice data on
a card ("Phiếu thông tin"), shown all through the run. Hidden in a guided run.

The goal's "… là gì?" buttons and the explanation asked for sit right under the goal (the words
they explain), above the card. While a keyboard is up the goal steps aside for the card, which
holds what is typed; while an explanation is open the goal's heading steps aside, and the card
keeps room for its first lines. If the card still does not fit (a long card beside the letter
keyboard, at 1280×800 with large text) it scrolls by finger."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk import solo_texts as words
from kiosk.views import LessonView
from ui.style import Look
from ui.widgets import label, scroll_area


class SoloPanel(QFrame):
    def __init__(self, look: Look) -> None:
        super().__init__()
        self.setObjectName("soloPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.px(1.5))
        self.goal_title = label(words.GOAL_TITLE, "heading")
        layout.addWidget(self.goal_title)
        self.goal = label("", "instruction")
        self.goal.setObjectName("goal")
        layout.addWidget(self.goal)
        self._words_at = layout.count()  # where the goal's "… là gì?" buttons go (hold_words)
        self.card = QFrame()
        self.card.setObjectName("practiceCard")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(look.px(3), look.px(2), look.px(3), look.px(2))
        card.setSpacing(look.px(1))
        card.addWidget(label(words.CARD_TITLE, "heading"))
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(look.px(3))
        self._grid.setVerticalSpacing(look.px(1))
        self._grid.setColumnStretch(1, 1)
        card.addLayout(self._grid)
        self._scroll = scroll_area(self.card, dpi=look.dpi, area=_FittingScroll())
        self._scroll.setObjectName("cardScroll")
        self._scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self._scroll)
        self._shown: tuple[tuple[str, str], ...] | None = None
        self.hide()

    def hold_words(self, words: QWidget) -> None:
        """Take the goal's "… là gì?" buttons and their explanation, under the goal."""
        self.layout().insertWidget(self._words_at, words)

    def show_view(self, view: LessonView) -> None:
        self.setVisible(view.mode == "solo")
        self.goal.setText(view.goal)
        typing = bool(view.keyboard)
        self.goal_title.setVisible(not typing and not view.feedback)  # a hint makes room for itself
        self.goal.setVisible(not typing)
        if view.card != self._shown:
            self._show_card(view.card)
        self._scroll.setVisible(bool(view.card))

    def make_room(self, spare: int) -> None:
        """An explanation open and the page `spare` pixels short of its whole height: the card
        stands aside for it when it would keep less than its title and two lines (it comes back
        with the next step); otherwise it gives way, scrolling."""
        if self._scroll.isHidden() or spare >= 0:
            return
        if self._scroll.sizeHint().height() + spare < self._least_card():
            self._scroll.hide()

    def _least_card(self) -> int:
        card = self.card.layout()
        margins = card.contentsMargins()
        row = self._grid.itemAtPosition(0, 1).widget().sizeHint().height() if self._shown else 0
        return (margins.top() + margins.bottom() + card.itemAt(0).widget().sizeHint().height() + card.spacing()
                + 2 * row + self._grid.verticalSpacing())

    def _show_card(self, rows: tuple[tuple[str, str], ...]) -> None:
        self._shown = rows
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for row, (name, value) in enumerate(rows):
            self._grid.addWidget(label(f"{name}:"), row, 0, Qt.AlignmentFlag.AlignTop)
            shown = label(value, "heading")
            shown.setObjectName(f"card:{row}")
            self._grid.addWidget(shown, row, 1, Qt.AlignmentFlag.AlignTop)


class _FittingScroll(QScrollArea):
    """Asks for the whole height of its content; gives way, scrolling, when short of room."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        return QSize(hint.width(), hint.height() + 2 * self.frameWidth())
