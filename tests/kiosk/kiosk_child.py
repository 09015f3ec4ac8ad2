"""A real kiosk in a process of its own, for the stop-signal tests: started as `hocvuso run
--windowed` starts it (kiosk.app.launch, real voice, SystemClock), with a citizen who starts
a visit and answers the first step of a lesson as soon as the core is up. Prints "ready"
(flushed) once that is written; then runs until it is stopped or killed.

    QT_QPA_PLATFORM=offscreen HOCVUSO_DATA_DIR=DIR python tests/kiosk/kiosk_child.py
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from kiosk.app.kiosk_app import KioskApp, application
from kiosk.app.launch import open_kiosk, serve
from kiosk.app.stop_signals import quit_on_stop_signals
from kiosk.intents import OpenLesson, SkipConfidence, Touched
from kiosk.settings import load_settings
from kiosk.views import ConfidenceView
from kiosk.walkthrough import correct_intents


def citizen(kiosk_app: KioskApp) -> None:
    kiosk_app.send(Touched())
    kiosk_app.send(OpenLesson(kiosk_app.kiosk.packs[0].lessons[0].id))
    if isinstance(kiosk_app.kiosk.view().page, ConfidenceView):
        kiosk_app.send(SkipConfidence())  # the question before the visit's first lesson
    session = kiosk_app.kiosk.lesson_session
    assert session is not None
    for intent in correct_intents(session):
        kiosk_app.send(intent)
    assert kiosk_app.kiosk.store_problem == "", kiosk_app.kiosk.store_problem
    print("ready", flush=True)


def main() -> int:
    settings = load_settings(None)
    with quit_on_stop_signals(application()):
        kiosk_app = open_kiosk(settings, windowed=True)
        QTimer.singleShot(0, lambda: citizen(kiosk_app))
        return serve(kiosk_app)


if __name__ == "__main__":
    sys.exit(main())
