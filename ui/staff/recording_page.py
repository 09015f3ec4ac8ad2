"""«Thu giọng đọc»: coverage per lesson, then the lines still to record one at a time in large
text: Thu (a countdown, then the live level bar of the device check), Dừng, and for a take that
passed its checks Nghe lại, Giữ or Thu lại. The studio (kiosk.voice_studio) decides; this shows."""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.staff import recording_texts as texts
from ui.staff.device_check import LevelBar, MeterSignals
from ui.staff.services import StaffServices
from ui.staff.texts import FAILED, NO_MIC
from ui.style import Look
from ui.widgets import WrapButton, label, repolish
from voice.level_meter import LevelMeter
from voice.normalise import normalise
from voice.spelling import ADDRESS, CODE
from voice.take import Take, TakeRefused

if TYPE_CHECKING:
    from kiosk.voice_studio import VoiceStudio
    from ui.staff.panel import StaffPanel


COUNTDOWN_S = 3
MAX_TAKE_S = 60  # a take stops by itself after this long (no line is that long)
MAIN = ("record", "keep", "stop")  # filled buttons: what to do next
LARGEST_CHARS = 60  # lines up to this long show in the largest text
LONG_NUMBER = re.compile(r"\d{2,4}(?: \d{2,4})+|\d{5,}")


def spelled(line: str) -> list[str]:
    """The passwords, codes, web addresses and long numbers of `line`: staff see how to read them."""
    found: list[tuple[int, int]] = []
    for pattern in (ADDRESS, CODE, LONG_NUMBER):
        found += [m.span() for m in pattern.finditer(line)
                  if not any(start <= m.start() < end for start, end in found)]
    return [line[start:end] for start, end in sorted(found)]


