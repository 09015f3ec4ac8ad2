"""The composition root: the only place that builds the Qt application and wires the core
(settings, packs, progress store, kiosk flow) to the window and, when present, the voice."""
from __future__ import annotations

import dataclasses
import datetime
import html
import logging
import os
import random
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.actions import (
    Action,
    AdjustVolume,
    Listen,
    Prerender,
    SendToPrinter,
    Show,
    Speak,
    StopSpeech,
)
from kiosk.clock import Clock, ManualClock, SystemClock
from kiosk.intents import EndSession, Heard, SlipPrinted
from kiosk.settings import Settings
from kiosk.views import AttractView, KioskView
from ui import texts
from ui.main_window import KioskWindow
from ui.print_bridge import PrintBridge
from ui.theme import load_font, screen_dpi
from ui.voice_bridge import VoiceBridge
from voice.grammar import CommandGrammar
from voice.recognizer import Recognition, Recognizer
from voice.speaker import Speaker

if TYPE_CHECKING:  # the core and staff modules load after the first paint (see start_core)
    from kiosk.xapi.forwarder import Forwarder
    from ui.staff import StaffMode

log = logging.getLogger(__name__)

TOUR_SIZES = ((1920, 1080), (1280, 800))


class KioskApp:
    """One running kiosk: core + window, with actions flowing one way."""

    def __init__(
        self,
        settings: Settings,
        clock: Clock,
        rng: random.Random | None = None,
        speaker: Speaker | None = None,
        recognizer: Recognizer | None = None,
        defer_core: bool = False,
    ) -> None:
        self.settings = settings
        self.speaker = speaker  # None: text only
        self.recognizer = recognizer  # None: touch only
        self.grammar = CommandGrammar.load("vi")
        self._active_grammar = self.grammar.for_step()
        self.bridge = VoiceBridge()
        self._clock, self._rng = clock, rng
        self._core_ready = False
        self.forwarder: Forwarder | None = None  # the xAPI roll-up thread; run() starts it when an LRS is set
        self.window = KioskWindow(load_font(), screen_dpi(settings.screen_dpi), self.send, settings.kiosk_name)
        self.window.render(KioskView(AttractView(), settings.text_size, 0))  # the same first screen the core shows
        self.timer = QTimer(self.window)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(lambda: self.dispatch(self.kiosk.tick()) if self._core_ready else None)
        self.bridge.ready.connect(self._voice_ready)
        self.bridge.heard.connect(self._heard)
        self.print_bridge = PrintBridge()
        self.print_bridge.finished.connect(self._slip_printed)
        if not defer_core:
            self.start_core()

    def start_core(self) -> None:
        """Open the progress store, load the lesson packs and build the core (once). `run()`
        calls it just after the attract screen is painted, so the screen comes up sooner."""
        if self._core_ready:
            return
        from kiosk.flow import Kiosk
        from kiosk.packs import load_packs, pack_dirs
        from kiosk.progress import ProgressStore
        from kiosk.xapi.statements import KioskStatements

        self.store = ProgressStore.open(self.settings.database)
        packs, self.refused_packs = load_packs(pack_dirs(self.settings))
        self.kiosk = Kiosk(packs, self.store, self.settings, self._clock, self._rng)
        self.store.statements = KioskStatements(lambda: self.settings, lambda: self.kiosk.packs)
        self.staff = self._staff_mode(self._clock)
        self._core_ready = True
        self.window.render(self.kiosk.view())

    # --- staff mode (issue 6) --------------------------------------------------------------
    def _staff_mode(self, clock: Clock) -> StaffMode:
        """The hidden staff corner and panel; the citizen idle clock rests while it is open."""
        from kiosk.bundles import find_bundles, open_store
        from kiosk.reports.query import report_periods
        from kiosk.xapi.forwarder import roll_up_status
        from kiosk.staff_figures import all_figures
        from kiosk.staff_pin import StaffAuth
        from kiosk.staff_settings import CORRUPT_VI, read_overrides
        from ui.staff import StaffMode, StaffServices
        from voice.audio_source import CommandSource, microphone_command
        from voice.doctor import voice_checks

        def title(lesson_id: str) -> str:
            titles = {lesson.id: lesson.title for pack in self.kiosk.packs for lesson in pack.lessons}
            return titles.get(lesson_id, lesson_id)

        def microphone() -> CommandSource | None:
            command = microphone_command()
            return CommandSource(command) if command else None

        was_running: list[bool] = []

        def opened() -> None:
            was_running[:] = [self.timer.isActive()]
            self.timer.stop()

        def closed() -> None:
            if was_running and was_running[0]:
                self.timer.start()

        services = StaffServices(
            auth=StaffAuth(self.settings.data_dir),
            figures=lambda: all_figures(self.store.db, clock.now().astimezone()),
            lesson_title=title,
            end_session=lambda: self.send(EndSession()),
            pack_store=lambda: open_store(self.settings),
            find_bundles=find_bundles,
            device_checks=lambda: voice_checks(self.settings.vosk_model_dir),
            settings=lambda: self.settings,
            change_setting=self.change_setting,
            settings_notice=lambda: CORRUPT_VI if read_overrides(self.settings.data_dir).problem else "",
            store_notice=lambda: self.kiosk.store_problem or self.store.notice,
            packs_changed=self.reload_packs,
            report_periods=lambda: report_periods(clock.now().astimezone().date()),
            export_report=self.export_report,
            roll_up_line=lambda: roll_up_status(self.store.path, self.forwarder).line_vi(),
            speaker=self.speaker,
            microphone=microphone,
            recognizer=self.recognizer,
            opened=opened,
            closed=closed,
        )
        staff = StaffMode(self.window, lambda: self.window.look, services)
        self.window.quiet_widgets = staff.quiet_widgets
        return staff

    def export_report(self, first: datetime.date, last: datetime.date, mount_roots: Sequence[Path] = ()) -> list[Path]:
        """Write the report for `first`..`last` to a USB stick under `mount_roots` (default: where
        Debian mounts sticks), with the xAPI statements as JSON lines for the province. Staff
        panel; runs off the UI thread on its own read-only connection. Raises ReportError."""
        from kiosk.reports.catalogue import catalogue_from_packs
        from kiosk.reports.query import build_report, report_from_file
        from kiosk.reports.errors import UsbExportError
        from kiosk.reports.usb import DEFAULT_ROOTS, export_to_usb
        from kiosk.xapi.export import ExportError, export_jsonl

        now = self._clock.now().astimezone()
        if self.store.path is None:  # progress kept in memory: read it where it is
            report = build_report(self.store.db, catalogue_from_packs(self.kiosk.packs), self.settings, first, last, now)
        else:
            report = report_from_file(self.store.path, self.kiosk.packs, self.settings, first, last, now)
        paths = export_to_usb(report, mount_roots or DEFAULT_ROOTS)
        if self.store.path is not None:
            statements = paths[0].with_name(f"xapi-{self.settings.kiosk_id}-{now:%Y-%m-%d}.jsonl")
            try:
                export_jsonl(self.store.path, statements, overwrite=True)
            except ExportError as exc:
                raise UsbExportError(exc.message_vi, exc.detail) from exc
            paths.append(statements)
        return paths

    def change_setting(self, key: str, value: object) -> Settings:
        """Store a staff change (data_dir/staff-settings.toml) and use it at once."""
        from kiosk.staff_settings import save_override

        stored = save_override(self.settings.data_dir, key, value)
        self.settings = dataclasses.replace(self.settings, **{key: stored[key]})
        self.kiosk.apply_settings(self.settings)
        if self.speaker is not None:
            self.speaker.set_voice(self.settings.voice_region)  # type: ignore[arg-type]
            self.speaker.set_rate(self.settings.speech_rate)
            self.speaker.set_volume(self.settings.volume)
        self.window.set_kiosk_name(self.settings.kiosk_name)
        self.window.render(self.kiosk.view())
        return self.settings

    def reload_packs(self) -> None:
        """After a USB update or a rollback: the new lessons, from the next citizen on."""
        from kiosk.packs import load_packs, pack_dirs

        packs, self.refused_packs = load_packs(pack_dirs(self.settings))
        self.kiosk.replace_packs(packs)
        self.window.render(self.kiosk.view())

    def start_retention(self) -> None:
        """Prune old attempts now and look again every hour (kiosk.retention prunes at most once
        a day). On the UI thread, through the store's own connection: after the first prune a
        day's attempts take milliseconds."""
        self.prune_timer = QTimer(self.window)
        self.prune_timer.setInterval(3_600_000)
        self.prune_timer.timeout.connect(self._prune_old_attempts)
        self.prune_timer.start()
        self._prune_old_attempts()

    def _prune_old_attempts(self) -> None:
        from kiosk.retention import prune_if_due

        if not self._core_ready:
            return
        try:
            prune_if_due(self.store, self._clock.now(), self.settings.retention_months)
        except (sqlite3.Error, OSError) as exc:
            log.error("retention: old attempts not pruned (%s); trying again in an hour", exc)

    def start_voice(self) -> None:
        """Load the speech model off the UI thread; call once the first screen is painted."""
        if self.recognizer is not None:
            self.recognizer.load(self.bridge.on_ready)

    def _voice_ready(self, available: bool) -> None:
        if not available and self.recognizer is not None:
            log.warning("voice commands off (touch only): %s", self.recognizer.reason)
        self.window.set_voice_input(available)
        if self._core_ready:
            self.window.render(self.kiosk.view())

    def _heard(self, recognition: Recognition) -> None:
        commands = tuple(self._active_grammar.match(recognition.text))
        self.send(Heard(recognition.text, commands, recognition.confident))

    def send(self, intent: object) -> None:
        self.start_core()  # a touch that beats the deferred start-up still counts
        self.dispatch(self.kiosk.handle(intent))  # type: ignore[arg-type]

    def dispatch(self, actions: Sequence[Action]) -> None:
        for action in actions:
            if isinstance(action, Show):
                self.window.render(action.view)
            elif isinstance(action, Listen):
                self._listen(action)
            elif isinstance(action, SendToPrinter):
                self._print(action)
            elif self.speaker is None:
                continue
            elif isinstance(action, Speak):
                self.speaker.speak(action.text, slow=action.slow)
            elif isinstance(action, StopSpeech):
                self.speaker.stop()
            elif isinstance(action, Prerender):
                self.speaker.prerender(action.texts)
            elif isinstance(action, AdjustVolume):
                self.speaker.set_volume(self.speaker.volume + action.delta)


    def _print(self, action: SendToPrinter) -> None:
        """The practice slip goes to the CUPS queue on a worker thread; its answer comes back as an intent."""
        from kiosk.slip_print import print_slip

        print_slip(action.slip, self.settings.printer, lambda ok: self.print_bridge.on_finished(action.session, ok))

    def _slip_printed(self, session: int, ok: bool) -> None:
        self.send(SlipPrinted(session, ok))

    def _listen(self, action: Listen) -> None:
        if self.recognizer is None:
            return
        self._active_grammar = self.grammar.for_step(options=action.options, digits=action.digits)
        self.recognizer.listen(self._active_grammar.phrases, lambda _partial: None, self.bridge.on_result)

    def start_forwarder(self) -> None:
        """Send the xAPI outbox to the provincial LRS from a thread of its own, if one is set."""
        self.start_core()
        if not self.settings.lrs_url or self.store.path is None or self.forwarder is not None:
            return
        from kiosk.xapi.forwarder import Forwarder
        from kiosk.xapi.transport import LrsTransport

        try:
            transport = LrsTransport(self.settings.lrs_url, self.settings.lrs_username, self.settings.lrs_password)
        except ValueError as exc:
            log.error("xAPI roll-up off: %s", exc)
            return
        self.forwarder = Forwarder(self.store.path, transport, SystemClock())
        self.forwarder.start()

    def close(self) -> None:
        self.timer.stop()
        if self.forwarder is not None:
            self.forwarder.stop()
        if self._core_ready:
            if self.staff.overlay is not None:
                self.staff.overlay.close_staff_mode()  # ends a device test that holds the microphone
            self.kiosk.close()
            self.store.close()
        for device in (self.speaker, self.recognizer):
            if device is not None:
                device.close()


