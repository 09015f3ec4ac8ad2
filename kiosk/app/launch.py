"""Starting the kiosk for real: the Qt application, the real speaker and recogniser, full
screen, and the start-up order (first paint, then core, voice, retention, roll-up); and
stopping it: on a stop signal as on closing, the visit is closed before the process ends."""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QTimer

from kiosk.app.kiosk_app import KioskApp, application
from kiosk.app.screenshots import TOUR_SIZES, screenshots
from kiosk.app.stop_signals import quit_on_stop_signals
from kiosk.clock import SystemClock
from kiosk.settings import Settings
from ui import texts
from ui.theme import MIN_SCREEN_MM
from voice.speaker import Speaker

log = logging.getLogger(__name__)


def _speaker(settings: Settings) -> Speaker:
    """The real voice. Without a sound device it stays silent (text only) and the reason is logged."""
    from voice.espeak_speaker import EspeakSpeaker
    from voice.recordings import RecordingLibrary

    speaker = EspeakSpeaker(
        settings.data_dir / "speech-cache", region=settings.voice_region, rate=settings.speech_rate, volume=settings.volume,
        recordings=RecordingLibrary(lambda: []),  # human recordings: folders given when the core starts (voice_wiring)
    )
    if not speaker.available:
        log.warning("no speech: %s", speaker.status_message)
    return speaker


def has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return platform == "offscreen" or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(settings: Settings, windowed: bool = False) -> int:
    """`hocvuso run`: the kiosk until its window closes or it is told to stop (SIGTERM, SIGINT,
    SIGHUP); either way the citizen's visit is closed and the exit code is 0."""
    if not has_display():
        print(texts.NO_SCREEN)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        index = screenshots(settings, settings.data_dir / "screenshots", sizes=TOUR_SIZES[:1], text_sizes=("normal",))
        print(f"Screenshots: {index}")
        return 0
    with quit_on_stop_signals(application()):
        return serve(open_kiosk(settings, windowed))


def open_kiosk(settings: Settings, windowed: bool) -> KioskApp:
    """The kiosk on screen with the real voice, its start-up steps queued after the first paint."""
    from voice.vosk_recognizer import VoskRecognizer

    qt = application()
    kiosk_app = KioskApp(
        settings, SystemClock(), speaker=_speaker(settings), recognizer=VoskRecognizer(settings.vosk_model_dir), defer_core=True
    )
    if windowed:
        kiosk_app.window.resize(1280, 800)
        kiosk_app.window.show()
    else:  # the size too, for sessions with no window manager to honour full-screen (cage, bare X)
        kiosk_app.window.setGeometry(qt.primaryScreen().geometry())
        kiosk_app.window.showFullScreen()
    if kiosk_app.window.small_screen:
        size = kiosk_app.window.size()
        log.error("screen %d×%d px at %.0f dpi is smaller than the supported %.0f×%.0f mm: some text or buttons may be cut",
                  size.width(), size.height(), kiosk_app.window.look.dpi, *MIN_SCREEN_MM)
    kiosk_app.timer.start()
    QTimer.singleShot(0, kiosk_app.start_core)  # after the attract screen is painted
    QTimer.singleShot(0, kiosk_app.start_voice)  # the model loads after the first paint
    QTimer.singleShot(0, kiosk_app.start_retention)  # after start_core: old attempts become daily counts
    QTimer.singleShot(0, kiosk_app.start_forwarder)  # the roll-up to the province, off the UI thread
    return kiosk_app


def serve(kiosk_app: KioskApp) -> int:
    """Run the event loop until it quits, then close the kiosk: the visit is ended and written."""
    try:
        return application().exec()
    finally:
        kiosk_app.close()
