"""The words a widget shows, and where a push button draws its own."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QStyle, QStyleOptionButton, QWidget


def label_text(label: QLabel) -> str:
    """What a label shows, as plain text (rich text without its tags)."""
    text = label.text()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    return QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text


def button_label(button: QAbstractButton) -> QLabel | None:
    """The label a button shows its words in (a wrapping button), if it has one."""
    for child in button.children():
        if isinstance(child, QLabel) and not child.isHidden() and child.text():
            return child
    return None


def button_text(button: QAbstractButton) -> str:
    label = button_label(button)
    return label_text(label) if label is not None else QAbstractButton.text(button)


def own_text_rect(button: QAbstractButton) -> QRect:
    """Where a button without a label draws its text (widget coordinates)."""
    if not isinstance(button, QPushButton):
        return button.contentsRect()
    option = QStyleOptionButton()
    button.initStyleOption(option)
    rect = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    if not button.icon().isNull():
        rect.setLeft(rect.left() + button.iconSize().width() + 4)
    return rect


def shows_text(widget: QWidget) -> str:
    """The words a widget paints itself ("" for containers and buttons whose label paints them)."""
    if isinstance(widget, QLabel):
        return label_text(widget).strip()
    if isinstance(widget, QAbstractButton) and button_label(widget) is None:
        return QAbstractButton.text(widget).strip()
    return ""


def same_words(text: str) -> str:
    """Text reduced to its words: case, punctuation, arrows, ticks and spacing left out."""
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in unicodedata.normalize("NFC", text.casefold()))
    return " ".join(kept.split())
