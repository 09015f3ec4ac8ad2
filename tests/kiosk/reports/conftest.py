"""Fixtures for the report tests; the data and what to expect are in report_kit.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from report_kit import FIRST, LAST, NOW, PLACE, add_rollups, at, visit

from content.model import Pack
from kiosk.progress import ProgressStore
from kiosk.reports.catalogue import catalogue_from_packs
from kiosk.reports.model import Report
from kiosk.reports.query import build_report
from kiosk.settings import Settings


@pytest.fixture
def place_settings(settings: Settings) -> Settings:
    return Settings(data_dir=settings.data_dir, **PLACE)


@pytest.fixture
def november(store: ProgressStore) -> ProgressStore:
    # 00:30 on 1 November is 17:30 UTC on 31 October: it belongs to November here.
    visit(store, at(1, 0, 30), 10, {"nhan-ma-otp": 8})
    visit(store, at(2, 9), 12, {"nhan-ma-otp": 6}, wrong=(("nhan-ma-otp", "open-notice", 2),) * 2)
    visit(store, at(2, 14), 20, {"vneid-dang-nhap": None}, wrong=(("vneid-dang-nhap", "type-cccd", 1),))
    visit(store, at(10, 10), None, {"cham-vuot-go-chu": 4})  # still going: no session length
    visit(store, at(31, 23, 30, month=10), 5, {"an-toan-tro-ly-ai": 3})  # October, local time
    visit(store, at(1, 0, 10, month=12), 5, {"an-toan-tro-ly-ai": 3})  # December
    add_rollups(store, [
        ("2026-11-05", "nhan-ma-otp", "open-notice", "wrong", 5),
        ("2026-11-05", "nhan-ma-otp", "open-notice", "correct", 9),
        ("2026-11-06", "an-toan-tro-ly-ai", "old-step", "wrong", 1),
        ("2026-10-31", "nhan-ma-otp", "open-notice", "wrong", 100),
        ("2026-12-01", "nhan-ma-otp", "open-notice", "wrong", 100),
    ])
    return store


@pytest.fixture
def report(november: ProgressStore, core_pack: Pack, place_settings: Settings) -> Report:
    return build_report(november.db, catalogue_from_packs([core_pack]), place_settings, FIRST, LAST, NOW)


@pytest.fixture
def empty_report(store: ProgressStore, core_pack: Pack, place_settings: Settings) -> Report:
    return build_report(store.db, catalogue_from_packs([core_pack]), place_settings, FIRST, LAST, NOW)


@pytest.fixture
def db_file(november: ProgressStore) -> Path:
    assert november.path is not None
    return november.path
