"""The new staff pages (settings, keyboard pickers, device tests, touch test) at both kiosk
screen sizes pass the pack audit's checks: big targets apart, no cut text, AAA contrast. Each page is also saved as a PNG under tmp_path."""
from __future__ import annotations

import dataclasses
import random

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.app import KioskApp
from tests.ui.conftest import Driver, settle
from kiosk.app.audit import screen_findings
from tests.ui.test_staff import unlock, wait_for_worker
from voice.fake_recognizer import FakeRecognizer
from voice.fake_speaker import FakeSpeaker

PAGES = {
    "settings": ("staff:settings",),
    "choices": ("staff:settings", "setting:idle_warning_s"),
    "stepper": ("staff:settings", "setting:speech_rate", "step:more"),
    "confirm": ("staff:settings", "setting:speech_rate", "step:more", "step:save"),
    "done": ("staff:settings", "setting:speech_rate", "step:more", "step:save", "confirm:yes"),
    "name": ("staff:settings", "setting:kiosk_name"),
    "provinces": ("staff:settings", "setting:commune"),
    "communes": ("staff:settings", "setting:commune", "place:0"),
    "devices": ("staff:devices",),
    "report": ("staff:export",),
    "report-confirm": ("staff:export", "report:0"),
    "speaker": ("staff:devices", "devices:speaker"),
    "microphone": ("staff:devices", "devices:microphone"),
    "touch": ("staff:devices", "devices:touch", "touch:centre"),
    "touch-done": ("staff:devices", "devices:touch", "touch:centre", "touch:top-left", "touch:top-right",
                   "touch:bottom-left", "touch:bottom-right"),
}


class SilentSource:
    def read(self, size: int) -> bytes:
        return b""

    def close(self) -> None:
        pass


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_staff_pages_have_big_targets_and_no_cut_text(qtbot, settings, clock, tmp_path, size) -> None:
    recognizer = FakeRecognizer()
    loaded: list[bool] = []
    recognizer.load(loaded.append)
    qtbot.waitUntil(lambda: loaded == [True])
    kiosk_app = KioskApp(settings, clock, random.Random(1), speaker=FakeSpeaker(), recognizer=recognizer)
    qtbot.addWidget(kiosk_app.window)
    kiosk_app.window.resize(*size)
    kiosk_app.window.show()
    driver = Driver(qtbot, kiosk_app)
    staff = kiosk_app.staff
    staff._services = dataclasses.replace(staff._services, microphone=SilentSource)
    unlock(driver, staff, settings)
    problems = []
    for name, clicks in PAGES.items():
        for click in clicks:
            driver.click(click)
            if click == "staff:devices":
                wait_for_worker(driver, staff)
        settle()
        kiosk_app.window.grab().save(str(tmp_path / f"{size[0]}x{size[1]}-{name}.png"))
        problems += [f"{name}: {f.kind} {f.element}: {f.detail}" for f in screen_findings(kiosk_app.window, settings.screen_dpi)]
        for leave in ("touch:exit", "typing:back"):
            if any(b.isVisible() for b in kiosk_app.window.findChildren(QAbstractButton, leave)):
                driver.click(leave)
    kiosk_app.close()
    assert problems == [], "\n".join(problems)
