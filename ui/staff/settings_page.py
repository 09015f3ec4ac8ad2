"""Staff settings: one big row per setting; each change is asked in plain words, stored (it
survives a restart) and used by the running kiosk at once, then staff are told what happened."""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QWidget

from content.places import find_province, provinces
from kiosk.settings import MIN_IDLE_GRACE_S, Settings
from ui.staff import texts
from ui.staff.services import StaffServices
from ui.staff.typing_pages import PlaceList, TextEntry
from ui.style import Look
from ui.widgets import WrapButton, label
from voice.speaker import REGIONS

if TYPE_CHECKING:
    from ui.staff.panel import StaffPanel

log = logging.getLogger(__name__)

IDLE_WARNING_CHOICES = (60, 90, 120, 180, 300, 600)
IDLE_GRACE_CHOICES = tuple(s for s in (30, 45, 60, 90, 120) if s >= MIN_IDLE_GRACE_S)
RATE_STEPS = (100, 115, 130, 150, 170, 190, 210)
VOLUME_STEPS = tuple(round(0.1 * n, 1) for n in range(1, 11))
SPOKEN = ("voice_region", "speech_rate", "volume")  # staff hear a sample after the change


def duration(seconds: int) -> str:
    minutes, rest = divmod(int(seconds), 60)
    if not minutes:
        return texts.SECONDS.format(s=rest)
    return texts.MINUTES_SECONDS.format(m=minutes, s=rest) if rest else texts.MINUTES.format(m=minutes)


def shown(key: str, value: object) -> str:
    """A setting's value as staff read it."""
    if key == "text_size":
        return texts.TEXT_SIZES[str(value)]
    if key == "voice_region":
        return texts.VOICES[str(value)]
    if key == "speech_rate":
        return texts.RATE.format(rate=value)
    if key == "volume":
        return texts.VOLUME.format(percent=round(float(value) * 100))  # type: ignore[arg-type]
    if key == "idle_warning_s":
        return texts.AFTER.format(duration=duration(value))  # type: ignore[arg-type]
    if key == "idle_grace_s":
        return duration(value)  # type: ignore[arg-type]
    return str(value) or texts.NOT_SET