class RecordingPage:
    def __init__(self, host: StaffPanel, look: Look, services: StaffServices) -> None:
        self._host = host
        self._look = look
        self._services = services
        self._signals = MeterSignals(host)
        self._signals.level.connect(self._show_level)
        self.countdown_timer = QTimer(host)  # one tick a second: the countdown, then the take's length
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self._tick)
        self._watch = QTimer(host)  # notices a microphone that stopped giving audio
        self._watch.setInterval(100)
        self._watch.timeout.connect(self._check_microphone)
        self.countdown_s = COUNTDOWN_S
        self._group = ""
        self._queue: list[str] = []
        self._index = 0
        self._take: Take | None = None
        self._meter: LevelMeter | None = None
        self._chunks: list[bytes] = []
        self._capturing = False
        self._seconds = 0
        self._bar: LevelBar | None = None
        self._status: QLabel | None = None
        self._buttons: dict[str, WrapButton] = {}

    @property
    def _studio(self) -> VoiceStudio:
        assert self._services.voice is not None
        return self._services.voice

    # --- the list of lessons -------------------------------------------------------------
    def entry(self) -> WrapButton:
        """The settings row that opens «Thu giọng đọc», with how much is recorded."""
        coverage = self._studio.coverage()
        words = texts.ENTRY.format(recorded=sum(c.recorded for c in coverage), total=sum(c.total for c in coverage),
                                   region=self._studio.region_vi)
        return WrapButton(words, "tile", self._look.main_target, self.open, "staff:voice")

    def open(self) -> None:
        if self._services.voice is None:
            self._host.say(texts.NO_STUDIO, "error")
            return
        widgets: list[QWidget] = [label(texts.INTRO, "instruction"), label(texts.REGION.format(region=self._studio.region_vi)),
                                  WrapButton(texts.EXPORT, "primary", self._look.main_target, self._ask_export, "voice:export")]
        for coverage in self._studio.coverage():
            done = coverage.recorded == coverage.total
            words = texts.DONE_MARK.format(line=coverage.line_vi) if done else coverage.line_vi
            widgets.append(WrapButton(words, "tile", self._look.main_target, lambda g=coverage.group.id: self._start(g),
                                      f"voice:group:{coverage.group.id}"))
        self._host.show_widgets(widgets)

    def _start(self, group: str) -> None:
        self._group, self._queue, self._index = group, self._studio.missing(group), 0
        if not self._queue:
            self._finish(texts.NOTHING_LEFT, "success")
            return
        self._line()

    def _coverage_words(self) -> str:
        return next(c.line_vi for c in self._studio.coverage() if c.group.id == self._group)

    # --- one line ------------------------------------------------------------------------
    @property
    def line(self) -> str:
        return self._queue[self._index]

    def _line(self, message: str = "", kind: str = "info", state: str = "ready") -> None:
        """The line page: `state` is ready (Thu), taken (Nghe lại, Giữ, Thu lại) or refused (Thu lại);
        `message` shows where the countdown and "Đang thu" show while recording."""
        title = next(c.title_vi for c in self._studio.coverage() if c.group.id == self._group)
        progress = texts.PROGRESS.format(title=title, number=self._index + 1, count=len(self._queue))
        text = label(self.line, "huge" if len(self.line) <= LARGEST_CHARS else "title")  # long ones keep the buttons in view
        text.setObjectName("voice:line")
        self._status = label(message, "instruction")
        self._status.setObjectName("voice:status")
        self._status.setVisible(bool(message))
        if message:
            self._status.setProperty("banner", kind)
        self._bar = LevelBar(self._look.min_target)
        actions = {"ready": (("record", texts.RECORD, self._record),),
                   "taken": (("listen", texts.LISTEN, self._listen), ("keep", texts.KEEP, self._keep),
                             ("record", texts.REDO, self._record)),
                   "refused": (("record", texts.REDO, self._record),)}[state]
        row, self._buttons = self._row(*actions, ("stop", texts.STOP, self._stop))
        self._buttons["stop"].hide()
        readings = "; ".join(f"{piece} → {normalise(piece)}" for piece in spelled(self.line))
        spoken = [label(texts.READ_AS.format(words=readings), "muted")] if readings else []
        self._host.show_widgets([label(progress, "muted"), label(texts.READ_ALOUD), text, *spoken, self._status,
                                 label(texts.LEVEL), self._bar, row,
                                 self._row(("skip", texts.SKIP, self._skip), ("back", texts.BACK, self.open))[0]])
        self._host.add_stopper(self._release)

    def _row(self, *buttons: tuple[str, str, Callable[[], None]]) -> tuple[QWidget, dict[str, WrapButton]]:
        """Buttons side by side (the main ones filled), and each by its name."""
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(24)
        made = {}
        for name, words, action in buttons:
            made[name] = WrapButton(words, "primary" if name in MAIN else "secondary", self._look.main_target, action,
                                    f"voice:{name}")
            line.addWidget(made[name])
        return row, made

    def _skip(self) -> None:
        self._index += 1
        if self._index >= len(self._queue):
            self.open()
        else:
            self._line()

    # --- recording -----------------------------------------------------------------------
    def _record(self) -> None:
        self._release()
        if self._services.speaker is not None:
            self._services.speaker.stop()
        source = self._studio.open_microphone()
        if source is None:
            self._finish(NO_MIC, "error")
            return
        self._take = None
        self._chunks, self._capturing, self._seconds = [], False, self.countdown_s
        for name, button in self._buttons.items():
            button.setVisible(name == "stop")
        self._buttons["stop"].setEnabled(False)  # until the countdown ends
        self._say(texts.GET_READY.format(seconds=self._seconds))
        self._meter = LevelMeter(source, self._signals.level.emit, self._keep_chunk)
        self.countdown_timer.start()
        self._watch.start()
        self._host.add_stopper(self._release)

    def _keep_chunk(self, chunk: bytes) -> None:  # on the meter's thread
        if self._capturing:
            self._chunks.append(chunk)

    def _say(self, words: str) -> None:
        """What the take is doing, in the message's place (plain, not a banner)."""
        assert self._status is not None
        self._status.setProperty("banner", None)
        repolish(self._status)
        self._status.setText(words)
        self._status.show()

    def _tick(self) -> None:
        if not self._capturing:
            self._seconds -= 1
            if self._seconds > 0:
                self._say(texts.GET_READY.format(seconds=self._seconds))
                return
            self._capturing = True
            self._buttons["stop"].setEnabled(True)
            self._say(texts.RECORDING)
            return
        self._seconds += 1
        if self._seconds >= MAX_TAKE_S:
            self._stop(texts.TOO_LONG.format(seconds=MAX_TAKE_S))

    def _check_microphone(self) -> None:
        if self._meter is not None and not self._meter.running:
            self._stop(texts.MIC_LOST if not self._capturing else "")

    def _stop(self, note: str = "") -> None:
        captured = self._capturing
        self._release()
        if note and not captured:
            self._line(note, "error", "refused")
            return
        pcm, text = b"".join(self._chunks), self.line
        self._chunks = []
        self._host.run_job(texts.PROCESSING, lambda: self._studio.process(pcm, text),
                           lambda result: self._processed(result, note))

    def _processed(self, result: object, note: str) -> None:
        if isinstance(result, TakeRefused):
            self._line(result.message_vi, "error", "refused")
        elif isinstance(result, Take):
            self._take = result
            self._line(" ".join(filter(None, (note, texts.TAKE_OK))), "success", "taken")
        else:
            self._finish(texts.NOT_SAVED, "error")

    def _show_level(self, level: float) -> None:
        if self._bar is not None and self._meter is not None:
            self._bar.set_level(level)

    def _release(self) -> None:
        """Stop the countdown, the microphone and any playback (leaving the page, a new take)."""
        self.countdown_timer.stop()
        self._watch.stop()
        self._capturing = False
        if self._meter is not None:
            self._meter.stop()
            self._meter = None
        if self._services.voice is not None:
            self._studio.stop()

    # --- listening and keeping -----------------------------------------------------------
    def _listen(self) -> None:
        assert self._take is not None
        volume = self._services.speaker.volume if self._services.speaker is not None else 1.0
        if not self._studio.listen(self._take, volume):
            self._line(texts.NO_SPEAKER, "error", "taken")

    def _keep(self) -> None:
        take, text = self._take, self.line
        assert take is not None
        self._release()
        self._host.run_job(texts.SAVING, lambda: self._studio.keep(text, take), self._kept)

    def _kept(self, result: object) -> None:
        if isinstance(result, Exception):
            self._finish(texts.NOT_SAVED, "error")
            return
        self._take = None
        coverage = self._coverage_words()
        del self._queue[self._index]
        if self._index >= len(self._queue):
            self._finish(texts.GROUP_DONE.format(coverage=coverage) if not self._queue
                         else texts.KEPT.format(coverage=coverage), "success")
            return
        self._line(texts.KEPT.format(coverage=coverage), "success")

    def _finish(self, message: str, kind: str) -> None:
        self._host.show_widgets([self._host.banner(message, kind),
                                 WrapButton(texts.BACK, "secondary", self._look.main_target, self.open, "voice:back")])

    # --- export --------------------------------------------------------------------------
    def _ask_export(self) -> None:
        count = self._studio.exportable()
        self._host.confirm(texts.EXPORT_CONFIRM.format(count=count, region=self._studio.region_vi), self._export)

    def _export(self) -> None:
        region = self._studio.region
        self._host.run_job(texts.EXPORTING, lambda: self._studio.export(datetime.datetime.now(datetime.timezone.utc)),
                           lambda result: self._exported(result, region))

    def _exported(self, result: object, region: str) -> None:
        from kiosk.reports.errors import ReportError
        from kiosk.voice_packs import exported_vi

        if isinstance(result, ReportError):
            self._finish(result.message_vi, "error")
        elif isinstance(result, Exception):
            self._finish(FAILED, "error")
        else:
            folder, count = result  # type: ignore[misc]
            self._finish(exported_vi(folder, count, region), "success")
