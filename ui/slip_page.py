"""The practice slip ("Phiếu ghi nhận luyện tập", with its QR code) and the page for typing
a slip's code on the digit pad. They show what the core decided and forward taps."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk import slip_texts as words
from kiosk.intents import BackToMenu, EndSession, Intent, PrintSlip
from kiosk.slip_desk import qr_matrix, sections
from kiosk.slips import CODE_DIGITS, spaced
from kiosk.views import CodeEntryView, HelpView, SlipView
from ui import texts
from ui.help_call import HelpCall, help_message
from ui.keyboard import Keyboard
from ui.kiosk_controls import header, kiosk_button
from ui.style import Look
from ui.widgets import label, scroll_area

Send = Callable[[Intent], None]
QUIET_MODULES = 4  # the light border a phone camera needs around the code


class QrCode(QWidget):
    """A QR code drawn square with its quiet zone, each module a whole number of pixels (crisp)."""

    def __init__(self, text: str, minimum: int) -> None:
        super().__init__()
        self.setObjectName("slipQr")
        self.text = text
        self._image = _qr_image(qr_matrix(text))
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.minimumSize()

    def module_px(self) -> int:
        return max(1, min(self.width(), self.height()) // self._image.width())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        side = self.module_px() * self._image.width()
        painter = QPainter(self)  # no smooth scaling: whole-pixel modules stay sharp
        painter.drawImage(QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side), self._image)
        painter.end()


def _qr_image(matrix: tuple[tuple[bool, ...], ...]) -> QImage:
    """One pixel per module, quiet zone included (one image: no per-module painting calls)."""
    side = len(matrix) + 2 * QUIET_MODULES
    stride = (side + 3) // 4 * 4
    light = [255] * QUIET_MODULES
    rows = [bytes(light + [0 if dark else 255 for dark in row] + light + [255] * (stride - side)) for row in matrix]
    blank = bytes([255] * stride)
    data = blank * QUIET_MODULES + b"".join(rows) + blank * QUIET_MODULES
    return QImage(data, side, side, stride, QImage.Format.Format_Grayscale8).copy()


def _page(look: Look, title: str, right: list[QWidget]) -> tuple[QFrame, QVBoxLayout]:
    page = QFrame()
    page.setObjectName("page")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(header(look, title, right))
    return page, outer


def slip_page(look: Look, send: Send, view: SlipView, help_view: HelpView | None = None) -> QWidget:
    """The code and what to do with it first, then where, when and what was practised, all
    in view at once; the QR code (with "take a photo") on the right."""
    page, outer = _page(look, words.TITLE, [HelpCall(look, send, help_view)])
    outer.addWidget(help_message(help_view))
    body = QHBoxLayout()
    body.setContentsMargins(look.px(8), look.px(2), look.px(8), 0)
    body.setSpacing(look.px(8))
    left = QVBoxLayout()
    left.setSpacing(look.px(1.5))
    if view.code:
        line = QHBoxLayout()
        line.setSpacing(look.px(3))
        line.addWidget(label(f"{words.CODE}:", "title", wrap=False), 0, Qt.AlignmentFlag.AlignBaseline)
        code = label(spaced(view.code), "huge", wrap=False)
        code.setObjectName("slipCode")
        line.addWidget(code, 1, Qt.AlignmentFlag.AlignBaseline)
        left.addLayout(line)
    left.addWidget(label(words.RESUME_NOTE if view.code else words.NO_CODE))
    left.addWidget(label(f"{words.PLACE}: {view.place} · {words.DATE}: {view.date}", "heading"))
    lists = QWidget()
    column = QVBoxLayout(lists)
    column.setContentsMargins(0, 0, 0, 0)
    for heading, titles in sections(view.completed, view.unfinished, view.solo_done):  # a visit's few lessons fit; many scroll by finger
        column.addWidget(label(f"{heading}:", "heading"))
        for title in titles:
            column.addWidget(label(f"•  {title}"))
    column.addStretch(1)
    left.addWidget(scroll_area(lists, dpi=look.dpi), 1)
    body.addLayout(left, 3)
    right = QVBoxLayout()
    right.setSpacing(look.px(1.5))
    right.addWidget(QrCode(view.text, look.px(45)), 1)
    photo = label(words.PHOTO, "heading")
    photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
    right.addWidget(photo)
    body.addLayout(right, 2)
    outer.addLayout(body, 1)
    note = label(view.print_note, "", wrap=True)
    note.setObjectName("printNote")
    note.setProperty("feedback", view.print_note_kind)
    note.setVisible(bool(view.print_note))
    noted = QHBoxLayout()
    noted.setContentsMargins(look.px(8), 0, look.px(8), 0)
    noted.addWidget(note)
    outer.addLayout(noted)
    outer.setSpacing(look.px(2))
    row = QHBoxLayout()
    row.setContentsMargins(look.px(8), 0, look.px(8), look.px(4))
    row.setSpacing(look.px(6))
    if view.can_print and not view.printing:
        row.addWidget(kiosk_button(look, texts.PRINT_SLIP, "print", lambda: send(PrintSlip()), "printSlip", main=True))
    row.addWidget(kiosk_button(look, texts.ANOTHER, "list", lambda: send(BackToMenu()), "another", primary=True))
    row.addWidget(kiosk_button(look, texts.FINISH, "home", lambda: send(EndSession()), "finish", main=True))
    outer.addLayout(row)
    return page


class CodePage(QFrame):
    """Typing a slip code: the digits so far in 4-4 boxes, what the core said, the digit pad."""

    def __init__(self, look: Look, send: Send, view: CodeEntryView, help_view: HelpView | None = None) -> None:
        super().__init__()
        self.setObjectName("page")
        back = kiosk_button(look, texts.TO_MENU, "back", lambda: send(BackToMenu()), "back", main=False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(header(look, texts.CODE_TITLE, [HelpCall(look, send, help_view), back]))
        outer.addWidget(help_message(help_view))
        body = QVBoxLayout()
        body.setContentsMargins(40, 10, 40, 10)
        body.setSpacing(14)
        body.addStretch(1)
        prompt = label(words.CODE_PROMPT, "instruction")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(prompt)
        self.typed = QLabel()
        self.typed.setObjectName("codeTyped")
        self.typed.setProperty("role", "huge")
        self.typed.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self.typed)
        self.message = label("", "")
        self.message.setObjectName("codeMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.addWidget(self.message)
        body.addWidget(Keyboard(look, send, "digits", key_height=look.main_target))
        body.addStretch(2)
        outer.addLayout(body, 1)
        self.show_view(view)

    def show_view(self, view: CodeEntryView) -> None:
        shown = view.typed + "_" * (CODE_DIGITS - len(view.typed))
        self.typed.setText(" ".join(spaced(shown)))
        self.typed.setAccessibleName(view.typed)
        self.message.setText(view.message)
        self.message.setProperty("feedback", view.message_kind)
        self.message.setVisible(bool(view.message))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