class SettingsPage:
    def __init__(self, host: StaffPanel, look: Look, services: StaffServices) -> None:
        self._host = host
        self._look = look
        self._services = services
        self._pending: float = 0

    def open(self) -> None:
        settings = self._services.settings()
        widgets: list[QWidget] = []
        notice = self._services.settings_notice()
        if notice:
            widgets.append(self._host.banner(notice, "error"))
        widgets.append(label(texts.SETTINGS_INTRO, "instruction"))
        for key, name in texts.SETTING_NAMES.items():
            row = WrapButton(texts.SETTING_LINE.format(name=name, value=self._current(key, settings)), "tile",
                             self._look.main_target, lambda k=key: self._edit(k), f"setting:{key}")
            widgets.append(row)
            if key == "voice_region" and self._services.voice is not None:  # the voice itself: «Thu giọng đọc»
                widgets.append(self._host.recording.entry())
        self._host.show_widgets(widgets)

    @staticmethod
    def _current(key: str, settings: Settings) -> str:
        if key == "commune":
            province = find_province(settings.province) if settings.province else None
            place = province.title if province else settings.province
            return texts.PLACE.format(commune=settings.commune, province=place) if settings.commune else texts.NOT_SET
        return shown(key, getattr(settings, key))

    def _edit(self, key: str) -> None:
        settings = self._services.settings()
        editors: dict[str, Callable[[], None]] = {
            "text_size": lambda: self._choices(key, ("normal", "large")),
            "voice_region": lambda: self._choices(key, REGIONS),
            "idle_warning_s": lambda: self._choices(key, IDLE_WARNING_CHOICES),
            "idle_grace_s": lambda: self._choices(key, IDLE_GRACE_CHOICES),
            "speech_rate": lambda: self._stepper(key, RATE_STEPS, settings.speech_rate, texts.SLOWER, texts.FASTER),
            "volume": lambda: self._stepper(key, VOLUME_STEPS, settings.volume, texts.QUIETER, texts.LOUDER),
            "kiosk_name": self._name,
            "commune": self._province,
        }
        editors[key]()

    # --- editors ---------------------------------------------------------------------------
    def _choices(self, key: str, values: Sequence[object]) -> None:
        current = getattr(self._services.settings(), key)
        widgets: list[QWidget] = [label(texts.PICK_VALUE.format(name=texts.SETTING_NAMES[key].lower()), "instruction")]
        for value in values:
            words = shown(key, value)
            role = "primary" if value == current else "tile"
            widgets.append(WrapButton(texts.CURRENT.format(value=words) if value == current else words, role,
                                      self._look.main_target, lambda v=value: self._ask(key, v), f"choice:{value}"))
        widgets.append(self._back())
        self._host.show_widgets(widgets)

    def _stepper(self, key: str, steps: Sequence[float], current: float, less: str, more: str) -> None:
        self._pending = min(steps, key=lambda step: abs(step - current))
        value = label(texts.CURRENT.format(value=shown(key, self._pending)) if self._pending == current
                      else shown(key, self._pending), "huge")
        value.setObjectName("setting:pending")

        def step(direction: int) -> None:
            index = max(0, min(len(steps) - 1, steps.index(self._pending) + direction))
            self._pending = steps[index]
            value.setText(shown(key, self._pending))

        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(30)
        buttons.addWidget(WrapButton(less, "secondary", self._look.main_target, lambda: step(-1), "step:less"))
        buttons.addWidget(WrapButton(more, "secondary", self._look.main_target, lambda: step(1), "step:more"))
        save = WrapButton(texts.SAVE, "primary", self._look.main_target, lambda: self._ask(key, self._pending), "step:save")
        self._host.show_widgets([label(texts.SETTING_NAMES[key], "instruction"), value, row, save, self._back()])

    def _name(self) -> None:
        self._host.show_page(TextEntry(self._look, texts.TYPE_NAME, self._services.settings().kiosk_name,
                                       self._name_typed, self.open), wide=True)

    def _name_typed(self, name: str) -> None:
        if name:
            self._ask("kiosk_name", name)
        else:
            self._host.show_widgets([self._host.banner(texts.EMPTY_NAME, "error"), self._back()])

    def _province(self) -> None:
        options = {p.option: p for p in provinces()}
        self._host.show_page(PlaceList(self._look, texts.PICK_PROVINCE, tuple(options),
                                       lambda option: self._communes(options[option].name), self.open), wide=True)

    def _communes(self, province_name: str) -> None:
        province = find_province(province_name)
        assert province is not None
        self._host.show_page(PlaceList(self._look, texts.PICK_COMMUNE.format(province=province.title),
                                       province.communes, lambda commune: self._ask_place(province.name, commune),
                                       self.open), wide=True)

    # --- asking and applying ---------------------------------------------------------------
    def _ask(self, key: str, value: object) -> None:
        name = texts.SETTING_NAMES[key].lower()
        old = self._current(key, self._services.settings())
        question = texts.CHANGE_CONFIRM.format(name=name, old=old, new=shown(key, value))
        self._host.confirm(question, lambda: self._apply({key: value}, texts.CHANGED.format(name=name, new=shown(key, value))))

    def _ask_place(self, province_name: str, commune: str) -> None:
        province = find_province(province_name)
        assert province is not None
        words = {"commune": commune, "province": province.title}
        self._host.confirm(texts.COMMUNE_CONFIRM.format(**words),
                           lambda: self._apply({"province": province.title, "commune": commune},
                                               texts.COMMUNE_DONE.format(**words)))

    def _apply(self, changes: dict[str, object], done: str) -> None:
        try:
            for key, value in changes.items():
                self._services.change_setting(key, value)
        except (OSError, ValueError):
            log.exception("staff setting not saved: %s", changes)
            self._finish(texts.NOT_CHANGED, "error")
            return
        speaker = self._services.speaker
        if speaker is not None and any(key in SPOKEN for key in changes):
            speaker.speak(texts.SAMPLE_SPEECH)
        self._finish(done, "success")

    def _finish(self, text: str, kind: str) -> None:
        self._host.show_widgets([self._host.banner(text, kind), self._back()])

    def _back(self) -> WrapButton:
        return WrapButton(texts.BACK_TO_SETTINGS, "secondary", self._look.main_target, self.open, "settings:back")