def _speaker(settings: Settings) -> Speaker:
    """The real voice. Without a sound device it stays silent (text only) and the reason is logged."""
    from voice.espeak_speaker import EspeakSpeaker

    speaker = EspeakSpeaker(
        settings.data_dir / "speech-cache", region=settings.voice_region, rate=settings.speech_rate, volume=settings.volume
    )
    if not speaker.available:
        log.warning("no speech: %s", speaker.status_message)
    return speaker


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hocvuso")
    return app  # type: ignore[return-value]


def has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return platform == "offscreen" or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(settings: Settings, windowed: bool = False) -> int:
    if not has_display():
        print(texts.NO_SCREEN)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        index = screenshots(settings, settings.data_dir / "screenshots", sizes=TOUR_SIZES[:1], text_sizes=("normal",))
        print(f"Screenshots: {index}")
        return 0
    from voice.vosk_recognizer import VoskRecognizer

    qt = _application()
    kiosk_app = KioskApp(
        settings, SystemClock(), speaker=_speaker(settings), recognizer=VoskRecognizer(settings.vosk_model_dir), defer_core=True
    )
    if windowed:
        kiosk_app.window.resize(1280, 800)
        kiosk_app.window.show()
    else:  # the size too, for sessions with no window manager to honour full-screen (cage, bare X)
        kiosk_app.window.setGeometry(qt.primaryScreen().geometry())
        kiosk_app.window.showFullScreen()
    kiosk_app.timer.start()
    QTimer.singleShot(0, kiosk_app.start_core)  # after the attract screen is painted
    QTimer.singleShot(0, kiosk_app.start_voice)  # the model loads after the first paint
    QTimer.singleShot(0, kiosk_app.start_retention)  # after start_core: old attempts become daily counts
    QTimer.singleShot(0, kiosk_app.start_forwarder)  # the roll-up to the province, off the UI thread
    try:
        return qt.exec()
    finally:
        kiosk_app.close()


