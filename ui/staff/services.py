"""What staff mode may ask of the rest of the kiosk, built by the composition root."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.bundles import PackStore
from kiosk.staff_figures import PeriodFigures
from kiosk.staff_pin import StaffAuth
from voice.doctor import Check


@dataclass(frozen=True)
class StaffServices:
    auth: StaffAuth
    figures: Callable[[], Sequence[PeriodFigures]]
    lesson_title: Callable[[str], str]
    end_session: Callable[[], None]  # the citizen's session ends, the kiosk shows attract
    pack_store: Callable[[], PackStore]
    find_bundles: Callable[[], Sequence[Path]]
    device_checks: Callable[[], Sequence[Check]]
    opened: Callable[[], None] = lambda: None  # e.g. pause the citizen idle clock
    closed: Callable[[], None] = lambda: None
