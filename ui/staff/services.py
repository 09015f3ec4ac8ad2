"""What staff mode may ask of the rest of the kiosk, built by the composition root."""
from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.bundles import PackStore
from kiosk.settings import Settings
from kiosk.staff_figures import PeriodFigures
from kiosk.staff_pin import StaffAuth
from voice.audio_source import AudioSource
from voice.doctor import Check
from voice.recognizer import Recognizer
from voice.speaker import Speaker

if TYPE_CHECKING:
    from kiosk.help_desk import HelpAlert
    from kiosk.voice_studio import VoiceStudio


@dataclass(frozen=True)
class StaffServices:
    auth: StaffAuth
    figures: Callable[[], Sequence[PeriodFigures]]
    lesson_title: Callable[[str], str]
    end_session: Callable[[], None]  # the citizen's session ends, the kiosk shows attract
    pack_store: Callable[[], PackStore]
    find_bundles: Callable[[], Sequence[Path]]
    device_checks: Callable[[], Sequence[Check]]
    settings: Callable[[], Settings]  # what the kiosk runs with now
    change_setting: Callable[[str, object], Settings]  # store and apply one staff change; ValueError/OSError
    settings_notice: Callable[[], str] = lambda: ""  # e.g. the overrides file was broken and ignored
    store_notice: Callable[[], str] = lambda: ""  # progress could not be written (disk full, read-only), in Vietnamese
    set_aside_notice: Callable[[], str] = lambda: ""  # damaged database files set aside, until acknowledged
    acknowledge_set_aside: Callable[[], None] = lambda: None  # staff pressed "Đã biết": not told again
    packs_notice: Callable[[], str] = lambda: ""  # lesson packs that failed to load, with the validator's words
    packs_changed: Callable[[], None] = lambda: None  # after an install or rollback: load the new lessons
    report_periods: Callable[[], Sequence[tuple[datetime.date, datetime.date]]] = lambda: ()  # this month, last month
    export_report: Callable[[datetime.date, datetime.date], Sequence[Path]] = lambda first, last: ()  # UsbExportError
    roll_up_line: Callable[[], str] = lambda: ""  # where sending the figures to the province stands
    speaker: Speaker | None = None  # None: the kiosk runs without speech
    microphone: Callable[[], AudioSource | None] = lambda: None  # opens the microphone, None if there is none
    recognizer: Recognizer | None = None
    opened: Callable[[], None] = lambda: None  # e.g. pause the citizen idle clock
    closed: Callable[[], None] = lambda: None
    voice: VoiceStudio | None = None  # «Thu giọng đọc»; None: this kiosk cannot record
    install_voice: Callable[[Path], object | None] = lambda path: None  # a voice bundle (None: not one; UpdateError)
    help_request: Callable[[], HelpAlert | None] = lambda: None  # a citizen's "Gọi cán bộ hỗ trợ" not yet closed
    answer_help: Callable[[str], None] = lambda outcome: None  # "coming" (Cán bộ đang đến) or "helped" (Đã hỗ trợ)
    help_notice: Callable[[], str] = lambda: ""  # help_command failed (kiosk.help_alarm), in Vietnamese
