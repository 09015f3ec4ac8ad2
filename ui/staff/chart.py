"""A plain horizontal bar chart (QPainter): one row per lesson (its title cut to one line: the full titles are in
the text beside it), a light bar for times
started and a dark bar for times completed, with the numbers written beside them."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import theme as t

STARTED_COLOUR = "#9fb6de"


class BarChart(QWidget):
    def __init__(self, rows: Sequence[tuple[str, int, int]], row_height: int) -> None:
        super().__init__()
        self.rows = list(rows)  # (title, started, completed)
        self._row_height = row_height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(max(1, len(self.rows)) * row_height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(600, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, row_h = self.width(), self._row_height
        title_w = width * 2 // 5
        number_w = painter.fontMetrics().horizontalAdvance("0000") + 8
        bar_w = max(1, width - title_w - number_w - 16)
        top = max((started for _, started, _ in self.rows), default=0) or 1
        half = (row_h - 12) // 2
        for index, (title, started, completed) in enumerate(self.rows):
            y = index * row_h
            painter.setPen(QColor(t.INK))
            short = painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, title_w - 12)
            painter.drawText(QRect(0, y, title_w - 12, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, short)
            for bar, (value, colour) in enumerate(((started, STARTED_COLOUR), (completed, t.PRIMARY))):
                bar_y = y + 4 + bar * (half + 4)
                length = round(bar_w * value / top)
                painter.fillRect(QRect(title_w, bar_y, length, half), QColor(colour))
                painter.drawText(QRect(title_w + length + 8, bar_y, number_w, half),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, str(value))
        painter.end()
