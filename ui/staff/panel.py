"""The staff panel: big buttons on the left, what they show or ask on the right. Every
action asks first in plain words and then says what happened."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.bundles import SlotInfo, UpdateError, installed_vi, rolled_back_vi
from kiosk.staff_figures import PeriodFigures
from ui.staff import texts
from ui.staff.chart import BarChart
from ui.staff.services import StaffServices
from ui.staff.worker import Worker
from ui.style import Look
from ui.widgets import WrapButton, label, scroll_area


class StaffPanel(QWidget):
    def __init__(self, look: Look, services: StaffServices, worker: Worker, on_close: Callable[[], None]) -> None:
        super().__init__()
        self._look = look
        self._services = services
        self._worker = worker
        layout = QHBoxLayout(self)
        layout.setSpacing(30)
        column = QVBoxLayout()
        column.setSpacing(look.px(3))
        column.addWidget(label(texts.TITLE, "title"))
        self._buttons: list[WrapButton] = []
        for text, action, name in (
            (texts.END_SESSION, self._ask_end, "staff:end"),
            (texts.FIGURES, self._show_figures, "staff:figures"),
            (texts.UPDATE, self._list_bundles, "staff:update"),
            (texts.ROLLBACK, self._ask_rollback, "staff:rollback"),
            (texts.DEVICE_CHECK, self._check_devices, "staff:devices"),
        ):
            button = WrapButton(text, "primary", look.main_target, action, name)
            column.addWidget(button)
            self._buttons.append(button)
        column.addStretch(1)
        close = WrapButton(texts.CLOSE, "secondary", look.main_target, on_close, "staff:close")
        column.addWidget(close)
        self._buttons.append(close)
        side = QWidget()
        side.setLayout(column)
        side.setFixedWidth(look.px(95))
        layout.addWidget(side)
        self._area = scroll_area()
        layout.addWidget(self._area, 1)
        self._show([label(texts.CHOOSE, "instruction")])

    # --- the right-hand side ---------------------------------------------------------------
    def _show(self, widgets: Sequence[QWidget]) -> None:
        """Replace the right-hand side (the scroll area deletes what was there)."""
        content = _Column()
        rows = QVBoxLayout(content)
        rows.setSpacing(16)
        for widget in widgets:
            rows.addWidget(widget)
        rows.addStretch(1)
        self._area.setWidget(content)

    def _say(self, text: str, kind: str = "info") -> None:
        message = label(text)
        message.setObjectName("staffMessage")
        message.setProperty("banner", kind)
        self._show([message])

    def _confirm(self, question: str, action: Callable[[], None]) -> None:
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(30)
        buttons.addWidget(WrapButton(texts.YES, "primary", self._look.main_target, action, "confirm:yes"))
        buttons.addWidget(WrapButton(texts.NO, "secondary", self._look.main_target,
                                     lambda: self._say(texts.CANCELLED), "confirm:no"))
        self._show([label(question, "instruction"), row])

    def _run(self, waiting: str, call: Callable[[], object], done: Callable[[object], None]) -> None:
        """`call` off the UI thread; the buttons rest until `done` has the answer."""
        self._say(waiting)
        self._set_buttons(False)

        def finish(result: object) -> None:
            self._set_buttons(True)
            done(result)

        self._worker.run(call, finish)

    def _set_buttons(self, enabled: bool) -> None:
        for button in self._buttons:
            button.setEnabled(enabled)

    def _outcome(self, result: object, success: Callable[[object], str]) -> None:
        if isinstance(result, UpdateError):
            self._say(result.message_vi, "error")
        elif isinstance(result, Exception):
            self._say(texts.FAILED, "error")
        else:
            self._say(success(result), "success")

    # --- actions ---------------------------------------------------------------------------
    def _ask_end(self) -> None:
        self._confirm(texts.END_CONFIRM, self._end)

    def _end(self) -> None:
        self._services.end_session()
        self._say(texts.END_DONE, "success")

    def _show_figures(self) -> None:
        widgets: list[QWidget] = []
        for period in self._services.figures():
            widgets += self._period(period)
        widgets.append(label(texts.LEGEND, "muted"))
        self._show(widgets)

    def _period(self, period: PeriodFigures) -> list[QWidget]:
        lines = [texts.SESSIONS.format(n=period.sessions),
                 texts.LESSONS.format(started=period.started, completed=period.completed),
                 texts.NO_AVERAGE if period.average_minutes is None
                 else texts.AVERAGE.format(minutes=period.average_minutes)]
        rows = [(self._services.lesson_title(f.lesson_id), f.started, f.completed) for f in period.lessons]
        lines += [texts.LESSON_LINE.format(title=title, started=s, completed=c) for title, s, c in rows]
        heading = label(texts.PERIOD_NAMES[period.period], "heading")
        widgets: list[QWidget] = [heading, label("\n".join(lines))]
        if rows:
            chart = BarChart(rows, self._look.px(14))
            chart.setObjectName(f"chart:{period.period}")
            widgets.append(chart)
        return widgets

    def _list_bundles(self) -> None:
        bundles = self._services.find_bundles()
        if not bundles:
            self._say(texts.NO_BUNDLES, "error")
            return
        choices: list[QWidget] = [label(texts.PICK_BUNDLE, "instruction")]
        for index, path in enumerate(bundles):
            choices.append(WrapButton(path.name, "tile", self._look.main_target,
                                      lambda p=path: self._ask_install(p), f"bundle:{index}"))
        self._show(choices)

    def _ask_install(self, path: Path) -> None:
        self._confirm(texts.INSTALL_CONFIRM.format(name=path.name), lambda: self._install(path))

    def _install(self, path: Path) -> None:
        self._run(texts.INSTALLING, lambda: self._services.pack_store().install(path),
                  lambda result: self._outcome(
                      result, lambda info: f"{installed_vi(info)} {texts.NEXT_START}"))  # type: ignore[arg-type]

    def _ask_rollback(self) -> None:
        self._confirm(texts.ROLLBACK_CONFIRM, self._rollback)

    def _rollback(self) -> None:
        self._run(texts.WORKING, lambda: self._services.pack_store().rollback(),
                  lambda result: self._outcome(result, self._rolled_back))

    @staticmethod
    def _rolled_back(info: object) -> str:
        assert info is None or isinstance(info, SlotInfo)
        return f"{rolled_back_vi(info)} {texts.NEXT_START}"

    def _check_devices(self) -> None:
        self._run(texts.CHECKING_DEVICES, lambda: list(self._services.device_checks()), self._checked)

    def _checked(self, result: object) -> None:
        if isinstance(result, Exception):
            self._say(texts.FAILED, "error")
            return
        rows: list[QWidget] = []
        for check in result:  # type: ignore[attr-defined]
            line = texts.CHECK_OK if check.ok else texts.CHECK_BAD
            row = label(line.format(name=texts.CHECK_NAMES.get(check.name, check.name), message=check.message))
            row.setObjectName(f"check:{check.name}")
            row.setProperty("banner", "success" if check.ok else "error")
            rows.append(row)
        self._show(rows)


class _Column(QWidget):
    """Scroll-area content whose height follows its wrapped text at the current width
    (a resizable QScrollArea otherwise squeezes height-for-width layouts to the viewport)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)
