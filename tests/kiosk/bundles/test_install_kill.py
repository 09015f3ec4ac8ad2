"""SIGKILL the installer at every file operation: the kiosk always starts with the old or
the new pack, never a broken one, and the next install still works."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from kill_harness import NEW, OLD, check, fresh_root, prepare, run_child, scratch_dir

MIN_POINTS = 50


@pytest.fixture
def scratch() -> Iterator[Path]:
    path = scratch_dir()
    yield path
    shutil.rmtree(path)


def test_install_killed_at_every_file_operation(scratch: Path) -> None:
    tmp_path = scratch
    scenario = prepare(tmp_path)
    code, total = run_child(scenario, fresh_root(scenario, tmp_path / "count"), kill_at=0)
    assert code == 0 and check(scenario, tmp_path / "count") == NEW
    assert total >= MIN_POINTS, f"only {total} file operations to kill at"

    def kill_at(point: int) -> int:
        root = fresh_root(scenario, tmp_path / f"run-{point}")
        code, _ = run_child(scenario, root, kill_at=point)
        assert code == -9, f"child was not killed at operation {point}"
        version = check(scenario, root)
        shutil.rmtree(root)
        return version

    with ThreadPoolExecutor(max_workers=2) as pool:
        versions = list(pool.map(kill_at, range(1, total + 1)))
    assert versions.count(OLD) > 0 and versions.count(NEW) > 0
    assert versions == sorted(versions), "once the new pack is active, a later kill never brings back the old"


def test_kill_harness_detects_a_broken_start(tmp_path: Path) -> None:
    """The check fails when the active slot is damaged (so the kill test can fail)."""
    scenario = prepare(tmp_path, media_files=0)
    root = fresh_root(scenario, tmp_path / "run")
    for slot in ("slot-a", "slot-b"):
        (root / slot / "pack" / "pack.yaml").write_text("id: core\nversion: 1\n")
    with pytest.raises(AssertionError, match="no installed pack"):
        check(scenario, root)
