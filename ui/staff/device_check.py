"""«Kiểm tra thiết bị»: what was found (speaker, voice, speech model, microphone), then three
tests staff can run: the speaker plays a sentence and asks whether it was heard; the
microphone shows a live level bar and, with a speech model, says which word it heard; the
touch screen shows squares in the corners and the centre."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from ui import theme as t
from ui.staff import texts
from ui.staff.services import StaffServices
from ui.staff.touch_test import TouchTest
from ui.style import Look
from ui.widgets import WrapButton, label
from voice.level_meter import LevelMeter
from voice.recognizer import STATUS_NO_MODEL, Recognition

if TYPE_CHECKING:
    from ui.staff.panel import StaffPanel


class LevelBar(QWidget):
    """A wide bar that fills with the microphone level (0–1)."""

    def __init__(self, height: int) -> None:
        super().__init__()
        self.setObjectName("mic:level")
        self.level = 0.0
        self.peak = 0.0  # the loudest so far: did the microphone hear anything at all?
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_level(self, level: float) -> None:
        self.level = level
        self.peak = max(self.peak, level)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(t.FIELD_BORDER))
        inner = self.rect().adjusted(4, 4, -4, -4)
        painter.fillRect(inner, QColor(t.PAPER))
        painter.fillRect(QRect(inner.x(), inner.y(), round(inner.width() * self.level), inner.height()), QColor(t.OK_TEXT))
        painter.end()


class MeterSignals(QObject):
    level = Signal(float)  # from the meter's thread
    heard = Signal(object)  # a Recognition, from the recogniser's thread


class DeviceCheck:
    def __init__(self, host: StaffPanel, look: Look, services: StaffServices) -> None:
        self._host = host
        self._look = look
        self._services = services
        self._signals = MeterSignals(host)
        self._signals.level.connect(self._show_level)
        self._signals.heard.connect(self._show_heard)
        self._bar: LevelBar | None = None
        self._heard: QLabel | None = None
        self._meter: LevelMeter | None = None

    def open(self) -> None:
        self._host.run_job(texts.CHECKING_DEVICES, lambda: list(self._services.device_checks()), self._checked)

    def _checked(self, result: object) -> None:
        if isinstance(result, Exception):
            self._host.say(texts.FAILED, "error")
            return
        rows: list[QWidget] = []
        for check in result:  # type: ignore[attr-defined]
            line = texts.CHECK_OK if check.ok else texts.CHECK_BAD
            row = label(line.format(name=texts.CHECK_NAMES.get(check.name, check.name), message=check.message))
            row.setObjectName(f"check:{check.name}")
            row.setProperty("banner", "success" if check.ok else "error")
            rows.append(row)
        rows.append(self._row((texts.SPEAKER_TEST, self._speaker_test, "devices:speaker"),
                              (texts.MIC_TEST, self._mic_test, "devices:microphone"),
                              (texts.TOUCH_TEST, self._touch_test, "devices:touch")))
        self._host.show_widgets(rows)

    def _row(self, *buttons: tuple[str, object, str], role: str = "primary") -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(24)
        for text, action, name in buttons:
            line.addWidget(WrapButton(text, role, self._look.main_target, action, name))  # type: ignore[arg-type]
        return row

    def _back(self) -> WrapButton:
        return WrapButton(texts.BACK_TO_DEVICES, "secondary", self._look.main_target, self.open, "devices:back")

    def _finish(self, text: str, kind: str) -> None:
        self._host.show_widgets([self._host.banner(text, kind), self._back()])

    # --- speaker ---------------------------------------------------------------------------
    def _speaker_test(self) -> None:
        speaker = self._services.speaker
        if speaker is None or not speaker.available:
            self._finish(texts.NO_SPEAKER, "error")
            return
        speaker.speak(texts.SPEAKER_SENTENCE)
        self._host.show_widgets([
            label(texts.HEAR_QUESTION, "instruction"),
            self._row((texts.HEARD_YES, lambda: self._finish(texts.SPEAKER_OK, "success"), "heard:yes"),
                      (texts.HEARD_NO, lambda: self._finish(texts.SPEAKER_BAD, "error"), "heard:no")),
            WrapButton(texts.PLAY_AGAIN, "secondary", self._look.main_target, self._speaker_test, "heard:again"),
        ])
        self._host.add_stopper(speaker.stop)

    # --- microphone ------------------------------------------------------------------------
    def _mic_test(self) -> None:
        source = self._services.microphone()
        if source is None:
            self._finish(texts.NO_MIC, "error")
            return
        bar = LevelBar(self._look.min_target)
        widgets: list[QWidget] = [label(texts.MIC_SPEAK, "instruction"), label(texts.MIC_LEVEL), bar]
        recognizer = self._services.recognizer
        if recognizer is not None and recognizer.available:
            self._heard = label(texts.SAY_WORD, "instruction")
            self._heard.setObjectName("mic:heard")
            widgets += [self._heard, WrapButton(texts.RECOGNISE, "primary", self._look.main_target, self._recognise,
                                                "mic:recognise")]
        else:
            status = recognizer.status_message if recognizer is not None else STATUS_NO_MODEL
            widgets.append(label(texts.NO_RECOGNITION.format(status=status), "muted"))
        widgets.append(WrapButton(texts.MIC_STOP, "secondary", self._look.main_target, self._mic_stopped, "mic:stop"))
        self._host.show_widgets(widgets)  # (this stops the tests of the page it replaces)
        self._bar = bar
        self._meter = LevelMeter(source, self._signals.level.emit)
        self._host.add_stopper(self._stop_microphone)

    def _show_level(self, level: float) -> None:
        if self._bar is not None:
            self._bar.set_level(level)

    def _mic_stopped(self) -> None:
        heard_something = self._bar is not None and self._bar.peak > 0.3
        self._finish(texts.MIC_STOPPED if heard_something else texts.MIC_SILENT, "info" if heard_something else "error")

    def _recognise(self) -> None:
        recognizer = self._services.recognizer
        assert recognizer is not None and self._heard is not None
        if self._meter is not None:
            self._meter.stop()  # the recogniser needs the microphone
            self._meter = None
        self._heard.setText(texts.LISTENING)
        recognizer.listen(texts.WORDS, lambda _partial: None, self._signals.heard.emit)

    def _show_heard(self, recognition: Recognition) -> None:
        if self._heard is None or self._bar is None:
            return  # staff left the test meanwhile
        known = recognition.confident and recognition.text in texts.WORDS
        self._heard.setText(texts.HEARD.format(text=recognition.text) if known else texts.NOT_HEARD)
        source = self._services.microphone()
        if source is not None:
            self._meter = LevelMeter(source, self._signals.level.emit)

    def _stop_microphone(self) -> None:
        if self._meter is not None:
            self._meter.stop()
        recognizer = self._services.recognizer
        if recognizer is not None and recognizer.listening:
            recognizer.cancel()
        self._meter = self._bar = self._heard = None

    # --- touch screen ----------------------------------------------------------------------
    def _touch_test(self) -> None:
        TouchTest(self._host.parentWidget(), self._look, self._touch_done)

    def _touch_done(self, touched: int, total: int) -> None:
        if touched == total:
            self._finish(texts.TOUCH_OK, "success")
        else:
            self._finish(texts.TOUCH_PARTIAL.format(done=touched, total=total), "info")