def screenshots(
    settings: Settings,
    out_dir: Path,
    sizes: Sequence[tuple[int, int]] = TOUR_SIZES,
    text_sizes: Sequence[str] = ("normal", "large"),
) -> Path:
    """Render every screen of every lesson (by default at both text sizes and two screen
    sizes) to PNG files plus an index.html contact sheet; returns the index path."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _application()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, str]] = []
    for width, height in sizes:
        for text_size in text_sizes:
            shots += _tour_at(settings, out_dir, width, height, text_size)
    index = out_dir / "index.html"
    index.write_text(_contact_sheet(shots), encoding="utf-8")
    return index


def _tour_at(settings: Settings, out_dir: Path, width: int, height: int, text_size: str) -> list[tuple[str, str]]:
    from kiosk.tour import tour

    clock = ManualClock()
    tour_settings = Settings(**{**settings.__dict__, "db_path": out_dir / ".tour.db"})
    kiosk_app = KioskApp(tour_settings, clock, random.Random(1))
    kiosk_app.window.resize(width, height)
    kiosk_app.window.show()
    lesson_ids = [lesson.id for pack in kiosk_app.kiosk.packs for lesson in pack.lessons]
    shots = []
    for stop in tour(kiosk_app.kiosk, clock, lesson_ids, text_size):
        kiosk_app.window.render(kiosk_app.kiosk.view())
        _settle()
        name = f"{width}x{height}-{text_size}-{stop.name}.png"
        kiosk_app.window.grab().save(str(out_dir / name))
        shots.append((name, f"{width}×{height}, {text_size}: {stop.caption}"))
    kiosk_app.close()
    kiosk_app.window.close()
    kiosk_app.window.deleteLater()
    _settle()
    for suffix in ("", "-wal", "-shm"):
        Path(str(out_dir / ".tour.db") + suffix).unlink(missing_ok=True)
    return shots


def _settle() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def _contact_sheet(shots: list[tuple[str, str]]) -> str:
    figures = "\n".join(
        f'<figure><a href="{html.escape(n)}"><img src="{html.escape(n)}" loading="lazy"></a>'
        f"<figcaption>{html.escape(c)}</figcaption></figure>"
        for n, c in shots
    )
    return (
        '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Trạm Học vụ số — screenshots</title>'
        "<style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:12px}"
        "figure{width:480px;margin:0}img{width:100%;border:1px solid #999}</style>"
        f"<h1 style='width:100%'>Trạm Học vụ số — {len(shots)} screenshots</h1>{figures}</html>"
    )
