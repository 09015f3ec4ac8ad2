"""Tiles two to a row, as many rows as the screen holds, a page at a time: "Trang trước" /
"Trang sau" appear when there are more, so nothing on a menu page needs scrolling."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui import texts
from ui.kiosk_controls import kiosk_button
from ui.style import Look
from ui.widgets import label


class PagedGrid(QWidget):
    def __init__(self, look: Look, tiles: list[QWidget], columns: int = 2) -> None:
        super().__init__()
        self.setObjectName("pagedGrid")
        self._look = look
        self._tiles = tiles
        self._columns = columns
        self._gap = look.px(4)
        self._pages: list[list[list[QWidget]]] = []  # pages of rows of tiles
        self._page = 0
        for tile in tiles:
            tile.setParent(self)
        self._prev = kiosk_button(look, texts.PAGE_PREV, "prev", lambda: self.turn(-1), "menuPrev", main=True)
        self._next = kiosk_button(look, texts.PAGE_NEXT, "forward", lambda: self.turn(1), "menuNext", main=True)
        self._where: QLabel = label("", "progress", wrap=False)
        self._where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self._prev, self._next, self._where):
            widget.setParent(self)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(0, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(0, 0)

    def turn(self, by: int) -> None:
        self._page = max(0, min(self._page + by, len(self._pages) - 1))
        self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._paginate()
        self._place()

    def _column_width(self) -> int:
        return (self.width() - (self._columns - 1) * self._gap) // self._columns

    def _row_height(self, row: list[QWidget]) -> int:
        return max(tile.heightForWidth(self._column_width()) for tile in row)

    def _paginate(self) -> None:
        rows = [self._tiles[i : i + self._columns] for i in range(0, len(self._tiles), self._columns)]
        pager = self._look.main_target + self._gap
        heights = [self._row_height(row) for row in rows]
        if sum(heights) + self._gap * (len(rows) - 1) <= self.height():
            self._pages = [rows] if rows else []
        else:
            self._pages, page, used = [], [], 0
            for row, height in zip(rows, heights):
                needed = used + (self._gap if page else 0) + height
                if page and needed > self.height() - pager:
                    self._pages.append(page)
                    page, needed = [], height
                page.append(row)
                used = needed
            if page:
                self._pages.append(page)
        self._page = min(self._page, max(0, len(self._pages) - 1))

    def _place(self) -> None:
        for tile in self._tiles:
            tile.hide()
        width = self._column_width()
        y = 0
        for row in self._pages[self._page] if self._pages else []:
            height = self._row_height(row)
            for column, tile in enumerate(row):
                tile.setGeometry(QRect(column * (width + self._gap), y, width, height))
                tile.show()
            y += height + self._gap
        paged = len(self._pages) > 1
        for widget in (self._prev, self._next, self._where):
            widget.setVisible(paged)
        if not paged:
            return
        self._where.setText(texts.PAGE_OF.format(n=self._page + 1, total=len(self._pages)))
        size = self._look.main_target
        top = self.height() - size
        button = max(self._prev.sizeHint().width(), self._next.sizeHint().width())
        self._prev.setGeometry(QRect(0, top, button, size))
        self._next.setGeometry(QRect(self.width() - button, top, button, size))
        self._where.setGeometry(QRect(button + self._gap, top, self.width() - 2 * (button + self._gap), size))
        self._prev.setVisible(self._page > 0)  # hidden, not greyed: nothing to misread
        self._next.setVisible(self._page < len(self._pages) - 1)
