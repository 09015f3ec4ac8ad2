"""xAPI test fixtures: a kiosk in a named commune whose progress makes statements, and a
real Ralph LRS for the session (skipped when not installed, a failure when CI is set)."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from lrs_helpers import Ralph, ralph_missing

from content.model import Pack
from kiosk.progress import ProgressStore
from kiosk.settings import Settings
from kiosk.xapi.statements import KioskStatements


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", screen_dpi=96.0, kiosk_id="kiosk-07", commune="Xã Tân Phú", province="Tỉnh Đồng Nai",
        confidence_questions=False,
    )


@pytest.fixture
def maker(settings: Settings, core_pack: Pack) -> KioskStatements:
    return KioskStatements(lambda: settings, lambda: [core_pack])


@pytest.fixture
def xapi_store(store: ProgressStore, maker: KioskStatements) -> ProgressStore:
    store.statements = maker
    return store


@pytest.fixture(scope="session")
def ralph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ralph]:
    reason = ralph_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run the LRS integration tests")
        pytest.skip(reason)
    server = Ralph(tmp_path_factory.mktemp("ralph"))
    server.start()
    yield server
    server.stop()
