"""Test-wide setup: Qt renders offscreen (set before anything imports Qt), and every test
gets its own data and config directories so nothing touches the developer's real files."""
from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR", "1")

import random  # noqa: E402
import subprocess  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from content.loader import BUILTIN_PACKS, load_pack  # noqa: E402
from content.model import Pack  # noqa: E402
from kiosk.clock import ManualClock  # noqa: E402
from kiosk.flow import Kiosk  # noqa: E402
from kiosk.progress import ProgressStore  # noqa: E402
from kiosk.settings import Settings  # noqa: E402

TmpfsMount = Callable[..., Path]


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOCVUSO_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("HOCVUSO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HOCVUSO_DB", raising=False)


@pytest.fixture(scope="session")
def core_pack() -> Pack:
    result = load_pack(BUILTIN_PACKS / "core")
    assert result.pack is not None, result.problems
    return result.pack


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A kiosk whose visits start on the topics, as with `intake_at_start = false` (the intake's
    own tests, tests/kiosk/test_intake_flow.py and tests/ui/test_intake_by_touch.py, turn it on),
    and whose lessons open at once, as with `confidence_questions = false` (tests of the
    confidence questions turn them on)."""
    return Settings(data_dir=tmp_path / "data", screen_dpi=96.0, intake_at_start=False, confidence_questions=False)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def store(settings: Settings):
    store = ProgressStore.open(settings.database)
    yield store
    store.close()


@pytest.fixture
def kiosk(core_pack: Pack, store: ProgressStore, settings: Settings, clock: ManualClock) -> Kiosk:
    return Kiosk([core_pack], store, settings, clock, random.Random(7))


@pytest.fixture
def tmpfs_mount(tmp_path: Path) -> Iterator[TmpfsMount]:
    """tmpfs_mount("STICK", size="4m", read_only=False) -> a real small file system (tmpfs) at
    tmp_path/media/STICK: a USB stick under a mount root, or a disk a test fills up.
    Mounting needs root (as CI runs); the test skips otherwise."""
    mounted: list[Path] = []

    def _mount(name: str, size: str = "4m", read_only: bool = False) -> Path:
        point = tmp_path / "media" / name
        point.mkdir(parents=True)
        options = f"size={size},mode=0777" + (",ro" if read_only else "")
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)], capture_output=True, text=True, check=False)
        if result.returncode:
            pytest.skip(f"cannot mount a tmpfs as a stand-in USB stick (needs root): {result.stderr.strip()}")
        mounted.append(point)
        return point

    yield _mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True, check=False)
