"""The app builds as a wheel without warnings a newcomer would see from `tools/quickstart.sh`."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_builds_without_deprecation_warnings_and_states_its_license(tmp_path: Path) -> None:
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True, timeout=600, check=False)
    assert build.returncode == 0, build.stderr
    output = build.stdout + build.stderr
    assert "BuildBackendWarning" not in output and "DeprecationWarning" not in output, output  # e.g. a license table
    (wheel,) = tmp_path.glob("hocvuso-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: MIT" in metadata.splitlines()
