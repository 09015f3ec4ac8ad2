"""The staff panel: big buttons on the left, what they show or ask on the right. Every
action asks first in plain words and then says what happened."""
from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.bundles import SlotInfo, UpdateError, installed_vi, rolled_back_vi
from kiosk.reports import texts as report_texts
from kiosk.reports.errors import ReportError
from kiosk.staff_figures import PeriodFigures
from ui.staff import texts
from ui.staff.chart import BarChart
from ui.staff.device_check import DeviceCheck
from ui.staff.recording_page import RecordingPage
from ui.staff.services import StaffServices
from ui.staff.settings_page import SettingsPage
from ui.staff.worker import Worker
from ui.style import Look
from ui.widgets import WrapButton, label, scroll_area


class StaffPanel(QWidget):
    def __init__(self, look: Look, services: StaffServices, worker: Worker, on_close: Callable[[], None]) -> None:
        super().__init__()
        self._look = look
        self._services = services
        self._worker = worker
        self._stoppers: list[Callable[[], None]] = []  # end a running device test when the side changes
        self._settings = SettingsPage(self, look, services)
        self._devices = DeviceCheck(self, look, services)
        self.recording = RecordingPage(self, look, services)  # opened from the settings (beside «Giọng đọc»)
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
            (texts.DEVICE_CHECK, self._devices.open, "staff:devices"),
            (texts.SETTINGS, self._settings.open, "staff:settings"),
            (texts.EXPORT, self._pick_report, "staff:export"),
        ):
            button = WrapButton(text, "primary", look.main_target, action, name)
            column.addWidget(button)
            self._buttons.append(button)
        column.addStretch(1)
        close = WrapButton(texts.CLOSE, "secondary", look.main_target, on_close, "staff:close")
        column.addWidget(close)
        self._buttons.append(close)
        self._side = QWidget()
        self._side.setLayout(column)
        self._side.setFixedWidth(look.px(112))
        layout.addWidget(self._side)
        self._area = scroll_area(dpi=look.dpi)
        self._right = QStackedWidget()  # the scroll area, or a page that fills the side by itself
        self._right.addWidget(self._area)
        layout.addWidget(self._right, 1)
        self._show_opening()

    def _show_opening(self) -> None:
        """What staff learn on opening (the disk is full, a setting fell back to its default, a
        pack failed, a damaged database was set aside: that one until acknowledged), then what to do."""
        services = self._services
        notices = [notice for notice in (services.store_notice(), services.settings_notice(), services.packs_notice(),
                                         services.help_notice()) if notice]
        widgets: list[QWidget] = [*self._help_request(), *(self.banner(notice, "error") for notice in notices)]
        set_aside = services.set_aside_notice()
        if set_aside:
            widgets += [self.banner(set_aside, "error"), WrapButton(texts.ACKNOWLEDGE, "secondary", self._look.main_target,
                                                                    self._acknowledge, "staff:acknowledge")]
        self.show_widgets([*widgets, label(texts.CHOOSE, "instruction")])

    def _help_request(self) -> list[QWidget]:
        """A citizen waiting for a helper, first: where they are, and the two answers."""
        request = self._services.help_request()
        if request is None:
            return []
        lines = [texts.HELP_ASKED.format(time=request.asked_at.astimezone().strftime("%H:%M"))]
        lines += [texts.HELP_LESSON.format(title=request.lesson_title)] if request.lesson_title else []
        lines += [request.where] + ([texts.HELP_TOLD_COMING] if request.event == "coming" else [])
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(30)
        if request.event != "coming":
            buttons.addWidget(WrapButton(texts.HELP_COMING, "primary", self._look.main_target,
                                         lambda: self._answer_help("coming"), "help:coming"))
        buttons.addWidget(WrapButton(texts.HELP_DONE, "primary", self._look.main_target,
                                     lambda: self._answer_help("helped"), "help:helped"))
        message = self.banner("\n".join(lines), "info")
        message.setObjectName("helpRequest")
        return [message, row]

    def _answer_help(self, outcome: str) -> None:
        self._services.answer_help(outcome)
        if outcome == "helped":
            self.say(texts.HELP_CLOSED, "success")
        else:
            self._show_opening()

    def _acknowledge(self) -> None:
        self._services.acknowledge_set_aside()
        self._show_opening()

    # --- the right-hand side ---------------------------------------------------------------
    def show_widgets(self, widgets: Sequence[QWidget]) -> None:
        """Replace the right-hand side (the scroll area deletes what was there)."""
        self.stop_tests()
        self._side.show()
        content = _Column()
        rows = QVBoxLayout(content)
        rows.setSpacing(16)
        for widget in widgets:
            rows.addWidget(widget)
        rows.addStretch(1)
        self._area.setWidget(content)
        self._put_right(self._area)

    def show_page(self, page: QWidget, wide: bool = False) -> None:
        """Replace the right-hand side with a page that fills it (a list that scrolls by itself);
        `wide` pages (with the keyboard) also cover the buttons on the left until the next page."""
        self.stop_tests()
        self._side.setVisible(not wide)
        self._right.addWidget(page)
        self._put_right(page)

    def _put_right(self, widget: QWidget) -> None:
        """Show `widget` on the right; a page shown before it is deleted."""
        self._right.setCurrentWidget(widget)
        for index in reversed(range(self._right.count())):
            old = self._right.widget(index)
            if old is not widget and old is not self._area:
                self._right.removeWidget(old)
                old.deleteLater()

    def add_stopper(self, stop: Callable[[], None]) -> None:
        self._stoppers.append(stop)

    def stop_tests(self) -> None:
        """Release the microphone or speaker a device test holds (also when staff mode closes)."""
        stoppers, self._stoppers = self._stoppers, []
        for stop in stoppers:
            stop()

    @property
    def worker(self) -> Worker:
        return self._worker

    @staticmethod
    def banner(text: str, kind: str = "info") -> QWidget:
        """What happened (or what to do), in a coloured box: kind is info, success or error."""
        message = label(text)
        message.setObjectName("staffMessage")
        message.setProperty("banner", kind)
        return message

    def say(self, text: str, kind: str = "info") -> None:
        self.show_widgets([self.banner(text, kind)])

    def confirm(self, question: str, action: Callable[[], None]) -> None:
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(30)
        buttons.addWidget(WrapButton(texts.YES, "primary", self._look.main_target, action, "confirm:yes"))
        buttons.addWidget(WrapButton(texts.NO, "secondary", self._look.main_target,
                                     lambda: self.say(texts.CANCELLED), "confirm:no"))
        self.show_widgets([label(question, "instruction"), row])

    def run_job(self, waiting: str, call: Callable[[], object], done: Callable[[object], None]) -> None:
        """`call` off the UI thread; the buttons rest until `done` has the answer."""
        self.say(waiting)
        self._set_buttons(False)

        def finish(result: object) -> None:
            self._set_buttons(True)
            done(result)

        self._worker.run(call, finish)

    def _set_buttons(self, enabled: bool) -> None:
        for button in self._buttons:
            button.setEnabled(enabled)

    def _outcome(self, result: object, success: Callable[[object], str]) -> None:
        """Say how a background job ended: a refusal the core words for staff, any other
        failure as a plain one, or `success(result)`."""
        if isinstance(result, UpdateError | ReportError):
            self.say(result.message_vi, "error")
        elif isinstance(result, Exception):
            self.say(texts.FAILED, "error")
        else:
            self.say(success(result), "success")

    # --- actions ---------------------------------------------------------------------------
    def _ask_end(self) -> None:
        self.confirm(texts.END_CONFIRM, self._end)

    def _end(self) -> None:
        self._services.end_session()
        self.say(texts.END_DONE, "success")

    def _show_figures(self) -> None:
        widgets: list[QWidget] = []
        for period in self._services.figures():
            widgets += self._period(period)
        widgets.append(label(texts.LEGEND, "muted"))
        roll_up = self._services.roll_up_line()
        if roll_up:
            widgets += [label(texts.ROLL_UP, "heading"), label(roll_up)]
        self.show_widgets(widgets)

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
            self.say(texts.NO_BUNDLES, "error")
            return
        choices: list[QWidget] = [label(texts.PICK_BUNDLE, "instruction")]
        for index, path in enumerate(bundles):
            choices.append(WrapButton(path.name, "tile", self._look.main_target,
                                      lambda p=path: self._ask_install(p), f"bundle:{index}"))
        self.show_widgets(choices)

    def _ask_install(self, path: Path) -> None:
        self.confirm(texts.INSTALL_CONFIRM.format(name=path.name), lambda: self._install(path))

    def _install(self, path: Path) -> None:
        def install() -> object:  # a voice pack goes to the voice store, any other bundle to the lessons'
            voice = self._services.install_voice(path)
            return voice if voice is not None else self._services.pack_store().install(path)

        self.run_job(texts.INSTALLING, install, lambda result: self._outcome(result, self._installed))

    def _installed(self, info: object) -> str:
        if not isinstance(info, SlotInfo):  # a voice pack: it says what it is itself
            return str(getattr(info, "message_vi"))
        self._services.packs_changed()
        return f"{installed_vi(info)} {texts.LESSONS_READY}"  # type: ignore[arg-type]

    def _pick_report(self) -> None:
        choices: list[QWidget] = [label(texts.EXPORT_PICK, "instruction")]
        for index, (words, (first, last)) in enumerate(zip(texts.EXPORT_PERIODS, self._services.report_periods(), strict=True)):
            choices.append(WrapButton(words.format(first=first, last=last), "tile", self._look.main_target,
                                      lambda a=first, b=last: self._ask_export(a, b), f"report:{index}"))
        self.show_widgets(choices)

    def _ask_export(self, first: datetime.date, last: datetime.date) -> None:
        self.confirm(texts.EXPORT_CONFIRM.format(first=first, last=last), lambda: self._export(first, last))

    def _export(self, first: datetime.date, last: datetime.date) -> None:
        self.run_job(texts.EXPORTING, lambda: self._services.export_report(first, last),
                     lambda result: self._outcome(result, self._exported))

    @staticmethod
    def _exported(paths: object) -> str:
        names = ", ".join(path.name for path in paths)  # type: ignore[attr-defined]
        return report_texts.USB_DONE.format(count=len(paths), names=names)  # type: ignore[arg-type]

    def _ask_rollback(self) -> None:
        self.confirm(texts.ROLLBACK_CONFIRM, self._rollback)

    def _rollback(self) -> None:
        self.run_job(texts.WORKING, lambda: self._services.pack_store().rollback(),
                  lambda result: self._outcome(result, self._rolled_back))

    def _rolled_back(self, info: object) -> str:
        assert info is None or isinstance(info, SlotInfo)
        self._services.packs_changed()
        return f"{rolled_back_vi(info)} {texts.LESSONS_READY}"


class _Column(QWidget):
    """Scroll-area content whose height follows its wrapped text at the current width
    (a resizable QScrollArea otherwise squeezes height-for-width layouts to the viewport)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height > 0 and height != self.minimumHeight():
            self.setMinimumHeight(height)
