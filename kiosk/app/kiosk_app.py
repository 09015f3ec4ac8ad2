"""One running kiosk: the core (settings, packs, progress store, kiosk flow) wired to the
window, with actions flowing one way, and to the voice, printer and roll-up when present."""
from __future__ import annotations

import dataclasses
import logging
import random
import sqlite3
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.actions import (
    Action,
    AdjustVolume,
    AlertStaff,
    Listen,
    Prerender,
    SendToPrinter,
    Show,
    Speak,
    StopSpeech,
)
from kiosk.clock import Clock, SystemClock
from kiosk.app.main_thread_gc import MainThreadGc
from kiosk.intents import Heard, SlipPrinted
from kiosk.settings import Settings
from kiosk.speech_order import joined_speech
from kiosk.views import AttractView, KioskView
from ui.main_window import KioskWindow
from ui.print_bridge import PrintBridge
from ui.theme import load_font, screen_dpi
from ui.voice_bridge import VoiceBridge
from voice.grammar import CommandGrammar
from voice.recognizer import Recognition, Recognizer
from voice.speaker import Speaker

if TYPE_CHECKING:  # the core and staff modules load after the first paint (see start_core)
    from kiosk.xapi.forwarder import Forwarder
    from voice.chime import Chime

log = logging.getLogger(__name__)

STORE_RETRY_MS = 60_000
FORWARDER_STOP_S = 1.0  # a request still in flight is resent at the next start: stop within 2 s


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
        self.clock, self._rng = clock, rng
        self._core_ready = False
        self.forwarder: Forwarder | None = None  # the xAPI roll-up thread; run() starts it when an LRS is set
        self.window = KioskWindow(load_font(), screen_dpi(settings.screen_dpi), self.send, settings.place)
        self._gc = MainThreadGc(self.window)  # workers never finalise Qt objects
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
        from kiosk.app.staff_wiring import staff_mode
        from kiosk.flow import Kiosk
        from kiosk.help_alarm import HelpAlarm
        from kiosk.packs import kiosk_packs
        from kiosk.progress import ProgressStore
        from kiosk.xapi.statements import KioskStatements

        self.store = ProgressStore.open(self.settings.database)
        packs, self.refused_packs = kiosk_packs(self.settings)
        self.kiosk = Kiosk(packs, self.store, self.settings, self.clock, self._rng)
        self.store.statements = KioskStatements(lambda: self.settings, lambda: self.kiosk.packs)
        self.help_alarm = HelpAlarm(lambda: self.settings, self.clock, self._chime())
        self._close_interrupted_visits()
        self.store_timer = QTimer(self.window)  # progress held in memory: try the file again
        self.store_timer.setInterval(STORE_RETRY_MS)
        self.store_timer.timeout.connect(self.retry_store)
        if self.store.held_for is not None:
            self.store_timer.start()
        self.staff = staff_mode(self, self.clock)
        self._core_ready = True
        self.window.render(self.kiosk.view())

    def _close_interrupted_visits(self) -> None:
        """Visits the last run left open (killed, power cut) end as interrupted, before ours."""
        try:
            self.store.close_interrupted_visits()
        except (sqlite3.Error, OSError) as exc:
            log.error("visits left open by the last run not closed (%s); trying again at the next start", exc)

    def retry_store(self) -> None:
        """While progress is held in memory: write it to the file once the file can be used."""
        if self.store.try_file():
            self.store_timer.stop()
            self.start_forwarder()

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
        self.window.set_place(self.settings.place)
        self.window.render(self.kiosk.view())
        return self.settings

    def reload_packs(self) -> None:
        """After a USB update or a rollback: the new lessons, from the next citizen on."""
        from kiosk.packs import kiosk_packs

        packs, self.refused_packs = kiosk_packs(self.settings)
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
            prune_if_due(self.store, self.clock.now(), self.settings.retention_months)
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
        for action in joined_speech(actions):  # lines said back to back must not cut each other
            if isinstance(action, Show):
                self.window.render(action.view)
            elif isinstance(action, Listen):
                self._listen(action)
            elif isinstance(action, SendToPrinter):
                self._print(action)
            elif isinstance(action, AlertStaff):
                self.help_alarm.alert(action.alert)
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


    def _chime(self) -> Chime | None:
        """The help request chime, played like speech (none on a kiosk without a speaker)."""
        from voice.chime import Chime

        return Chime(self.settings.data_dir / "sounds") if self.speaker is not None else None

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
        """End the citizen's visit (written at once), then stop the roll-up and the devices."""
        self.timer.stop()
        if self._core_ready:
            self.store_timer.stop()
            if self.staff.overlay is not None:
                self.staff.overlay.close_staff_mode()  # ends a device test that holds the microphone
            self.kiosk.close()
            self.store.close()
        if self.forwarder is not None:
            self.forwarder.stop(timeout=FORWARDER_STOP_S)
        for device in (self.speaker, self.recognizer):
            if device is not None:
                device.close()
        self._gc.stop()


def application() -> QApplication:
    """The one Qt application of the process (created on first use)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hocvuso")
    return app  # type: ignore[return-value]
